// setup --monitor through the whole flow (recording fake of src/system, scripted prompts): the scheduled
// check as a cron.d entry, or as a systemd timer where systemd is PID 1 — in the plan, 0644 root, no
// secret in it, unchanged on a re-run, shown by status, taken out by --no-monitor and by remove, put
// back by restore (with systemd told); refused with the fix when the program runs from npx's cache or
// from a folder another user can change; offered at a terminal where node_exporter's folder exists.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { FakeSystem } from '../../support/fake-system.js';
import { runCli } from '../../support/run-cli.js';
import { ScriptedUi } from '../../support/scripted-ui.js';

const PW = 'abcdefghijklmnop';
const sent = 'status=sent (250 2.0.0 OK  1764320401 af79cd13be357-8b2e7c1a4e1si12345685a.100 - gsmtp)';
const CRON = '/etc/cron.d/postfix-gmail-wizard';
const SERVICE = '/etc/systemd/system/postfix-gmail-wizard-check.service';
const TIMER = '/etc/systemd/system/postfix-gmail-wizard-check.timer';
const COMMAND =
  '/usr/bin/node /usr/local/lib/node_modules/postfix-gmail-wizard/bin/postfix-gmail-wizard.js check --textfile /var/lib/prometheus/node-exporter --config-dir /etc/postfix';

function machine(systemd = false) {
  const sys = new FakeSystem();
  const postfix = installFakePostfix(sys, { delivery: () => sent });
  if (systemd) sys.dirs.add('/run/systemd/system');
  sys.on('systemctl', () => ({ exitCode: 0, stdout: '', stderr: '' }));
  return { sys, postfix };
}
const headless = ['--account', 'someone@gmail.com', '--password-stdin', '--no-test', '--yes', '--json'];
const run = (sys: FakeSystem, argv: string[], ui?: ScriptedUi) =>
  runCli(sys, argv, { stdin: `${PW}\n`, ...(ui ? { ui } : {}) });
/** systemctl's calls about the timer (the fake Postfix's own reloads go through systemctl too under systemd). */
const systemctl = (sys: FakeSystem) =>
  sys.calls.filter((c) => c.file === 'systemctl' && !c.args.includes('postfix')).map((c) => c.args.join(' '));

describe('setup --monitor: a cron.d entry where systemd does not run', () => {
  it('writes the entry (0644 root, no password, no mail to root), keeps it on a re-run, status shows it, remove takes it out, restore puts it back', async () => {
    const { sys } = machine();
    const first = await run(sys, [...headless, '--monitor']);
    assert.equal(first.exit, 0, first.stderr);
    assert.ok(first.json?.changed.files.includes(CRON));
    const entry = sys.files.get(CRON)!;
    assert.equal(entry.mode, 0o644);
    const text = entry.content.toString();
    assert.ok(!text.includes(PW), 'no secret in the entry');
    assert.match(text, /^MAILTO=""$/m, 'cron mails nothing: that mail could not leave either');
    assert.match(
      text,
      new RegExp(
        `^\\*/5 \\* \\* \\* \\* root ${COMMAND.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} 2>&1 \\| logger -t postfix-gmail-wizard-check -p user\\.notice$`,
        'm',
      ),
    );
    assert.deepEqual(systemctl(sys), [], 'no systemd here');

    const again = await run(sys, headless);
    assert.equal(again.json?.result, 'unchanged', 'a re-run without the flag keeps the entry as it is');
    const rerun = await run(sys, [...headless, '--monitor']);
    assert.equal(rerun.json?.result, 'unchanged', 'and with it, changes nothing');

    const status = await runCli(sys, ['status', '--json']);
    assert.deepEqual(status.json?.status?.monitor, {
      kind: 'cron',
      files: [CRON],
      textfile: '/var/lib/prometheus/node-exporter',
    });
    const human = await runCli(sys, ['status']);
    assert.match(
      human.stdout,
      /Scheduled check: a cron\.d entry, every 5 min, writes \/var\/lib\/prometheus\/node-exporter\/postfix_gmail_wizard\.prom/,
    );

    const removed = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(removed.exit, 0, removed.stderr);
    assert.equal(sys.files.has(CRON), false, 'remove takes the entry out');
    const restored = await runCli(sys, ['restore', removed.json!.backupId!, '--yes', '--json']);
    assert.equal(restored.exit, 0, restored.stderr);
    assert.equal(sys.files.get(CRON)?.content.toString(), text, 'restore puts it back as it was');
  });

  it('--no-monitor takes it out; --textfile moves it', async () => {
    const { sys } = machine();
    assert.equal((await run(sys, [...headless, '--monitor', '--textfile', '/srv/metrics/'])).exit, 0);
    assert.match(sys.files.get(CRON)!.content.toString(), / check --textfile \/srv\/metrics --config-dir /);
    const kept = await run(sys, [...headless, '--monitor']);
    assert.equal(kept.json?.result, 'unchanged', 'a re-run keeps the folder used before');
    const off = await run(sys, [...headless, '--no-monitor']);
    assert.equal(off.exit, 0, off.stderr);
    assert.equal(sys.files.has(CRON), false);
  });
});

describe('setup --monitor: a systemd timer where systemd is PID 1', () => {
  it('writes the service and the timer, then daemon-reload and enable --now; remove disables it; restore enables it again', async () => {
    const { sys } = machine(true);
    const first = await run(sys, [...headless, '--monitor']);
    assert.equal(first.exit, 0, first.stderr);
    assert.equal(sys.files.has(CRON), false);
    assert.equal(sys.files.get(SERVICE)?.mode, 0o644);
    assert.equal(sys.files.get(TIMER)?.mode, 0o644);
    assert.match(
      sys.files.get(SERVICE)!.content.toString(),
      new RegExp(`^ExecStart=${COMMAND.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`, 'm'),
    );
    assert.match(sys.files.get(TIMER)!.content.toString(), /^OnCalendar=\*:0\/5$/m);
    assert.deepEqual(systemctl(sys), ['daemon-reload', 'enable --now postfix-gmail-wizard-check.timer']);

    assert.equal((await run(sys, [...headless, '--monitor'])).json?.result, 'unchanged');
    assert.equal(systemctl(sys).length, 2, 'nothing to tell systemd on a re-run');

    const removed = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(removed.exit, 0, removed.stderr);
    assert.deepEqual([sys.files.has(SERVICE), sys.files.has(TIMER)], [false, false]);
    assert.deepEqual(systemctl(sys).slice(2), ['disable --now postfix-gmail-wizard-check.timer', 'daemon-reload']);
    const restored = await runCli(sys, ['restore', removed.json!.backupId!, '--yes', '--json']);
    assert.equal(restored.exit, 0, restored.stderr);
    assert.ok(sys.files.has(TIMER));
    assert.deepEqual(systemctl(sys).slice(4), ['daemon-reload', 'enable --now postfix-gmail-wizard-check.timer']);
  });
});

describe('setup --monitor refuses a program a root timer must not call', () => {
  for (const [name, set, code, says] of [
    [
      "npx's cache",
      (sys: FakeSystem) => {
        sys.programPaths = {
          node: '/usr/bin/node',
          script: '/root/.npm/_npx/4f1c/node_modules/postfix-gmail-wizard/bin/postfix-gmail-wizard.js',
        };
      },
      'monitor-npx-cache',
      /npx's cache .* which npm deletes/,
    ],
    [
      'a clone another user can change',
      (sys: FakeSystem) => {
        sys.programPaths = { node: '/usr/bin/node', script: '/home/ann/pgw/bin/postfix-gmail-wizard.js' };
        sys.dirs.add('/home/ann/pgw/bin');
        sys.unsafeDirs.set('/home/ann', 'owner');
      },
      'monitor-unsafe-dir',
      /from \/home\/ann, which a user other than root can change/,
    ],
  ] as const) {
    it(`${name}: exit 2 before anything is read or written, with the fix (a global install)`, async () => {
      const { sys } = machine();
      set(sys);
      const result = await run(sys, [...headless, '--monitor']);
      assert.equal(result.exit, 2, result.stderr);
      assert.equal(result.json?.error?.code, code);
      assert.match(result.stderr, says);
      assert.match(result.stderr, /sudo npm install -g postfix-gmail-wizard/);
      assert.equal(sys.writes.length, 0);
      assert.equal(sys.authChecks.length, 0, 'not even a login');
    });
  }
});

describe('setup offers the scheduled check at a terminal', () => {
  it("where node_exporter's textfile folder exists: explained, asked, written", async () => {
    const { sys } = machine();
    sys.dirs.add('/var/lib/prometheus/node-exporter');
    const ui = new ScriptedUi(['someone@gmail.com', PW, 'none', true, 'apply']);
    const result = await run(sys, ['--no-test'], ui);
    assert.equal(result.exit, 0, ui.transcript);
    assert.match(ui.transcript, /every 5 minutes, a cron\.d entry runs postfix-gmail-wizard check --textfile/);
    assert.ok(sys.files.has(CRON));
    assert.match(ui.transcript, /--monitor/, 'the equivalent command line says so');
  });
});

describe('the schedule is one per machine: another instance (--config-dir) never takes or drops it unasked', () => {
  const otherEntry = `*/5 * * * * root ${COMMAND.replace('--config-dir /etc/postfix', '--config-dir /etc/postfix-out')}\n`;

  it('with --config-dir at a terminal, not asked even where node_exporter reads the folder', async () => {
    const { sys } = machine();
    sys.dirs.add('/var/lib/prometheus/node-exporter');
    const ui = new ScriptedUi(['someone@gmail.com', PW, 'none', 'apply']);
    const result = await run(sys, ['--no-test', '--config-dir', '/etc/postfix'], ui);
    assert.equal(result.exit, 0, ui.transcript);
    assert.doesNotMatch(ui.transcript, /every 5 minutes/);
    assert.equal(sys.files.has(CRON), false);
  });

  it("another instance's entry is neither asked about, kept as this one's, nor taken out by remove", async () => {
    const { sys } = machine();
    sys.dirs.add('/var/lib/prometheus/node-exporter');
    sys.put(CRON, otherEntry);
    const ui = new ScriptedUi(['someone@gmail.com', PW, 'none', 'apply']);
    const result = await run(sys, ['--no-test'], ui);
    assert.equal(result.exit, 0, ui.transcript);
    assert.doesNotMatch(ui.transcript, /every 5 minutes/);
    const removed = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(removed.exit, 0, removed.stderr);
    assert.equal(sys.files.get(CRON)?.content.toString(), otherEntry, "the other instance's entry stays");
  });
});
