// The machine-level faults of the fault sweep (fault-runner.ts), for a runner that has a mount namespace
// of its own (`unshare -m`): a small tmpfs over a folder (its files copied in), that folder filled up to
// leave N bytes, or remounted read-only. Plus what the sweep compares: a folder's bytes and modes, and
// every file under some roots that holds the password.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readlink, readdir, readFile, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const filler = (dir: string) => join(dir, '.fault-filler');

/** Refuses to mount anything outside a private mount namespace: the sweep must never change the machine's mounts. */
export async function guardMountNamespace(parentMnt: string): Promise<void> {
  if ((await readlink('/proc/self/ns/mnt')) === parentMnt) throw new Error('not in a mount namespace of its own');
  run('mount', ['--make-rprivate', '/']);
}

/** A tmpfs of `kib` KiB over `dir`, holding what `dir` held (modes and owners kept). */
export function mountSmallTmpfs(dir: string, kib = 512): void {
  const saved = `${dir}.before-tmpfs`;
  run('mkdir', ['-p', dir]);
  run('cp', ['-a', dir, saved]);
  const mode = run('stat', ['-c', '%a', dir]).trim();
  run('mount', ['-t', 'tmpfs', '-o', `size=${kib}k,mode=${mode}`, 'tmpfs', dir]);
  run('cp', ['-a', `${saved}/.`, `${dir}/`]);
  run('rm', ['-rf', saved]);
}

export async function freeBytes(dir: string): Promise<number> {
  const s = await statfs(dir);
  return s.bfree * s.bsize;
}

/** Fill the file system of `dir` so that `leave` bytes stay free (a file the snapshot ignores). */
export async function fillUp(dir: string, leave: number): Promise<void> {
  const free = await freeBytes(dir);
  const size = free - leave;
  if (size > 0) run('fallocate', ['-l', String(size), `${filler(dir)}.${Date.now()}`]);
}

/** The space taken back and the folder writable again: the sweep lifts a fault before checking the result. */
export async function liftFaults(dir: string): Promise<void> {
  setReadOnly(dir, false);
  for (const name of await readdir(dir)) if (name.startsWith('.fault-filler')) run('rm', ['-f', join(dir, name)]);
}

export function setReadOnly(dir: string, readOnly: boolean): void {
  const mounted = run('findmnt', ['-n', '-o', 'TARGET', '--mountpoint', dir]).trim() !== '' ? dir : undefined;
  if (!mounted) {
    if (readOnly) throw new Error(`${dir} is not a mount point`);
    return;
  }
  run('mount', ['-o', `remount,${readOnly ? 'ro' : 'rw'}`, dir]);
}

/** Every file in `dir` with its mode and sha256 (the fillers left out), sorted: equal strings, equal folders. */
export async function folderState(dir: string): Promise<string> {
  const lines: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    if (name.startsWith('.fault-filler')) continue;
    const path = join(dir, name);
    const info = await stat(path);
    lines.push(
      info.isFile()
        ? `${name} ${(info.mode & 0o7777).toString(8)} ${info.uid}:${info.gid} ${createHash('sha256')
            .update(await readFile(path))
            .digest('hex')}`
        : `${name} dir`,
    );
  }
  return lines.join('\n');
}

/** Files under `roots` whose bytes hold `secret` (grep -r: binary files, compiled maps, backups included). */
export function filesHolding(secret: string, roots: readonly string[]): string[] {
  try {
    return run('grep', ['-rlaF', '--', secret, ...roots])
      .split('\n')
      .filter((l) => l !== '')
      .sort();
  } catch (error) {
    if ((error as { status?: number }).status === 1) return []; // grep: nothing found
    throw error;
  }
}
