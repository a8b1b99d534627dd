// The fake Gmail's own test (test/support/fake-gmail.ts, with the test CA it serves), on loopback only.
// It offers Gmail's whole mechanism list after STARTTLS (so the wizard and Postfix must choose among
// the real set) but, like Gmail without a valid OAuth token, accepts only PLAIN/LOGIN with a known
// password; wrong passwords, 534/454 accounts, a client trusting another CA and implicit TLS.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { createTransport } from 'nodemailer';
import { startFakeGmail, type FakeGmail, type FakeGmailOptions } from './fake-gmail.js';
import { RawSmtp } from './raw-smtp.js';
import { createTestCa, type TestCa } from './test-ca.js';

const USER = 'user@gmail.com';
const PASSWORD = 'abcdefghijklmnop';
const run = promisify(execFile);
const accounts: FakeGmailOptions['accounts'] = {
  [USER]: { password: PASSWORD },
  'twofactor@gmail.com': { password: 'x', reply: '534' },
  'throttled@gmail.com': { password: 'x', reply: '454' },
};
const BAD_LOGIN = '535-5.7.8 Username and Password not accepted. For more information, go to';

describe('fake Gmail: mechanisms', () => {
  let dir: string;
  let ca: TestCa;
  let g: FakeGmail;
  before(async () => {
    dir = await mkdtemp('/tmp/fake-gmail-auth-');
    ca = await createTestCa(dir);
    g = await startFakeGmail({ cert: ca.certPem, key: ca.keyPem, accounts: { [USER]: { password: PASSWORD } } });
  });
  after(async () => {
    await g?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test("nodemailer (the wizard's pre-flight and test) picks PLAIN or LOGIN from Gmail's list", async () => {
    const transport = createTransport({
      host: g.host,
      port: g.port,
      requireTLS: true,
      tls: { ca: ca.caPem, servername: 'localhost' },
      auth: { user: USER, pass: PASSWORD },
    });
    await transport.sendMail({ from: USER, to: 'friend@example.com', subject: 'mechanism', text: 'hello' });
    const accepted = g.auths.filter((a) => a.accepted);
    assert.equal(accepted.length, 1);
    assert.ok(['PLAIN', 'LOGIN'].includes(accepted[0]!.method), accepted[0]!.method);
    g.auths.length = 0;
  });

  test('the token mechanisms Gmail offers are refused as Gmail refuses a bad token; others are unknown', async () => {
    const smtp = await RawSmtp.open(g.port);
    try {
      await smtp.reply();
      await smtp.command('EHLO client.example');
      await smtp.command('STARTTLS');
      await smtp.startTls(ca.caPem);
      await smtp.command('EHLO client.example');
      const token = Buffer.from(`user=${USER}\x01auth=Bearer ya29.nothing\x01\x01`).toString('base64');
      const challenge = await smtp.command(`AUTH XOAUTH2 ${token}`);
      assert.deepEqual(challenge.lines, [
        `334 ${Buffer.from('{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}').toString('base64')}`,
      ]);
      assert.equal((await smtp.command('')).lines[0], BAD_LOGIN);
      for (const mechanism of ['OAUTHBEARER', 'XOAUTH', 'PLAIN-CLIENTTOKEN']) {
        assert.equal((await smtp.command(`AUTH ${mechanism} dG9rZW4=`)).lines[0], BAD_LOGIN, mechanism);
      }
      assert.match(
        (await smtp.command('AUTH CRAM-MD5')).lines[0]!,
        /^504 5\.7\.4 Unrecognized authentication type\. \S+ - gsmtp$/,
      );
      assert.deepEqual(
        g.auths.map((a) => [a.method, a.accepted]),
        [
          ['XOAUTH2', false],
          ['OAUTHBEARER', false],
          ['XOAUTH', false],
          ['PLAIN-CLIENTTOKEN', false],
        ],
      );
      assert.deepEqual(
        (await smtp.command(`AUTH PLAIN ${Buffer.from(`\0${USER}\0${PASSWORD}`).toString('base64')}`)).lines,
        ['235 2.7.0 Accepted'],
      );
      await smtp.command('QUIT');
    } finally {
      smtp.close();
    }
  });
});

describe('fake Gmail', () => {
  let dir: string;
  let ca: TestCa;
  let mitmCa: TestCa;
  const servers: FakeGmail[] = [];
  const start = async (o: Partial<FakeGmailOptions> = {}) => {
    const g = await startFakeGmail({ cert: ca.certPem, key: ca.keyPem, accounts, ...o });
    servers.push(g);
    return g;
  };
  const transport = (g: FakeGmail, user: string, pass: string, trust = ca.caPem, implicitTls = false) =>
    createTransport({
      host: g.host,
      port: g.port,
      secure: implicitTls,
      requireTLS: !implicitTls,
      tls: { ca: trust, servername: 'localhost' },
      auth: { user, pass },
    });
  const mail = { from: USER, to: 'friend@example.com', subject: 'harness test', text: 'hello' };

  before(async () => {
    dir = await mkdtemp('/tmp/harness-ca-');
    [ca, mitmCa] = await Promise.all([createTestCa(dir, { name: 'good' }), createTestCa(dir, { name: 'mitm' })]);
  });
  after(async () => {
    await Promise.all(servers.map((g) => g.close()));
    await rm(dir, { recursive: true, force: true });
  });

  test('createTestCa writes a CA, a localhost certificate it signed, and 0600 keys', async () => {
    const { stdout } = await run('openssl', ['verify', '-CAfile', ca.caPath, ca.certPath]);
    assert.match(stdout, /OK/);
    await assert.rejects(run('openssl', ['verify', '-CAfile', mitmCa.caPath, ca.certPath]), {
      stderr: /unable to get local issuer certificate|verification failed/,
    });
    const { stdout: text } = await run('openssl', ['x509', '-in', ca.certPath, '-noout', '-ext', 'subjectAltName']);
    assert.match(text, /DNS:localhost, IP Address:127\.0\.0\.1/);
    assert.equal((await stat(ca.keyPath)).mode & 0o777, 0o600);
  });

  test('with the right password over STARTTLS, the message is delivered as that user', async () => {
    const g = await start();
    const info = await transport(g, USER, PASSWORD).sendMail(mail);
    assert.match(info.response, /^250 2\.0\.0 OK {2}\d+ \S+ - gsmtp$/);
    const msg = await g.waitForMessage(5000);
    assert.equal(msg.user, USER);
    assert.equal(msg.secure, true);
    assert.equal(msg.mailFrom, USER);
    assert.deepEqual(msg.rcptTo, ['friend@example.com']);
    assert.equal(msg.headers.subject, 'harness test');
    assert.deepEqual(
      g.auths.map((a) => [a.user, a.secure, a.accepted]),
      [[USER, true, true]],
    );
  });

  test("a wrong password gets Gmail's two-line 535", async () => {
    const g = await start();
    const err = await transport(g, USER, 'wrong')
      .sendMail(mail)
      .then(
        () => assert.fail('sent'),
        (e: { response?: string }) => e,
      );
    assert.ok(err.response?.startsWith('535-5.7.8 Username and Password not accepted.'), err.response);
    assert.match(
      err.response ?? '',
      /535 5\.7\.8 {2}https:\/\/support\.google\.com\/mail\/\?p=BadCredentials \S+ - gsmtp/,
    );
    assert.deepEqual(
      g.auths.map((a) => [a.user, a.password, a.accepted]),
      [[USER, 'wrong', false]],
    );
    assert.equal(g.messages.length, 0);
  });

  test('on the wire: greeting, no AUTH before STARTTLS, 530s, multi-line 535 as proper SMTP lines', async () => {
    const g = await start();
    const smtp = await RawSmtp.open(g.port);
    try {
      assert.match((await smtp.reply()).lines[0]!, /^220 smtp\.gmail\.com ESMTP \S+ - gsmtp$/);
      const plainEhlo = (await smtp.command('EHLO client.example')).lines;
      assert.match(plainEhlo[0]!, /^250-smtp\.gmail\.com at your service, /);
      assert.deepEqual(plainEhlo.slice(1), [
        '250-SIZE 35882577',
        '250-8BITMIME',
        '250-STARTTLS',
        '250-ENHANCEDSTATUSCODES',
        '250-PIPELINING',
        '250-CHUNKING',
        '250 SMTPUTF8',
      ]);
      assert.match(
        (await smtp.command('AUTH PLAIN AGF4AHk=')).lines[0]!,
        /^530 5\.7\.0 Must issue a STARTTLS command first\./,
      );
      assert.match((await smtp.command('MAIL FROM:<a@example.com>')).lines[0]!, /^530 5\.7\.0 Must issue a STARTTLS/);
      assert.match((await smtp.command('STARTTLS')).lines[0]!, /^220 2\.0\.0 Ready to start TLS$/);
      await smtp.startTls(ca.caPem);
      const tlsEhlo = (await smtp.command('EHLO client.example')).lines;
      assert.deepEqual(tlsEhlo.slice(1), [
        '250-SIZE 35882577',
        '250-8BITMIME',
        '250-AUTH LOGIN PLAIN XOAUTH2 PLAIN-CLIENTTOKEN OAUTHBEARER XOAUTH',
        '250-ENHANCEDSTATUSCODES',
        '250-PIPELINING',
        '250-CHUNKING',
        '250 SMTPUTF8',
      ]);
      const noAuth = await smtp.command('MAIL FROM:<a@example.com>');
      assert.equal(noAuth.lines[0], '530-5.7.0 Authentication Required. For more information, go to');
      const bad = await smtp.command(`AUTH PLAIN ${Buffer.from(`\0${USER}\0nope`).toString('base64')}`);
      assert.equal(bad.lines.length, 2);
      assert.equal(bad.lines[0], '535-5.7.8 Username and Password not accepted. For more information, go to');
      assert.match(
        bad.lines[1]!,
        /^535 5\.7\.8 {2}https:\/\/support\.google\.com\/mail\/\?p=BadCredentials \S+ - gsmtp$/,
      );
      assert.match(bad.raw, /^535-[^\r\n]+\r\n535 [^\r\n]+\r\n$/);
      const b64 = (text: string) => Buffer.from(text).toString('base64');
      assert.deepEqual((await smtp.command('AUTH LOGIN')).lines, ['334 VXNlcm5hbWU6']);
      assert.deepEqual((await smtp.command(b64(USER))).lines, ['334 UGFzc3dvcmQ6']);
      assert.deepEqual((await smtp.command(b64(PASSWORD))).lines, ['235 2.7.0 Accepted']);
      assert.deepEqual(
        g.auths.map((a) => [a.method, a.accepted]),
        [
          ['PLAIN', false],
          ['LOGIN', true],
        ],
      );
      await smtp.command('QUIT');
    } finally {
      smtp.close();
    }
  });

  test('a client that trusts another CA fails the handshake and sends no password', async () => {
    const g = await start();
    await assert.rejects(transport(g, USER, PASSWORD, mitmCa.caPem).sendMail(mail), (e: Error) =>
      /certificate|self.signed|verify/i.test(e.message),
    );
    assert.deepEqual(g.auths, []);
    assert.deepEqual(g.messages, []);
  });

  test('implicit TLS (port-465 style) speaks TLS from the first byte', async () => {
    const g = await start({ implicitTls: true });
    await transport(g, USER, PASSWORD, ca.caPem, true).sendMail(mail);
    const msg = await g.waitForMessage(5000);
    assert.equal(msg.secure, true);
    assert.equal(msg.user, USER);
  });

  test('accounts set to 534 and 454 get those replies even with the right password', async () => {
    const g = await start();
    const fail = (user: string) =>
      transport(g, user, 'x')
        .sendMail(mail)
        .then(
          () => assert.fail('sent'),
          (e: { response?: string }) => e.response ?? '',
        );
    const r534 = await fail('twofactor@gmail.com');
    assert.ok(r534.startsWith('534-5.7.9 Application-specific password required.'), r534);
    assert.match(r534, /534 5\.7\.9 {2}https:\/\/support\.google\.com\/mail\/\?p=InvalidSecondFactor \S+ - gsmtp/);
    assert.match(
      await fail('throttled@gmail.com'),
      /^454 4\.7\.0 Too many login attempts, please try again later\. \S+ - gsmtp$/,
    );
    assert.deepEqual(
      g.auths.map((a) => a.accepted),
      [false, false],
    );
  });
});
