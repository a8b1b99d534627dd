// Proves the test-support code (test CA, fake Gmail, private Postfix instance, tmux driver) works,
// and records the manual recipe by shell commands: the baseline the wizard is compared with.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { createTransport } from 'nodemailer';
import { startFakeGmail, type FakeGmail, type FakeGmailOptions } from '../support/fake-gmail.js';
import { RawSmtp } from '../support/raw-smtp.js';
import { createPostfixInstance, postfixSkipReason, type PostfixInstance } from '../support/postfix-instance.js';
import { createTestCa, type TestCa } from '../support/test-ca.js';
import { startInTmux, tmuxSkipReason } from '../support/tmux.js';

const run = promisify(execFile);
const USER = 'user@gmail.com';
const PASSWORD = 'abcdefghijklmnop';
const accounts: FakeGmailOptions['accounts'] = {
  [USER]: { password: PASSWORD },
  'twofactor@gmail.com': { password: 'x', reply: '534' },
  'throttled@gmail.com': { password: 'x', reply: '454' },
};

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
    createTransport({ host: g.host, port: g.port, secure: implicitTls, requireTLS: !implicitTls,
      tls: { ca: trust, servername: 'localhost' }, auth: { user, pass } });
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
    await assert.rejects(run('openssl', ['verify', '-CAfile', mitmCa.caPath, ca.certPath]));
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
    assert.equal(msg.headers['subject'], 'harness test');
    assert.deepEqual(g.auths.map((a) => [a.user, a.secure, a.accepted]), [[USER, true, true]]);
  });

  test('a wrong password gets Gmail\'s two-line 535', async () => {
    const g = await start();
    const err = await transport(g, USER, 'wrong').sendMail(mail).then(() => assert.fail('sent'), (e: { response?: string }) => e);
    assert.ok(err.response?.startsWith('535-5.7.8 Username and Password not accepted.'), err.response);
    assert.match(err.response ?? "", /535 5\.7\.8 {2}https:\/\/support\.google\.com\/mail\/\?p=BadCredentials \S+ - gsmtp/);
    assert.deepEqual(g.auths.map((a) => [a.user, a.password, a.accepted]), [[USER, 'wrong', false]]);
    assert.equal(g.messages.length, 0);
  });

  test('on the wire: greeting, no AUTH before STARTTLS, 530s, multi-line 535 as proper SMTP lines', async () => {
    const g = await start();
    const smtp = await RawSmtp.open(g.port);
    try {
      assert.match((await smtp.reply()).lines[0]!, /^220 smtp\.gmail\.com ESMTP \S+ - gsmtp$/);
      const plainEhlo = (await smtp.command('EHLO client.example')).lines;
      assert.match(plainEhlo[0]!, /^250-smtp\.gmail\.com at your service, /);
      assert.deepEqual(plainEhlo.slice(1), ['250-SIZE 35882577', '250-8BITMIME', '250-STARTTLS', '250-ENHANCEDSTATUSCODES', '250-PIPELINING', '250-CHUNKING', '250 SMTPUTF8']);
      assert.match((await smtp.command('AUTH PLAIN AGF4AHk=')).lines[0]!, /^530 5\.7\.0 Must issue a STARTTLS command first\./);
      assert.match((await smtp.command('MAIL FROM:<a@example.com>')).lines[0]!, /^530 5\.7\.0 Must issue a STARTTLS/);
      assert.match((await smtp.command('STARTTLS')).lines[0]!, /^220 2\.0\.0 Ready to start TLS$/);
      await smtp.startTls(ca.caPem);
      const tlsEhlo = (await smtp.command('EHLO client.example')).lines;
      assert.deepEqual(tlsEhlo.slice(1), ['250-SIZE 35882577', '250-8BITMIME', '250-AUTH LOGIN PLAIN XOAUTH2 PLAIN-CLIENTTOKEN OAUTHBEARER XOAUTH',
        '250-ENHANCEDSTATUSCODES', '250-PIPELINING', '250-CHUNKING', '250 SMTPUTF8']);
      const noAuth = await smtp.command('MAIL FROM:<a@example.com>');
      assert.equal(noAuth.lines[0], '530-5.7.0 Authentication Required. For more information, go to');
      const bad = await smtp.command(`AUTH PLAIN ${Buffer.from(`\0${USER}\0nope`).toString('base64')}`);
      assert.equal(bad.lines.length, 2);
      assert.equal(bad.lines[0], '535-5.7.8 Username and Password not accepted. For more information, go to');
      assert.match(bad.lines[1]!, /^535 5\.7\.8 {2}https:\/\/support\.google\.com\/mail\/\?p=BadCredentials \S+ - gsmtp$/);
      assert.match(bad.raw, /^535-[^\r\n]+\r\n535 [^\r\n]+\r\n$/);
      const b64 = (text: string) => Buffer.from(text).toString('base64');
      assert.deepEqual((await smtp.command('AUTH LOGIN')).lines, ['334 VXNlcm5hbWU6']);
      assert.deepEqual((await smtp.command(b64(USER))).lines, ['334 UGFzc3dvcmQ6']);
      assert.deepEqual((await smtp.command(b64(PASSWORD))).lines, ['235 2.7.0 Accepted']);
      assert.deepEqual(g.auths.map((a) => [a.method, a.accepted]), [['PLAIN', false], ['LOGIN', true]]);
      await smtp.command('QUIT');
    } finally {
      smtp.close();
    }
  });

  test('a client that trusts another CA fails the handshake and sends no password', async () => {
    const g = await start();
    await assert.rejects(transport(g, USER, PASSWORD, mitmCa.caPem).sendMail(mail),
      (e: Error) => /certificate|self.signed|verify/i.test(e.message));
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
    const fail = (user: string) => transport(g, user, 'x').sendMail(mail).then(() => assert.fail('sent'), (e: { response?: string }) => e.response ?? '');
    const r534 = await fail('twofactor@gmail.com');
    assert.ok(r534.startsWith('534-5.7.9 Application-specific password required.'), r534);
    assert.match(r534, /534 5\.7\.9 {2}https:\/\/support\.google\.com\/mail\/\?p=InvalidSecondFactor \S+ - gsmtp/);
    assert.match(await fail('throttled@gmail.com'), /^454 4\.7\.0 Too many login attempts, please try again later\. \S+ - gsmtp$/);
    assert.deepEqual(g.auths.map((a) => a.accepted), [false, false]);
  });
});

const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');

function sendmail(configDir: string, message: string, ...args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('sendmail', ['-C', configDir, ...args], { stdio: ['pipe', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject).on('close', (code) => (code === 0 ? resolve() : reject(new Error(`sendmail exited ${code}: ${stderr}`))));
    child.stdin.end(message);
  });
}

describe('private Postfix instance + fake Gmail: the manual recipe', { skip: postfixSkipReason() }, () => {
  let dir: string;
  let ca: TestCa;
  let gmail: FakeGmail | undefined;
  let pf: PostfixInstance | undefined;
  let mainCfBefore: string;

  before(async () => {
    mainCfBefore = await sha256('/etc/postfix/main.cf');
    dir = await mkdtemp('/tmp/harness-pf-');
    await chmod(dir, 0o755);
    ca = await createTestCa(dir);
    gmail = await startFakeGmail({ cert: ca.certPem, key: ca.keyPem, accounts });
    pf = await createPostfixInstance();
  });
  after(async () => {
    await pf?.destroy();
    await gmail?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('the instance starts with its own config, queue and smtpd port', async () => {
    assert.ok(pf);
    await pf.start();
    assert.equal(await pf.isRunning(), true);
    assert.equal((await pf.postconf('-h', 'queue_directory')).trim(), pf.queueDir);
    assert.match(await pf.postconf('-M'), new RegExp(`^127\\.0\\.0\\.1:${pf.smtpdPort} +inet .* smtpd$`, 'm'));
    await pf.waitForLog(/daemon started -- version [\d.]+, configuration \/tmp\//);
  });

  test('relayhost + SASL + verified TLS by hand: the fake receives it authenticated, the log says sent', async () => {
    assert.ok(pf && gmail);
    const relay = `[localhost]:${gmail.port}`;
    const saslPasswd = join(pf.configDir, 'sasl_passwd');
    await pf.postconf('-e', `relayhost=${relay}`, 'smtp_sasl_auth_enable=yes',
      `smtp_sasl_password_maps=hash:${saslPasswd}`, 'smtp_sasl_security_options=noanonymous',
      'smtp_tls_security_level=secure', `smtp_tls_CAfile=${ca.caPath}`,
      'default_transport=smtp', 'relay_transport=relay');
    await writeFile(saslPasswd, `${relay} ${USER}:${PASSWORD}\n`, { mode: 0o600 });
    await run('postmap', ['-c', pf.configDir, `hash:${saslPasswd}`]);
    await run('postfix', ['-c', pf.configDir, 'reload']);

    await sendmail(pf.configDir, 'Subject: recipe test\nFrom: root@testhost.example\nTo: friend@example.com\n\nhello via the recipe\n',
      '-f', 'root@testhost.example', 'friend@example.com');
    const msg = await gmail.waitForMessage(30_000);
    assert.equal(msg.user, USER);
    assert.equal(msg.secure, true);
    assert.equal(msg.mailFrom, 'root@testhost.example');
    assert.deepEqual(msg.rcptTo, ['friend@example.com']);
    assert.equal(msg.headers['subject'], 'recipe test');
    const [line] = await pf.waitForLog(/^.*status=sent \(250 2\.0\.0 OK.*$/m, 30_000);
    assert.match(line, new RegExp(`relay=localhost\\[127\\.0\\.0\\.1\\]:${gmail.port}`));
    assert.deepEqual(gmail.auths.map((a) => [a.user, a.secure, a.accepted]), [[USER, true, true]]);
  });

  test('the machine\'s own /etc/postfix/main.cf is unchanged', async () => {
    await pf?.destroy();
    assert.equal(await sha256('/etc/postfix/main.cf'), mainCfBefore);
  });
});

describe('tmux', { skip: tmuxSkipReason() }, () => {
  test('drives a program keystroke by keystroke and reports its exit code', async () => {
    const tmux = await startInTmux(['sh', '-c', 'echo "ready $GREETING $(stty size)"; read x; echo got:$x; exit 7'],
      { env: { GREETING: 'hi there' }, cols: 60, rows: 10 });
    try {
      await tmux.waitFor('ready hi there 10 60');
      await tmux.type('hello world;');
      await tmux.sendKeys('Enter');
      const screen = await tmux.waitFor(/got:hello world;/);
      assert.match(screen, /^ready hi there 10 60$/m);
      assert.equal(await tmux.exitCode(), 7);
      assert.match(await tmux.history(), /got:hello world;/);
    } finally {
      await tmux.kill();
    }
  });

  test('C-c ends the program, and its status is still reported', async () => {
    const tmux = await startInTmux(['sh', '-c', 'echo started; exec sleep 600']);
    try {
      await tmux.waitFor('started');
      await tmux.sendKeys('C-c');
      assert.equal(await tmux.exitCode(), 130);
    } finally {
      await tmux.kill();
    }
  });
});
