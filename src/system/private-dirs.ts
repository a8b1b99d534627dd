// Directories root may work in, and trust what it reads there. Root must not
// create, chmod or read instructions inside a tree another user can change:
// they swap an entry for a symlink and root's write lands on /etc/shadow, or
// they plant a backup for root to restore. So every directory from / down is
// checked with lstat: a real directory, owned by root (or the running uid),
// writable by no one else. Two exceptions, both as the system allows: a
// root-owned sticky directory on the way (/tmp: others cannot rename or
// delete what is ours in it), where the caller accepts it; and a symlink on
// the way that root owns (macOS's /var → /private/var), whose target is then
// checked the same way. The last directory itself is never a symlink.
import { chmod, lstat, mkdir, realpath } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import type { DirProblem, UnsafeDir } from './types.js';

export interface DirRules {
  /** A root-owned sticky directory (/tmp) may be on the way, never the last one. */
  stickyAncestors: boolean;
}

const me = () => process.getuid?.() ?? 0;
const isMissing = (error: unknown) => ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

function problemOf(info: Stats, last: boolean, rules: DirRules): DirProblem | undefined {
  if (info.isSymbolicLink()) return 'symlink';
  if (!info.isDirectory()) return 'not-directory';
  if (last ? info.uid !== me() : info.uid !== me() && info.uid !== 0) return 'owner';
  const sticky = (info.mode & 0o1000) !== 0 && info.uid === 0;
  if ((info.mode & 0o022) !== 0 && !(rules.stickyAncestors && !last && sticky)) return 'writable';
  return undefined;
}

function prefixes(dir: string): string[] {
  const parts = dir.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`);
}

/**
 * The first directory on the way to `dir` (itself included) another user could change; undefined when
 * every one that exists is safe. `dir` is judged as the last one unless `asAncestor` (something is
 * only made inside it).
 */
export async function unsafeDirOnTheWay(
  dir: string,
  rules: DirRules,
  asAncestor = false,
  followLinks = true,
): Promise<UnsafeDir | undefined> {
  const paths = ['/', ...prefixes(dir)];
  for (const [index, path] of paths.entries()) {
    const last = index === paths.length - 1 && !asAncestor;
    let info: Stats;
    try {
      info = await lstat(path);
    } catch (error) {
      if (isMissing(error)) return undefined; // nothing there yet: nothing anyone planted
      throw error;
    }
    if (info.isSymbolicLink() && !last && followLinks && (info.uid === 0 || info.uid === me())) {
      const target = await unsafeDirOnTheWay(await realpath(path), rules, true, false);
      if (target) return target;
      continue;
    }
    const problem = problemOf(info, last, rules);
    if (problem) return { path, problem };
  }
  return undefined;
}

/**
 * Every directory from / down to `dir`, made where missing (the way 0755, `dir` itself `mode`) and
 * checked as it is reached, so nothing is made in a directory another user can write. Only a directory
 * made here is chmodded (the umask may have narrowed it); one that exists keeps its mode.
 */
export async function ensurePrivateDirs(dir: string, mode: number, rules: DirRules): Promise<void> {
  const paths = prefixes(dir);
  for (const [index, path] of paths.entries()) {
    const last = index === paths.length - 1;
    const wanted = last ? mode : 0o755;
    const unsafe = await unsafeDirOnTheWay(path, rules, !last);
    if (unsafe) throw unsafeError(unsafe);
    const made = await mkdir(path, { mode: wanted }).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
        return false;
      },
    );
    // Checked again: what is there now may be someone else's (made between the check and mkdir).
    const again = await unsafeDirOnTheWay(path, rules, !last);
    if (again) throw unsafeError(again);
    if (made && ((await lstat(path)).mode & 0o7777) !== wanted) await chmod(path, wanted);
  }
}

export function unsafeError(unsafe: UnsafeDir): Error {
  const why = {
    symlink: 'is a symlink',
    owner: 'belongs to another user',
    writable: 'is writable by other users',
    'not-directory': 'is not a directory',
  }[unsafe.problem];
  return Object.assign(new Error(`${unsafe.path} ${why}: root works only in directories no other user can change`), {
    code: 'EUNSAFE',
    unsafe,
  });
}
