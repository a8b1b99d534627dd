// The built CLI against Debian's real Postfix (a private instance the test
// starts) relaying to a fake Gmail on loopback (STARTTLS, test CA, AUTH
// demanded): what arrived there, what is on disk, and the exit codes.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFakeGmail, type FakeGmail } from '../support/fake-gmail.js';
import { createPostfixInstance, postfixSkipReason, type PostfixInstance } from '../support/postfix-instance.js';
import { createTestCa, type TestCa } from '../support/test-ca.js';
import { assertOutcomeSchema } from '../support/outcome-schema.js';
import { runWizard } from '../support/wizard-process.js';

const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'qwertyuiopasdfgh';
const skip = postfixSkipReason();

async function checksums(dir: string): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    if ((await stat(path)).isFile()) sums[name] = createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return sums;
}

describe('setup against a real Postfix and a fake Gmail', { skip }, () => {
  let tmp: string;
  let ca: TestCa;
  let gmail: FakeGmail;
  let postfix: PostfixInstance;
  const accounts = { [ACCOUNT]: { password: PASSWORD } };

  before(async () => {
    tmp = await mkdtemp('/tmp/pgw-e2e-');
    ca = await createTestCa(join(tmp, 'ca'));
    gmail = await startFakeGmail({ cert: ca.certPem, key: ca.keyPem, accounts });
    postfix = await createPostfixInstance();
    await postfix.start();
  });
  after(async () => {
    await postfix?.destroy();
    await gmail?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  const wizardArgs = () => [
    '--account', ACCOUNT, '--password-stdin', '--relay', `localhost:${gmail.port}`, '--ca-file', ca.caPath,
    '--config-dir', postfix.configDir, '--backup-dir', join(postfix.base, 'backups'), '--state-dir', join(postfix.base, 'state'),
    '--to', 'friend@example.com', '--yes', '--json', '--wait', '60',
  ];

  it('relays through the fake Gmail, authenticated over verified TLS (exit 0)', async () => {
    const run = await runWizard(wizardArgs(), { stdin: `${PASSWORD}\n`, secret: PASSWORD });
    assert.equal(run.code, 0, run.stderr);
    const outcome = JSON.parse(run.stdout);
    assertOutcomeSchema(outcome);
    assert.equal(outcome.result, 'delivered');
    assert.equal(outcome.test.status, 'sent');
    assert.match(outcome.test.reply, /^250 2\.0\.0 OK/);
    const message = gmail.messages.find((m) => m.rcptTo.includes('friend@example.com'));
    assert.ok(message, 'the fake Gmail received the test message');
    assert.equal(message.user, ACCOUNT);
    assert.equal(message.secure, true);
    assert.ok(gmail.auths.every((a) => a.secure), 'no AUTH outside TLS');
    assert.deepEqual(run.leaks, []);
    for (const text of [run.stdout, run.stderr, await postfix.readLog()]) assert.ok(!text.includes(PASSWORD));

    const map = await stat(join(postfix.configDir, 'sasl_passwd'));
    assert.equal(map.mode & 0o777, 0o600);
    assert.equal(map.uid, 0);
    assert.equal((await stat(join(postfix.configDir, 'sasl_passwd.db'))).mode & 0o777, 0o600);
    assert.match(await readFile(join(postfix.configDir, 'sasl_passwd'), 'utf8'), new RegExp(`^\\[localhost\\]:${gmail.port} ${ACCOUNT}:${PASSWORD}$`, 'm'));
    const settings = await postfix.postconf('-h', 'relayhost', 'smtp_tls_security_level', 'default_transport', 'smtp_sasl_password_maps');
    assert.deepEqual(settings.trim().split('\n'), [`[localhost]:${gmail.port}`, 'secure', 'smtp', `hash:${postfix.configDir}/sasl_passwd`]);
  });

  it('a second identical run changes no byte of the configuration', async () => {
    const before = await checksums(postfix.configDir);
    const run = await runWizard([...wizardArgs(), '--no-test'], { stdin: `${PASSWORD}\n` });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).result, 'unchanged');
    assert.deepEqual(await checksums(postfix.configDir), before);
  });

  it('a wrong app password is refused before any file changes (exit 1)', async () => {
    const before = await checksums(postfix.configDir);
    const run = await runWizard(wizardArgs(), { stdin: 'wrongpasswordxyz\n', secret: 'wrongpasswordxyz' });
    assert.equal(run.code, 1, run.stderr);
    const outcome = JSON.parse(run.stdout);
    assertOutcomeSchema(outcome);
    assert.equal(outcome.error.code, 'preflight-auth-bad-credentials');
    assert.match(run.stderr, /535/);
    assert.deepEqual(await checksums(postfix.configDir), before);
    assert.deepEqual(run.leaks, []);
  });

  it('a password Gmail stops accepting after the pre-flight: exit 3 with the reason and the fix', async () => {
    const revoked = 'zxcvbnmlkjhgfdsa';
    accounts[ACCOUNT].password = revoked;
    const attemptsBefore = gmail.auths.length;
    // Revoke as soon as the wizard's own pre-flight login succeeded, so Postfix meets a 535.
    const revoke = setInterval(() => {
      if (gmail.auths.slice(attemptsBefore).some((a) => a.accepted)) {
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
