import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort, isListening, waitForPort } from './free-port.js';
import { instanceNames, namePins } from './instance-names.js';

const execFileP = promisify(execFile);

/** A Postfix of the test's own: own config dir, queue, log and smtpd port. /etc/postfix is never touched. */
export interface PostfixInstance {
  base: string;
  configDir: string;
  queueDir: string;
  maillog: string;
  /** 127.0.0.1:smtpdPort runs smtpd (instead of the fixture's port 25). */
  smtpdPort: number;
  start(): Promise<void>;
  stop(): Promise<void>;
  isRunning(): Promise<boolean>;
  /** `postconf -c configDir ...args`, resolves with stdout. */
  postconf(...args: string[]): Promise<string>;
  readLog(): Promise<string>;
  waitForLog(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Stops (killing a leftover master if need be) and removes base. Safe to call twice. */
  destroy(): Promise<void>;
}

/** Why the Postfix tests cannot run here, or undefined if they can: for `{ skip: postfixSkipReason() }`. */
export function postfixSkipReason(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root (postfix start, chown, chroot)';
  if (!existsSync('/usr/sbin/postfix')) return '/usr/sbin/postfix is not installed';
  return undefined;
}

/** The repository's test/fixtures/debian-12, found from this file (src or dist) or the working directory. */
export function debian12Fixtures(): string {
  const tail = join('test', 'fixtures', 'debian-12');
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, tail, 'master.cf'))) return join(dir, tail);
    if (dir === dirname(dir)) break;
  }
  return join(process.cwd(), tail);
}

async function run(cmd: string, args: string[]): Promise<string> {
  try {
    return (await execFileP(cmd, args, { maxBuffer: 16 << 20 })).stdout;
  } catch (err) {
    const e = err as Error & { stderr?: string; stdout?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed: ${e.message}\n${e.stderr ?? ''}${e.stdout ?? ''}`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Copies into the chroot (the queue directory) what Debian's /usr/lib/postfix/configure-instance.sh
 * copies: chrooted smtp(8) resolves hosts there, e.g. "localhost" in a relayhost of [localhost]:PORT.
 */
async function fillChroot(queueDir: string): Promise<void> {
  await mkdir(join(queueDir, 'etc'), { recursive: true });
  for (const f of ['localtime', 'services', 'resolv.conf', 'hosts', 'host.conf', 'nsswitch.conf', 'nss_mdns.config']) {
    if (existsSync(`/etc/${f}`)) await copyFile(`/etc/${f}`, join(queueDir, 'etc', f)); // follows symlinks
  }
  const libDirs = [
    '/lib',
    ...(await readdir('/lib', { withFileTypes: true }))
      .filter((d) => d.isDirectory() || d.isSymbolicLink())
      .map((d) => join('/lib', d.name)),
  ];
  for (const dir of libDirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => /^lib(gcc_s|nss|resolv).*\.so/.test(n))) {
      await mkdir(join(queueDir, dir), { recursive: true });
      await copyFile(join(dir, name), join(queueDir, dir, name)).catch(() => {}); // skips directories
    }
  }
}

export async function createPostfixInstance(
  opts: { mainCf?: string; masterCf?: string } = {},
): Promise<PostfixInstance> {
  const base = await mkdtemp('/tmp/pfx-test-');
  await chmod(base, 0o755); // the postfix user must traverse it
  const configDir = join(base, 'etc');
  const queueDir = join(base, 'spool');
  const dataDir = join(base, 'lib');
  const maillog = join(base, 'maillog');
  let smtpdPort: number;
  let masterBin: string;
  const postconf = (...args: string[]) => run('postconf', ['-c', configDir, ...args]);
  try {
    const fixtures = debian12Fixtures();
    await Promise.all([configDir, queueDir, dataDir].map((d) => mkdir(d)));
    const { uid, gid } = await postfixIds();
    await chown(dataDir, uid, gid);
    await copyFile(opts.mainCf ?? join(fixtures, 'main.cf.local-only'), join(configDir, 'main.cf'));
    await copyFile(opts.masterCf ?? join(fixtures, 'master.cf'), join(configDir, 'master.cf'));

    await postconf(
      '-e',
      `queue_directory=${queueDir}`,
      `data_directory=${dataDir}`,
      `maillog_file=${maillog}`,
      'maillog_file_prefixes=/var,/dev/stdout,/tmp',
      'smtp_host_lookup=native',
      'inet_protocols=ipv4',
      'inet_interfaces=loopback-only',
    );
    // Names of its own, never the machine's hostname or /etc/mailname (instance-names.ts says why).
    const mailnameFile = join(configDir, 'mailname');
    await writeFile(mailnameFile, `${instanceNames.mailname}\n`, { mode: 0o644 });
    const pins = namePins(await postconf('-n'), mailnameFile);
    if (pins.length > 0) await postconf('-e', ...pins);
    smtpdPort = await freePort();
    await postconf('-MX', 'smtp/inet');
    await postconf('-M', `127.0.0.1:${smtpdPort}/inet=127.0.0.1:${smtpdPort} inet n - y - - smtpd`);
    await fillChroot(queueDir);
    masterBin = join((await postconf('-h', 'daemon_directory')).trim(), 'master');
  } catch (err) {
    await rm(base, { recursive: true, force: true });
    throw err;
  }

  const readLog = () => readFile(maillog, 'utf8').catch(() => '');
  const logTail = async () => (await readLog()).split('\n').slice(-30).join('\n');
  // master -t exits 0 when no master holds the pid file lock (postfix status would log a line).
  const isRunning = () =>
    run(masterBin, ['-c', configDir, '-t']).then(
      () => false,
      () => true,
    );
  const masterPid = async () =>
    Number((await readFile(join(queueDir, 'pid', 'master.pid'), 'utf8').catch(() => '')).trim());
  let destroyed = false;

  const instance: PostfixInstance = {
    base,
    configDir,
    queueDir,
    maillog,
    smtpdPort,
    postconf,
    readLog,
    isRunning,
    async start() {
      // Postfix commands print errors on stderr only when it is a tty, and master(8) logs startup
      // errors (e.g. "bind: Address already in use") to syslog, which is absent here. So look for
      // the likely causes ourselves: the port, and `postfix check` run in a pty by script(1).
      if (await isListening(smtpdPort))
        throw new Error(`cannot start Postfix: 127.0.0.1:${smtpdPort} is already in use`);
      try {
        await run('postfix', ['-c', configDir, 'start']);
        await waitForPort(smtpdPort, 30_000);
      } catch (err) {
        const check = await run('script', ['-qec', `postfix -c '${configDir}' check`, '/dev/null']).then(
          (out) => out || 'OK',
          (e: Error) => e.message,
        );
        throw new Error(
          `${(err as Error).message}\n--- postfix check ---\n${check}\n--- ${maillog} (tail) ---\n${await logTail()}`,
        );
      }
    },
    async stop() {
      if (await isRunning()) await run('postfix', ['-c', configDir, 'stop']); // waits for master to exit
      // master is gone, but an smtpd it started holds the listening socket until it notices (at its next
      // turn: a loaded machine makes that seconds); a start() before then found the port in use.
      const deadline = Date.now() + 30_000;
      while ((await isListening(smtpdPort)) && Date.now() < deadline) await sleep(50);
    },
    async waitForLog(re, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const m = (await readLog()).match(re);
        if (m) return m;
        if (Date.now() > deadline) throw new Error(`no ${re} in ${maillog} after ${timeoutMs} ms:\n${await logTail()}`);
        await sleep(200);
      }
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      await instance.stop().catch(() => {});
      const pid = await masterPid();
      if (pid > 0 && (await isRunning())) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          /* already gone */
        } // master is a process group leader
        for (let i = 0; i < 50 && (await isRunning()); i++) await sleep(100);
      }
      await rm(base, { recursive: true, force: true });
    },
  };
  return instance;
}

async function postfixIds(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postfix']), run('id', ['-g', 'postfix'])]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}
