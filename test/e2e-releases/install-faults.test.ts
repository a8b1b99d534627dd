// Faults in the wizard's package installs (`setup --install`), on Debian 12's real apt in a chroot: the
// SASL plugins (libsasl2-modules) purged, so setup must install them, then apt-get fails midway — with
// no network (the run in a network namespace of its own: apt cannot fetch) and with dpkg's lock held
// by another process (as an unattended upgrade holds it). After each: exit 1 with `install-failed`
// naming the command and its exit code and pointing at the install log; nothing of the wizard's left
// but that log (no journal, no backup, /etc/postfix byte for byte as before, no password anywhere);
// the package still absent; Postfix still running with a configuration `postfix check` accepts. And the
// wizard killed (kill -9) while apt-get runs: the next run finds the journal and rolls back; dpkg is not
// left half-done, and nothing of the wizard's is left.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chrootSkipReason, createDebianChroot, mustRun, type DebianChroot } from '../support/debian-chroot.js';
import { holdPort25 } from '../support/port25-lock.js';
import { waitForFile } from '../support/wait-for-file.js';

const PASSWORD = 'installfaultsxyz';
const wizardArgv = (args: string[]) => [
  '/opt/pgw/node/ld.so',
  '--library-path',
  '/opt/pgw/node/lib',
  '/opt/pgw/node/node',
  '/opt/pgw/app/bin/postfix-gmail-wizard.js',
  ...args,
];
const setupArgs = ['--account', 'you@gmail.com', '--password-stdin', '--yes', '--json', '--install', '--no-test'];

/** Processes whose root is the chroot and whose command line matches. */
async function processesIn(root: string, match: RegExp): Promise<number[]> {
  const found: number[] = [];
  for (const pid of (await readdir('/proc')).filter((p) => /^\d+$/.test(p))) {
    const where = await readlink(`/proc/${pid}/root`).catch(() => '');
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    // Read from inside another chroot (a CI machine that is itself a chroot), the root of a process in
    // another mount namespace reads as its path from the real root: it ends with ours.
    if ((where === root || where.endsWith(root)) && match.test(cmdline)) found.push(Number(pid));
  }
  return found;
}

async function tree(dir: string): Promise<string> {
  const lines: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true, recursive: true })).sort((a, b) =>
    join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)),
  )) {
    const path = join(entry.parentPath, entry.name);
    lines.push(
      entry.isFile()
        ? `${path} ${createHash('sha256')
            .update(await readFile(path))
            .digest('hex')}`
        : path,
    );
  }
  return lines.join('\n');
}

describe('Debian 12: apt-get failing in the middle of setup --install', { skip: chrootSkipReason() }, () => {
  let machine: DebianChroot;
  let release25: () => void;
  let pristine: string;
  before(async () => {
    release25 = await holdPort25();
    machine = await createDebianChroot('bookworm');
    await mustRun(machine.run, ['apt-get', 'purge', '-y', '-q', 'libsasl2-modules']);
    pristine = await tree(join(machine.root, 'etc/postfix'));
  });
  after(async () => {
    await machine?.destroy();
    release25?.();
  });

  const judge = async (run: { code: number; stdout: string; stderr: string }, cause: RegExp) => {
    const outcome = JSON.parse(run.stdout || '{}') as { error?: { code: string; message: string; fix: string } };
    assert.equal(run.code, 1, `${run.stderr}\n${run.stdout}`);
    assert.equal(outcome.error?.code, 'install-failed');
    assert.match(outcome.error?.message ?? '', /apt-get install .*libsasl2-modules.*(exit|終了).*100/);
    const log = /\/var\/lib\/postfix-gmail-wizard\/logs\/install-\d{8}T\d{9}Z\.log/.exec(outcome.error?.fix ?? '')?.[0];
    assert.ok(log, `the fix names the install log: ${outcome.error?.fix}`);
    assert.match(await readFile(join(machine.root, log), 'utf8'), cause);
    assert.match(outcome.error?.fix ?? '', cause, "the log's tail is shown");
    // Nothing of the wizard's own is left but that log.
    const state = join(machine.root, 'var/lib/postfix-gmail-wizard');
    assert.deepEqual(
      (await readdir(state)).filter((n) => n !== 'lock' && n !== 'logs'),
      [],
      'no journal',
    );
    const backups = await readdir(join(machine.root, 'var/backups/postfix-gmail-wizard')).catch(() => []);
    assert.deepEqual(backups, [], 'no backup of a change that did not happen');
    assert.equal(await tree(join(machine.root, 'etc/postfix')), pristine);
    const grep = await machine.run(['grep', '-rlF', PASSWORD, '/etc', '/var/lib', '/var/backups', '/tmp']);
    assert.equal(grep.stdout, '', 'no file holds the password');
    assert.notEqual((await machine.run(['dpkg', '-s', 'libsasl2-modules'])).code, 0, 'still not installed');
    assert.equal((await machine.run(['postfix', 'status'])).code, 0, 'Postfix still running');
    assert.equal(
      (await mustRun(machine.run, ['postfix', 'check'])).stdout + (await machine.run(['postfix', 'check'])).stderr,
      '',
    );
    await machine.run(['rm', '-rf', '/var/lib/postfix-gmail-wizard/logs']);
  };

  it('no network (apt cannot fetch the package): install-failed, nothing changed', async () => {
    const run = await machine.run(['unshare', '-n', ...wizardArgv(setupArgs)], { input: `${PASSWORD}\n` });
    await judge(run, /(Temporary failure resolving|Could not resolve|Unable to fetch|Failed to fetch)/);
  });

  it("dpkg's lock held by another process: install-failed, nothing changed", async () => {
    // apt takes an fcntl lock on lock-frontend: a lock held through the chroot's file is the same lock.
    const holder: ChildProcess = spawn(
      'python3',
      [
        '-c',
        'import fcntl,sys; f=open(sys.argv[1],"w"); fcntl.lockf(f, fcntl.LOCK_EX); print("held", flush=True); sys.stdin.read()',
        join(machine.root, 'var/lib/dpkg/lock-frontend'),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
      const run = await machine.run(wizardArgv(setupArgs), { input: `${PASSWORD}\n` });
      await judge(run, /Could not get lock/);
    } finally {
      holder.stdin!.end();
    }
  });

  it('kill -9 of the wizard while apt-get runs: the next run rolls the journal back; nothing of its own is left', async () => {
    // apt-get is held where it is about to call dpkg (a DPkg::Pre-Invoke hook that says so, then waits
    // on a FIFO), so the kill lands while it runs, however fast the archive answers; released, the hook
    // fails and apt-get ends by itself without calling dpkg.
    const held = join(machine.root, 'run/pgw-apt-held');
    const hold = join(machine.root, 'run/pgw-apt-hold');
    const hook = join(machine.root, 'etc/apt/apt.conf.d/99pgw-hold');
    await mustRun(machine.run, ['mkfifo', '/run/pgw-apt-hold']);
    await writeFile(hook, 'DPkg::Pre-Invoke { "touch /run/pgw-apt-held; read x < /run/pgw-apt-hold; exit 1"; };\n');
    let ended = false;
    const running = machine.run(wizardArgv(setupArgs), { input: `${PASSWORD}\n` }).finally(() => (ended = true));
    let killed: Awaited<typeof running>;
    try {
      await waitForFile(held, () => ended, 180_000);
      for (const pid of await processesIn(machine.root, /postfix-gmail-wizard\.js/)) process.kill(pid, 'SIGKILL');
      killed = await running;
    } finally {
      // The hook's read returns: apt-get goes on to its end. Non-blocking: no reader (never held) is ENXIO.
      const fifo = await open(hold, constants.O_WRONLY | constants.O_NONBLOCK).catch(() => undefined);
      await fifo?.writeFile('go\n');
      await fifo?.close();
      await rm(hook, { force: true });
    }
    assert.equal(killed.stdout, '', `killed before it could say anything (exit ${killed.code}): ${killed.stderr}`);
    // apt-get, left on its own, ends by itself (installed or not): dpkg is never left half-done by the kill.
    for (let left = await processesIn(machine.root, /^(apt-get|dpkg|\/usr\/lib\/apt)/); left.length > 0; ) {
      await new Promise((r) => setTimeout(r, 100)); // waits for those processes to end, whatever they take
      left = await processesIn(machine.root, /^(apt-get|dpkg|\/usr\/lib\/apt)/);
    }
    const next = await machine.run(wizardArgv(['remove', '--yes', '--json']));
    const outcome = JSON.parse(next.stdout || '{}') as { warnings?: string[] };
    assert.ok(
      outcome.warnings?.some((w) => /rolled back unfinished change/.test(w)),
      `the next run found the journal: ${next.stdout}${next.stderr}`,
    );
    const state = join(machine.root, 'var/lib/postfix-gmail-wizard');
    assert.deepEqual(
      (await readdir(state)).filter((n) => n !== 'lock' && n !== 'logs'),
      [],
      'no journal',
    );
    assert.equal(await tree(join(machine.root, 'etc/postfix')), pristine);
    const audit = await machine.run(['dpkg', '--audit']);
    assert.equal(`${audit.code} ${audit.stdout}`, '0 ', 'dpkg has nothing half-installed');
    assert.equal((await machine.run(['postfix', 'status'])).code, 0, 'Postfix still running');
    const backups = await readdir(join(machine.root, 'var/backups/postfix-gmail-wizard')).catch(() => []);
    assert.deepEqual(backups, [], 'no backup of the install that was cut');
  });

  it('kill -9 of apt-get and dpkg in the middle of the install: rolled back, dpkg-interrupted with the fix; the next run and doctor say so', async () => {
    // dpkg is held at its own pre-invoke hook on its second call (apt's `dpkg --configure`), after the
    // first (`--unpack`) left libsasl2-modules unpacked: the hook waits there only while dpkg --audit
    // reports something. Then apt-get and dpkg are killed, as a power cut or an OOM kill would.
    const held = join(machine.root, 'run/pgw-dpkg-held');
    const hold = join(machine.root, 'run/pgw-dpkg-hold');
    const hook = join(machine.root, 'etc/apt/apt.conf.d/99pgw-hold-dpkg');
    await mustRun(machine.run, ['mkfifo', '/run/pgw-dpkg-hold']);
    await writeFile(
      hook,
      'DPkg::Options { "--pre-invoke=dpkg --audit | grep -q . && touch /run/pgw-dpkg-held && read x < /run/pgw-dpkg-hold && exit 1 || true"; };\n',
    );
    let ended = false;
    const running = machine.run(wizardArgv(setupArgs), { input: `${PASSWORD}\n` }).finally(() => (ended = true));
    let cut: Awaited<typeof running>;
    try {
      await waitForFile(held, () => ended, 180_000);
      for (const pid of await processesIn(machine.root, /^(\S*\/)?(apt-get|dpkg)\0/)) process.kill(pid, 'SIGKILL');
      cut = await running;
    } finally {
      const fifo = await open(hold, constants.O_WRONLY | constants.O_NONBLOCK).catch(() => undefined);
      await fifo?.writeFile('go\n');
      await fifo?.close();
      await rm(hook, { force: true });
    }
    assert.notEqual((await machine.run(['dpkg', '--audit'])).stdout, '', 'dpkg really is left interrupted');
    const outcome = JSON.parse(cut.stdout || '{}') as { error?: { code: string; message: string; fix: string } };
    assert.equal(cut.code, 1, `${cut.stderr}\n${cut.stdout}`);
    assert.equal(outcome.error?.code, 'dpkg-interrupted', cut.stdout);
    assert.match(
      outcome.error?.message ?? '',
      /apt-get install .*libsasl2-modules.*stopped before it finished.*dpkg interrupted/,
    );
    assert.match(outcome.error?.message ?? '', /rolled back/);
    assert.match(
      outcome.error?.fix ?? '',
      /^Run `dpkg --configure -a` as root[\s\S]*run the wizard again[\s\S]*libsasl2-modules/,
    );
    // The wizard's own: nothing left but its install log.
    const state = join(machine.root, 'var/lib/postfix-gmail-wizard');
    assert.deepEqual(
      (await readdir(state)).filter((n) => n !== 'lock' && n !== 'logs'),
      [],
      'no journal',
    );
    assert.deepEqual(await readdir(join(machine.root, 'var/backups/postfix-gmail-wizard')).catch(() => []), []);
    assert.equal(await tree(join(machine.root, 'etc/postfix')), pristine);
    const grep = await machine.run(['grep', '-rlF', PASSWORD, '/etc', '/var/lib', '/var/backups', '/tmp']);
    assert.equal(grep.stdout, '', 'no file holds the password');
    assert.equal((await machine.run(['postfix', 'status'])).code, 0, 'Postfix still running');
    const logs = await readdir(join(state, 'logs'));

    // The next setup says so, with its fix, in English and in Japanese. libsasl2-modules' files were
    // unpacked, so there is nothing to install and the run goes on to its pre-flight login: in a network
    // namespace of its own, where that reaches no one.
    for (const [lang, words] of [
      ['en', /^dpkg was interrupted during an earlier install/],
      ['ja', /^以前のインストールまたはアップグレードの途中で dpkg が中断されています/],
    ] as const) {
      const next = await machine.run(['unshare', '-n', ...wizardArgv([...setupArgs, '--lang', lang])], {
        input: `${PASSWORD}\n`,
      });
      const warnings = (JSON.parse(next.stdout || '{}') as { warnings?: string[] }).warnings ?? [];
      assert.ok(
        warnings.some((w) => words.test(w) && w.includes('`dpkg --configure -a`') && w.includes('libsasl2-modules')),
        `${next.stdout}\n${next.stderr}`,
      );
    }
    assert.deepEqual(await readdir(join(state, 'logs')), logs, 'apt-get was not run again');
    const doctor = await machine.run(wizardArgv(['doctor', '--json']));
    const problems = (JSON.parse(doctor.stdout || '{}') as { doctor?: { problems?: { code: string }[] } }).doctor
      ?.problems;
    assert.ok(
      problems?.some((p) => p.code === 'dpkg-interrupted'),
      doctor.stdout + doctor.stderr,
    );

    // dpkg --configure -a, as the fix says: doctor no longer reports it.
    await mustRun(machine.run, ['dpkg', '--configure', '-a']);
    const after = await machine.run(wizardArgv(['doctor', '--json']));
    assert.ok(!after.stdout.includes('dpkg-interrupted'), after.stdout);
    await machine.run(['rm', '-rf', '/var/lib/postfix-gmail-wizard/logs']);
  });
});
