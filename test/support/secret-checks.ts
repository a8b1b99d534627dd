// What the end-to-end tests assert about files: the configuration directory
// byte for byte (checksums before and after a run that must change nothing),
// and where a secret ended up on disk (it may only be in files no one but
// their owner can read).
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** sha256 of every file directly in `dir` (the Postfix configuration directory is flat). */
export async function checksums(dir: string): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    const info = await lstat(path);
    if (info.isFile())
      sums[name] = `${(info.mode & 0o7777).toString(8)} ${createHash('sha256')
        .update(await readFile(path))
        .digest('hex')}`;
  }
  return sums;
}

/** Every file under `dirs` (recursively) whose bytes contain `secret`, with its mode. */
export async function filesContaining(secret: string, ...dirs: string[]): Promise<{ path: string; mode: number }[]> {
  const found: { path: string; mode: number }[] = [];
  const needle = Buffer.from(secret);
  const walk = async (dir: string): Promise<void> => {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const path = join(dir, name);
      const info = await lstat(path).catch(() => undefined);
      if (!info) continue;
      if (info.isDirectory()) await walk(path);
      else if (
        info.isFile() &&
        info.size < 16 << 20 &&
        (await readFile(path).catch(() => Buffer.alloc(0))).includes(needle)
      ) {
        found.push({ path, mode: info.mode & 0o7777 });
      }
    }
  };
  for (const dir of dirs) await walk(dir);
  return found;
}

/** Files holding the secret that someone other than their owner could read. */
export async function exposedCopies(secret: string, ...dirs: string[]): Promise<string[]> {
  return (await filesContaining(secret, ...dirs))
    .filter((f) => (f.mode & 0o077) !== 0)
    .map((f) => `${f.path} (${f.mode.toString(8)})`);
}
