// The whole setup flow against a recording fake of src/system (Debian 12
// "Local only" fixture): what would be run and written, for each path a
// person can take through the wizard.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { runCli } from '../../support/run-cli.js';
import { ScriptedUi, cancel } from '../../support/scripted-ui.js';

const password = 'abcdefghijklmnop';
const sent = 'status=sent (250 2.0.0 OK  1764320401 af79cd13be357-8b2e7c1a4e1si12345685a.100 - gsmtp)';
const headless = ['--account', 'someone@gmail.com', '--password-stdin', '--to', 'friend@example.com', '--yes'];

function debianMachine(options: Parameters<typeof installFakePostfix>[1] = {}) {
  const sys = new FakeSystem();
  const postfix = installFakePostfix(sys, { delivery: () => sent, ...options });
  return { sys, postfix };
}

function assertNoSecretLeak(sys: FakeSystem, ...texts: string[]): void {
  for (const call of sys.calls) {
    assert.ok(!call.args.join(' ').includes(password), `password in argv of ${call.file}`);
    assert.ok(!JSON.stringify(call.env ?? {}).includes(password), `password in env of ${call.file}`);
  }
  for (const text of texts) assert.ok(!text.includes(password), 'password in output');
}

describe('setup, headless', () => {
  it('configures the relay in one postconf batch, writes a 0600 map, checks, reloads and delivers', async () => {
    const { sys, postfix } = debianMachine();
    const run = await runCli(sys, [...headless, '--json'], { stdin: `${password}\n` });
    assert.equal(run.exit, 0, run.stderr);
    const edits = sys.calls.filter((c) => c.file === 'postconf' && c.args.includes('-e'));
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0]!.args.slice(1).sort(), [
      'default_transport=smtp',
      'relay_transport=relay',
      'relayhost=[smtp.gmail.com]:587',
      'smtp_sasl_auth_cache_name=proxy:hash:/var/lib/postfix/sasl_auth_cache',
      'smtp_sasl_auth_cache_time=1d',
      'smtp_sasl_auth_enable=yes',
      'smtp_sasl_password_maps=hash:/etc/postfix/sasl_passwd',
      'smtp_sasl_tls_security_options=noanonymous',
      'smtp_tls_CAfile=/etc/ssl/certs/ca-certificates.crt',
      'smtp_tls_mandatory_protocols=>=TLSv1.2',
      'smtp_tls_security_level=secure',
    ]);
    const map = sys.files.get('/etc/postfix/sasl_passwd')!;
    assert.equal(map.mode, 0o600);
    assert.match(map.content.toString(), /^\[smtp\.gmail\.com\]:587 someone@gmail\.com:abcdefghijklmnop$/m);
    assert.equal(sys.files.get('/etc/postfix/sasl_passwd.db')?.mode, 0o600);
    const order = sys.calls
      .map((c) => `${c.file} ${c.args.at(-1)}`)
      .filter((c) => /postmap|postfix (check|reload)/.test(c));
    assert.deepEqual(order, ['postmap hash:/etc/postfix/sasl_passwd', 'postfix check', 'postfix reload']);
    assert.equal(postfix.explicit().relayhost, '[smtp.gmail.com]:587');
    assert.deepEqual(
      sys.authChecks.map((a) => [a.endpoint.host, a.endpoint.port, a.endpoint.implicitTls, a.user]),
      [['smtp.gmail.com', 587, false, 'someone@gmail.com']],
    );
    assert.equal(sys.submitted[0]?.to, 'friend@example.com');
    assert.equal(run.json?.result, 'delivered');
    assert.equal(run.json?.test?.status, 'sent');
    assert.equal(run.json?.test?.queueId, '4F2C21A0B3');
    assert.match(run.json?.backupId ?? '', /^\d{8}T\d{9}Z$/);
    assertNoSecretLeak(sys, run.stdout, run.stderr);
  });

  it('shows a relayhost of another provider explicitly as the change it is', async () => {
    const { readFileSync } = await import('node:fs');
    const { repoPath } = await import('../../support/paths.js');
    const mainCf = readFileSync(repoPath('test', 'fixtures', 'debian-12', 'main.cf.local-only'), 'utf8').replace(
      /^relayhost =.*$/m,
      'relayhost = [smtp.example.net]:587',
    );
    const { sys, postfix } = debianMachine({ mainCf });
    const run = await runCli(sys, [...headless, '--no-test'], { stdin: `${password}\n` });
    assert.equal(run.exit, 0, run.stdout);
    assert.match(
      run.stdout,
      /Mail now goes out through \[smtp\.example\.net\]:587; after this change it goes through \[smtp\.gmail\.com\]:587/,
    );
    assert.match(run.stdout, /- relayhost = \[smtp\.example\.net\]:587\n.*\+ relayhost = \[smtp\.gmail\.com\]:587/);
    assert.equal(postfix.explicit().relayhost, '[smtp.gmail.com]:587');
  });

  it('names every missing answer and changes nothing', async () => {
    const { sys } = debianMachine();
    const run = await runCli(sys, ['--non-interactive']);
    assert.equal(run.exit, 2);
    for (const flag of ['--account', '--password-stdin', '--password-file', '--yes'])
      assert.ok(run.stderr.includes(flag), flag);
    assert.equal(sys.writes.length, 0);
    assert.equal(sys.authChecks.length, 0);
  });

  it('stops before touching any file when Gmail refuses the password (exit 1)', async () => {
    const { sys } = debianMachine();
    sys.authResult = () => ({
      ok: false,
      errorCode: 'EAUTH',
      responseCode: 535,
      response:
        '535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials - gsmtp',
    });
    const run = await runCli(sys, [...headless, '--json'], { stdin: `${password}\n` });
    assert.equal(run.exit, 1);
    assert.equal(run.json?.error?.code, 'preflight-auth-bad-credentials');
    assert.match(run.json?.error?.fix ?? '', /apppasswords/);
    assert.equal(sys.writes.length, 0);
    assert.ok(!sys.calls.some((c) => c.args.includes('-e')));
    assertNoSecretLeak(sys, run.stdout, run.stderr);
  });

  it('exits 3 and explains when the message is deferred', async () => {
    const { sys } = debianMachine({
      delivery: () =>
        'status=deferred (SASL authentication failed; cannot authenticate to server smtp.gmail.com[142.250.102.109]: no mechanism available)',
    });
    const run = await runCli(sys, [...headless, '--json'], { stdin: `${password}\n` });
    assert.equal(run.exit, 3);
    assert.equal(run.json?.result, 'not-delivered');
    assert.equal(run.json?.test?.status, 'deferred');
    assert.equal(run.json?.test?.diagnosis, 'sasl-no-mechanism');
    assert.match(run.stderr, /libsasl2-modules/);
  });

  it('a second run with the same answers plans nothing, writes nothing and does not reload', async () => {
    const { sys } = debianMachine();
    assert.equal((await runCli(sys, headless, { stdin: `${password}\n` })).exit, 0);
    const callsBefore = sys.calls.length;
    const writesBefore = sys.writes.length;
    const run = await runCli(sys, [...headless, '--no-test'], { stdin: `${password}\n` });
    assert.equal(run.exit, 0);
    assert.match(run.stdout, /Already configured/);
    const later = sys.calls.slice(callsBefore);
    assert.ok(
      !later.some((c) => c.args.includes('-e') || c.file === 'postmap' || c.args.includes('reload')),
      JSON.stringify(later),
    );
    assert.equal(sys.writes.length, writesBefore);
  });

  it("an install that weakened smtp_sasl_security_options to noanonymous gets Postfix's default back; remove leaves a person's own value", async () => {
    const { sys, postfix } = debianMachine();
    assert.equal((await runCli(sys, headless, { stdin: `${password}\n` })).exit, 0);
    assert.equal(postfix.explicit().smtp_sasl_security_options, undefined, 'not set any more');
    sys.put('/etc/postfix/main.cf', `${postfix.mainCf()}smtp_sasl_security_options = noanonymous\n`);
    const run = await runCli(sys, [...headless, '--no-test'], { stdin: `${password}\n` });
    assert.equal(run.exit, 0, run.stderr);
    assert.ok(
      sys.calls.some(
        (c) => c.file === 'postconf' && c.args.includes('-X') && c.args.includes('smtp_sasl_security_options'),
      ),
    );
    assert.equal(postfix.explicit().smtp_sasl_security_options, undefined);
    sys.put(
      '/etc/postfix/main.cf',
      `${postfix.mainCf()}smtp_sasl_security_options = noanonymous, noplaintext, nodictionary\n`,
    );
    assert.equal((await runCli(sys, ['remove', '--yes'])).exit, 0);
    assert.equal(postfix.explicit().smtp_sasl_security_options, 'noanonymous, noplaintext, nodictionary');
    assert.equal(postfix.explicit().relayhost, '', 'back to the Debian main.cf line "relayhost =" it replaced');
  });

  it('rolls back every change when postfix check fails', async () => {
    const { sys, postfix } = debianMachine({ failCheck: true });
    const before = postfix.mainCf();
    const run = await runCli(sys, [...headless, '--json'], { stdin: `${password}\n` });
    assert.equal(run.exit, 1);
    assert.equal(run.json?.error?.code, 'apply-failed');
    assert.equal(postfix.mainCf(), before);
    assert.equal(sys.files.has('/etc/postfix/sasl_passwd'), false);
    assert.equal(sys.files.has('/etc/postfix/sasl_passwd.db'), false);
  });

  it('--dry-run shows the plan with the password hidden and changes nothing, sends nothing', async () => {
    const { sys } = debianMachine();
    sys.root = false;
    const run = await runCli(sys, ['--account', 'someone@gmail.com', '--password-stdin', '--dry-run'], {
      stdin: `${password}\n`,
    });
    assert.equal(run.exit, 0, run.stdout);
    assert.match(run.stdout, /\+ relayhost = \[smtp\.gmail\.com\]:587/);
    assert.match(run.stdout, /- default_transport = error/);
    assert.match(run.stdout, /\+ \[smtp\.gmail\.com\]:587 someone@gmail\.com:\*{8}/);
    assert.equal(sys.writes.length, 0);
    assert.equal(sys.authChecks.length, 0);
    assert.equal(sys.submitted.length, 0);
    assertNoSecretLeak(sys, run.stdout);
  });

  it('reports a malformed flag value (exit 2) before anything else, even without root', async () => {
    const { sys } = debianMachine();
    sys.root = false;
    const run = await runCli(
      sys,
      ['--account', 'someone@gmail.com\n[evil]:25', '--password-stdin', '--yes', '--json'],
      { stdin: `${password}\n` },
    );
    assert.equal(run.exit, 2);
    assert.equal(run.json?.error?.code, 'invalid-account');
    assert.equal(sys.calls.length, 0, 'nothing was even read');
  });

  it('refuses without root and says how to re-run', async () => {
    const { sys } = debianMachine();
    sys.root = false;
    const run = await runCli(sys, headless, { stdin: `${password}\n` });
    assert.equal(run.exit, 1);
    assert.match(run.stderr, /sudo npx postfix-gmail-wizard --account someone@gmail\.com/);
    assert.equal(sys.writes.length, 0);
  });

  it('explains missing SASL plugins with the Debian package to install', async () => {
    const { sys } = debianMachine();
    for (const path of [...sys.files.keys()]) if (path.includes('/sasl2/')) sys.files.delete(path);
    const run = await runCli(sys, [...headless, '--json'], { stdin: `${password}\n` });
    assert.equal(run.exit, 1);
    assert.equal(run.json?.error?.code, 'sasl-plugins-missing');
    assert.match(run.json?.error?.fix ?? '', /apt-get install -y .*libsasl2-modules/);
    assert.equal(sys.writes.length, 0);
  });

  it('refuses a password given as an option value', async () => {
    const { sys } = debianMachine();
    const run = await runCli(sys, ['--account', 'someone@gmail.com', `--password=${password}`]);
    assert.equal(run.exit, 2);
    assert.match(run.stderr, /never accepted on the command line/);
    assert.ok(!run.stderr.includes(password));
  });
});

describe('setup, interactive', () => {
  it('asks account, password (spaces stripped), sender mapping and confirmation — at most 4 questions — then delivers to the account', async () => {
    const { sys } = debianMachine();
    const ui = new ScriptedUi(['someone@gmail.com', 'abcd efgh ijkl mnop', 'none', true]); // 'none': sender addresses left alone
    const run = await runCli(sys, [], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.equal(ui.asked.length, 4);
    assert.match(sys.text('/etc/postfix/sasl_passwd') ?? '', /someone@gmail\.com:abcdefghijklmnop$/m);
    assert.equal(sys.submitted[0]?.to, 'someone@gmail.com');
    assert.match(
      ui.transcript,
      /Test message to someone@gmail\.com \(--to ADDR changes it/,
      'the plan names the test recipient and its flag',
    );
    assert.match(
      ui.transcript,
      /relayhost: \(not set\) → \[smtp\.gmail\.com\]:587/,
      'the summary shows the relayhost change',
    );
    assert.match(ui.transcript, /apppasswords/);
    assert.match(ui.transcript, /--account someone@gmail\.com --password-file/);
    assertNoSecretLeak(sys, ui.transcript);
  });

  it('Ctrl-C at the password prompt: exit 130, nothing written', async () => {
    const { sys } = debianMachine();
    const ui = new ScriptedUi(['someone@gmail.com', cancel]);
    const run = await runCli(sys, [], { ui });
    assert.equal(run.exit, 130);
    assert.equal(sys.writes.length, 0);
    assert.match(ui.transcript, /nothing was changed/);
  });

  it('asks again for the password when Gmail rejects it', async () => {
    const { sys } = debianMachine();
    sys.authResult = (_user, pw) =>
      pw === password
        ? { ok: true }
        : {
            ok: false,
            errorCode: 'EAUTH',
            responseCode: 535,
            response: '535-5.7.8 Username and Password not accepted.',
          };
    const ui = new ScriptedUi(['someone@gmail.com', 'wrongwrongwrongx', password, 'none', true]);
    const run = await runCli(sys, [], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.equal(sys.authChecks.length, 2);
    assert.match(ui.transcript, /535/);
  });

  it('rejects a hostile account at the prompt and asks again', async () => {
    const { sys } = debianMachine();
    const ui = new ScriptedUi(['evil@gmail.com\n[evil]:25', 'someone@gmail.com', password, 'none', true]);
    const run = await runCli(sys, [], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.match(ui.transcript, /invalid: /);
  });
});
