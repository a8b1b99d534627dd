// setup's pre-flight login through main(): each failure in plain words, the retries, nothing written.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { A, PW_A, bad534, machine, assertNoSecret } from '../../support/credential-machine.js';
import { runCli } from '../../support/run-cli.js';
import { ScriptedUi, cancel } from '../../support/scripted-ui.js';

describe('pre-flight, interactive', () => {
  it('explains a rejected password in plain words and asks again', async () => {
    const { sys } = machine();
    const ui = new ScriptedUi([A, 'wrongwrongwrongx', PW_A, 'none', true]);
    const run = await runCli(sys, [], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.deepEqual(
      sys.authChecks.map((c) => c.password),
      ['wrongwrongwrongx', PW_A],
    );
    assert.match(ui.transcript, /failed: Could not log in to smtp\.gmail\.com:587: 535/);
    assert.match(
      ui.transcript,
      /warn: Gmail rejected the account name or app password \(535 5\.7\.8\)\.\nCreate a new app password at https:\/\/myaccount\.google\.com\/apppasswords/,
    );
    assert.equal(ui.asked.filter((q) => /App password/.test(q)).length, 2);
    // The wizard asks again at once: its words say so, not "run the wizard again".
    const warning = ui.transcript.slice(ui.transcript.indexOf('warn: Gmail rejected')).split('\ninfo:')[0] ?? '';
    assert.doesNotMatch(warning, /run the wizard again/);
    assert.match(warning, /type it below \(try 2 of 3\)\. If someone@gmail\.com is the wrong address, press Esc/);
  });

  it('534: says an app password (2-Step Verification) is needed, offers the other ways, and asks again', async () => {
    const { sys } = machine();
    let first = true;
    sys.authResult = () => (first ? ((first = false), bad534) : { ok: true });
    const ui = new ScriptedUi([A, 'mynormalpassword', 'App password', PW_A, 'none', true]);
    const run = await runCli(sys, [], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.match(ui.transcript, /Gmail wants an app password, not your normal Google password \(534 5\.7\.9\)/);
    assert.match(ui.transcript, /note: How Postfix signs in to Google\nIf Google says app passwords are not available/);
    assert.doesNotMatch(ui.transcript, /Workspace relay by address/, 'a gmail.com account has no relay by address');
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
    sys.authResult = () => ({
      ok: false,
      errorCode: 'EAUTH',
      responseCode: 454,
      response: '454 4.7.0 Too many login attempts, please try again later. - gsmtp',
    });
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
    const ui = new ScriptedUi([
      `a\u0000@gmail.com`,
      'аdmin@gmail.com',
      A,
      'abcd\tefgh',
      'abcd:efghijklmno',
      PW_A,
      'none',
      true,
    ]);
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
    {
      name: 'timeout on 587 suggests 465',
      result: { ok: false, errorCode: 'ETIMEDOUT', response: 'Connection timeout' },
      relay: [],
      code: 'preflight-connect-timeout',
      words: /--relay smtp\.gmail\.com:465/,
    },
    {
      name: 'refused on 465 suggests 587',
      result: { ok: false, errorCode: 'ESOCKET', response: 'connect ECONNREFUSED 142.250.102.109:465' },
      relay: ['--relay', 'smtp.gmail.com:465'],
      code: 'preflight-connect-refused',
      words: /--relay smtp\.gmail\.com:587/,
    },
    {
      name: 'untrusted certificate: possible interception, password not sent',
      result: { ok: false, errorCode: 'ESOCKET', response: 'unable to verify the first certificate' },
      relay: [],
      code: 'preflight-tls-untrusted',
      words: /possible interception; the password was not sent/,
    },
    {
      name: '534',
      result: bad534,
      relay: [],
      code: 'preflight-auth-app-password-required',
      words: /2-Step Verification/,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { sys } = machine();
      sys.authResult = () => c.result;
      const run = await runCli(sys, ['--account', A, '--password-stdin', '--yes', '--json', ...c.relay], {
        stdin: `${PW_A}\n`,
      });
      assert.equal(run.exit, 1, run.stderr);
      assert.equal(run.json?.error?.code, c.code);
      assert.match(`${run.json?.error?.message}\n${run.json?.error?.fix}`, c.words);
      assert.equal(sys.writes.length, 0);
      assertNoSecret(sys, run.stdout, run.stderr);
    });
  }
});
