// What legacy-settings.ts needs from the machine: the kind of each CA path
// main.cf names, and whether anything but smtp_sasl_password_maps still names
// a password map (another main.cf parameter, a master.cf -o or command line):
// such a file must stay, made 0600, when the wizard replaces the map.
import type { System } from '../system/types.js';
import { legacyPaths, legacySettings, type LegacySetting, type PathKind } from './legacy-settings.js';
import { postconfArgs, type Settings } from './postconf.js';

export async function readLegacySettings(sys: System, explicit: Readonly<Settings>): Promise<LegacySetting[]> {
  const pathKinds: Record<string, PathKind> = {};
  for (const path of legacyPaths(explicit)) {
    const info = await sys.fileInfo(path);
    pathKinds[path] = !info ? 'missing' : info.isDirectory ? 'directory' : 'file';
  }
  return legacySettings(explicit, { pathKinds });
}

/** `path` appears in a main.cf value other than smtp_sasl_password_maps, or anywhere in master.cf. */
export async function namedElsewhere(
  sys: System,
  configDir: string | undefined,
  explicit: Readonly<Settings>,
  path: string,
): Promise<boolean> {
  const names = new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.-])`);
  const inMain = Object.entries(explicit).some(
    ([name, value]) => name !== 'smtp_sasl_password_maps' && names.test(value),
  );
  if (inMain) return true;
  const [services, parameters] = await Promise.all([
    sys.exec('postconf', postconfArgs(configDir, '-M')),
    sys.exec('postconf', postconfArgs(configDir, '-P')),
  ]);
  return names.test(services.stdout) || names.test(parameters.stdout);
}
