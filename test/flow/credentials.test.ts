// Credentials through the whole setup flow (recording fake of src/system,
// scripted prompts): the keychain's honest outcomes, the re-run choice
// (keep / switch / new), the pre-flight's plain words and its retries,
// flushing deferred mail after a switch, and `status`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { installFakePostfix } from '../support/fake-postfix.js';
import { FakeSystem } from '../support/fake-system.js';
import { runCli } from '../support/run-cli.js';
import { ScriptedUi, cancel } from '../support/scripted-ui.js';

const A = 'someone@gmail.com';
const B = 'other@gmail.com';
const PW_A = 'abcdefghijklmnop';
const PW_B = 'qrstuvwxyzabcdef';
const sent = 'status=sent (250 2.0.0 OK  1764320401 af79cd13be357-8b2e7c1a4e1si12345685a.100 - gsmtp)';
const MAP = '/etc/postfix/sasl_passwd';
const bad535 = { ok: false, errorCode: 'EAUTH', responseCode: 535, response: '535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials - gsmtp' };
const bad534 = { ok: false, errorCode: 'EAUTH', responseCode: 534, response: '534-5.7.9 Application-specific password required. For more information, go to\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor - gsmtp' };

function machine() {
  const sys = new FakeSystem();
  const postfix = installFakePostfix(sys, { delivery: () => sent });
  // Gmail knows two accounts.
  const passwords: Record<string, string> = { [A]: PW_A, [B]: PW_B };
  sys.authResult = (user, password) => (passwords[user] === password ? { ok: true } : bad535);
  return { sys, postfix, passwords };
}

/** Run 1: A configured headless with --password-stdin (and so stored in the keychain). */
async function configuredWithA() {
  const m = machine();
  const run = await runCli(m.sys, ['--account', A, '--password-stdin', '--yes', '--no-test'], { stdin: `${PW_A}\n` });
  assert.equal(run.exit, 0, run.stdout);
  return m;
}

function credentialLines(map: string | undefined): string[] {
  return (map ?? '').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
}

function assertNoSecret(sys: FakeSystem, ...texts: string[]): void {
  for (const secret of [PW_A, PW_B]) {
    for (const call of sys.calls) {
      assert.ok(!call.args.join(' ').includes(secret), `password in argv of ${call.file}`);
      assert.ok(!JSON.stringify(call.env ?? {}).includes(secret), `password in env of ${call.file}`);
    }
    for (const text of texts) assert.ok(!text.includes(secret), `password in output: ${text.slice(0, 200)}`);
  }
}

describe('keychain: store and reuse', () => {
  it('run 1 stores the password; run 2 with only --account (stdin closed) uses it', async () => {
    const { sys } = await configuredWithA();
    assert.equal(sys.secrets.get(A), PW_A);
    sys.authChecks.length = 0;
    const run = await runCli(sys, ['--account', A, '--yes', '--json', '--to', 'friend@example.com']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(run.json?.keychain, 'used');
    assert.deepEqual(sys.authChecks.map((c) => [c.user, c.password]), [[A, PW_A]]);
    assert.match(run.stderr, /Using the app password stored in the keychain for someone@gmail\.com/);
    assertNoSecret(sys, run.stdout, run.stderr);
  });

  it('says honestly when the password was stored, and where', async () => {
    const { sys } = machine();
    const run = await runCli(sys, ['--account', A, '--password-stdin', '--yes', '--no-test', '--json'], { stdin: `${PW_A}\n` });
    assert.equal(run.json?.keychain, 'stored');
    assert.match(run.stderr, /App password for someone@gmail\.com stored in your keychain/);
  });

  it('under sudo, names the keychain of the person who ran sudo', async () => {
    const { sys } = machine();
    sys.environment = { ...sys.environment, SUDO_USER: 'alice', SUDO_UID: '1000', SUDO_GID: '1000' };
    const run = await runCli(sys, ['--account', A, '--password-stdin', '--yes', '--no-test'], { stdin: `${PW_A}\n` });
    assert.equal(run.exit, 0);
    assert.match(run.stdout, /stored in the keychain of alice/);
  });

  for (const [reason, words] of [
    ['no-session-bus', /no keychain is reachable \(no desktop session bus/],
    ['kernel-keyring-only', /only store left is the kernel keyring, which forgets everything at reboot/],
    ['locked', /keyring is locked/],
    ['module-missing', /keychain module is not installed/],
  ] as const) {
    it(`${reason}: not stored, says why, and the setup still works`, async () => {
      const { sys } = machine();
      sys.keychainMissing = reason;
      const run = await runCli(sys, ['--account', A, '--password-stdin', '--yes', '--json', '--to', 'friend@example.com'], { stdin: `${PW_A}\n` });
      assert.equal(run.exit, 0, run.stderr);
      assert.equal(run.json?.keychain, `not-stored:${reason}`);
      assert.match(run.stderr, words);
      assert.equal(sys.secrets.size, 0);
      assert.match(sys.text(MAP) ?? '', new RegExp(`${A}:${PW_A}$`, 'm'));
    });
  }

  it('a keyring locked when storing: "NOT stored" with the reason, exit 0', async () => {
    const { sys } = machine();
    sys.keychainFailure = 'locked';
    const run = await runCli(sys, ['--account', A, '--password-stdin', '--yes', '--no-test', '--json'], { stdin: `${PW_A}\n` });
    assert.equal(run.exit, 0);
    assert.equal(run.json?.keychain, 'not-stored:locked');
    assert.match(run.stderr, /NOT stored in a keychain: the keyring is locked/);
  });

  it('--no-keychain neither reads nor writes it', async () => {
    const { sys } = await configuredWithA();
    sys.secrets.set(B, PW_B);
    const run = await runCli(sys, ['--account', B, '--no-keychain', '--yes', '--non-interactive']);
    assert.equal(run.exit, 2);
    assert.match(run.stdout, /--password-stdin/);
    const typed = await runCli(sys, ['--account', B, '--password-stdin', '--no-keychain', '--yes', '--no-test', '--json'], { stdin: `${PW_B}\n` });
    assert.equal(typed.exit, 0);
    assert.equal(typed.json?.keychain, 'not-stored:disabled');
    assert.deepEqual([...sys.secrets.keys()].sort(), [B, A].sort()); // untouched
  });

  it('headless without a password: exit 2, and the message says why the keychain could not help', async () => {
    const { sys } = machine();
    sys.keychainMissing = 'no-session-bus';
    const run = await runCli(sys, ['--account', A, '--yes']);
    assert.equal(run.exit, 2);
    assert.match(run.stdout, /--password-stdin or --password-file PATH/);
    assert.match(run.stdout, /No stored password could be used for someone@gmail\.com: no keychain is reachable/);
    const empty = machine().sys;
    const none = await runCli(empty, ['--account', A, '--yes']);
    assert.match(none.stdout, /The keychain holds no app password for someone@gmail\.com/);
    assert.equal(empty.writes.length, 0);
  });

  it('a stored password Gmail now refuses: exit 1, nothing written, and it says it was the stored one', async () => {
    const { sys, passwords } = await configuredWithA();
    passwords[A] = 'newpasswordnewpw';
    const writes = sys.writes.length;
    const run = await runCli(sys, ['--account', A, '--yes', '--json']);
    assert.equal(run.exit, 1);
    assert.equal(run.json?.error?.code, 'preflight-auth-bad-credentials');
    assert.match(run.json?.error?.message ?? '', /stored in the keychain: it is no longer valid/);
    assert.equal(sys.writes.length, writes);
  });

  it('headless re-run of the current account without keychain uses the password the map holds', async () => {
    const { sys } = await configuredWithA();
    sys.secrets.clear();
    const run = await runCli(sys, ['--account', A, '--yes', '--no-test', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(run.json?.result, 'unchanged');
    assert.deepEqual(sys.authChecks.at(-1), { endpoint: sys.authChecks.at(-1)!.endpoint, user: A, password: PW_A });
  });
});

describe('a stored password goes only to the relay it was stored for', () => {
  const writesOf = (sys: FakeSystem) => sys.writes.length;

  it('headless, another relay, no password flag: exit 2 naming the password flags; no login anywhere, nothing written', async () => {
    const { sys } = await configuredWithA();
    sys.authChecks.length = 0;
    const writes = writesOf(sys);
    for (const keychain of [[], ['--no-keychain']]) {
      const run = await runCli(sys, ['--account', A, '--relay', 'evil.example:587', '--yes', '--json', ...keychain]);
      assert.equal(run.exit, 2, run.stderr);
      assert.equal(run.json?.error?.code, 'missing-answers');
      assert.match(run.json?.error?.message ?? '', /--password-stdin/);
      assert.match(run.json?.error?.message ?? '', /belongs to \[smtp\.gmail\.com\]:587; it is not sent to \[evil\.example\]:587/);
    }
    assert.deepEqual(sys.authChecks, [], 'no server was sent the stored password');
    assert.equal(writesOf(sys), writes);
  });

  it('interactive, another relay: the password is asked for, and the typed one is what the relay gets', async () => {
    const { sys } = await configuredWithA();
    sys.authChecks.length = 0;
    sys.authResult = (_user, password) => (password === PW_B ? { ok: true } : bad535); // other.example knows another password
    const ui = new ScriptedUi([PW_B]);
    const run = await runCli(sys, ['--account', A, '--relay', 'other.example:587', '--yes', '--no-test'], { ui });
    assert.equal(run.exit, 0, `${run.stderr}\n${ui.transcript}`);
    assert.deepEqual(sys.authChecks.map((c) => [c.endpoint.host, c.password]), [['other.example', PW_B]]);
    assert.equal(sys.secrets.get(A), PW_A, 'the entry for smtp.gmail.com is untouched');
    assert.equal(sys.secrets.get(`${A} [other.example]:587`), PW_B, 'the new one is stored for its own relay');
  });

  it('a keychain entry of another relay is not offered to smtp.gmail.com, nor a bare (old) entry to another relay', async () => {
    const { sys } = machine();
    sys.secrets.set(`${A} [other.example]:587`, PW_A);
    const run = await runCli(sys, ['--account', A, '--yes', '--no-test', '--json']);
    assert.equal(run.exit, 2, run.stderr);
    sys.secrets.clear();
    sys.secrets.set(A, PW_A);
    const other = await runCli(sys, ['--account', A, '--relay', 'other.example:2525', '--yes', '--no-test', '--json']);
    assert.equal(other.exit, 2, other.stderr);
    assert.deepEqual(sys.authChecks, []);
  });

  it('a password read from the root-only map is never copied into the keychain', async () => {
    const { sys } = await configuredWithA();
    sys.secrets.clear();
    const run = await runCli(sys, ['--account', A, '--yes', '--no-test', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(run.json?.keychain, 'not-stored:from-map');
    assert.equal(sys.secrets.size, 0);
  });
});

describe('re-run: keep, switch or add an account', () => {
  it('offers the current account (from the map, password never shown), the keychain\'s accounts, and a new one', async () => {
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
      'new|Add another account|',
      'senders|Add an account for some senders only|',
    ]);
    assert.match(ui.transcript, /Postfix currently logs in to the relay as someone@gmail\.com/);
    assertNoSecret(sys, ui.transcript);
  });

  it('keep: re-tests with the password Postfix has (no prompt), changes nothing', async () => {
    const { sys } = await configuredWithA();
    sys.secrets.clear(); // the map alone is enough
    const mapWrites = sys.writes.filter((w) => w.path === MAP).length;
    const ui = new ScriptedUi(['', true]); // Enter keeps the pre-filled current account
    const run = await runCli(sys, [], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.match(ui.transcript, /Press Enter to keep someone@gmail\.com and test it again/);
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
    const ui = new ScriptedUi(['new', C, 'gmail', PW_A, true]); // 'gmail': keep smtp.gmail.com for the Workspace domain (asked before the password)
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

  it('ignores what is not an address among the keychain\'s accounts', async () => {
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
    postfix.queue.push(...ids.map((id) => JSON.stringify({ queue_name: 'deferred', queue_id: id, arrival_time: 1, sender: 'root@vm', recipients: [{ address: 'x@example.com', delay_reason: 'SASL authentication failed; server smtp.gmail.com said: 535-5.7.8 Username and Password not accepted' }] })));
    sys.on('postqueue', (args) => {
      if (args.includes('-f')) {
        const lines = ids.map((id) => `Nov 28 09:00:02 vm postfix/smtp[4243]: ${id}: to=<x@example.com>, relay=smtp.gmail.com[142.250.102.109]:587, delay=300, delays=299/0.01/0.6/0.5, dsn=2.0.0, ${sent}\n`);
        sys.put('/var/log/mail.log', (sys.text('/var/log/mail.log') ?? '') + lines.join(''));
        postfix.queue.length = 0;
      }
      return { exitCode: 0, stdout: postfix.queue.join('\n'), stderr: '' };
    });
    const ui = new ScriptedUi([`switch:${B}`, true]);
    const run = await runCli(sys, ['--no-test', '--json'], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.ok(sys.calls.some((c) => c.file === 'postqueue' && c.args.join(' ') === '-f'), 'postqueue -f (default instance: no -c)');
    assert.match(ui.transcript, /2 of 2 deferred message\(s\) went out with the new login/);
    assert.deepEqual(run.json?.flushed, { deferred: 2, sent: 2 });
  });

  it('a deferred message that fails again is not counted as gone out, and the person is told', async () => {
    const { sys, postfix } = await configuredWithA();
    sys.secrets.set(B, PW_B);
    const ids = ['AAAAAA1111', 'BBBBBB2222'];
    postfix.queue.push(...ids.map((id) => JSON.stringify({ queue_name: 'deferred', queue_id: id, arrival_time: 1, sender: 'root@vm', recipients: [{ address: 'x@example.com' }] })));
    sys.on('postqueue', (args) => {
      if (args.includes('-f')) {
        const line = (id: string, tail: string) => `Nov 28 09:00:02 vm postfix/smtp[4243]: ${id}: to=<x@example.com>, relay=smtp.gmail.com[142.250.102.109]:587, delay=300, delays=299/0.01/0.6/0.5, dsn=${tail.startsWith('status=sent') ? '2.0.0' : '4.2.1'}, ${tail}\n`;
        sys.put('/var/log/mail.log', (sys.text('/var/log/mail.log') ?? '') + line(ids[0]!, sent) + line(ids[1]!, 'status=deferred (host smtp.gmail.com said: 450-4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages)'));
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
    postfix.queue.push(JSON.stringify({ queue_name: 'deferred', queue_id: 'ABCDEF1234', arrival_time: 1, sender: 'root@vm', recipients: [{ address: 'x@example.com' }] }));
    const run = await runCli(sys, ['--account', A, '--yes', '--no-test', '--json']);
    assert.equal(run.exit, 0);
    assert.ok(!sys.calls.some((c) => c.file === 'postqueue' && c.args.includes('-f')));
    assert.equal(run.json?.flushed, undefined);
  });
});

describe('pre-flight, interactive', () => {
  it('explains a rejected password in plain words and asks again', async () => {
    const { sys } = machine();
    const ui = new ScriptedUi([A, 'wrongwrongwrongx', PW_A, 'none', true]);
    const run = await runCli(sys, [], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.deepEqual(sys.authChecks.map((c) => c.password), ['wrongwrongwrongx', PW_A]);
    assert.match(ui.transcript, /failed: Could not log in to smtp\.gmail\.com:587: 535/);
    assert.match(ui.transcript, /warn: Gmail rejected the account name or app password \(535 5\.7\.8\)\.\nCreate a new app password at https:\/\/myaccount\.google\.com\/apppasswords/);
    assert.equal(ui.asked.filter((q) => /App password/.test(q)).length, 2);
  });

  it('534: says an app password (2-Step Verification) is needed, and asks again', async () => {
    const { sys } = machine();
    let first = true;
    sys.authResult = () => (first ? ((first = false), bad534) : { ok: true });
    const ui = new ScriptedUi([A, 'mynormalpassword', PW_A, 'none', true]);
    const run = await runCli(sys, [], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.match(ui.transcript, /Gmail wants an app password, not your normal Google password \(534 5\.7\.9\)/);
  });

  it('gives up after three refusals: exit 1, nothing written, nothing stored', async () => {
    const { sys } = machine();
    const ui = new ScriptedUi([A, 'wrongwrongwronga', 'wrongwrongwrongb', 'wrongwrongwrongc']);
    const run = await runCli(sys, ['--json'], { ui });
    assert.equal(run.exit, 1);
    assert.equal(run.json?.error?.code, 'preflight-auth-bad-credentials');
    assert.equal(sys.writes.length, 0);
    assert.equal(sys.secrets.size, 0);
  });

  it('454 (too many attempts) is not asked again: wait', async () => {
    const { sys } = machine();
    sys.authResult = () => ({ ok: false, errorCode: 'EAUTH', responseCode: 454, response: '454 4.7.0 Too many login attempts, please try again later. - gsmtp' });
    const ui = new ScriptedUi([A, PW_A]);
    const run = await runCli(sys, ['--json'], { ui });
    assert.equal(run.exit, 1);
    assert.equal(run.json?.error?.code, 'preflight-auth-too-many-attempts');
    assert.match(run.json?.error?.fix ?? '', /Wait an hour/);
  });

  it('Ctrl-C at the retry prompt: exit 130, nothing written', async () => {
    const { sys } = machine();
    const ui = new ScriptedUi([A, 'wrongwrongwrongx', cancel]);
    const run = await runCli(sys, [], { ui });
    assert.equal(run.exit, 130);
    assert.equal(sys.writes.length, 0);
  });

  it('hostile input at the prompts is refused with the reason and asked again', async () => {
    const { sys } = machine();
    const ui = new ScriptedUi([`a\u0000@gmail.com`, 'аdmin@gmail.com', A, 'abcd\tefgh', 'abcd:efghijklmno', PW_A, 'none', true]);
    const run = await runCli(sys, [], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    const invalid = ui.shown.filter((l) => l.startsWith('invalid: '));
    assert.equal(invalid.length, 4, invalid.join('\n'));
    assert.match(invalid[0]!, /control character/);
    assert.match(invalid[1]!, /look-alike/);
    assert.match(invalid[3]!, /colon/);
  });
});

describe('pre-flight, headless: each failure in plain words, exit 1, nothing written', () => {
  const cases = [
    { name: 'timeout on 587 suggests 465', result: { ok: false, errorCode: 'ETIMEDOUT', response: 'Connection timeout' }, relay: [], code: 'preflight-connect-timeout', words: /--relay smtp\.gmail\.com:465/ },
    { name: 'refused on 465 suggests 587', result: { ok: false, errorCode: 'ESOCKET', response: 'connect ECONNREFUSED 142.250.102.109:465' }, relay: ['--relay', 'smtp.gmail.com:465'], code: 'preflight-connect-refused', words: /--relay smtp\.gmail\.com:587/ },
    { name: 'untrusted certificate: possible interception, password not sent', result: { ok: false, errorCode: 'ESOCKET', response: 'unable to verify the first certificate' }, relay: [], code: 'preflight-tls-untrusted', words: /possible interception; the password was not sent/ },
    { name: '534', result: bad534, relay: [], code: 'preflight-auth-app-password-required', words: /2-Step Verification/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { sys } = machine();
      sys.authResult = () => c.result;
      const run = await runCli(sys, ['--account', A, '--password-stdin', '--yes', '--json', ...c.relay], { stdin: `${PW_A}\n` });
      assert.equal(run.exit, 1, run.stderr);
      assert.equal(run.json?.error?.code, c.code);
      assert.match(`${run.json?.error?.message}\n${run.json?.error?.fix}`, c.words);
      assert.equal(sys.writes.length, 0);
      assertNoSecret(sys, run.stdout, run.stderr);
    });
  }
});

describe('status', () => {
  it('shows the relay, the account and whether its password is in the keychain (never the password)', async () => {
    const { sys } = await configuredWithA();
    const run = await runCli(sys, ['status', '--json']);
    assert.equal(run.exit, 0);
    assert.equal(run.json?.status?.account, A);
    assert.equal(run.json?.status?.relayhost, '[smtp.gmail.com]:587');
    assert.equal(run.json?.status?.keychain, 'stored');
    assert.match(run.stderr, /Keychain: the password of someone@gmail\.com is stored in your keychain/);
    sys.secrets.clear();
    const plain = await runCli(sys, ['status']);
    assert.match(plain.stdout, /Keychain: no password of someone@gmail\.com in your keychain/);
    assert.match(plain.stdout, /Account: someone@gmail\.com/);
    assert.match(plain.stdout, /Relay: \[smtp\.gmail\.com\]:587/);
    sys.keychainMissing = 'locked';
    const locked = await runCli(sys, ['status', '--json']);
    assert.equal(locked.json?.status?.keychain, 'unavailable:locked');
    assertNoSecret(sys, run.stdout, run.stderr, plain.stdout, locked.stdout, locked.stderr);
  });
});
