// macOS: the Postfix that ships with the system, started on demand by launchd
// (org.postfix.master). Nothing to install; no os-release, a version plist instead.
import type { DistroFamily } from './family.js';
import type { OsRelease } from './os-release.js';

export const macos: DistroFamily = {
  name: 'macos',
  ids: ['macos'],
  postfixPackage: 'postfix',
  saslPackages: [],
  saslPluginDirs: ['/usr/lib/sasl2'],
  caBundles: ['/etc/ssl/cert.pem'],
  logFiles: ['/var/log/mail.log'],
};

export const systemVersionPlist = '/System/Library/CoreServices/SystemVersion.plist';

/** SystemVersion.plist → the os-release fields the wizard uses. */
export function parseSystemVersion(plist: string): OsRelease | undefined {
  const value = (key: string) => new RegExp(`<key>${key}</key>\\s*<string>([^<]*)</string>`).exec(plist)?.[1];
  const version = value('ProductUserVisibleVersion') ?? value('ProductVersion');
  if (!version) return undefined;
  return { id: 'macos', idLike: [], versionId: version, prettyName: `${value('ProductName') ?? 'macOS'} ${version}` };
}
