// setup run again through main(): keep / switch / add an account, and the deferred mail a
// switch that fixes the login lets go.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  A,
  B,
  PW_A,
  PW_B,
  sent,
  MAP,
  bad535,
  machine,
  configuredWithA,
  credentialLines,
  assertNoSecret,
} from '../../support/credential-machine.js';
import { runCli } from '../../support/run-cli.js';
import { ScriptedUi } from '../../support/scripted-ui.js';

describe('re-run: keep, switch or add an account', () => {
  it("offers the current account (from the map, password never shown), the keychain's accounts, and a new one", async () => {
    const { sys } = await configuredWithA();
    sys.secrets.set(B, PW_B);
    let offered: string[] = [];
    const ui = new ScriptedUi(['keep']);
    const origSelect = ui.select.bind(ui);
    ui.select = async (q) => {
      offered = q.options.map((o) => `${String(o.value)}|${o.label}|${o.hint ?? ''}`);
      return origSelect(q);
    };
    const run = await runCli(sys, ['--no-test'], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.deepEqual(offered, [
      `keep|Keep ${A} and test it again|password in the keychain`,
      `switch:${B}|Switch to ${B}|password in the keychain`,
      // Not "Add": it replaces the current account for every sender (the next option adds one).
      `new|Use another account instead of ${A}|`,
      'senders|Add an account for some senders only|',
    ]);
    assert.match(ui.transcript, /Postfix currently logs in to the relay as someone@gmail\.com/);
    assertNoSecret(sys, ui.transcript);
  });

  it('keep: re-tests with the password Postfix has (no prompt), changes nothing', async () => {
    const { sys } = await configuredWithA();
    sys.secrets.clear(); // the map alone is enough
    const mapWrites = sys.writes.filter((w) => w.path === MAP).length;
    const ui = new ScriptedUi(['']); // Enter keeps the pre-filled current account
    const run = await runCli(sys, [], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.match(ui.transcript, /Press Enter to keep someone@gmail\.com and test it again/);
    // That answer asked for the test: "Send a test message now?" is not asked on top of it.
    assert.ok(!ui.asked.some((q) => /Send a test message now/.test(q)), ui.asked.join('\n'));
    assert.ok(!ui.asked.some((q) => /App password/.test(q)), ui.asked.join('\n'));
    assert.deepEqual(sys.authChecks.at(-1)?.password, PW_A);
    assert.match(ui.transcript, /Already configured this way/);
    assert.equal(sys.writes.filter((w) => w.path === MAP).length, mapWrites, 'the map was not rewritten');
    assert.equal(sys.submitted.length, 1); // the re-test
  });

  it('switch: no retyping, the map holds exactly the new credential, the old one is gone', async () => {
    const { sys } = await configuredWithA();
    sys.secrets.set(B, PW_B);
    const ui = new ScriptedUi([`switch:${B}`, true]);
    const run = await runCli(sys, [], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.ok(!ui.asked.some((q) => /App password/.test(q)));
    assert.deepEqual(credentialLines(sys.text(MAP)), [`[smtp.gmail.com]:587 ${B}:${PW_B}`]);
    assert.ok(!(sys.text(MAP) ?? '').includes(PW_A));
    assert.match(ui.transcript, /Using the app password stored in the keychain for other@gmail\.com/);
    assertNoSecret(sys, ui.transcript);
  });

  it('new: asks the address and the password, then stores it next to the others', async () => {
    const { sys } = await configuredWithA();
    const ui = new ScriptedUi([B, 'qrst uvwx yzab cdef', true]); // only A is stored: the pre-filled prompt
    const run = await runCli(sys, [], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.deepEqual(credentialLines(sys.text(MAP)), [`[smtp.gmail.com]:587 ${B}:${PW_B}`]);
    assert.deepEqual([...sys.secrets.keys()].sort(), [B, A].sort());
  });

  it('new, from the list: asks the address and the password', async () => {
    const { sys } = await configuredWithA();
    sys.secrets.set(B, PW_B);
    const C = 'third@example.org';
    sys.authResult = (user, password) => (user === C && password === PW_A ? { ok: true } : bad535);
    const ui = new ScriptedUi(['new', C, 'app-password', 'gmail', PW_A, true]); // the app password, and smtp.gmail.com kept for the Workspace domain (both asked before the password)
    const run = await runCli(sys, [], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.deepEqual(credentialLines(sys.text(MAP)), [`[smtp.gmail.com]:587 ${C}:${PW_A}`]);
    assert.deepEqual([...sys.secrets.keys()].sort(), [A, B, C].sort());
  });

  it('first run with nothing stored: just asks for the address', async () => {
    const { sys } = machine();
    const ui = new ScriptedUi([A, PW_A, 'none', true]); // 'none': sender addresses left alone
    const run = await runCli(sys, [], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.equal(ui.asked[0], 'Gmail address to send as');
  });

  it("ignores what is not an address among the keychain's accounts", async () => {
    const { sys } = await configuredWithA();
    sys.secrets.set('[evil]:25 x@y:z', 'whatever');
    sys.secrets.set(B, PW_B);
    let labels: string[] = [];
    const ui = new ScriptedUi(['keep']);
    const origSelect = ui.select.bind(ui);
    ui.select = async (q) => ((labels = q.options.map((o) => o.label)), origSelect(q));
    await runCli(sys, ['--no-test'], { ui });
    assert.ok(!labels.some((l) => l.includes('evil')), labels.join(', '));
    assert.equal(labels.length, 4); // keep, switch, new, an account for some senders
  });

  it('after a switch that fixes the login, deferred mail is flushed and counted', async () => {
    const { sys, postfix } = await configuredWithA();
    sys.secrets.set(B, PW_B);
    const ids = ['A1B2C3D4E5', 'F6A7B8C9D0'];
    postfix.queue.push(
      ...ids.map((id) =>
        JSON.stringify({
          queue_name: 'deferred',
          queue_id: id,
          arrival_time: 1,
          sender: 'root@vm',
          recipients: [
            {
              address: 'x@example.com',
              delay_reason:
                'SASL authentication failed; server smtp.gmail.com said: 535-5.7.8 Username and Password not accepted',
            },
          ],
        }),
      ),
    );
    sys.on('postqueue', (args) => {
      if (args.includes('-f')) {
        const lines = ids.map(
          (id) =>
            `Nov 28 09:00:02 vm postfix/smtp[4243]: ${id}: to=<x@example.com>, relay=smtp.gmail.com[142.250.102.109]:587, delay=300, delays=299/0.01/0.6/0.5, dsn=2.0.0, ${sent}\n`,
        );
        sys.put('/var/log/mail.log', (sys.text('/var/log/mail.log') ?? '') + lines.join(''));
        postfix.queue.length = 0;
      }
      return { exitCode: 0, stdout: postfix.queue.join('\n'), stderr: '' };
    });
    const ui = new ScriptedUi([`switch:${B}`, true]);
    const run = await runCli(sys, ['--no-test', '--json'], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.ok(
      sys.calls.some((c) => c.file === 'postqueue' && c.args.join(' ') === '-f'),
      'postqueue -f (default instance: no -c)',
    );
    assert.match(ui.transcript, /2 of 2 deferred message\(s\) went out with the new login/);
    assert.deepEqual(run.json?.flushed, { deferred: 2, sent: 2 });
  });

  it('a deferred message that fails again is not counted as gone out, and the person is told', async () => {
    const { sys, postfix } = await configuredWithA();
    sys.secrets.set(B, PW_B);
    const ids = ['AAAAAA1111', 'BBBBBB2222'];
    postfix.queue.push(
      ...ids.map((id) =>
        JSON.stringify({
          queue_name: 'deferred',
          queue_id: id,
          arrival_time: 1,
          sender: 'root@vm',
          recipients: [{ address: 'x@example.com' }],
        }),
      ),
    );
    sys.on('postqueue', (args) => {
      if (args.includes('-f')) {
        const line = (id: string, tail: string) =>
          `Nov 28 09:00:02 vm postfix/smtp[4243]: ${id}: to=<x@example.com>, relay=smtp.gmail.com[142.250.102.109]:587, delay=300, delays=299/0.01/0.6/0.5, dsn=${tail.startsWith('status=sent') ? '2.0.0' : '4.2.1'}, ${tail}\n`;
        sys.put(
          '/var/log/mail.log',
          (sys.text('/var/log/mail.log') ?? '') +
            line(ids[0]!, sent) +
            line(
              ids[1]!,
              'status=deferred (host smtp.gmail.com said: 450-4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages)',
            ),
        );
        postfix.queue.splice(0, 1);
      }
      return { exitCode: 0, stdout: postfix.queue.join('\n'), stderr: '' };
    });
    const ui = new ScriptedUi([`switch:${B}`, true]);
    const run = await runCli(sys, ['--no-test', '--json'], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.match(ui.transcript, /1 of 2 deferred message\(s\) went out/);
    assert.match(ui.transcript, /1 deferred message\(s\) are still waiting/);
    assert.deepEqual(run.json?.flushed, { deferred: 2, sent: 1 });
  });

  it('no flush when the credentials did not change', async () => {
    const { sys, postfix } = await configuredWithA();
    postfix.queue.push(
      JSON.stringify({
        queue_name: 'deferred',
        queue_id: 'ABCDEF1234',
        arrival_time: 1,
        sender: 'root@vm',
        recipients: [{ address: 'x@example.com' }],
      }),
    );
    const run = await runCli(sys, ['--account', A, '--yes', '--no-test', '--json']);
    assert.equal(run.exit, 0);
    assert.ok(!sys.calls.some((c) => c.file === 'postqueue' && c.args.includes('-f')));
    assert.equal(run.json?.flushed, undefined);
  });
});

describe('re-run with the account spelled in other letter case', () => {
  // Google's addresses ignore case: Someone@Gmail.com is the account Postfix already logs in as.
  it('--account in capitals: the same account, with the password Postfix has, nothing replaced', async () => {
    const { sys } = await configuredWithA();
    sys.secrets.clear(); // the map alone holds the password
    const run = await runCli(sys, ['--account', A.toUpperCase(), '--yes', '--no-test', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /replaces/);
    assert.equal(run.json?.account, A);
    assert.deepEqual(credentialLines(sys.text(MAP)), [`[smtp.gmail.com]:587 ${A}:${PW_A}`]);
  });

  it('typed at the pre-filled prompt in capitals: kept, no password asked', async () => {
    const { sys } = await configuredWithA();
    sys.secrets.clear();
    const ui = new ScriptedUi([A.toUpperCase(), true]);
    const run = await runCli(sys, [], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.ok(!ui.asked.some((q) => /App password/.test(q)), ui.asked.join('\n'));
    assert.doesNotMatch(ui.transcript, /replaces/);
  });
});
