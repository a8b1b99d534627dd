// Reading a secret root is pointed at (--password-file), or the trust anchors it hands Postfix
// (--ca-file): root reads it, so no one but its owner may have chosen what it holds. A regular file, not a
// symlink or a device (/dev/stdin, a FIFO another user feeds), owned by root
// or the person who ran sudo, writable by no one else, and every directory
// above it the same (a root-owned sticky /tmp on the way is fine: others
// cannot rename what is ours in it). The file is opened without following a
// link and checked again on the open descriptor, so a swap between the check
// and the read is caught.
import { constants, type Stats } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SecretFile } from './types.js';

/** More than any password: a larger file is not the one meant. */
const secretMaxBytes = 4096;
/** More than any CA bundle (Debian's whole ca-certificates.crt is about 220 KiB). */
export const anchorsMaxBytes = 8 << 20;

const code = (error: unknown) => (error as NodeJS.ErrnoException).code ?? '';

function fileProblem(s: Stats, trusted: readonly number[], maxBytes: number): SecretFile['problem'] {
  if (s.isSymbolicLink()) return 'symlink';
  if (!s.isFile()) return s.isDirectory() ? 'directory' : 'not-regular';
  if (!trusted.includes(s.uid)) return 'owner';
  if ((s.mode & 0o022) !== 0) return 'writable';
  if (s.size > maxBytes) return 'too-large';
  return undefined;
}

/** The first directory from / down to `dir` that someone untrusted could change; undefined when none. */
async function unsafeDirAbove(dir: string, trusted: readonly number[], depth = 0): Promise<string | undefined> {
  const parts = dir.split('/').filter(Boolean);
  const paths = ['/', ...parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`)];
  for (const path of paths) {
    const s = await lstat(path);
    if (!trusted.includes(s.uid)) return path;
    if (s.isSymbolicLink()) {
      // A trusted link (macOS's /var → /private/var): where it leads must be safe too.
      const target = depth < 8 ? await unsafeDirAbove(await realpath(path), trusted, depth + 1) : path;
      if (target) return target;
      continue;
    }
    if (!s.isDirectory()) return path;
    const rootSticky = (s.mode & 0o1000) !== 0 && s.uid === 0;
    if ((s.mode & 0o022) !== 0 && !rootSticky) return path;
  }
  return undefined;
}

/**
 * The secret at `path`, or why it was refused. `trusted`: the uids that may own the file and the
 * directories above it (root, this process, the person who ran sudo).
 */
export function readSecretFile(
  path: string,
  trusted: readonly number[],
  /** Groups whose members may read it unwarned (root's, the sudo user's own); any other counts as others. */
  groups: readonly number[] = [0],
): Promise<SecretFile> {
  return readTrusted(path, { trusted, groups, maxBytes: secretMaxBytes, links: 0 });
}

/**
 * Trust anchors root hands Postfix (--ca-file): the same rules, a larger size, and a symlink followed
 * when a trusted user owns it (/etc/ssl/certs/*.pem are root's links), to a target checked the same way.
 */
export function readTrustedFile(path: string, trusted: readonly number[]): Promise<SecretFile> {
  return readTrusted(path, { trusted, groups: [], maxBytes: anchorsMaxBytes, links: 8 });
}

interface ReadRules {
  trusted: readonly number[];
  groups: readonly number[];
  maxBytes: number;
  /** How many trusted symlinks may still be followed. */
  links: number;
}

async function readTrusted(path: string, rules: ReadRules): Promise<SecretFile> {
  const { trusted, maxBytes } = rules;
  let before: Stats;
  try {
    before = await lstat(path);
  } catch (error) {
    return { problem: ['ENOENT', 'ENOTDIR'].includes(code(error)) ? 'missing' : 'unreadable' };
  }
  if (before.isSymbolicLink() && rules.links > 0 && trusted.includes(before.uid)) {
    // A link no one else can replace (its folder is checked first): where it leads is judged the same way.
    const where = await unsafeDirAbove(dirname(path), trusted);
    if (where) return { problem: 'unsafe-dir', where };
    const target = await realpath(path).catch(() => undefined);
    return target ? readTrusted(target, { ...rules, links: rules.links - 1 }) : { problem: 'missing' };
  }
  const problem = fileProblem(before, trusted, maxBytes);
  if (problem) return { problem };
  const unsafe = await unsafeDirAbove(dirname(path), trusted);
  if (unsafe) return { problem: 'unsafe-dir', where: unsafe };
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    return { problem: code(error) === 'ELOOP' ? 'symlink' : 'unreadable' };
  }
  try {
    const now = await handle.stat();
    if (now.ino !== before.ino || now.dev !== before.dev) return { problem: 'changed' };
    const again = fileProblem(now, trusted, maxBytes);
    if (again) return { problem: again };
    const buffer = Buffer.alloc(maxBytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxBytes) return { problem: 'too-large' };
    const groupMayRead = (now.mode & 0o040) !== 0 && !rules.groups.includes(now.gid);
    const othersMayRead = (now.mode & 0o004) !== 0 || groupMayRead;
    return { text: buffer.subarray(0, bytesRead).toString('utf8'), othersMayRead };
  } finally {
    await handle.close();
  }
}
