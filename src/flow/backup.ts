// Backups: before the first change, every file the plan touches is copied
// into <backupDir>/<id>/ (0700) with a manifest of path, mode, owner and
// checksum — or the fact that it did not exist. Copies are 0600 whatever the
// original mode: a backup never makes the password readable to others.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { System } from '../system/types.js';

export interface BackupEntry {
  path: string;
  existed: boolean;
  mode?: number;
  uid?: number;
  gid?: number;
  sha256?: string;
  /** File name of the copy inside the backup folder. */
  copy?: string;
}

export interface Backup {
  id: string;
  dir: string;
  createdAt: string;
  reason: string;
  entries: BackupEntry[];
}

const manifestName = 'manifest.json';

export function backupId(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.(\d{3})Z$/, '$1Z');
}

export async function createBackup(sys: System, backupRoot: string, paths: readonly string[], reason: string): Promise<Backup> {
  const id = backupId(sys.now());
  const dir = `${backupRoot}/${id}`;
  await sys.mkdirp(backupRoot, 0o700);
  await sys.mkdirp(dir, 0o700);
  const entries: BackupEntry[] = [];
  for (const [index, path] of [...new Set(paths)].entries()) {
    const [bytes, info] = await Promise.all([sys.readBytes(path), sys.fileInfo(path)]);
    if (!bytes || !info) {
      entries.push({ path, existed: false });
      continue;
    }
    const copy = `${index}-${basename(path)}`;
    await sys.writeFileAtomic(`${dir}/${copy}`, bytes, { mode: 0o600 });
    entries.push({ path, existed: true, mode: info.mode, uid: info.uid, gid: info.gid, sha256: sha256(bytes), copy });
  }
  const backup: Backup = { id, dir, createdAt: sys.now().toISOString(), reason, entries };
  await sys.writeFileAtomic(`${dir}/${manifestName}`, JSON.stringify(backup, null, 2) + '\n', { mode: 0o600 });
  return backup;
}

/** Put every file back byte for byte (mode and owner too); remove those that did not exist. */
export async function restoreBackup(sys: System, backup: Backup): Promise<void> {
  for (const entry of backup.entries) {
    if (!entry.existed || !entry.copy) {
      await sys.removeFile(entry.path);
      continue;
    }
    const bytes = await sys.readBytes(`${backup.dir}/${entry.copy}`);
    if (!bytes || sha256(bytes) !== entry.sha256) {
      throw new Error(`backup copy of ${entry.path} is missing or damaged (${backup.dir}/${entry.copy})`);
    }
    await sys.writeFileAtomic(entry.path, bytes, { mode: entry.mode ?? 0o600, uid: entry.uid, gid: entry.gid });
  }
}

export async function listBackups(sys: System, backupRoot: string): Promise<Backup[]> {
  const ids = await sys.listDir(backupRoot);
  const backups = await Promise.all(ids.map((id) => readBackup(sys, backupRoot, id)));
  return backups.filter((b): b is Backup => b !== undefined).sort((a, b) => a.id.localeCompare(b.id));
}

export async function readBackup(sys: System, backupRoot: string, id: string): Promise<Backup | undefined> {
  if (!/^[0-9TZ]+$/.test(id)) return undefined;
  const text = await sys.readFile(`${backupRoot}/${id}/${manifestName}`);
  if (!text) return undefined;
  const backup = JSON.parse(text) as Backup;
  return { ...backup, dir: `${backupRoot}/${id}` };
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
