// What a backup may put back. A manifest is data read from disk: before a
// restore writes anything, every path in it must be one the wizard manages,
// every copy must match its checksum, and no mode may carry setuid/setgid —
// else a planted manifest would make root overwrite /etc/shadow or leave a
// setuid file behind.
import { posix } from 'node:path';
import type { System } from '../system/types.js';
import { sha256, type Backup } from './backup.js';

export type BackupProblem =
  | { code: 'unmanaged-path'; path: string }
  | { code: 'setuid'; path: string; mode: number }
  | { code: 'damaged'; path: string; copy: string };

/** The config dir (and below), the aliases files the wizard edits, Gentoo's package.use (file or folder). */
export function isManagedPath(path: string, configDir: string, extra: readonly string[] = []): boolean {
  if (!path.startsWith('/') || posix.normalize(path) !== path || path.endsWith('/')) return false;
  const dir = posix.normalize(configDir).replace(/\/+$/, '');
  if (path.startsWith(`${dir}/`)) return true;
  if (extra.includes(path)) return true;
  return /^\/etc\/portage\/package\.use(\/[^/]+)?$/.test(path);
}

/** The copies of a backup, read and checked whole; the first problem found, before anything is written. */
export async function checkBackup(sys: System, backup: Backup, configDir: string, extra: readonly string[] = []): Promise<{ problem?: BackupProblem; copies: Map<string, Buffer> }> {
  const copies = new Map<string, Buffer>();
  for (const entry of backup.entries) {
    if (!isManagedPath(entry.path, configDir, extra)) return { problem: { code: 'unmanaged-path', path: entry.path }, copies };
    if (!entry.existed) continue;
    if (entry.mode === undefined || (entry.mode & 0o7000) !== 0 || entry.mode > 0o7777) return { problem: { code: 'setuid', path: entry.path, mode: entry.mode ?? -1 }, copies };
    const copy = entry.copy ?? '';
    const bytes = /^[0-9]+-[^/]+$/.test(copy) ? await sys.readBytes(`${backup.dir}/${copy}`) : undefined;
    if (!bytes || !entry.sha256 || sha256(bytes) !== entry.sha256) return { problem: { code: 'damaged', path: entry.path, copy: `${backup.dir}/${copy}` }, copies };
    copies.set(entry.path, bytes);
  }
  return { copies };
}
