// What one distribution family does differently, as data (certbot's way):
// looked up by os-release ID, then ID_LIKE, then the generic entry.
import type { OsRelease } from './os-release.js';

export interface InstallCommand {
  file: string;
  args: string[];
  env?: Record<string, string>;
}

export interface DistroFamily {
  name: string;
  /** os-release IDs that belong to this family (matched against ID, then ID_LIKE). */
  ids: string[];
  postfixPackage: string;
  /** Packages with the SASL PLAIN and LOGIN client plugins. */
  saslPackages: string[];
  /** Directories where Cyrus SASL looks for plugins (libplain.so, liblogin.so). */
  saslPluginDirs: string[];
  /** CA bundles, most usual first. */
  caBundles: string[];
  /** Where Postfix logs when syslog does (maillog_file overrides). */
  logFiles: string[];
  /** How to install packages; absent where the wizard cannot know. */
  install?(packages: string[]): InstallCommand;
}

export function familyFor(os: OsRelease, families: readonly DistroFamily[], generic: DistroFamily): DistroFamily {
  for (const id of [os.id, ...os.idLike]) {
    const family = families.find((f) => f.ids.includes(id));
    if (family) return family;
  }
  return generic;
}
