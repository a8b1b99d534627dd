// The wizard's SMTP talks (system/smtp.ts) against the fake Gmail on loopback, no root needed.
// The pre-flight is where the app password first leaves the machine: it must go only to a server
// whose certificate chains to the trusted CA and names the relay, and only inside TLS (STARTTLS
// required on 587, TLS from the first byte on 465). Each refusal is asserted on both sides: the
// result says why, and the server never saw a password.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { checkSmtpAuth, probeRelay, submitLocal } from '../../../src/system/smtp.js';
import { type FakeGmail, startFakeGmail } from '../../support/fake-gmail.js';
import { createTestCa, type TestCa } from '../../support/test-ca.js';

const USER = 'user@gmail.com';
const PASSWORD = 'abcdefghijklmnop';
const accounts = { [USER]: { password: PASSWORD } };
let dir: string;
let ca: TestCa; // the CA the client trusts
let otherCa: TestCa; // a CA it does not (a man in the middle's)
let otherName: TestCa; // the trusted CA's kind of certificate, but for another host name
const servers: FakeGmail[] = [];

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pgw-smtp-'));
  [ca, otherCa, otherName] = await Promise.all([
    createTestCa(dir, { name: 'trusted' }),
    createTestCa(dir, { name: 'intruder' }),
    createTestCa(dir, { name: 'named', host: 'relay.invalid' }),
  ]);
});
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function gmail(cert: TestCa, implicitTls = false): Promise<FakeGmail> {
  const g = await startFakeGmail({ cert: cert.certPem, key: cert.keyPem, accounts, implicitTls });
  servers.push(g);
  return g;
}
const endpoint = (g: FakeGmail, implicitTls = false, host = 'localhost') => ({
  host,
  port: g.port,
  implicitTls,
  ca: ca.caPem,
});

describe('system/smtp: the pre-flight login (checkSmtpAuth)', () => {
  it('logs in over STARTTLS to a server whose certificate the trusted CA signed for that name', async () => {
    const g = await gmail(ca);
    assert.deepEqual(await checkSmtpAuth(endpoint(g), USER, PASSWORD, 'client.test'), { ok: true });
    assert.deepEqual(
      g.auths.map((a) => [a.user, a.secure, a.accepted]),
      [[USER, true, true]],
    );
  });

  it('a wrong password: not ok, with the server reply and EAUTH', async () => {
    const g = await gmail(ca);
    const result = await checkSmtpAuth(endpoint(g), USER, 'wrong-password-x', 'client.test');
    assert.equal(result.ok, false);
    assert.equal(result.responseCode, 535);
    assert.equal(result.errorCode, 'EAUTH');
    assert.match(result.response ?? '', /Username and Password not accepted/);
  });

  it('a certificate from a CA the client does not trust is refused before any password is sent', async () => {
    const g = await gmail(otherCa);
    const result = await checkSmtpAuth(endpoint(g), USER, PASSWORD, 'client.test');
    assert.equal(result.ok, false);
    assert.notEqual(result.errorCode, 'EAUTH', JSON.stringify(result));
    assert.match(`${result.errorCode} ${result.response}`, /certificate|SELF_SIGNED|UNABLE_TO_VERIFY/i);
    assert.deepEqual(g.auths, []);
  });

  it('a certificate signed by the trusted CA for another name is refused before any password is sent', async () => {
    const g = await gmail(otherName);
    const endpointWithOtherCa = { ...endpoint(g), ca: otherName.caPem };
    const result = await checkSmtpAuth(endpointWithOtherCa, USER, PASSWORD, 'client.test');
    assert.equal(result.ok, false);
    assert.match(`${result.errorCode} ${result.response}`, /altnames|ERR_TLS_CERT_ALTNAME_INVALID|does not match/i);
    assert.deepEqual(g.auths, []);
  });

  it('the same server is accepted under the name its certificate gives (the refusal above was the name)', async () => {
    const g = await gmail(otherName);
    // 127.0.0.1 is in the certificate's names too, so the only difference from the test above is the name.
    const result = await checkSmtpAuth(
      { ...endpoint(g, false, '127.0.0.1'), ca: otherName.caPem },
      USER,
      PASSWORD,
      'c',
    );
    assert.deepEqual(result, { ok: true });
  });

  it('implicit TLS (port 465): TLS from the first byte, the login inside it', async () => {
    const g = await gmail(ca, true);
    assert.deepEqual(await checkSmtpAuth(endpoint(g, true), USER, PASSWORD, 'client.test'), { ok: true });
    assert.deepEqual(
      g.auths.map((a) => [a.user, a.secure, a.accepted]),
      [[USER, true, true]],
    );
  });

  it('implicit TLS with an untrusted certificate is refused too', async () => {
    const g = await gmail(otherCa, true);
    const result = await checkSmtpAuth(endpoint(g, true), USER, PASSWORD, 'client.test');
    assert.equal(result.ok, false);
    assert.deepEqual(g.auths, []);
  });

  it('a server that offers no STARTTLS (a downgrade) never gets the password, even when it offers AUTH', async () => {
    const seen: string[] = [];
    const plain = new SMTPServer({
      disabledCommands: ['STARTTLS'], // neither offered nor answered
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      logger: false,
      disableReverseLookup: true,
      onAuth(auth, _session, callback) {
        seen.push(auth.password ?? '');
        callback(null, { user: auth.username });
      },
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', () => resolve()));
    try {
      const port = (plain.server.address() as AddressInfo).port;
      const result = await checkSmtpAuth(
        { host: 'localhost', port, implicitTls: false, ca: ca.caPem },
        USER,
        PASSWORD,
        'c',
      );
      assert.equal(result.ok, false);
      assert.match(`${result.errorCode} ${result.response}`, /STARTTLS|ETLS/i);
      assert.deepEqual(seen, []);
    } finally {
      await new Promise<void>((resolve) => plain.close(() => resolve()));
    }
  });

  it('a STARTTLS server reached as if it spoke implicit TLS: refused, no password sent', async () => {
    const g = await gmail(ca);
    const result = await checkSmtpAuth(endpoint(g, true), USER, PASSWORD, 'client.test');
    assert.equal(result.ok, false);
    assert.deepEqual(g.auths, []);
  });
});

describe('system/smtp: probeRelay tells implicit TLS from STARTTLS without a credential', () => {
  it('465-style server: implicitTls true; 587-style server: false; both reachable over IPv4', async () => {
    const [starttls, wrapped] = await Promise.all([gmail(ca), gmail(ca, true)]);
    const plainProbe = await probeRelay('127.0.0.1', starttls.port, { timeoutMs: 5000, tls: true });
    const tlsProbe = await probeRelay('127.0.0.1', wrapped.port, { timeoutMs: 5000, tls: true });
    assert.equal(plainProbe.implicitTls, false);
    assert.equal(tlsProbe.implicitTls, true);
    assert.deepEqual(
      tlsProbe.addresses.map((a) => [a.family, a.ok]),
      [[4, true]],
    );
    assert.deepEqual([...starttls.auths, ...wrapped.auths], []);
  });

  it('a closed port: not ok, ECONNREFUSED', async () => {
    const g = await gmail(ca);
    const port = g.port;
    await g.close();
    servers.splice(servers.indexOf(g), 1);
    const probe = await probeRelay('127.0.0.1', port, { timeoutMs: 5000 });
    assert.deepEqual(probe.addresses, [{ family: 4, address: '127.0.0.1', ok: false, errorCode: 'ECONNREFUSED' }]);
  });
});

describe('system/smtp: submitLocal hands the message over in plain SMTP and returns the reply', () => {
  it("returns the server's final reply (where the queue id comes from) and the envelope it was given", async () => {
    const got: { from?: string; to: string[] }[] = [];
    const local = new SMTPServer({
      authOptional: true,
      hideSTARTTLS: true,
      logger: false,
      disableReverseLookup: true,
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          const { mailFrom, rcptTo } = session.envelope;
          got.push({ from: mailFrom ? mailFrom.address : undefined, to: rcptTo.map((r) => r.address) });
          callback(null, 'Ok: queued as 4F2C21A0B3');
        });
      },
    });
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', () => resolve()));
    try {
      const port = (local.server.address() as AddressInfo).port;
      const { response } = await submitLocal({
        host: '127.0.0.1',
        port,
        from: 'root@host.test',
        to: 'friend@example.com',
        subject: 'test',
        text: 'hello',
        messageId: '<id@host.test>',
      });
      assert.match(response, /^250 .*queued as 4F2C21A0B3/);
      assert.deepEqual(got, [{ from: 'root@host.test', to: ['friend@example.com'] }]);
    } finally {
      await new Promise<void>((resolve) => local.close(() => resolve()));
    }
  });
});
