// A real Debian release in a chroot: built once from Debian's archive by
// test/releases/build-chroot.sh (mmdebstrap, Postfix installed "Local only"),
// seen by each test through an overlay of its own (the template is never
// changed), with this machine's node binary (and the libraries it links, run
// through their own loader so the release's programs keep the release's
// libc) and the built wizard with its production modules copied in. Every
// command runs in a mount namespace of its own with /proc and /dev mounted,
// so none of those mounts stays on the host when it ends; daemons it
// starts (Postfix) keep theirs. The chroot shares the host's network: the
// fake Gmail on the host's loopback is reachable, and its Postfix listens on
// port 25 — one release at a time.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { type ChrootSyslog, startChrootSyslog } from './chroot-syslog.js';
import { repoPath, repoRoot } from './paths.js';

const execFileP = promisify(execFile);
const cacheDir = process.env.PGW_CHROOT_CACHE ?? '/var/cache/postfix-gmail-wizard-tests';
const nodeDir = '/opt/pgw/node';
const appDir = '/opt/pgw/app';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface DebianChroot {
  release: string;
  root: string;
  /** Runs argv inside the chroot (PATH of the release's system directories). */
  run(argv: string[], options?: { input?: string }): Promise<RunResult>;
  /** Runs the built wizard inside the chroot. */
  wizard(args: string[], options?: { input?: string }): Promise<RunResult>;
  /** Every effective parameter (`postconf`, defaults included), as name → value. */
  effectiveSettings(): Promise<Record<string, string>>;
  /** With the syslog option: what reached the chroot's /dev/log (also in its /var/log/mail.log). */
  syslog?: ChrootSyslog;
  /** Stops every process running in the chroot and removes it. */
  destroy(): Promise<void>;
}

/** Why the release tests cannot run here, or undefined if they can. */
export function chrootSkipReason(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root (mmdebstrap, chroot, mount namespaces)';
  try {
    execFileSync('mmdebstrap', ['--version'], { stdio: 'ignore' });
  } catch {
    return 'mmdebstrap is not installed (apt-get install mmdebstrap)';
  }
  return undefined;
}

/** The pristine chroot of `release`, built on first use (about a minute) and cached. */
export async function releaseTemplate(release: string): Promise<string> {
  // sid: built (once, then cached) with experimental's sasl-xoauth2 pinned, Check-Valid-Until off.
  const [script, args] =
    release === 'sid'
      ? ['build-sid-xoauth2.sh', [join(cacheDir, 'sid-xoauth2')]]
      : ['build-chroot.sh', [release, cacheDir]];
  const { stdout } = await execFileP('bash', [repoPath('test', 'releases', script), ...args], {
    maxBuffer: 16 << 20,
  });
  return stdout.trim().split('\n').at(-1)!;
}

export async function createDebianChroot(
  release: string,
  /** template: a chroot built elsewhere (test/releases/build-sid-xoauth2.sh), seen through an overlay too. */
  /** syslog: Postfix logs through syslog(3) to a receiver at the chroot's own /dev/log (chroot-syslog.ts),
   * as on a Debian with rsyslog, instead of postlogd's maillog_file; the chroot keeps its own /dev. */
  options: { postfixRunning?: boolean; template?: string; syslog?: boolean } = {},
): Promise<DebianChroot> {
  const template = options.template ?? (await releaseTemplate(release));
  const base = await mkdtemp(`/tmp/pgw-${release}-`);
  const root = join(base, 'root');
  // The template stays pristine: each machine writes into an overlay of its own.
  await Promise.all(['root', 'upper', 'work'].map((d) => mkdir(join(base, d))));
  await execFileP('mount', [
    '-t',
    'overlay',
    'overlay',
    '-o',
    `lowerdir=${template},upperdir=${join(base, 'upper')},workdir=${join(base, 'work')}`,
    root,
  ]);
  const tools = await (staged ??= stageTools());
  await mkdir(join(root, 'opt/pgw'), { recursive: true });
  const ownDev = options.syslog === true;
  const run = (argv: string[], runOptions: { input?: string } = {}) =>
    runIn(root, tools, argv, runOptions.input, ownDev);
  // What this machine lacks, not the release: a syslog daemon (Postfix logs
  // itself through postlogd instead, or to chroot-syslog.ts's receiver) and DNS
  // (the fake Gmail is "localhost", found in /etc/hosts).
  const syslog = ownDev ? await startChrootSyslog(root) : undefined;
  await mustRun(run, [
    'postconf',
    '-e',
    ...(ownDev ? [] : ['maillog_file=/var/log/postfix.log']),
    'smtp_host_lookup=native',
  ]);
  try {
    if (options.postfixRunning ?? true) {
      await portFree(25);
      await mustRun(run, ['/etc/init.d/postfix', 'start']);
    }
  } catch (error) {
    await teardown(root, base, tools, ownDev);
    await syslog?.close();
    throw error;
  }
  return {
    release,
    root,
    run,
    wizard: (args, wizardOptions) =>
      run(
        [
          join(nodeDir, 'ld.so'),
          '--library-path',
          join(nodeDir, 'lib'),
          join(nodeDir, 'node'),
          join(appDir, 'bin', 'postfix-gmail-wizard.js'),
          ...args,
        ],
        wizardOptions,
      ),
    effectiveSettings: async () => {
      const { stdout } = await mustRun(run, ['postconf']);
      // process_id is postconf's own pid, not a setting.
      return Object.fromEntries(
        stdout
          .split('\n')
          .filter((line) => line && !line.startsWith('process_id ='))
          .map((line) => {
            const eq = line.indexOf(' = ');
            return eq < 0 ? [line.replace(/ =$/, ''), ''] : [line.slice(0, eq), line.slice(eq + 3)];
          }),
      );
    },
    ...(syslog ? { syslog } : {}),
    destroy: async () => {
      await teardown(root, base, tools, ownDev);
      await syslog?.close();
    },
  };
}

async function teardown(root: string, base: string, tools: string, ownDev = false): Promise<void> {
  await runIn(root, tools, ['postfix', 'stop'], undefined, ownDev).catch(() => undefined);
  await killProcessesIn(root);
  await execFileP('umount', [root]).catch(() => execFileP('umount', ['--lazy', root]));
  await rm(base, { recursive: true, force: true });
}

/** The chroot's Postfix listens on port 25 of the shared loopback: wait for it to be free, or say who holds it. */
async function portFree(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { stdout } = await execFileP('ss', ['-Hltn', `sport = :${port}`]);
    if (!stdout.trim()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  const { stdout } = await execFileP('ss', ['-Hltnp', `sport = :${port}`]);
  throw new Error(`port ${port} is taken (one Postfix on port 25 at a time):\n${stdout}`);
}

export async function mustRun(run: DebianChroot['run'], argv: string[], input?: string): Promise<RunResult> {
  const result = await run(argv, { input });
  if (result.code !== 0)
    throw new Error(`${argv.join(' ')} exited ${result.code} in the chroot:\n${result.stderr}${result.stdout}`);
  return result;
}

// The node binary and the app are bound read-only from one staging folder
// (copied once per test process) rather than copied into every machine.
// ownDev: the chroot's own /dev (mmdebstrap made its device nodes), where /dev/log can be a socket of
// the test's rather than the host's.
function runIn(root: string, tools: string, argv: string[], input?: string, ownDev = false): Promise<RunResult> {
  const dev = ownDev ? '' : 'mount --rbind /dev "$0/dev" && ';
  const script = `mount -t proc proc "$0/proc" && ${dev}mount --bind -o ro "$1" "$0/opt/pgw" && shift && exec chroot "$0" "$@"`;
  const child = spawn('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script, root, tools, ...argv], {
    env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', HOME: '/root' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.on('error', () => {}); // a command that exits without reading its input
  child.stdin.end(input ?? '');
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr })));
}

let staged: Promise<string> | undefined;

/** The folder bound at /opt/pgw in every machine: node (with its libraries) and the built app. */
async function stageTools(): Promise<string> {
  const dir = await mkdtemp('/tmp/pgw-chroot-tools-');
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  await installNode(dir);
  await installApp(dir);
  return dir;
}

/** This machine's node and the shared libraries it links (from ldd), with their loader. */
async function installNode(root: string): Promise<void> {
  const target = join(root, 'node');
  await mkdir(join(target, 'lib'), { recursive: true });
  await cp(process.execPath, join(target, 'node'));
  const ldd = execFileSync('ldd', [process.execPath], { encoding: 'utf8' });
  for (const line of ldd.split('\n')) {
    const lib = /=>\s*(\/\S+)/.exec(line)?.[1];
    const loader = /^\s*(\/\S*ld-linux\S*)/.exec(line)?.[1];
    if (lib) await cp(lib, join(target, 'lib', basename(lib)), { dereference: true });
    if (loader) await cp(loader, join(target, 'ld.so'), { dereference: true });
  }
}

/** What the package ships (package.json's files: bin, the bundle, templates, …) and its production modules. */
async function installApp(root: string): Promise<void> {
  const target = join(root, 'app');
  const { files } = JSON.parse(await readFile(repoPath('package.json'), 'utf8')) as { files: string[] };
  for (const part of [...files, 'package.json']) {
    await cp(repoPath(part), join(target, part), { recursive: true });
  }
  const { stdout } = await execFileP('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: repoRoot,
    maxBuffer: 16 << 20,
  });
  for (const dir of stdout.split('\n').filter((d) => d.includes('/node_modules/'))) {
    const rel = relative(repoRoot, dir);
    await mkdir(dirname(join(target, rel)), { recursive: true });
    await cp(dir, join(target, rel), {
      recursive: true,
      dereference: true,
      filter: (src) => !src.slice(dir.length).includes('/node_modules/'),
    });
  }
}

/** Every process whose root directory is the chroot (Postfix's daemons, a stuck command). */
async function killProcessesIn(root: string): Promise<void> {
  for (let round = 0; round < 50; round++) {
    const inside: number[] = [];
    for (const pid of (await readdir('/proc')).filter((p) => /^\d+$/.test(p))) {
      const where = await readlink(`/proc/${pid}/root`).catch(() => '');
      if (where === root || where.startsWith(`${root}/`)) inside.push(Number(pid));
    }
    if (inside.length === 0) return;
    for (const pid of inside) {
      try {
        process.kill(pid, round < 10 ? 'SIGTERM' : 'SIGKILL');
      } catch {
        // gone already
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
