// Replacing a file as one step, the one way root writes a file (writeFileAtomic; and through a folder
// opened without following another user's link, no-follow-write.ts): a temp file beside the target,
// created with its final mode (O_EXCL, so no world-readable moment for a secret), owner set before any
// byte is written, fsync, rename over the target, fsync the directory so the rename survives a power loss.
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { join } from 'node:path';

/** `dir`/`name` replaced by `content`; `dir` may be /proc/self/fd/N, a folder held open. */
export async function replaceFile(
  dir: string,
  name: string,
  content: string | Buffer,
  options: { mode: number; uid?: number; gid?: number },
): Promise<void> {
  const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`); // see atomicTempName
  const handle = await fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, options.mode);
  try {
    await handle.chmod(options.mode); // the umask may have narrowed it
    if (options.uid !== undefined || options.gid !== undefined) {
      await handle.chown(options.uid ?? -1, options.gid ?? -1);
    }
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await fs.rename(temp, join(dir, name));
  await syncDir(dir);
}

export async function syncDir(dir: string): Promise<void> {
  const dirHandle = await fs.open(dir, constants.O_RDONLY);
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
  }
}
