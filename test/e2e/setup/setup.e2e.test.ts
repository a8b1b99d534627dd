// The built CLI against Debian's real Postfix (a private instance the test
// starts) relaying to a fake Gmail on loopback (STARTTLS, test CA, AUTH
// demanded): what arrived there, what is on disk, and the exit codes.
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertOutcomeSchema } from '../../support/outcome-schema.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { checksums } from '../../support/secret-checks.js';
import { runWizard } from '../../support/wizard-process.js';

const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'qwertyuiopasdfgh';
const skip = postfixSkipReason();

describe('setup against a real Postfix and a fake Gmail', { skip }, () => {
  const accounts = { [ACCOUNT]: { password: PASSWORD } };
  let lab: RelayLab;
  before(async () => {
    lab = await startRelayLab('e2e', accounts);
  });
  after(async () => lab?.close());

  const wizardArgs = () => [
    ...lab.args(),
    '--account',
    ACCOUNT,
    '--password-stdin',
    '--to',
    'friend@example.com',
    '--yes',
    '--json',
    '--wait',
    '60',
  ];

  it('relays through the fake Gmail, authenticated over verified TLS (exit 0)', async () => {
    const run = await runWizard(wizardArgs(), { stdin: `${PASSWORD}\n`, secret: PASSWORD });
    assert.equal(run.code, 0, run.stderr);
    const outcome = JSON.parse(run.stdout);
    assertOutcomeSchema(outcome);
    assert.equal(outcome.result, 'delivered');
    assert.equal(outcome.test.status, 'sent');
    assert.match(outcome.test.reply, /^250 2\.0\.0 OK/);
    const message = lab.gmail.messages.find((m) => m.rcptTo.includes('friend@example.com'));
    assert.ok(message, 'the fake Gmail received the test message');
    assert.equal(message.user, ACCOUNT);
    assert.equal(message.secure, true);
    assert.ok(
      lab.gmail.auths.every((a) => a.secure),
      'no AUTH outside TLS',
    );
    assert.deepEqual(run.leaks, []);
    for (const text of [run.stdout, run.stderr, await lab.postfix.readLog()]) assert.ok(!text.includes(PASSWORD));

    const map = await stat(join(lab.postfix.configDir, 'sasl_passwd'));
    assert.equal(map.mode & 0o777, 0o600);
    assert.equal(map.uid, 0);
    assert.equal((await stat(join(lab.postfix.configDir, 'sasl_passwd.db'))).mode & 0o777, 0o600);
    assert.match(
      await readFile(join(lab.postfix.configDir, 'sasl_passwd'), 'utf8'),
      new RegExp(`^\\[localhost\\]:${lab.gmail.port} ${ACCOUNT}:${PASSWORD}$`, 'm'),
    );
    const settings = await lab.postfix.postconf(
      '-h',
      'relayhost',
      'smtp_tls_security_level',
      'default_transport',
      'smtp_sasl_password_maps',
    );
    assert.deepEqual(settings.trim().split('\n'), [
      `[localhost]:${lab.gmail.port}`,
      'secure',
      'smtp',
      `hash:${lab.postfix.configDir}/sasl_passwd`,
    ]);
  });

  it('a second identical run changes no byte of the configuration', async () => {
    const before = await checksums(lab.postfix.configDir);
    const run = await runWizard([...wizardArgs(), '--no-test'], { stdin: `${PASSWORD}\n` });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).result, 'unchanged');
    assert.deepEqual(await checksums(lab.postfix.configDir), before);
  });

  it('`test` sends through the configuration as it is, and `status` reports it', async () => {
    const common = ['--config-dir', lab.postfix.configDir, '--state-dir', join(lab.postfix.base, 'state')];
    const sent = await runWizard(['test', '--to', 'second@example.com', '--json', '--wait', '60', ...common]);
    assert.equal(sent.code, 0, sent.stderr);
    const outcome = JSON.parse(sent.stdout);
    assertOutcomeSchema(outcome);
    assert.equal(outcome.test.status, 'sent');
    assert.ok(lab.gmail.messages.some((m) => m.rcptTo.includes('second@example.com') && m.user === ACCOUNT));
    const status = await runWizard(['status', '--json', ...common]);
    assert.equal(status.code, 0, status.stderr);
    const report = JSON.parse(status.stdout);
    assertOutcomeSchema(report);
    assert.equal(report.status.relayhost, `[localhost]:${lab.gmail.port}`);
    assert.equal(report.status.account, ACCOUNT);
    assert.equal(report.status.tlsLevel, 'secure');
    assert.equal(report.status.lastTest.status, 'sent');
    assert.equal(report.status.lastTest.to, 'second@example.com');
    assert.ok(!status.stdout.includes(PASSWORD) && !status.stderr.includes(PASSWORD));
  });

  it('a wrong app password is refused before any file changes (exit 1)', async () => {
    const before = await checksums(lab.postfix.configDir);
    const run = await runWizard(wizardArgs(), { stdin: 'wrongpasswordxyz\n', secret: 'wrongpasswordxyz' });
    assert.equal(run.code, 1, run.stderr);
    const outcome = JSON.parse(run.stdout);
    assertOutcomeSchema(outcome);
    assert.equal(outcome.error.code, 'preflight-auth-bad-credentials');
    assert.match(run.stderr, /535/);
    assert.deepEqual(await checksums(lab.postfix.configDir), before);
    assert.deepEqual(run.leaks, []);
  });

  it('a password Gmail stops accepting after the pre-flight: exit 3 with the reason and the fix', async () => {
    const revoked = 'zxcvbnmlkjhgfdsa';
    accounts[ACCOUNT].password = revoked;
    const attemptsBefore = lab.gmail.auths.length;
    // Revoke as soon as the wizard's own pre-flight login succeeded, so Postfix meets a 535.
    const revoke = setInterval(() => {
      if (lab.gmail.auths.slice(attemptsBefore).some((a) => a.accepted)) {
        accounts[ACCOUNT].password = 'revokedrevokedxx';
        clearInterval(revoke);
      }
    }, 10);
    const run = await runWizard(wizardArgs(), { stdin: `${revoked}\n` });
    clearInterval(revoke);
    accounts[ACCOUNT].password = PASSWORD;
    assert.equal(run.code, 3, run.stderr);
    const outcome = JSON.parse(run.stdout);
    assertOutcomeSchema(outcome);
    assert.equal(outcome.result, 'not-delivered');
    assert.equal(outcome.test.diagnosis, 'auth-bad-credentials');
    assert.match(run.stderr, /app password/i);
  });
});
