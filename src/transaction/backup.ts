// Backups: before the first change, every file the plan touches is copied
// into <backupDir>/<id>/ (0700) with a manifest of path, mode, owner and
// checksum — or the fact that it did not exist. Copies are 0600 whatever the
// original mode: a backup never makes the password readable to others.
// Only the newest `keptBackups` are kept (pruneBackups, after each change).
import { basename } from 'node:path';
import { codedError } from '../errors.js';
import type { DirProblem, System } from '../system/types.js';
import { dropAsides, keepAside, putAsideBack } from './aside.js';
import { backupRefusal, checkBackup, sha256, type BackupTrust } from './backup-check.js';

export interface BackupEntry {
  path: string;
  existed: boolean;
  mode?: number;
  uid?: number;
  gid?: number;
  sha256?: string;
  /** File name of the copy inside the backup folder. */
  copy?: string;
  /** The original also has a second name beside it (aside.ts), so a rollback can rename it back. */
  aside?: boolean;
}

export interface Backup {
  id: string;
  dir: string;
  createdAt: string;
  reason: string;
  entries: BackupEntry[];
}

const manifestName = 'manifest.json';
const backupIdPattern = /^[0-9]{8}T[0-9]{9}Z$/;

export function backupId(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.(\d{3})Z$/, '$1Z');
}

/** The instant an id names (20261128T090000123Z → its Date). */
function idTime(id: string): number {
  return Date.parse(id.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)(\d{3})Z$/, '$1-$2-$3T$4:$5:$6.$7Z'));
}

/**
 * A checkpoint id that never collides and always sorts last: the clock's millisecond, or one past the
 * newest backup's when two runs meet in one millisecond or the clock went back (pruning keeps the newest
 * by sorting ids, so an id sorting before an older one would get the newest backup pruned).
 */
export async function nextBackupId(sys: System, backupRoot: string): Promise<string> {
  const newest = (await sys.listDir(backupRoot).catch(() => [] as string[]))
    .filter((id) => backupIdPattern.test(id))
    .sort()
    .at(-1);
  const after = newest === undefined ? -Infinity : idTime(newest) + 1;
  return backupId(new Date(Math.max(sys.now().getTime(), after)));
}

export async function createBackup(
  sys: System,
  backupRoot: string,
  paths: readonly string[],
  reason: string,
  options: { aside?: boolean } = {},
): Promise<Backup> {
  await sys.ensurePrivateDir(backupRoot);
  const id = await nextBackupId(sys, backupRoot);
  const dir = `${backupRoot}/${id}`;
  await sys.mkdirp(dir, 0o700);
  const entries: BackupEntry[] = [];
  try {
    for (const [index, path] of [...new Set(paths)].entries()) {
      const [bytes, info] = await Promise.all([sys.readBytes(path), sys.fileInfo(path)]);
      if (!bytes || !info) {
        entries.push({ path, existed: false });
        continue;
      }
      // The wizard never writes an executable or setuid file, so it never backs one up (a rollback could not restore it).
      if ((info.mode & 0o7111) !== 0)
        throw new Error(
          `${path} has mode ${info.mode.toString(8)} (executable or setuid): not a file the wizard changes`,
        );
      const copy = `${index}-${basename(path)}`;
      await sys.writeFileAtomic(`${dir}/${copy}`, bytes, { mode: 0o600 });
      entries.push({ path, existed: true, mode: info.mode, uid: info.uid, gid: info.gid, sha256: sha256(bytes), copy });
    }
    // Before the manifest: a run killed after this point leaves second names that the manifest lists.
    if (options.aside) await keepAside(sys, entries, id);
    const backup: Backup = { id, dir, createdAt: sys.now().toISOString(), reason, entries };
    await sys.writeFileAtomic(`${dir}/${manifestName}`, `${JSON.stringify(backup, null, 2)}\n`, { mode: 0o600 });
    return backup;
  } catch (error) {
    // A backup that could not be finished (EIO, a full disk) has no manifest: it can never be restored,
    // and its copies may hold the password. It goes, with the second names made for it.
    await dropAsides(sys, entries, id).catch(() => undefined);
    await sys.removeTree(dir).catch(() => undefined);
    throw error;
  }
}

/**
 * Put every file back byte for byte (mode and owner too); remove those that did not exist. The whole
 * backup is checked first (backup-check.ts: managed paths under `trust`, checksums, no setuid or x bit).
 * It must work on a full file system: what the change added is taken out first (that frees space),
 * and a file that is still as it was is left alone (no write needed) — a changed one is renamed back
 * from its second name (aside.ts: no space needed) or, where that name is gone, rewritten from the copy.
 */
export async function restoreBackup(sys: System, backup: Backup, trust: BackupTrust): Promise<void> {
  const { problem, copies } = await checkBackup(sys, backup, trust);
  if (problem) throw backupRefusal(backup, problem);
  for (const entry of backup.entries) if (!entry.existed || !copies.get(entry.path)) await sys.removeFile(entry.path);
  for (const entry of backup.entries) {
    const bytes = copies.get(entry.path);
    if (!entry.existed || !bytes || (await isAsBackedUp(sys, entry))) continue;
    if ((await putAsideBack(sys, entry, backup.id)) && (await isAsBackedUp(sys, entry))) continue;
    await sys.writeFileAtomic(entry.path, bytes, { mode: entry.mode ?? 0o600, uid: entry.uid, gid: entry.gid });
  }
  await dropAsides(sys, backup.entries, backup.id);
}

/** The file is there with the backed-up bytes, mode and owner (or, for one that did not exist, absent). */
async function isAsBackedUp(sys: System, entry: BackupEntry): Promise<boolean> {
  const [bytes, info] = await Promise.all([sys.readBytes(entry.path), sys.fileInfo(entry.path)]);
  if (!entry.existed) return !bytes && !info;
  return (
    !!bytes &&
    !!info &&
    sha256(bytes) === entry.sha256 &&
    info.mode === entry.mode &&
    (entry.uid === undefined || info.uid === entry.uid) &&
    (entry.gid === undefined || info.gid === entry.gid)
  );
}

/**
 * After a rollback: the first path that is not as the backup says (or a leftover that is still there), or
 * undefined — only then may a person be told the change was rolled back.
 */
export async function differsFromBackup(
  sys: System,
  backup: Backup,
  leftovers: readonly string[] = [],
): Promise<string | undefined> {
  for (const entry of backup.entries) if (!(await isAsBackedUp(sys, entry))) return entry.path;
  for (const path of leftovers) if (await sys.fileInfo(path)) return path;
  return undefined;
}

/** How many backups are kept: older ones are deleted after each change. */
export const keptBackups = 10;

export async function pruneBackups(sys: System, backupRoot: string, keep: number): Promise<string[]> {
  const ids = (await sys.listDir(backupRoot)).filter((id) => backupIdPattern.test(id)).sort();
  const old = ids.slice(0, Math.max(0, ids.length - keep));
  for (const id of old) await sys.removeTree(`${backupRoot}/${id}`);
  return old;
}

/** A backup root another user could change may hold a manifest they wrote: nothing in it is read. */
async function requireTrustedRoot(sys: System, backupRoot: string): Promise<void> {
  const unsafe = await sys.unsafeDir(backupRoot);
  if (!unsafe) return;
  throw codedError('unsafe-path', { dir: backupRoot, path: unsafe.path, problem: unsafe.problem satisfies DirProblem });
}

export async function listBackups(sys: System, backupRoot: string): Promise<Backup[]> {
  await requireTrustedRoot(sys, backupRoot);
  const ids = await sys.listDir(backupRoot);
  const backups = await Promise.all(ids.map((id) => readTrustedBackup(sys, backupRoot, id)));
  return backups.filter((b): b is Backup => b !== undefined).sort((a, b) => a.id.localeCompare(b.id));
}

export async function readBackup(sys: System, backupRoot: string, id: string): Promise<Backup | undefined> {
  await requireTrustedRoot(sys, backupRoot);
  return readTrustedBackup(sys, backupRoot, id);
}

async function readTrustedBackup(sys: System, backupRoot: string, id: string): Promise<Backup | undefined> {
  if (!backupIdPattern.test(id)) return undefined;
  const text = await sys.readFile(`${backupRoot}/${id}/${manifestName}`);
  if (!text) return undefined;
  try {
    const backup = JSON.parse(text) as Backup;
    return Array.isArray(backup.entries) ? { ...backup, id, dir: `${backupRoot}/${id}` } : undefined;
  } catch {
    return undefined; // a torn or damaged manifest: not a backup that can be restored
  }
}
