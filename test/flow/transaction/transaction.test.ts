// The transaction's safety against the recording fake: the lock, recovery
// of a journal left behind, backup pruning, and remove --purge.
// The one transaction (transaction/transaction.ts), run on the fake System: its steps in order, each
// journalled before it runs under the lock; a failing step, a backup that cannot be made or a signal
// put the backup back and reload the old configuration.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { leaveJournal } from '../../support/fake-journal.js';
import { runCli } from '../../support/run-cli.js';
import { ScriptedUi } from '../../support/scripted-ui.js';
import type { ExecResult } from '../../../src/system/types.js';
import type { Journal, StepRef } from '../../../src/transaction/journal.js';
import { buildPlan, type Plan } from '../../../src/transaction/plan.js';
import { CommandFailed } from '../../../src/transaction/run-step.js';
import { failureText } from '../../../src/ui/error-text.js';
import {
  runTransaction,
  TransactionError,
  type TransactionOptions,
  type TransactionTarget,
} from '../../../src/transaction/transaction.js';

const password = 'abcdefghijklmnop';
const sent = 'status=sent (250 2.0.0 OK  1764320401 af79cd13be357-8b2e7c1a4e1si12345685a.100 - gsmtp)';
const headless = ['--account', 'someone@gmail.com', '--password-stdin', '--to', 'friend@example.com', '--yes'];
const stateDir = '/var/lib/postfix-gmail-wizard';
const backupRoot = '/var/backups/postfix-gmail-wizard';

function machine() {
  const sys = new FakeSystem();
  const postfix = installFakePostfix(sys, { delivery: () => sent });
  return { sys, postfix };
}

describe('the lock', () => {
  it('a run finds the lock held by another process: exit 1 "locked", its pid named, nothing changed', async () => {
    const { sys } = machine();
    sys.lockedByOthers.add(`${stateDir}/lock`);
    sys.put(`${stateDir}/lock`, '31337\n', 0o600);
    const run = await runCli(sys, [...headless, '--json'], { stdin: `${password}\n` });
    assert.equal(run.exit, 1, run.stderr);
    assert.equal(run.json?.error?.code, 'locked');
    assert.match(run.stderr, /pid 31337/);
    assert.equal(sys.writes.length, 0, 'nothing was written');
    assert.ok(!sys.calls.some((c) => c.file === 'postconf' && c.args.includes('-e')));
  });

  it('is held from the first look at the machine to the end of the run, then released (the file stays)', async () => {
    const { sys } = machine();
    let heldDuringDetect = false;
    const postconf = sys.handlers.get('postconf')!;
    sys.on(
      'postconf',
      (args, options) => ((heldDuringDetect ||= sys.heldLocks.has(`${stateDir}/lock`)), postconf(args, options)),
    );
    const run = await runCli(sys, headless, { stdin: `${password}\n` });
    assert.equal(run.exit, 0, run.stderr);
    assert.ok(heldDuringDetect, 'detect ran under the lock');
    assert.equal(sys.heldLocks.size, 0, 'released at the end');
    assert.equal(sys.text(`${stateDir}/lock`), '4242\n');
  });
});

describe('recovery', () => {
  it('rolls back an unfinished journal and deletes the temp files a cut write left (they may hold the password)', async () => {
    const { sys } = machine();
    leaveJournal(sys, [{ name: 'Writing /etc/postfix/sasl_passwd', state: 'started' }], 6);
    sys.put(
      '/etc/postfix/.sasl_passwd.0123456789ab.tmp',
      `[smtp.gmail.com]:587 someone@gmail.com:${password}\n`,
      0o600,
    );
    sys.put('/etc/postfix/.sasl_passwd.keep.tmp', 'not ours\n', 0o600);
    const run = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(sys.text('/etc/postfix/main.cf'), 'myhostname = old.example\n', 'the backup is back');
    assert.equal(sys.files.has('/etc/postfix/.sasl_passwd.0123456789ab.tmp'), false, 'the leftover temp file is gone');
    assert.equal(sys.files.has('/etc/postfix/.sasl_passwd.keep.tmp'), true, 'other files stay');
    assert.equal(sys.files.has(`${stateDir}/journal.json`), false);
    assert.ok(run.json?.warnings.some((w) => /rolled back unfinished change/.test(w)));
  });

  it('never rolls back a journal whose steps were all done: it only clears it', async () => {
    const { sys } = machine();
    leaveJournal(
      sys,
      [
        { name: 'a', state: 'done' },
        { name: 'b', state: 'done' },
      ],
      2,
    );
    const run = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.notEqual(
      sys.text('/etc/postfix/main.cf'),
      'myhostname = old.example\n',
      'the finished change is not undone',
    );
    assert.equal(sys.files.has(`${stateDir}/journal.json`), false);
    assert.ok(!run.json?.warnings.some((w) => /rolled back/.test(w)));
    assert.match(run.stderr + run.stdout, /finished its change/);
  });

  it('a journal with a step not yet begun is not complete: rolled back', async () => {
    const { sys } = machine();
    leaveJournal(sys, [{ name: 'a', state: 'done' }], 2);
    const run = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(sys.text('/etc/postfix/main.cf'), 'myhostname = old.example\n');
  });
});

describe('backups', () => {
  it('keeps the newest 10 after a change, and says so', async () => {
    const { sys } = machine();
    for (let i = 0; i < 12; i++)
      sys.put(
        `${backupRoot}/2026010${Math.floor(i / 10)}T0000000${String(i % 10)}0Z/manifest.json`,
        JSON.stringify({ entries: [] }),
        0o600,
      );
    const run = await runCli(sys, headless, { stdin: `${password}\n` });
    assert.equal(run.exit, 0, run.stderr);
    const ids = await sys.listDir(backupRoot);
    assert.equal(ids.length, 10);
    assert.ok(
      !ids.includes('20260100T000000000Z') &&
        !ids.includes('20260100T000000020Z') &&
        ids.includes('20260100T000000030Z'),
      'the oldest went',
    );
    assert.match(run.stdout, /Deleted 3 old backup\(s\); the newest 10 are kept/);
  });

  it('remove --purge deletes the backups and keychain entries that hold a password; without it they stay and a hint says how', async () => {
    for (const purge of [false, true]) {
      const { sys } = machine();
      assert.equal((await runCli(sys, headless, { stdin: `${password}\n` })).exit, 0);
      assert.ok(sys.secrets.has('someone@gmail.com'), 'setup stored the password in the keychain');
      const run = await runCli(sys, ['remove', '--yes', '--json', ...(purge ? ['--purge'] : [])]);
      assert.equal(run.exit, 0, run.stderr);
      const holding = [...sys.files.entries()].filter(
        ([p, f]) => p.startsWith(`${backupRoot}/`) && f.content.includes(password),
      );
      if (purge) {
        assert.deepEqual(
          holding.map(([p]) => p),
          [],
          'no backup holds the password',
        );
        assert.equal(sys.secrets.size, 0, 'the keychain entry is gone');
        assert.equal(run.json?.purged?.accounts, 1);
        assert.ok((run.json?.purged?.backups.length ?? 0) >= 1);
      } else {
        assert.ok(holding.length > 0, 'the backups are kept');
        assert.ok(sys.secrets.has('someone@gmail.com'));
        assert.match(run.stderr + run.stdout, /remove --purge/);
      }
    }
  });

  it('remove asks, interactively, whether to delete them too (default no)', async () => {
    const { sys } = machine();
    assert.equal((await runCli(sys, headless, { stdin: `${password}\n` })).exit, 0);
    const ui = new ScriptedUi([true, true]);
    const run = await runCli(sys, ['remove'], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.match(ui.asked.at(-1) ?? '', /keychain entr\(ies\) that still hold a password/);
    assert.equal(sys.secrets.size, 0);
    assert.ok(
      ![...sys.files.entries()].some(([p, f]) => p.startsWith(`${backupRoot}/`) && f.content.includes(password)),
    );
  });
});

// The unit layer of the same module, with its own helpers.
describe('unit layer', () => {
  const dir = '/tmp/pfx/etc';
  const ok: ExecResult = { exitCode: 0, stdout: '', stderr: '' };
  const target = (running = true): TransactionTarget => ({
    configDir: dir,
    isDefaultInstance: false,
    serviceManager: 'none',
    running,
  });
  const original = { mainCf: 'relayhost =\n', map: '[smtp.gmail.com]:587 old@gmail.com:oldpassword\n' };

  /** A machine with a Postfix whose postconf -e really edits main.cf; `fail` makes that command exit 1. */
  function machine(fail?: (file: string, args: readonly string[]) => boolean): FakeSystem {
    const sys = new FakeSystem({
      [`${dir}/main.cf`]: original.mainCf,
      [`${dir}/sasl_passwd`]: { content: original.map, mode: 0o600 },
      [`${dir}/old_map`]: 'x\n',
    });
    for (const file of ['postconf', 'postmap', 'postfix']) {
      sys.on(file, (args) => {
        if (fail?.(file, args)) return { exitCode: 1, stdout: '', stderr: `${file}: fatal: broken\n` };
        if (file === 'postconf' && args.includes('-e'))
          sys.put(`${dir}/main.cf`, `${sys.text(`${dir}/main.cf`)}${args.at(-1)}\n`);
        return ok;
      });
    }
    return sys;
  }

  function fullPlan(): Plan {
    return buildPlan(dir, {
      files: [
        {
          path: `${dir}/sasl_passwd`,
          content: '[smtp.gmail.com]:587 new@gmail.com:newpassword\n',
          mode: 0o600,
          secret: true,
        },
        { path: `${dir}/generic`, content: '@vm new@gmail.com\n', mode: 0o644, secret: false },
      ],
      deletes: [`${dir}/old_map`],
      secretFixes: [{ path: `${dir}/sasl_passwd.db`, mode: 0o644, action: 'remove' }],
      commands: [{ file: 'postmap', args: [`hash:${dir}/sasl_passwd`] }],
      secretFiles: [`${dir}/sasl_passwd`],
      settings: [{ name: 'relayhost', from: '', to: '[smtp.gmail.com]:587' }],
      removeSettings: ['smtp_use_tls'],
      masterRemovals: ['smtp/unix/smtp_tls_security_level'],
      masterSettings: ['relay/unix/smtp_tls_security_level=secure'],
    });
  }

  function options(steps: StepRef[] = []): TransactionOptions {
    return {
      backupDir: '/var/backups/pgw',
      stateDir: '/var/lib/pgw',
      reason: 'setup',
      startIfStopped: true,
      onStep: (step) => steps.push(step),
    };
  }

  const commandLines = (sys: FakeSystem) => sys.calls.map((c) => [c.file, ...c.args].join(' '));

  describe('runTransaction: the steps', () => {
    it('writes, deletes, fixes secrets, runs postmap, postconf, master.cf edits, waits for main.cf to settle, checks, reloads — in that order', async () => {
      const sys = machine();
      const steps: StepRef[] = [];
      const result = await runTransaction(sys, target(), fullPlan(), options(steps));
      assert.deepEqual(
        steps.map((s) => s.code),
        [
          'write',
          'write',
          'delete',
          'secret-fixes',
          'command',
          'map-modes',
          'postconf',
          'postconf-remove',
          'master-remove',
          'master-set',
          'settle',
          'check',
          'reload',
        ],
      );
      assert.deepEqual(
        steps.slice(0, 3).map((s) => s.target),
        [`${dir}/sasl_passwd`, `${dir}/generic`, `${dir}/old_map`],
      );
      assert.equal(steps[4]?.target, `postmap hash:${dir}/sasl_passwd`);
      assert.deepEqual(commandLines(sys), [
        `postmap hash:${dir}/sasl_passwd`,
        `postconf -c ${dir} -e relayhost=[smtp.gmail.com]:587`,
        `postconf -c ${dir} -X smtp_use_tls`,
        `postconf -c ${dir} -PX smtp/unix/smtp_tls_security_level`,
        `postconf -c ${dir} -P relay/unix/smtp_tls_security_level=secure`,
        `postfix -c ${dir} check`,
        `postfix -c ${dir} reload`,
      ]);
      assert.equal(sys.text(`${dir}/sasl_passwd`), '[smtp.gmail.com]:587 new@gmail.com:newpassword\n');
      assert.equal(sys.files.has(`${dir}/old_map`), false);
      assert.equal(sys.files.has('/var/lib/pgw/journal.json'), false, 'the journal is cleared after a whole change');
      assert.deepEqual([...sys.heldLocks], [], 'the lock is released');
      assert.deepEqual(
        result.backup.entries.map((e) => [e.path, e.existed]),
        [
          [`${dir}/main.cf`, true],
          [`${dir}/master.cf`, false],
          [`${dir}/sasl_passwd`, true],
          [`${dir}/generic`, false],
          [`${dir}/old_map`, true],
        ],
      );
      assert.deepEqual(result.pruned, []);
    });

    it('journals each step before it runs, under the lock', async () => {
      const seen: { journal: Journal; locked: boolean }[] = [];
      const sys = machine();
      sys.on('postmap', () => {
        seen.push({
          journal: JSON.parse(sys.text('/var/lib/pgw/journal.json')!) as Journal,
          locked: sys.heldLocks.has('/var/lib/pgw/lock'),
        });
        return ok;
      });
      await runTransaction(sys, target(), fullPlan(), options());
      const { journal, locked } = seen[0]!;
      assert.equal(locked, true);
      assert.equal(journal.planned, 13);
      assert.equal(journal.configDir, dir);
      assert.deepEqual(journal.reload, { file: 'postfix', args: ['-c', dir, 'reload'] });
      assert.deepEqual(
        journal.steps.map((s) => `${s.code}:${s.state}`),
        ['write:done', 'write:done', 'delete:done', 'secret-fixes:done', 'command:started'],
      );
      assert.equal(sys.files.get('/var/lib/pgw/journal.json'), undefined);
    });

    it('a plan that restarts Postfix (inet_interfaces) restarts a running one instead of reloading; a stopped one is started', async () => {
      const restarting: StepRef[] = [];
      const sys = machine();
      await runTransaction(
        sys,
        target(),
        buildPlan(dir, { settings: [{ name: 'inet_interfaces', from: 'all', to: 'loopback-only' }], restart: true }),
        options(restarting),
      );
      assert.deepEqual(
        restarting.map((s) => s.code),
        ['postconf', 'settle', 'check', 'restart'],
      );
      assert.deepEqual(commandLines(sys).slice(-2), [`postfix -c ${dir} stop`, `postfix -c ${dir} start`]);
      const starting: StepRef[] = [];
      const stopped = machine();
      await runTransaction(
        stopped,
        target(false),
        buildPlan(dir, { files: [{ path: `${dir}/generic`, content: 'x\n', mode: 0o644, secret: false }] }),
        options(starting),
      );
      assert.deepEqual(
        starting.map((s) => s.code),
        ['write', 'check', 'reload'],
      );
      assert.equal(commandLines(stopped).at(-1), `postfix -c ${dir} start`);
    });
  });

  describe('runTransaction: rollback', () => {
    it('a failing step: the backup goes back, new files go, Postfix rereads the old configuration; the error names the step', async () => {
      const sys = machine((file, args) => file === 'postfix' && args.includes('check'));
      const error = await runTransaction(sys, target(), fullPlan(), options()).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof TransactionError, String(error));
      assert.equal(error.code, 'step-failed');
      assert.deepEqual(error.step, { code: 'check' });
      assert.match(failureText(error.failure), /postfix exited 1: postfix: fatal: broken/);
      assert.deepEqual(error.rollback, {});
      assert.equal(sys.text(`${dir}/main.cf`), original.mainCf);
      assert.equal(sys.text(`${dir}/sasl_passwd`), original.map);
      assert.equal(sys.files.get(`${dir}/sasl_passwd`)?.mode, 0o600);
      assert.equal(sys.text(`${dir}/old_map`), 'x\n', 'the deleted file is back');
      assert.equal(sys.files.has(`${dir}/generic`), false, 'the file that did not exist is gone again');
      assert.equal(commandLines(sys).at(-1), `postfix -c ${dir} reload`, 'reloaded after the files were back');
      assert.equal(sys.files.has('/var/lib/pgw/journal.json'), false);
      assert.deepEqual([...sys.heldLocks], []);
    });

    it("a failing reload after the rollback is reported, not thrown over the step's error", async () => {
      const sys = machine((file, args) => file === 'postmap' || (file === 'postfix' && args.includes('reload')));
      const error = await runTransaction(sys, target(), fullPlan(), options()).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof TransactionError);
      assert.deepEqual(error.step, { code: 'command', target: `postmap hash:${dir}/sasl_passwd` });
      assert.match(failureText(error.rollback?.reloadError), /postfix exited 1/);
      assert.equal(error.rollback?.restoreError, undefined);
      assert.equal(sys.text(`${dir}/sasl_passwd`), original.map);
    });

    it('a backup that cannot be made: backup-failed, nothing written, nothing run', async () => {
      const sys = machine();
      sys.put(`${dir}/post-install`, '#!/bin/sh\n', 0o755);
      const plan = buildPlan(dir, {
        files: [{ path: `${dir}/post-install`, content: 'x', mode: 0o644, secret: false }],
      });
      const writes = sys.writes.length;
      const error = await runTransaction(sys, target(), plan, options()).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof TransactionError);
      assert.equal(error.code, 'backup-failed');
      assert.equal(error.step, undefined);
      assert.equal(sys.text(`${dir}/post-install`), '#!/bin/sh\n');
      assert.ok(
        sys.writes.slice(writes).every((w) => w.path.startsWith('/var/backups/pgw/')),
        'only backup copies were written',
      );
      assert.deepEqual(sys.calls, []);
      assert.deepEqual([...sys.heldLocks], []);
    });

    it('a signal before a step: interrupted, that step never runs, everything is put back', async () => {
      const sys = machine();
      sys.pendingSignal = 'SIGINT';
      const steps: StepRef[] = [];
      const error = await runTransaction(sys, target(), fullPlan(), options(steps)).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof TransactionError);
      assert.equal(error.code, 'interrupted');
      assert.equal(error.failure, 'SIGINT');
      assert.deepEqual(error.step, { code: 'write', target: `${dir}/sasl_passwd` });
      assert.deepEqual(steps, []);
      assert.equal(sys.text(`${dir}/sasl_passwd`), original.map);
      assert.ok(!commandLines(sys).some((c) => c.startsWith('postmap') || c.startsWith('postconf')));
    });
  });

  describe('runTransaction: package installs', () => {
    const packageUse = '/etc/portage/package.use';
    const log = '/var/lib/pgw/logs/install.log';
    const installPlan = () =>
      buildPlan(dir, {
        files: [{ path: packageUse, content: 'old\nmail-mta/postfix sasl ssl\n', mode: 0o644, secret: false }],
        installs: [{ file: 'emerge', args: ['--oneshot', 'mail-mta/postfix'], env: { FEATURES: '-news' } }],
      });

    it('without Postfix: package.use written, then the install logged, no check and no reload', async () => {
      const sys = machine();
      sys.put(packageUse, 'old\n', 0o644);
      sys.on('emerge', () => ({ exitCode: 0, stdout: '>>> Emerging\n', stderr: '' }));
      const steps: StepRef[] = [];
      const lines: string[] = [];
      await runTransaction(sys, undefined, installPlan(), {
        ...options(steps),
        installLog: log,
        onInstallOutput: (line) => lines.push(line),
      });
      assert.deepEqual(steps, [
        { code: 'write', target: packageUse },
        { code: 'install', target: 'emerge --oneshot mail-mta/postfix' },
      ]);
      assert.equal(sys.text(packageUse), 'old\nmail-mta/postfix sasl ssl\n');
      const call = sys.calls.find((c) => c.file === 'emerge');
      assert.equal(call?.logged, log);
      assert.equal(call?.env?.FEATURES, '-news');
      assert.deepEqual(lines, ['>>> Emerging']);
      assert.deepEqual(commandLines(sys), ['emerge --oneshot mail-mta/postfix'], 'no postfix check, no reload');
    });

    it("a failed install: package.use back as it was by the transaction's rollback, the exit code in the error", async () => {
      const sys = machine();
      sys.put(packageUse, 'old\n', 0o644);
      sys.on('emerge', () => ({ exitCode: 1, stdout: '', stderr: 'emake failed\n' }));
      const error = await runTransaction(sys, undefined, installPlan(), { ...options(), installLog: log }).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof TransactionError, String(error));
      assert.equal(error.code, 'step-failed');
      assert.deepEqual(error.step, { code: 'install', target: 'emerge --oneshot mail-mta/postfix' });
      assert.ok(error.failure instanceof CommandFailed && error.failure.exitCode === 1, String(error.failure));
      assert.equal(sys.text(packageUse), 'old\n');
      assert.equal(sys.files.has('/var/lib/pgw/journal.json'), false);
      assert.deepEqual([...sys.heldLocks], []);
    });

    it('an install that edits no file leaves no backup behind (nothing to put back)', async () => {
      const sys = machine();
      sys.on('apt-get', () => ({ exitCode: 0, stdout: '', stderr: '' }));
      const plan = buildPlan(dir, { installs: [{ file: 'apt-get', args: ['install', '-y', 'libsasl2-modules'] }] });
      const { backup } = await runTransaction(sys, undefined, plan, { ...options(), installLog: log });
      assert.deepEqual(backup.entries, []);
      assert.ok(![...sys.files.keys()].some((p) => p.startsWith(`${backup.dir}/`)), 'its folder is gone');
    });
  });
});
