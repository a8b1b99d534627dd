// os-release(5): shell-style KEY=value lines, values optionally quoted.
import type { System } from '../system/types.js';

export interface OsRelease {
  id: string;
  idLike: string[];
  versionId?: string;
  prettyName?: string;
}

export function parseOsRelease(text: string): OsRelease {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (!match?.[1]) continue;
    fields[match[1]] = unquote(match[2] ?? '');
  }
  return {
    id: (fields.ID ?? 'linux').toLowerCase(),
    idLike: (fields.ID_LIKE ?? '').toLowerCase().split(/\s+/).filter(Boolean),
    versionId: fields.VERSION_ID,
    prettyName: fields.PRETTY_NAME,
  };
}

function unquote(value: string): string {
  const match = /^(["'])(.*)\1$/.exec(value);
  return match?.[2] !== undefined ? match[2].replace(/\\(["\\$`])/g, '$1') : value;
}

/** os-release from /etc, else /usr/lib (os-release(5)); on macOS, which has none, from SystemVersion.plist. */
export async function readOsRelease(sys: Pick<System, 'readFile'>): Promise<OsRelease> {
  const text = (await sys.readFile('/etc/os-release')) ?? (await sys.readFile('/usr/lib/os-release'));
  if (text !== undefined) return parseOsRelease(text);
  const plist = await sys.readFile(systemVersionPlist);
  return (plist && parseSystemVersion(plist)) || parseOsRelease('');
}

// macOS has no os-release, a version plist instead.
export const systemVersionPlist = '/System/Library/CoreServices/SystemVersion.plist';

/** SystemVersion.plist → the os-release fields the wizard uses. */
export function parseSystemVersion(plist: string): OsRelease | undefined {
  const value = (key: string) => new RegExp(`<key>${key}</key>\\s*<string>([^<]*)</string>`).exec(plist)?.[1];
  const version = value('ProductUserVisibleVersion') ?? value('ProductVersion');
  if (!version) return undefined;
  return { id: 'macos', idLike: [], versionId: version, prettyName: `${value('ProductName') ?? 'macOS'} ${version}` };
}
