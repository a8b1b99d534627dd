// A setup --monitor that fails after the schedule was enabled leaves no schedule behind (issue 24): the
// unit files and the cron.d entry are plan files the backup takes out, and the timer's enable is a
// journaled step with its undo — systemctl disable --now while the unit file is still there, then
// daemon-reload once the backup is back — run by the rollback, and by the recovery after a crash.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { FakeSystem } from '../../support/fake-system.js';
import { runCli } from '../../support/run-cli.js';

const PW = 'abcdefghijklmnop';
const sent = 'status=sent (250 2.0.0 OK  1764320401 af79cd13be357-8b2e7c1a4e1si12345685a.100 - gsmtp)';
const CRON = '/etc/cron.d/postfix-gmail-wizard';
const SERVICE = '/etc/systemd/system/postfix-gmail-wizard-check.service';
const TIMER = '/etc/systemd/system/postfix-gmail-wizard-check.timer';
const JOURNAL = '/var/lib/postfix-gmail-wizard/journal.json';
const headless = ['--account', 'someone@gmail.com', '--password-stdin', '--no-test', '--yes', '--json'];

/** systemctl's calls about the timer, each with whether the timer's unit file was there when it ran. */
function machine(systemd: boolean) {
  const sys = new FakeSystem();
  installFakePostfix(sys, { delivery: () => sent });
  if (systemd) sys.dirs.add('/run/systemd/system');
  const timerCalls: string[] = [];
  sys.on('systemctl', (args) => {
    if (!args.includes('postfix')) timerCalls.push(`${args.join(' ')}${sys.files.has(TIMER) ? ' [unit there]' : ''}`);
    return { exitCode: 0, stdout: '', stderr: '' };
  });
  // postfix check fails: the step after the schedule's commands, so the rollback has them to undo.
  let failCheck = false;
  const postfix = sys.handlers.get('postfix')!;
  sys.on('postfix', (args, options) =>
    failCheck && args.at(-1) === 'check'
      ? { exitCode: 1, stdout: '', stderr: 'postfix: fatal: bad configuration\n' }
      : postfix(args, options),
  );
  return { sys, timerCalls, failLater: (on: boolean) => void (failCheck = on) };
}
const setup = (sys: FakeSystem, extra: string[]) => runCli(sys, [...headless, ...extra], { stdin: `${PW}\n` });

describe('setup --monitor fails after the schedule was enabled: no schedule is left', () => {
  it('systemd: the timer enabled is disabled and stopped while its unit is there, then the units go and systemd rereads', async () => {
    const { sys, timerCalls, failLater } = machine(true);
    failLater(true);
    const run = await setup(sys, ['--monitor']);
    assert.notEqual(run.exit, 0, run.stdout);
    assert.equal(run.json?.error?.code, 'apply-failed', run.stdout);
    assert.deepEqual(timerCalls, [
      'daemon-reload [unit there]',
      'enable --now postfix-gmail-wizard-check.timer [unit there]',
      'disable --now postfix-gmail-wizard-check.timer [unit there]', // the undo, before the files go
      'daemon-reload', // after: systemd forgets the units the backup took out
    ]);
    assert.deepEqual([sys.files.has(SERVICE), sys.files.has(TIMER)], [false, false]);
    assert.equal(sys.files.has(JOURNAL), false);
  });

  it('systemd, a timer there before (a new --textfile): it stays on — systemd rereads the unit put back', async () => {
    const { sys, timerCalls, failLater } = machine(true);
    assert.equal((await setup(sys, ['--monitor'])).exit, 0);
    const before = sys.text(SERVICE);
    timerCalls.splice(0);
    failLater(true);
    const run = await setup(sys, ['--monitor', '--textfile', '/srv/metrics']);
    assert.equal(run.json?.error?.code, 'apply-failed', run.stdout);
    assert.deepEqual(timerCalls, [
      'daemon-reload [unit there]',
      'enable --now postfix-gmail-wizard-check.timer [unit there]',
      'daemon-reload [unit there]',
    ]);
    assert.equal(sys.text(SERVICE), before, 'the schedule as it was');
  });

  it('systemd, --no-monitor that fails after the disable: the timer that ran before is enabled again', async () => {
    const { sys, timerCalls, failLater } = machine(true);
    assert.equal((await setup(sys, ['--monitor'])).exit, 0);
    timerCalls.splice(0);
    failLater(true);
    const run = await setup(sys, ['--no-monitor']);
    assert.equal(run.json?.error?.code, 'apply-failed', run.stdout);
    assert.deepEqual(timerCalls, [
      'disable --now postfix-gmail-wizard-check.timer',
      'daemon-reload',
      'daemon-reload [unit there]',
      'enable --now postfix-gmail-wizard-check.timer [unit there]',
    ]);
    assert.ok(sys.files.has(TIMER));
  });

  it('cron: the cron.d entry goes with the rollback (a plan file), no systemctl', async () => {
    const { sys, timerCalls, failLater } = machine(false);
    failLater(true);
    const run = await setup(sys, ['--monitor']);
    assert.equal(run.json?.error?.code, 'apply-failed', run.stdout);
    assert.equal(sys.files.has(CRON), false);
    assert.deepEqual(timerCalls, []);
  });

  it('a crash right after the enable: the next run’s recovery disables the timer from the journal, then the units go', async () => {
    const { sys } = machine(true);
    // The machine as kill -9 leaves it the moment enable --now returned: the journal says the step began.
    let crashed: FakeSystem | undefined;
    sys.on('systemctl', (args) => {
      if (args[0] === 'enable') {
        crashed = machine(true).sys;
        for (const [path, file] of sys.files) crashed.files.set(path, { ...file, content: Buffer.from(file.content) });
        for (const dir of sys.dirs) crashed.dirs.add(dir);
      }
      return { exitCode: 0, stdout: '', stderr: '' };
    });
    assert.equal((await setup(sys, ['--monitor'])).exit, 0);
    if (!crashed) throw new Error('enable --now never ran');
    const after = crashed;
    const journal = JSON.parse(after.text(JOURNAL) ?? '{}') as { steps: { target?: string; undo?: unknown }[] };
    assert.deepEqual(journal.steps.at(-1), {
      code: 'command',
      target: 'systemctl enable --now postfix-gmail-wizard-check.timer',
      state: 'started',
      undo: {
        before: [{ file: 'systemctl', args: ['disable', '--now', 'postfix-gmail-wizard-check.timer'] }],
        after: [{ file: 'systemctl', args: ['daemon-reload'] }],
      },
    });
    const calls: string[] = [];
    after.on('systemctl', (args) => {
      calls.push(`${args.join(' ')}${after.files.has(TIMER) ? ' [unit there]' : ''}`);
      return { exitCode: 0, stdout: '', stderr: '' };
    });
    const next = await runCli(after, ['remove', '--yes', '--json']);
    assert.equal(next.exit, 0, next.stderr);
    assert.ok(next.json?.warnings.some((w) => /rolled back unfinished change/.test(w)));
    assert.deepEqual(calls.slice(0, 2), [
      'disable --now postfix-gmail-wizard-check.timer [unit there]',
      'daemon-reload',
    ]);
    assert.deepEqual([after.files.has(SERVICE), after.files.has(TIMER)], [false, false]);
  });
});
