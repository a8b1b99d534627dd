// A rollback must not need free space. Before the first write, each file the plan may replace gets a
// second name beside it (a hard link: no data is copied, no block is taken), so its original bytes stay
// on disk whatever replaces it — writeFileAtomic and postconf rename a new file over the path. A rollback
// renames that second name back over the path, which needs no space either. The backup's copy is still
// there for what cannot come back that way (a file changed in place, a file system that refuses links).
import { createHash } from 'node:crypto';
import type { System } from '../system/types.js';

/** Beside the file, hidden, named after the backup that keeps it (two backups never share one). */
export function asideName(path: string, backupId: string): string {
  const cut = path.lastIndexOf('/');
  return `${path.slice(0, cut)}/.${path.slice(cut + 1)}.pgw-${backupId}`;
}

interface AsideEntry {
  path: string;
  existed: boolean;
  mode?: number;
  sha256?: string;
  /** A second name was made (the name itself is always asideName: never read from a manifest). */
  aside?: boolean;
}

/** Gives each existing file a second name; where the file system refuses, that file comes back from the copy. */
export async function keepAside(sys: System, entries: AsideEntry[], backupId: string): Promise<void> {
  for (const entry of entries) {
    if (!entry.existed) continue;
    const aside = asideName(entry.path, backupId);
    await sys.removeFile(aside); // one a killed run of this same id left
    if (await sys.linkFile(entry.path, aside)) entry.aside = true;
  }
}

/**
 * The path as the backup says, by renaming its second name back (and its mode, which a chmod on the
 * shared file changed too); false when that name is gone or no longer holds the backed-up bytes (postmap
 * rewrites a compiled map in place): then the backup's copy is written instead.
 */
export async function putAsideBack(sys: System, entry: AsideEntry, backupId: string): Promise<boolean> {
  if (!entry.aside || entry.mode === undefined) return false;
  const aside = asideName(entry.path, backupId);
  const bytes = await sys.readBytes(aside);
  if (!bytes || createHash('sha256').update(bytes).digest('hex') !== entry.sha256) return false;
  await sys.renameFile(aside, entry.path);
  const info = await sys.fileInfo(entry.path);
  if (info && info.mode !== entry.mode) await sys.chmod(entry.path, entry.mode & 0o7777);
  return true;
}

/** The second names taken away: after a change that completed, or once a rollback has put everything back. */
export async function dropAsides(sys: System, entries: readonly AsideEntry[], backupId: string): Promise<void> {
  for (const entry of entries) if (entry.aside) await sys.removeFile(asideName(entry.path, backupId));
}

/**
 * postmap rewrites a compiled map in its own inode, which would change the second name's bytes too: the
 * path is unlinked first (the original lives on under its second name) so that postmap makes a new file.
 */
export async function detachBeforeRewrite(
  sys: System,
  entries: readonly AsideEntry[],
  paths: readonly string[],
): Promise<void> {
  for (const entry of entries) if (entry.aside && paths.includes(entry.path)) await sys.removeFile(entry.path);
}
