// A root-owned copy of the keychain helper that another user can read and run
// but never change. Root must not chown, chmod or delete inside a tree another
// user can write (they swap an entry for a symlink, and root's chown lands on
// /etc/shadow), so every directory on the way is checked with lstat (no
// symlinks, owned by root, writable by no one else) before anything is made in
// it. The copy is content-addressed: BASE/<sha256 of the files>/, built in a
// private temp directory and renamed into place, so a stale or tampered copy
// is never used and two runs never see a half-written one.
import { createHash, randomBytes } from 'node:crypto';
import {
  chmod,
  lstat,
  mkdtemp,
  open,
  readdir,
  readFile,
  realpath,
  rename,
  rmdir,
  stat,
  unlink,
  utimes,
} from 'node:fs/promises';
import { join } from 'node:path';
import { ensurePrivateDirs } from './private-dirs.js';

export interface StagedFile {
  name: string;
  content: Buffer | string;
}

/** /run (a root-owned tmpfs, emptied at boot) where there is one, else the state dir; symlinks resolved (macOS's /var). */
export async function defaultStagingBase(): Promise<string> {
  for (const dir of ['/run', '/var/lib', '/var/db']) {
    const real = await realpath(dir).catch(() => undefined);
    if (real && (await stat(real)).isDirectory()) return join(real, 'postfix-gmail-wizard', 'keychain-helper');
  }
  return '/var/lib/postfix-gmail-wizard/keychain-helper';
}

/** Puts `files` (flat names) in BASE/<hash>/ (0755, files 0644, all root's) and returns that directory. */
export async function stageFiles(files: readonly StagedFile[], base: string): Promise<string> {
  // Strict: no sticky /tmp on the way either (another user could have made the folder we want there).
  await ensurePrivateDirs(base, 0o755, { stickyAncestors: false });
  const leaf = join(base, contentHash(files));
  if (await holdsExactly(leaf, files)) {
    const now = new Date();
    await utimes(leaf, now, now); // in use: another version's run must not prune it (pruneOthers)
    return leaf;
  }
  if (await lstat(leaf).catch(() => undefined))
    await rename(leaf, join(base, `.stale-${randomBytes(6).toString('hex')}`));
  const building = await mkdtemp(join(base, '.new-')); // 0700: nobody else sees it while it is filled
  for (const file of files) {
    const handle = await open(join(building, file.name), 'wx', 0o644);
    try {
      await handle.writeFile(file.content);
      await handle.chmod(0o644); // whatever the umask
    } finally {
      await handle.close();
    }
  }
  await chmod(building, 0o755);
  try {
    await rename(building, leaf);
  } catch (error) {
    await removeRootTree(building);
    if (
      !['EEXIST', 'ENOTEMPTY'].includes((error as NodeJS.ErrnoException).code ?? '') ||
      !(await holdsExactly(leaf, files))
    )
      throw error;
  }
  await pruneOthers(base, leaf);
  return leaf;
}

function contentHash(files: readonly StagedFile[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name)))
    hash.update(`${file.name}\0${Buffer.byteLength(file.content)}\0`).update(file.content);
  return hash.digest('hex').slice(0, 32);
}

const me = () => process.getuid?.() ?? 0;
const privateDir = (info: { uid: number; mode: number; isDirectory(): boolean; isSymbolicLink(): boolean }) =>
  info.isDirectory() && !info.isSymbolicLink() && info.uid === me() && (info.mode & 0o022) === 0;

/** Whether `dir` is root's 0755 directory holding exactly `files`, root's, 0644, byte for byte. */
async function holdsExactly(dir: string, files: readonly StagedFile[]): Promise<boolean> {
  const info = await lstat(dir).catch(() => undefined);
  if (!info || !privateDir(info) || (info.mode & 0o777) !== 0o755) return false;
  const names = (await readdir(dir)).sort();
  if (
    names.join('/') !==
    files
      .map((f) => f.name)
      .sort()
      .join('/')
  )
    return false;
  for (const file of files) {
    const entry = await lstat(join(dir, file.name));
    if (!entry.isFile() || entry.uid !== me() || (entry.mode & 0o7777) !== 0o644) return false;
    if (!(await readFile(join(dir, file.name))).equals(Buffer.from(file.content))) return false;
  }
  return true;
}

/** How long another version's copy is left alone after it was last staged or reused. */
const unusedFor = 24 * 60 * 60 * 1000;

/**
 * Older versions and quarantined copies: removed when, and only as far as, they are root's alone.
 * Another version's copy is kept until it has gone unused for a day: two versions of the wizard
 * may run at once (an upgrade while a run is waiting at a prompt), and the other one's helper
 * is about to run from its copy.
 */
async function pruneOthers(base: string, keep: string): Promise<void> {
  for (const name of await readdir(base)) {
    const path = join(base, name);
    if (path === keep || name.startsWith('.new-')) continue; // a .new- may be another run's build in progress
    const info = await lstat(path).catch(() => undefined);
    if (!info || (!name.startsWith('.stale-') && Date.now() - info.mtimeMs < unusedFor)) continue;
    await removeRootTree(path).catch(() => {});
  }
}

/** rm -r that descends only into root's directories no one else can write, so no entry can be swapped under it. */
export async function removeRootTree(path: string): Promise<void> {
  const info = await lstat(path);
  if (!info.isDirectory()) return unlink(path); // a symlink is removed itself, never followed
  if (!privateDir(info))
    throw Object.assign(new Error(`not removing ${path}: another user can write it`), { code: 'EUNSAFE' });
  for (const name of await readdir(path)) await removeRootTree(join(path, name));
  await rmdir(path);
}
