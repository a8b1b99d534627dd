// The pre-flight login for real: the built CLI against a fake Gmail that answers
// 535, 534 and 454 for chosen accounts, one that presents a certificate from a CA
// the wizard does not trust (a man in the middle), and a port nobody listens on.
// Each case: exit 1, the reason in plain words, the configuration untouched; and
// where TLS failed, no AUTH at all (the password never left the machine).
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFakeGmail, type FakeGmail } from '../../support/fake-gmail.js';
import { freePort } from '../../support/free-port.js';
import { createPostfixInstance, postfixSkipReason, type PostfixInstance } from '../../support/postfix-instance.js';
import { checksums } from '../../support/secret-checks.js';
import { createTestCa, type TestCa } from '../../support/test-ca.js';
import { runWizard } from '../../support/wizard-process.js';

const PASSWORD = 'poiuytrewqlkjhgf';
const skip = postfixSkipReason();

describe('pre-flight against a fake Gmail (no file is touched when it fails)', { skip }, () => {
  let tmp: string;
  let ca: TestCa;
  let mitmCa: TestCa;
  let gmail: FakeGmail;
  let mitm: FakeGmail;
  let postfix: PostfixInstance;

  before(async () => {
    tmp = await mkdtemp('/tmp/pgw-e2e-preflight-');
    ca = await createTestCa(join(tmp, 'ca'));
    mitmCa = await createTestCa(join(tmp, 'ca'), { name: 'mitm' }); // a second, independent CA
    const accounts = {
      'ok@gmail.com': { password: PASSWORD },
      'revoked@gmail.com': { password: PASSWORD, reply: '535' as const },
      'twofactor@gmail.com': { password: PASSWORD, reply: '534' as const },
      'throttled@gmail.com': { password: PASSWORD, reply: '454' as const },
    };
    gmail = await startFakeGmail({ cert: ca.certPem, key: ca.keyPem, accounts });
    mitm = await startFakeGmail({ cert: mitmCa.certPem, key: mitmCa.keyPem, accounts });
    postfix = await createPostfixInstance(); // not started: a failed pre-flight never gets that far
  });
  after(async () => {
    await postfix?.destroy();
    await gmail?.close();
    await mitm?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  const run = (account: string, relay: string) =>
    runWizard(
      [
        '--account',
        account,
        '--password-stdin',
        '--relay',
        relay,
        '--ca-file',
        ca.caPath,
        '--config-dir',
        postfix.configDir,
        '--backup-dir',
        join(postfix.base, 'backups'),
        '--state-dir',
        join(postfix.base, 'state'),
        '--yes',
        '--json',
        '--no-test',
      ],
      { stdin: `${PASSWORD}\n`, secret: PASSWORD },
    );

  const cases: { name: string; account: string; relay: () => string; code: string; words: RegExp[] }[] = [
    {
      name: '535-5.7.8: wrong app password, make a new one',
      account: 'revoked@gmail.com',
      relay: () => `localhost:${gmail.port}`,
      code: 'preflight-auth-bad-credentials',
      words: [/535 5\.7\.8/, /Create a new app password at https:\/\/myaccount\.google\.com\/apppasswords/],
    },
    {
      name: '534-5.7.9: 2-Step Verification and an app password needed',
      account: 'twofactor@gmail.com',
      relay: () => `localhost:${gmail.port}`,
      code: 'preflight-auth-app-password-required',
      words: [/534 5\.7\.9/, /Turn on 2-Step Verification/],
    },
    {
      name: '454 4.7.0: too many attempts, wait',
      account: 'throttled@gmail.com',
      relay: () => `localhost:${gmail.port}`,
      code: 'preflight-auth-too-many-attempts',
      words: [/454 4\.7\.0/, /Wait an hour/],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const before = await checksums(postfix.configDir);
      const attempts = gmail.auths.length;
      const result = await run(c.account, c.relay());
      assert.equal(result.code, 1, result.stderr);
      const outcome = JSON.parse(result.stdout);
      assert.equal(outcome.error.code, c.code);
      for (const words of c.words) assert.match(result.stderr, words);
      assert.match(result.stderr, /Nothing was changed/);
      assert.deepEqual(await checksums(postfix.configDir), before);
      assert.deepEqual(
        gmail.auths.slice(attempts).map((a) => [a.user, a.secure]),
        [[c.account, true]],
        'one login, over TLS',
      );
      assert.ok(!result.stdout.includes(PASSWORD) && !result.stderr.includes(PASSWORD));
      assert.deepEqual(result.leaks, []);
    });
  }

  it('a certificate from a CA we do not trust: possible interception, and no password is sent', async () => {
    const before = await checksums(postfix.configDir);
    const result = await run('ok@gmail.com', `localhost:${mitm.port}`);
    assert.equal(result.code, 1, result.stderr);
    assert.equal(JSON.parse(result.stdout).error.code, 'preflight-tls-untrusted');
    assert.match(result.stderr, /possible interception; the password was not sent/);
    assert.deepEqual(mitm.auths, [], 'the man in the middle saw no AUTH at all');
    assert.deepEqual(await checksums(postfix.configDir), before);
  });

  it('nothing listening (connection refused): the port may be blocked, try the other one', async () => {
    const closed = await freePort();
    const result = await run('ok@gmail.com', `localhost:${closed}`);
    assert.equal(result.code, 1, result.stderr);
    assert.equal(JSON.parse(result.stdout).error.code, 'preflight-connect-refused');
    assert.match(
      result.stderr,
      new RegExp(`Port ${closed} of localhost cannot be reached from this network.*--relay localhost:465`, 's'),
    );
    assert.match(result.stderr, /The password was not sent/);
  });

  it('accepted: the same login that Postfix will make (control case, exit 0)', async () => {
    const attempts = gmail.auths.length;
    const result = await run('ok@gmail.com', `localhost:${gmail.port}`);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /localhost accepted the login of ok@gmail\.com/);
    assert.deepEqual(
      gmail.auths.slice(attempts).map((a) => [a.user, a.accepted, a.secure]),
      [['ok@gmail.com', true, true]],
    );
  });
});

describe('pre-flight with implicit TLS (port 465)', { skip }, () => {
  let tmp: string;
  let ca: TestCa;
  let mitmCa: TestCa;
  let postfix: PostfixInstance;
  let smtps: FakeGmail | undefined;
  let unavailable: string | undefined;

  before(async () => {
    tmp = await mkdtemp('/tmp/pgw-e2e-465-');
    ca = await createTestCa(join(tmp, 'ca'));
    mitmCa = await createTestCa(join(tmp, 'ca'), { name: 'mitm' });
    postfix = await createPostfixInstance();
    // The wizard takes port 465 to mean TLS from the first byte, so the double must sit on 465.
    smtps = await startFakeGmail({
      cert: mitmCa.certPem,
      key: mitmCa.keyPem,
      implicitTls: true,
      port: 465,
      accounts: { 'ok@gmail.com': { password: PASSWORD } },
    }).catch((error: Error) => ((unavailable = `127.0.0.1:465 is not free here: ${error.message}`), undefined));
  });
  after(async () => {
    await smtps?.close();
    await postfix?.destroy();
    await rm(tmp, { recursive: true, force: true });
  });

  it('verifies the certificate before any AUTH there too', async (t) => {
    if (!smtps) return t.skip(unavailable);
    const result = await runWizard(
      [
        '--account',
        'ok@gmail.com',
        '--password-stdin',
        '--relay',
        'localhost:465',
        '--ca-file',
        ca.caPath,
        '--config-dir',
        postfix.configDir,
        '--backup-dir',
        join(postfix.base, 'backups'),
        '--state-dir',
        join(postfix.base, 'state'),
        '--yes',
        '--json',
        '--no-test',
      ],
      { stdin: `${PASSWORD}\n` },
    );
    assert.equal(result.code, 1, result.stderr);
    assert.equal(JSON.parse(result.stdout).error.code, 'preflight-tls-untrusted');
    assert.deepEqual(smtps.auths, []);
  });
});
