// Does Postfix's master run for this queue directory? `postfix status` answers that with about eight
// processes (postfix, postfix-script, postconf twice, sed twice, master -t, postlog): the largest cost
// of a `check` on a busy box. postfix-script's answer is `master -t`: running while master.pid exists
// and a live master holds its lock; a pid file left behind by a master that died (kill -9, a crash)
// means not running. The same answer without a process: the pid master wrote into the file
// ($queue_directory/pid/master.pid, decimal, space-padded) must name a live process called `master`
// (not a zombie)
// whose working directory is that queue directory (master chdirs there), so a pid reused by another
// program, or by another instance's master, reads as not running too.
import { promises as fs } from 'node:fs';

/** true/false, or undefined where this cannot be told without postfix status (no /proc, an unreadable pid file). */
export async function postfixMasterRunning(queueDirectory: string): Promise<boolean | undefined> {
  const queue = queueDirectory.replace(/\/+$/, '') || '/';
  let text: string;
  try {
    text = await fs.readFile(`${queue}/pid/master.pid`, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // master -t: no pid file, no master. Unreadable (not root: it is 0600): postfix status decides.
    return code === 'ENOENT' || code === 'ENOTDIR' ? false : undefined;
  }
  const pid = Number(/^\s*(\d+)\s*$/.exec(text)?.[1]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return false; // empty or torn: master writes it after it holds the lock
  if (!(await exists('/proc/self/stat'))) return undefined; // no /proc here (macOS, a bare chroot)
  // "PID (comm) STATE …": a name may hold ") ", so the state follows the last one.
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const close = stat.lastIndexOf(') ');
  const comm = stat.slice(stat.indexOf('(') + 1, close);
  const state = stat.charAt(close + 2);
  // Gone, the pid now another program's, or a master killed and not yet reaped (a zombie: its lock is gone).
  if (close < 0 || comm !== 'master' || state === 'Z' || state === 'X') return false;
  // Another instance's master at a reused pid works elsewhere. The working directory is compared by
  // device and inode, not by its path: /proc/PID/cwd read from another mount namespace (a master
  // started from an earlier chroot session) names the path from that namespace's root. A working
  // directory that cannot be looked at refutes nothing.
  const [cwd, here] = await Promise.all([
    fs.stat(`/proc/${pid}/cwd`).catch(() => undefined),
    fs.stat(queue).catch(() => undefined),
  ]);
  return cwd === undefined || here === undefined || (cwd.dev === here.dev && cwd.ino === here.ino);
}

/**
 * The live processes Postfix's master for this queue directory started (smtp, qmgr, ...), by pid;
 * undefined where that cannot be read here (no /proc, no readable pid file, no master).
 */
export async function postfixChildren(queueDirectory: string): Promise<number[] | undefined> {
  const queue = queueDirectory.replace(/\/+$/, '') || '/';
  const master = Number(
    /^\s*(\d+)\s*$/.exec(await fs.readFile(`${queue}/pid/master.pid`, 'utf8').catch(() => ''))?.[1],
  );
  if (!Number.isSafeInteger(master) || master <= 0) return undefined;
  const entries = await fs.readdir('/proc').catch(() => undefined);
  if (!entries) return undefined;
  const children = await Promise.all(
    entries
      .filter((name) => /^\d+$/.test(name))
      .map(async (name) => {
        const stat = await fs.readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
        // "PID (comm) STATE PPID …": the fields after the last ") ".
        const [state, ppid] = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
        return Number(ppid) === master && state !== 'Z' && state !== 'X' ? Number(name) : undefined;
      }),
  );
  return children.filter((pid): pid is number => pid !== undefined);
}

async function exists(path: string): Promise<boolean> {
  return fs.access(path).then(
    () => true,
    () => false,
  );
}
