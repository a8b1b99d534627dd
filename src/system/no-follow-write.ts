// A file written into a folder whose way from / may pass through folders another user owns (node_exporter's
// textfile folder: on Debian /var/lib/prometheus belongs to the prometheus user). That user could put a
// symlink of theirs where a folder was, and root's write would land wherever it points. So the folder is
// opened one name at a time, each relative to the one before (through /proc/self/fd: Node has no openat),
// with O_NOFOLLOW: a symlink of another user's is refused, one of root's (or this process's) is read and
// its target walked the same way. The file is then made and renamed inside that open folder, which no swap
// of a name on the way can redirect any more. Where there is no /proc/self/fd (macOS), the plain write.
import { constants, existsSync, promises as fs } from 'node:fs';
import { basename, dirname } from 'node:path';
import { replaceFile } from './atomic-write.js';

type Handle = fs.FileHandle;
const dirFlags = constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW;
const me = () => process.getuid?.() ?? 0;
const at = (dir: Handle, name: string) => `/proc/self/fd/${dir.fd}/${name}`;

function refused(path: string, link: string): Error {
  return Object.assign(new Error(`${link} on the way to ${path} is a symlink of another user: not followed`), {
    code: 'EUNSAFE',
  });
}

/** `dir` opened without following a symlink that neither root nor this process owns. */
export async function openDirNoFollow(dir: string): Promise<Handle> {
  const open: Handle[] = [await fs.open('/', dirFlags)];
  const names = dir.split('/').filter(Boolean);
  let walked = '';
  let links = 0;
  try {
    while (names.length > 0) {
      const name = names.shift() as string;
      const here = open.at(-1) as Handle;
      if (name === '.') continue;
      if (name === '..') {
        if (open.length > 1) await open.pop()?.close();
        walked = dirname(walked);
        continue;
      }
      const info = await fs.lstat(at(here, name));
      if (info.isSymbolicLink()) {
        if ((info.uid !== 0 && info.uid !== me()) || ++links > 32) throw refused(dir, `${walked}/${name}`);
        const target = await fs.readlink(at(here, name));
        if (target.startsWith('/')) {
          for (const handle of open.splice(1)) await handle.close();
          walked = '';
        }
        names.unshift(...target.split('/').filter(Boolean));
        continue;
      }
      // O_NOFOLLOW: a link put there since the lstat is refused (ELOOP), never followed.
      open.push(await fs.open(at(here, name), dirFlags));
      walked = `${walked}/${name}`;
    }
    const last = open.pop() as Handle;
    for (const handle of open) await handle.close();
    return last;
  } catch (error) {
    for (const handle of open) await handle.close().catch(() => undefined);
    throw error;
  }
}

/** writeFileAtomic's temp-and-rename (atomic-write.ts), inside the folder opened without following another user's link. */
export async function writeFileNoFollow(path: string, content: string | Buffer, mode: number): Promise<boolean> {
  if (!existsSync('/proc/self/fd')) return false;
  const dir = await openDirNoFollow(dirname(path));
  try {
    // The folder as the open descriptor names it: no swap of a name on the way can redirect it now.
    await replaceFile(`/proc/self/fd/${dir.fd}`, basename(path), content, { mode });
    return true;
  } finally {
    await dir.close();
  }
}
