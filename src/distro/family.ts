// What one distribution family does differently, as data (certbot's way):
// looked up by os-release ID, then ID_LIKE, then the generic entry.
import type { CommandLine } from '../system/types.js';
import type { OsRelease } from './os-release.js';

export interface InstallCommand extends CommandLine {
  env?: Record<string, string>;
  /** Written to standard input (debconf-set-selections reads its answers there). */
  input?: string;
}

/** Who starts and stops services here; 'none' means Postfix's own `postfix start|reload`. */
export type InitSystem = 'systemd' | 'openrc' | 'sysv' | 'launchd' | 'none';

export interface DistroFamily {
  name: string;
  /** os-release IDs that belong to this family (matched against ID, then ID_LIKE). */
  ids: string[];
  /** The package manager's name for Postfix (an ebuild atom on Gentoo). */
  postfixPackage: string;
  /** Packages with the SASL PLAIN and LOGIN client plugins. */
  saslPackages: string[];
  /** Directories where Cyrus SASL looks for plugins (libplain.so, liblogin.so). */
  saslPluginDirs: string[];
  /** Map types that come as a separate plugin package (EL's postfix-lmdb), by type. */
  mapTypePackages?: Record<string, string>;
  /** CA bundles, most usual first. */
  caBundles: string[];
  /** Where Postfix logs when syslog does (maillog_file overrides). */
  logFiles: string[];
  /** How to install packages; absent where the wizard cannot know (macOS, unknown systems). */
  install?(packages: string[]): InstallCommand;
  /** Commands that must run before the install command (e.g. debconf answers). */
  beforeInstall?(packages: string[]): InstallCommand[];
}

export function familyFor(os: OsRelease, families: readonly DistroFamily[], generic: DistroFamily): DistroFamily {
  for (const id of [os.id, ...os.idLike]) {
    const family = families.find((f) => f.ids.includes(id));
    if (family) return family;
  }
  return generic;
}
