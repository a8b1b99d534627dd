// restore across OAuth's remove: a backup's sasl-xoauth2 token file comes back as the plugin needs it —
// mail_owner's (the plugin rewrites it), 0600 — and the 0700 directory remove took out comes back first,
// owned like the file it holds.
import type { BackupEntry } from '../../transaction/backup.js';
import type { PlannedDirectory } from '../../transaction/directories.js';
import type { System } from '../../system/types.js';

export const isTokenFile = (path: string): boolean => /\/sasl-xoauth2\/[^/]+\.json$/.test(path);

/** The token directories a backup's token files need that are not there now. */
export async function tokenDirectories(
  sys: Pick<System, 'fileInfo'>,
  entries: readonly BackupEntry[],
): Promise<PlannedDirectory[]> {
  const dirs = new Map<string, PlannedDirectory>();
  for (const entry of entries.filter((e) => e.existed && isTokenFile(e.path))) {
    const path = entry.path.slice(0, entry.path.lastIndexOf('/'));
    if (dirs.has(path) || (await sys.fileInfo(path))) continue;
    dirs.set(path, { path, mode: 0o700, uid: entry.uid ?? 0, gid: entry.gid ?? 0 });
  }
  return [...dirs.values()];
}
