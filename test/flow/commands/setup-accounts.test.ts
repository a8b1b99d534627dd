// The re-run menu with several accounts (issue 15), through the whole flow with a recording fake of
// src/system and scripted prompts: add an account for some senders, then remove it again; and the
// words a headless run says when another account replaces the default.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { A, B, PW_A, PW_B, MAP, configuredWithA, sent } from '../../support/credential-machine.js';
import { FakeSystem } from '../../support/fake-system.js';
import { runCli } from '../../support/run-cli.js';
import { ScriptedUi } from '../../support/scripted-ui.js';

const lines = (text: string | undefined) => (text ?? '').split('\n').filter((l) => l.trim() && !l.startsWith('#'));

describe('re-run menu: an account for some senders', () => {
  it('adds one (address, senders, stored password), tests from the first sender; then removes it from the menu', async () => {
    const { sys } = await configuredWithA();
    sys.secrets.set(B, PW_B);
    const ui = new ScriptedUi(['senders', B, 'alerts@ops.example, @shop.example', true]);
    const run = await runCli(sys, [], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.deepEqual(lines(sys.text(MAP)), [
      '[smtp.gmail.com]:587 someone@gmail.com:abcdefghijklmnop',
      `alerts@ops.example ${B}:${PW_B}`,
      `@shop.example ${B}:${PW_B}`,
    ]);
    assert.deepEqual(lines(sys.text('/etc/postfix/sender_relay')), [
      'alerts@ops.example [smtp.gmail.com]:587',
      '@shop.example [smtp.gmail.com]:587',
    ]);
    assert.equal(sys.submitted.at(-1)?.from, 'alerts@ops.example');
    assert.match(ui.transcript, /Postfix logs in as other@gmail\.com/);
    assert.match(ui.transcript, /every other sender still goes out as someone@gmail\.com/);
    assert.ok(!ui.transcript.includes(PW_B) && !ui.transcript.includes(PW_A));

    let offered: string[] = [];
    const again = new ScriptedUi([`remove:${B}`, true]);
    const select = again.select.bind(again);
    again.select = async (q) => ((offered = q.options.map((o) => String(o.value))), select(q));
    const removed = await runCli(sys, [], { ui: again });
    assert.equal(removed.exit, 0, again.transcript);
    assert.deepEqual(offered, ['keep', 'new', 'senders', `remove:${B}`]);
    assert.deepEqual(lines(sys.text(MAP)), ['[smtp.gmail.com]:587 someone@gmail.com:abcdefghijklmnop']);
    assert.equal(sys.text('/etc/postfix/sender_relay'), undefined);
    assert.match(again.transcript, /other@gmail\.com removed/);
  });

  it('a typed list with a sender twice is refused at the prompt and asked again', async () => {
    const { sys } = await configuredWithA();
    sys.secrets.set(B, PW_B);
    const ui = new ScriptedUi(['senders', B, 'a@x.example,a@x.example', 'a@x.example', true]);
    const run = await runCli(sys, ['--no-test'], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.match(ui.transcript, /invalid: --senders lists a@x\.example twice/);
  });
});

describe('headless: another account without --senders', () => {
  it('replaces the default account and says so; --senders with the default account itself is exit 2', async () => {
    const { sys } = await configuredWithA();
    const same = await runCli(sys, ['--account', A, '--senders', 'x@y.example', '--yes', '--json', '--no-test']);
    assert.equal(same.exit, 2);
    assert.equal(same.json?.error?.code, 'senders-default-account');
    const run = await runCli(sys, ['--account', B, '--password-stdin', '--yes', '--no-test'], { stdin: `${PW_B}\n` });
    assert.equal(run.exit, 0, run.stdout);
    assert.match(run.stdout, /other@gmail\.com replaces someone@gmail\.com as the default account/);
  });

  it('--senders before any default account: exit 2 with the fix, nothing written', async () => {
    const sys = new FakeSystem();
    installFakePostfix(sys, { delivery: () => sent });
    sys.authResult = () => ({ ok: true });
    const run = await runCli(sys, ['--account', B, '--senders', 'x@y.example', '--password-stdin', '--yes', '--json'], {
      stdin: `${PW_B}\n`,
    });
    assert.equal(run.exit, 2);
    assert.equal(run.json?.error?.code, 'no-default-account');
    assert.equal(sys.text(MAP), undefined);
    assert.equal(sys.authChecks.length, 0, 'no login tried');
  });
});

describe('headless: --senders, status and remove', () => {
  it('stores the second password under its own account, status lists both, remove takes out everything', async () => {
    const { sys, postfix } = await configuredWithA();
    const run = await runCli(
      sys,
      ['--account', B, '--senders', 'alerts@ops.example', '--password-stdin', '--yes', '--json', '--no-test'],
      { stdin: `${PW_B}\n` },
    );
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(run.json?.keychain, 'stored');
    assert.equal(sys.secrets.get(B), PW_B);
    assert.equal(sys.secrets.get(A), PW_A, "the default account's entry stays");

    const status = await runCli(sys, ['status']);
    assert.match(status.stdout, /Accounts:\n.*someone@gmail\.com \(default: every other sender\)/);
    assert.match(status.stdout, /other@gmail\.com for alerts@ops\.example — /);
    const ja = await runCli(sys, ['status', '--lang', 'ja']);
    assert.match(ja.stdout, /アカウント:\n.*someone@gmail\.com（既定: ほかのすべての送信者）/);

    const removed = await runCli(sys, ['remove', '--yes']);
    assert.equal(removed.exit, 0, removed.stdout);
    assert.equal(sys.text('/etc/postfix/sender_relay'), undefined);
    assert.doesNotMatch(postfix.mainCf(), /sender_dependent/);
  });
});
