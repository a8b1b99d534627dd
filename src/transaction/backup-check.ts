// What a backup may put back. A manifest is data read from disk: before
// anything is written, every path in it must be a file the wizard writes,
// every copy must match its checksum, and no mode may carry setuid/setgid or
// an x bit — else a planted manifest would make root overwrite /etc/shadow,
// a post-install script Postfix runs, or leave a setuid file behind.
// restoreBackup runs this check itself, so no caller can skip it.
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { codedError, type WizardError } from '../errors.js';
import { allScheduleFiles } from '../distro/schedule.js';
import { everyCompiledForm } from '../postfix/maps.js';
import { mainCfValue } from '../postfix/networks.js';
import { postconfArgs, parsePostconf } from '../postfix/postconf.js';
import { mapList } from '../postfix/tls-policy.js';
import type { System } from '../system/types.js';
import { tokenDirName, xoauth2ConfigPath } from '../postfix/xoauth2-files.js';
import {
  consentRecordPath,
  genericMapPath,
  passwordMapPath,
  savedSettingsPath,
  senderRelayMapPath,
} from '../postfix/wizard-files.js';

/** The parts of a backup (backup.ts) the check reads. */
interface CheckedBackup {
  id: string;
  dir: string;
  entries: readonly { path: string; existed: boolean; mode?: number; sha256?: string; copy?: string }[];
}

/** What a restore trusts: the config dir it restores into, and paths the caller knows the wizard touched (the aliases file it edits, a plan's own files). */
export interface BackupTrust {
  configDir: string;
  extra?: readonly string[];
}

export type BackupProblem =
  | { code: 'unmanaged-path'; path: string }
  | { code: 'setuid'; path: string; mode: number }
  | { code: 'executable'; path: string; mode: number }
  | { code: 'damaged'; path: string; copy: string };

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const dirOf = (configDir: string) => posix.normalize(configDir).replace(/\/+$/, '');

/** The files the wizard itself writes in a config dir: main.cf, master.cf, its maps in every compiled form, its saved-values file. */
export function wizardFiles(configDir: string): string[] {
  const dir = { configDir: dirOf(configDir) };
  // sender_relay too: a backup taken before `remove --account` holds it, and restore must put it back.
  const maps = [passwordMapPath(dir), genericMapPath(dir), senderRelayMapPath(dir)];
  return [
    `${dir.configDir}/main.cf`,
    `${dir.configDir}/master.cf`,
    ...maps.flatMap((m) => [m, ...everyCompiledForm(m)]),
    savedSettingsPath(dir),
    consentRecordPath(dir),
  ];
}

/** The maps whose entries the wizard edits (a password map it supersedes, a TLS policy entry, the aliases file). */
const editedMapParameters = [
  'smtp_sasl_password_maps',
  'smtp_tls_policy_maps',
  'smtp_tls_per_site',
  'smtp_generic_maps',
  'alias_maps',
] as const;

/** The source files of the maps `value` names (`hash:/etc/aliases` → /etc/aliases); `$config_directory` expanded, nothing else. */
export function namedMaps(value: string, configDir: string): string[] {
  const files: string[] = [];
  for (const ref of mapList(value)) {
    const path = /^[a-z0-9]+:(.+)$/
      .exec(ref)?.[1]
      ?.replace(/^\$(\{config_directory\}|config_directory)(?=\/)/, dirOf(configDir));
    if (path?.startsWith('/') && posix.normalize(path) === path) files.push(path);
  }
  return files;
}

/** Those files and their compiled forms. */
export function namedMapFiles(value: string, configDir: string): string[] {
  return namedMaps(value, configDir).flatMap((path) => [path, ...everyCompiledForm(path)]);
}

/** The wizard's own files in the config dir, the paths named, Gentoo's package.use (file or folder). */
export function isManagedPath(path: string, configDir: string, extra: readonly string[] = []): boolean {
  if (!path.startsWith('/') || posix.normalize(path) !== path || path.endsWith('/')) return false;
  if (wizardFiles(configDir).includes(path) || extra.includes(path)) return true;
  if (allScheduleFiles.includes(path)) return true; // the scheduled check's unit or cron.d file (setup --monitor)
  return /^\/etc\/portage\/package\.use(\/[^/]+)?$/.test(path);
}

/** The copies of a backup, read and checked whole; the first problem found, before anything is written. */
export async function checkBackup(
  sys: System,
  backup: CheckedBackup,
  trust: BackupTrust,
): Promise<{ problem?: BackupProblem; copies: Map<string, Buffer> }> {
  const copies = new Map<string, Buffer>();
  const problems = new Map<string, BackupProblem>();
  for (const entry of backup.entries.filter((e) => e.existed)) {
    const mode = entry.mode;
    if (mode === undefined || (mode & 0o7000) !== 0 || mode > 0o7777)
      problems.set(entry.path, { code: 'setuid', path: entry.path, mode: mode ?? -1 });
    else if ((mode & 0o111) !== 0) problems.set(entry.path, { code: 'executable', path: entry.path, mode });
    const copy = entry.copy ?? '';
    const bytes = /^[0-9]+-[^/]+$/.test(copy) ? await sys.readBytes(`${backup.dir}/${copy}`) : undefined;
    if (!bytes || !entry.sha256 || sha256(bytes) !== entry.sha256)
      problems.set(
        entry.path,
        problems.get(entry.path) ?? { code: 'damaged', path: entry.path, copy: `${backup.dir}/${copy}` },
      );
    else copies.set(entry.path, bytes);
  }
  const managed = await managedPaths(sys, trust, copies);
  for (const entry of backup.entries) {
    if (!(await managed(entry.path))) return { problem: { code: 'unmanaged-path', path: entry.path }, copies };
    const problem = problems.get(entry.path);
    if (problem) return { problem, copies };
  }
  return { copies };
}

/**
 * Besides the fixed ones: the maps the backup's own (checked) main.cf names inside the config dir — the
 * state it goes back to — and, asked of postconf only when needed, those the current main.cf names anywhere.
 */
async function managedPaths(
  sys: System,
  trust: BackupTrust,
  copies: ReadonlyMap<string, Buffer>,
): Promise<(path: string) => Promise<boolean>> {
  const dir = dirOf(trust.configDir);
  const saved = copies.get(`${dir}/main.cf`)?.toString('utf8') ?? '';
  const fromBackup = editedMapParameters
    .flatMap((name) => namedMapFiles(mainCfValue(saved, name) ?? '', dir))
    .filter((p) => p.startsWith(`${dir}/`));
  const extra = [...(trust.extra ?? []), ...fromBackup];
  let current: string[] | undefined;
  let queue = '';
  return async (path) => {
    if (isManagedPath(path, dir, extra) || path === xoauth2ConfigPath) return true;
    if (!current) {
      const result = await sys.exec('postconf', postconfArgs(dir, ...editedMapParameters, 'queue_directory'));
      const settings = result.exitCode === 0 ? parsePostconf(result.stdout) : {};
      current = editedMapParameters.flatMap((name) => namedMapFiles(settings[name] ?? '', dir));
      queue = (settings.queue_directory ?? '').replace(/\/+$/, '');
    }
    return current.includes(path) || (queue !== '' && isOauthPath(path, queue));
  };
}

/** --auth oauth's files inside queue_directory (postfix/xoauth2-files.ts): the token files and the chroot's config copy. */
function isOauthPath(path: string, queue: string): boolean {
  if (!path.startsWith(`${queue}/`) || posix.normalize(path) !== path) return false;
  const rest = path.slice(queue.length + 1);
  return (
    rest === 'etc/sasl-xoauth2.conf' ||
    (rest.startsWith(`${tokenDirName}/`) && /^[^/]+\.json$/.test(rest.slice(tokenDirName.length + 1)))
  );
}

/** A manifest the wizard will not follow: nothing has been written yet. */
export function backupRefusal(backup: Pick<CheckedBackup, 'id' | 'dir'>, problem: BackupProblem): WizardError {
  const vars: Record<string, string | number> = { id: backup.id, dir: backup.dir, path: problem.path };
  if ('mode' in problem && problem.mode !== undefined) vars.mode = problem.mode.toString(8);
  if ('copy' in problem) vars.copy = problem.copy;
  return codedError(`backup-${problem.code}`, vars);
}
