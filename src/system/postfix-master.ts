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
    text = await fs.readFile(pidFile(queue), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // master -t: no pid file, no master. Unreadable (not root: it is 0600): postfix status decides.
    return code === 'ENOENT' || code === 'ENOTDIR' ? false : undefined;
  }
  const pid = parsePid(text);
  if (pid === undefined) return false; // empty or torn: master writes it after it holds the lock
  if (!(await exists('/proc/self/stat'))) return undefined; // no /proc here (macOS, a bare chroot)
  const stat = await procStat(pid);
  // Gone, the pid now another program's, or a master killed and not yet reaped (a zombie: its lock is gone).
  if (!stat?.live || stat.comm !== 'master') return false;
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
  const master = parsePid(await fs.readFile(pidFile(queue), 'utf8').catch(() => ''));
  if (master === undefined) return undefined;
  const entries = await fs.readdir('/proc').catch(() => undefined);
  if (!entries) return undefined;
  const children = await Promise.all(
    entries
      .filter((name) => /^\d+$/.test(name))
      .map(async (name) => {
        const stat = await procStat(Number(name));
        return stat?.live && stat.ppid === master ? Number(name) : undefined;
      }),
  );
  return children.filter((pid): pid is number => pid !== undefined);
}

const pidFile = (queue: string) => `${queue}/pid/master.pid`;

/** The pid master wrote (decimal, space-padded); undefined when the file is empty or torn. */
function parsePid(text: string): number | undefined {
  const pid = Number(/^\s*(\d+)\s*$/.exec(text)?.[1]);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

/** /proc/PID/stat's name, parent and whether it lives (not a zombie); undefined when the process is gone. */
async function procStat(pid: number): Promise<{ comm: string; ppid: number; live: boolean } | undefined> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // "PID (comm) STATE PPID …": a name may hold ") ", so the fields follow the last one.
  const close = stat.lastIndexOf(') ');
  if (close < 0) return undefined;
  const [state = '', ppid] = stat.slice(close + 2).split(' ');
  return { comm: stat.slice(stat.indexOf('(') + 1, close), ppid: Number(ppid), live: state !== 'Z' && state !== 'X' };
}

async function exists(path: string): Promise<boolean> {
  return fs.access(path).then(
    () => true,
    () => false,
  );
}
