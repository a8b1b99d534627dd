// An exclusive flock(2) lock on an open descriptor, without native code.
// Node has no flock API, so util-linux flock(1) — or, where there is none
// (macOS), perl's flock — takes it on our descriptor, passed as its fd 3: a flock lock belongs to the open file description,
// which the child shares, so it stays held by our descriptor when flock
// exits, and the kernel drops it when we close it or die (even by kill -9).
// Node opens files close-on-exec, so no other child (Postfix's master
// among them) inherits the descriptor and keeps the lock alive.
import { runChild } from './child.js';
import { constants, promises as fs } from 'node:fs';
import type { FileLock } from './types.js';

export async function tryLock(path: string, note: string): Promise<FileLock | undefined> {
  const handle = await fs.open(path, constants.O_RDWR | constants.O_CREAT | constants.O_NOFOLLOW, 0o600);
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.uid !== process.getuid?.())
      throw new Error(`${path} is not a regular file owned by this user`);
    if ((info.mode & 0o077) !== 0) await handle.chmod(0o600);
    const status = await flockChild(handle.fd);
    if (status === 1) {
      await handle.close();
      return undefined;
    }
    if (status !== 0) throw new Error(`flock exited ${status} on ${path}`);
    // The note (the holder's pid) is only for the "busy" message of another run.
    // On a full file system the note cannot be written: the lock is held all the same.
    await handle.truncate(0);
    await handle.write(note, 0).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOSPC' && error.code !== 'EDQUOT') throw error;
    });
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
  return { release: () => handle.close() };
}

const systemDirs = ['/usr/bin', '/bin', '/usr/sbin', '/sbin'];

/**
 * How to flock(2) our descriptor, passed as the child's fd 3, without waiting: util-linux flock(1)
 * where there is one; else perl's flock on the same descriptor (macOS has no flock(1) but ships perl).
 * Both exit 0 when the lock is ours, 1 when another holds it.
 */
async function locker(): Promise<{ file: string; args: string[] }> {
  const found = async (name: string) => {
    for (const dir of systemDirs)
      if (
        await fs.access(`${dir}/${name}`, constants.X_OK).then(
          () => true,
          () => false,
        )
      )
        return `${dir}/${name}`;
    return undefined;
  };
  const flock = await found('flock');
  if (flock) return { file: flock, args: ['-x', '-n', '3'] };
  const perl = await found('perl');
  if (perl)
    return {
      file: perl,
      args: ['-MFcntl=:flock', '-e', 'open(my $fh, "+<&=", 3) or exit 2; exit(flock($fh, LOCK_EX | LOCK_NB) ? 0 : 1)'],
    };
  throw new Error(`the lock needs flock(1) (util-linux) or perl, and neither is in ${systemDirs.join(', ')}`);
}

async function flockChild(fd: number): Promise<number> {
  const { file, args } = await locker();
  const result = await runChild(file, args, { env: { PATH: systemDirs.join(':') }, fd3: fd });
  if (result.notFound) throw new Error(`${file} could not be run for the lock: not found`);
  if (result.exitCode !== 0 && result.exitCode !== 1)
    throw new Error(`${file} exited ${result.exitCode}: ${result.stderr.trim()}`);
  return result.exitCode;
}
