// Fault injection against the real Postfix: a failure made to happen at
// each apply step in turn (failing commands, kill -9 of the wizard between
// steps, SIGINT/SIGTERM mid-apply, an unusable backup folder, …). After
// each, the configuration must be the complete before-state or the complete
// after-state — never a mix — after at most one further run of the wizard.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFakeGmail, type FakeGmail } from '../../support/fake-gmail.js';
import { createPostfixInstance, postfixSkipReason, type PostfixInstance } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { createTestCa, type TestCa } from '../../support/test-ca.js';
import { plantOverSbin } from '../../support/planted-commands.js';
import { waitForFile } from '../../support/wait-for-file.js';
import { runWizard, type WizardRun } from '../../support/wizard-process.js';

const ACCOUNT = 'tx@gmail.com';

/** flock(1) can take the lock at once: no process holds it (the file itself stays). */
function lockIsFree(path: string): boolean {
  return spawnSync('flock', ['-x', '-n', path, 'true']).status === 0;
}
const PASSWORD = 'transactiontestx';

/** Every file under the config dir (directories marked as such) plus `postconf -n`. */
async function snapshot(instance: PostfixInstance): Promise<string> {
  const lines: string[] = [];
  for (const name of (await readdir(instance.configDir)).sort()) {
    const path = join(instance.configDir, name);
    const info = await stat(path);
    lines.push(
      info.isFile()
        ? `${name} ${(info.mode & 0o7777).toString(8)} ${createHash('sha256')
            .update(await readFile(path))
            .digest('hex')}`
        : `${name} dir`,
    );
  }
  return [...lines, await instance.postconf('-n')].join('\n');
}

interface FaultPoint {
  name: string;
  /** Wrappers over /usr/sbin/NAME (support/planted-commands.ts): command name → shell body. */
  wrappers?: Record<string, string>;
  prepare?: (instance: PostfixInstance) => Promise<void>;
  extraArgs?: (instance: PostfixInstance) => string[];
  expectExit: number;
  /** For a fault made without a wrapper: what the error must name, so an unrelated failure cannot pass. */
  names?: RegExp;
}

// Each wrapper notes that it injected its fault (in `fired` beside it): an
// exit code alone cannot tell the injected fault from an unrelated one.
const mark = 'echo "$0 $*" >> "@DIR@/fired"'; // @DIR@: the wrappers' own folder (planted-commands.ts)

const fail = (command: string, when: string) =>
  `case " $* " in *" ${when} "*) ${mark}; echo "${command}: fatal: injected fault" >&2; exit 1;; esac\nexec /usr/sbin/${command} "$@"`;
// The wrapper must not go on to run the real command once its wizard is dead.
const killBefore = (command: string, when = '') =>
  `case " $* " in *"${when}"*) ${mark}; kill -9 $PPID; exit 137;; esac\nexec /usr/sbin/${command} "$@"`;
const killAfter = (command: string, when: string) =>
  `/usr/sbin/${command} "$@"; status=$?\ncase " $* " in *" ${when} "*) ${mark}; kill -9 $PPID; sleep 5;; esac\nexit $status`;
const signalDuring = (command: string, signal: string, when = '') =>
  `case " $* " in *"${when}"*) ${mark}; kill -${signal} $PPID;; esac\nexec /usr/sbin/${command} "$@"`;

const faultPoints: FaultPoint[] = [
  {
    name: 'backup folder cannot be written',
    extraArgs: () => ['--backup-dir', '/dev/null/backups'],
    expectExit: 1,
    names: /\/dev\/null\/backups/,
  },
  // A directory where the password map goes: the backup, which reads every file the plan touches, is where it fails.
  {
    name: "the password map's path is a directory (the backup cannot read it)",
    prepare: async (i) => mkdir(join(i.configDir, 'sasl_passwd')),
    expectExit: 1,
    names: /back up.*EISDIR/,
  },
  {
    name: 'postmap fails',
    wrappers: { postmap: `${mark}; echo "postmap: fatal: injected fault" >&2; exit 1` },
    expectExit: 1,
  },
  { name: 'postconf -e fails', wrappers: { postconf: fail('postconf', '-e') }, expectExit: 1 },
  { name: 'postfix check fails', wrappers: { postfix: fail('postfix', 'check') }, expectExit: 1 },
  { name: 'postfix reload fails', wrappers: { postfix: fail('postfix', 'reload') }, expectExit: 1 },
  { name: 'kill -9 during postmap', wrappers: { postmap: killBefore('postmap') }, expectExit: 137 },
  { name: 'kill -9 before postconf -e', wrappers: { postconf: killBefore('postconf', ' -e ') }, expectExit: 137 },
  { name: 'kill -9 right after postconf -e', wrappers: { postconf: killAfter('postconf', '-e') }, expectExit: 137 },
  { name: 'kill -9 during postfix check', wrappers: { postfix: killBefore('postfix', ' check ') }, expectExit: 137 },
  { name: 'kill -9 right after the reload', wrappers: { postfix: killAfter('postfix', 'reload') }, expectExit: 137 },
  {
    name: 'kill -9 between stop and start of a restart (inet_interfaces)',
    prepare: async (i) => void (await i.postconf('-e', 'inet_interfaces=all')),
    extraArgs: () => ['--loopback-only'],
    wrappers: { postfix: killBefore('postfix', ' start ') },
    expectExit: 137,
  },
  { name: 'SIGINT during postmap', wrappers: { postmap: signalDuring('postmap', 'INT') }, expectExit: 130 },
  {
    name: 'SIGTERM during postfix check',
    wrappers: { postfix: signalDuring('postfix', 'TERM', ' check ') },
    expectExit: 130,
  },
  {
    name: 'SIGHUP (an SSH drop) during postfix check',
    wrappers: { postfix: signalDuring('postfix', 'HUP', ' check ') },
    expectExit: 130,
  },
];

describe('fault injection: before-state or after-state, never a mix', {
  skip: postfixSkipReason(),
  concurrency: 3,
}, () => {
  let tmp: string;
  let ca: TestCa;
  let gmail: FakeGmail;
  let mixed = 0;
  let points = 0;

  before(async () => {
    tmp = await mkdtemp('/tmp/pgw-tx-');
    ca = await createTestCa(join(tmp, 'ca'));
    gmail = await startFakeGmail({ cert: ca.certPem, key: ca.keyPem, accounts: { [ACCOUNT]: { password: PASSWORD } } });
  });
  after(async () => {
    await gmail?.close();
    await rm(tmp, { recursive: true, force: true });
    console.log(`${points} fault points, ${mixed} mixed states`);
  });

  const args = (i: PostfixInstance) => [
    '--account',
    ACCOUNT,
    '--password-stdin',
    '--relay',
    `localhost:${gmail.port}`,
    '--ca-file',
    ca.caPath,
    '--config-dir',
    i.configDir,
    '--backup-dir',
    join(i.base, 'backups'),
    '--state-dir',
    join(i.base, 'state'),
    '--no-keychain',
    '--no-test',
    '--yes',
    '--json',
  ];
  const run = (i: PostfixInstance, extra: string[] = [], prefix?: string[]): Promise<WizardRun> =>
    runWizard([...args(i), ...extra], { stdin: `${PASSWORD}\n`, prefix });

  for (const point of faultPoints) {
    it(point.name, async () => {
      const instance = await createPostfixInstance();
      try {
        await instance.start();
        await point.prepare?.(instance);
        const before = await snapshot(instance);
        const bin = point.wrappers ? await mkdtemp(join(tmp, 'bin-')) : undefined;
        const prefix = bin && point.wrappers ? await plantOverSbin(bin, point.wrappers) : undefined;
        const faulty = await run(instance, point.extraArgs?.(instance) ?? [], prefix);
        assert.equal(faulty.code, point.expectExit, `exit of the faulty run: ${faulty.stderr}`);
        if (bin) assert.ok(existsSync(join(bin, 'fired')), `the injected fault fired: ${faulty.stderr}`);
        if (point.expectExit === 1) {
          const failure = JSON.parse(faulty.stdout).error?.message ?? '';
          assert.match(failure, point.names ?? /injected fault/, `the error names the injected fault: ${failure}`);
        }
        let state = await snapshot(instance);
        if (point.expectExit === 137) {
          // The wizard died mid-apply: the next run finds the journal and rolls back first.
          const further = await run(instance);
          assert.equal(further.code, 0, further.stderr);
          assert.match(further.stderr, /unfinished change/);
          assert.ok(await instance.isRunning(), 'Postfix runs again after the recovery');
          state = await snapshot(instance);
        }
        points++;
        let verdict = state === before ? 'before' : 'mixed';
        let check: WizardRun | undefined;
        if (verdict === 'mixed') {
          // The complete after-state is the one a clean run leaves untouched.
          await point.prepare?.(instance).catch(() => undefined);
          check = await run(instance);
          if (
            check.code === 0 &&
            JSON.parse(check.stdout).result === 'unchanged' &&
            (await snapshot(instance)) === state
          )
            verdict = 'after';
        }
        if (verdict === 'mixed') mixed++;
        assert.notEqual(
          verdict,
          'mixed',
          `mixed state after "${point.name}":\nbefore:\n${before}\nnow:\n${state}\nclean re-run: ${check?.code} ${check?.stdout}\n${check?.stderr}\nthen:\n${await snapshot(instance)}`,
        );
        if (point.expectExit !== 137) {
          const outcome = JSON.parse(faulty.stdout);
          assert.ok(outcome.error?.message, 'the failure is explained');
          assert.ok(!faulty.stderr.includes(PASSWORD) && !faulty.stdout.includes(PASSWORD));
        }
        await assert.rejects(
          stat(join(instance.base, 'state', 'postfix-gmail-wizard', 'journal.json')),
          { code: 'ENOENT' },
          'no journal is left behind',
        );
        assert.equal(
          lockIsFree(join(instance.base, 'state', 'postfix-gmail-wizard', 'lock')),
          true,
          'the lock is released',
        );
      } finally {
        await instance.destroy();
      }
    });
  }
});

describe('dry run, restore, remove, idempotence and the lock', { skip: postfixSkipReason() }, () => {
  let lab: RelayLab;
  before(async () => {
    lab = await startRelayLab('tx2', { [ACCOUNT]: { password: PASSWORD } });
  });
  after(async () => lab?.close());
  const common = () => [
    '--config-dir',
    lab.postfix.configDir,
    '--backup-dir',
    join(lab.postfix.base, 'backups'),
    '--state-dir',
    join(lab.postfix.base, 'state'),
    '--json',
  ];
  const setupArgs = () => [
    ...lab.args(),
    '--account',
    ACCOUNT,
    '--password-stdin',
    '--no-keychain',
    '--no-test',
    '--yes',
    '--json',
  ];

  it('--dry-run changes nothing and sends nothing', async () => {
    const before = await snapshot(lab.postfix);
    const authsBefore = lab.gmail.auths.length;
    const run = await runWizard([...setupArgs(), '--dry-run'], { stdin: `${PASSWORD}\n` });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).result, 'dry-run');
    assert.match(run.stderr, /\+ relayhost = \[localhost\]/);
    assert.equal(await snapshot(lab.postfix), before);
    assert.equal(lab.gmail.auths.length, authsBefore);
  });

  it('two concurrent runs do not both apply', async () => {
    // The first run's postmap says it started (the run is applying, so it holds the lock) and then
    // waits for "release": the second run meets the first one mid-apply, whatever the machine's speed.
    const gate = await mkdtemp(join(lab.tmp, 'gate-'));
    const prefix = await plantOverSbin(gate, {
      postmap: ': > @DIR@/started\nwhile [ ! -e @DIR@/release ]; do sleep 0.05; done\nexec /usr/sbin/postmap "$@"',
    });
    let firstEnded = false;
    const first = runWizard(setupArgs(), { stdin: `${PASSWORD}\n`, prefix }).finally(() => (firstEnded = true));
    try {
      await waitForFile(join(gate, 'started'), () => firstEnded);
      const second = await runWizard(setupArgs(), { stdin: `${PASSWORD}\n` });
      assert.equal(second.code, 1, second.stderr);
      assert.equal(JSON.parse(second.stdout).error.code, 'locked');
      assert.match(second.stderr, /Another postfix-gmail-wizard \(pid \d+\)/);
    } finally {
      await writeFile(join(gate, 'release'), '');
    }
    const firstRun = await first;
    assert.equal(firstRun.code, 0, firstRun.stderr);
    // master logs the reload after `postfix reload` returned: let that line arrive before the next test reads the log.
    await lab.postfix.waitForLog(/reload -- version/);
  });

  it('a second identical run writes nothing and does not reload', async () => {
    const before = await snapshot(lab.postfix);
    const logBefore = (await lab.postfix.readLog()).length;
    const run = await runWizard(setupArgs(), { stdin: `${PASSWORD}\n` });
    assert.equal(JSON.parse(run.stdout).result, 'unchanged');
    assert.equal(await snapshot(lab.postfix), before);
    assert.doesNotMatch((await lab.postfix.readLog()).slice(logBefore), /reload/);
  });

  it('restore puts a backup back byte for byte, and remove leaves the rest of main.cf', async () => {
    const configured = await snapshot(lab.postfix);
    const removed = await runWizard(['remove', '--yes', ...common()]);
    assert.equal(removed.code, 0, removed.stderr);
    const outcome = JSON.parse(removed.stdout);
    assert.equal(outcome.result, 'removed');
    assert.equal((await lab.postfix.postconf('-h', 'relayhost')).trim(), '');
    assert.equal(
      (await lab.postfix.postconf('-h', 'default_transport', 'relay_transport')).trim(),
      'error\nerror',
      'the "Local only" transports are back',
    );
    assert.match(await lab.postfix.postconf('-n'), /^myhostname = /m, 'settings the wizard does not own stay');
    await assert.rejects(stat(join(lab.postfix.configDir, 'sasl_passwd')), { code: 'ENOENT' });
    const list = JSON.parse((await runWizard(['restore', '--list', ...common()])).stdout);
    assert.ok(list.backups.some((b: { id: string }) => b.id === outcome.backupId));
    const restored = await runWizard(['restore', outcome.backupId, '--yes', ...common()]);
    assert.equal(restored.code, 0, restored.stderr);
    assert.equal(await snapshot(lab.postfix), configured);
  });
});
