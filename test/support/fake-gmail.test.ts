// The Gmail double offers Gmail's whole mechanism list after STARTTLS (so the
// wizard and Postfix must choose among the real set) but, like Gmail without
// a valid OAuth token, accepts only PLAIN/LOGIN with a known password.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { createTransport } from 'nodemailer';
import { startFakeGmail, type FakeGmail } from './fake-gmail.js';
import { RawSmtp } from './raw-smtp.js';
import { createTestCa, type TestCa } from './test-ca.js';

const USER = 'user@gmail.com';
const PASSWORD = 'abcdefghijklmnop';
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

  test('nodemailer (the wizard\'s pre-flight and test) picks PLAIN or LOGIN from Gmail\'s list', async () => {
    const transport = createTransport({ host: g.host, port: g.port, requireTLS: true, tls: { ca: ca.caPem, servername: 'localhost' }, auth: { user: USER, pass: PASSWORD } });
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
      assert.deepEqual(challenge.lines, [`334 ${Buffer.from('{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}').toString('base64')}`]);
      assert.equal((await smtp.command('')).lines[0], BAD_LOGIN);
      for (const mechanism of ['OAUTHBEARER', 'XOAUTH', 'PLAIN-CLIENTTOKEN']) {
        assert.equal((await smtp.command(`AUTH ${mechanism} dG9rZW4=`)).lines[0], BAD_LOGIN, mechanism);
      }
      assert.match((await smtp.command('AUTH CRAM-MD5')).lines[0]!, /^504 5\.7\.4 Unrecognized authentication type\. \S+ - gsmtp$/);
      assert.deepEqual(g.auths.map((a) => [a.method, a.accepted]), [['XOAUTH2', false], ['OAUTHBEARER', false], ['XOAUTH', false], ['PLAIN-CLIENTTOKEN', false]]);
      assert.deepEqual((await smtp.command(`AUTH PLAIN ${Buffer.from(`\0${USER}\0${PASSWORD}`).toString('base64')}`)).lines, ['235 2.7.0 Accepted']);
      await smtp.command('QUIT');
    } finally {
      smtp.close();
    }
  });
});
