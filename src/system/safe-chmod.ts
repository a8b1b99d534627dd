// chmod as root without following a link another user could have planted. The paths root chmods come
// from main.cf (a password map it names may lie in a folder someone else owns): its owner can swap the
// file for a symlink to /etc/passwd, and a chmod 0600 that follows it locks every user out of user
// lookups. So the file is opened without following a link (O_NOFOLLOW; O_NONBLOCK: a FIFO must not
// stall us) and changed through its descriptor, only when it is a regular file or a directory. A
// symlink is followed only when root owns it and no other user can change a folder on the way to it
// or to what it leads to (/etc/postfix/sasl_passwd → /etc/secrets/sasl_passwd is fine; a root-owned
// sticky /tmp on the way too: others cannot rename root's entries in it).
import { constants, promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { unsafeDirOnTheWay } from './private-dirs.js';

const me = () => process.getuid?.() ?? 0;

function refused(path: string, why: string): Error {
  return Object.assign(new Error(`${path} ${why}: not changed (root follows no link another user could plant)`), {
    code: 'EUNSAFE',
  });
}

/** The path to chmod: itself, or where root's own link leads when nobody else could have swapped it. */
async function target(path: string): Promise<string> {
  const link = await fs.lstat(path);
  if (!link.isSymbolicLink()) return path;
  if (link.uid !== me()) throw refused(path, 'is a symlink of another user');
  const real = await fs.realpath(path);
  for (const dir of [dirname(path), dirname(real)]) {
    const unsafe = await unsafeDirOnTheWay(dir, { stickyAncestors: true }, true);
    if (unsafe) throw refused(path, `is a symlink under ${unsafe.path}, which another user can change`);
  }
  return real;
}

export async function chmodNoFollow(path: string, mode: number): Promise<void> {
  const handle = await fs.open(await target(path), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile() && !info.isDirectory()) throw refused(path, 'is not a regular file');
    await handle.chmod(mode);
  } finally {
    await handle.close();
  }
}
