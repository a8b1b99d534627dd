// probeRelay and tryLogin (doctor's reach.ts) called by themselves on the seed recipe's relay in the
// recording fake: the relay main.cf names is probed over TLS; the stored password is read only under
// relayhost's exact key and sent only there, only once an address answered, trusting what Postfix
// trusts; what the relay speaks decides implicit TLS; a refusal comes back as its diagnosis.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { probeRelay, tryLogin } from '../../../src/flow/doctor/reach.js';
import { seedMachine } from '../../support/fake-seed.js';
import { detected } from '../../support/step-context.js';

const PASSWORD = 'revokedrevokedre';
const pem = (name: string) => `-----BEGIN CERTIFICATE-----\n${name}\n-----END CERTIFICATE-----`;
const edit = (sys: ReturnType<typeof seedMachine>['sys'], change: (mainCf: string) => string) =>
  sys.put('/etc/postfix/main.cf', change(sys.text('/etc/postfix/main.cf') ?? ''));

describe('flow/doctor/reach: the probe', () => {
  it('the relayhost of main.cf, probed once with TLS sniffing; its host, port and addresses returned', async () => {
    const { sys } = seedMachine(PASSWORD);
    const facts = await detected(sys);
    const relay = await probeRelay(sys, facts.postfix);
    assert.deepEqual(sys.probes, [{ host: 'smtp.gmail.com', port: 587, tls: true }]);
    assert.deepEqual(relay, {
      host: 'smtp.gmail.com',
      port: 587,
      implicitTls: false,
      addresses: [{ family: 4, address: '142.250.102.109', ok: true }],
    });
  });
});

describe('flow/doctor/reach: the login', () => {
  it('no relayhost: nothing probed, no login', async () => {
    const { sys } = seedMachine(PASSWORD);
    const facts = await detected(sys);
    const postfix = { ...facts.postfix, settings: { ...facts.postfix.settings, relayhost: '' } };
    assert.equal(await probeRelay(sys, postfix), undefined);
    assert.equal(await tryLogin(sys, facts, postfix, undefined), undefined);
    assert.deepEqual([sys.probes, sys.authChecks], [[], []]);
  });

  it('the relay unreachable on every address: no password is sent', async () => {
    const { sys } = seedMachine(PASSWORD);
    sys.probeResult = () => ({ addresses: [{ family: 4, address: '142.250.102.109', ok: false, error: 'ETIMEDOUT' }] });
    const facts = await detected(sys);
    const relay = await probeRelay(sys, facts.postfix);
    assert.equal(relay?.addresses[0]?.ok, false);
    assert.equal(await tryLogin(sys, facts, facts.postfix, relay), undefined);
    assert.deepEqual(sys.authChecks, []);
  });

  it('a map entry only for another relay: the password is not sent to this one', async () => {
    const { sys } = seedMachine(PASSWORD);
    sys.put('/etc/postfix/saslpass', `[smtp.example.net]:587 cron@example.net:${PASSWORD}\n`, 0o644);
    const facts = await detected(sys);
    assert.equal(await tryLogin(sys, facts, facts.postfix, await probeRelay(sys, facts.postfix)), undefined);
    assert.deepEqual(sys.authChecks, []);
  });

  it('the CA file main.cf names is trusted; without one, a CApath that names a file (the old recipe) is read as one', async () => {
    const { sys } = seedMachine(PASSWORD);
    sys.put('/etc/ssl/certs/ca-certificates.crt', pem('BUNDLE'));
    sys.put('/root/old-recipe.pem', pem('CAPATH'));
    edit(sys, (text) =>
      text.replace('smtp_tls_CApath = /etc/ssl/certs/ca-certificates.crt', 'smtp_tls_CApath = /root/old-recipe.pem'),
    );
    const facts = await detected(sys);
    await tryLogin(sys, facts, facts.postfix, await probeRelay(sys, facts.postfix));
    assert.deepEqual(
      sys.authChecks.map((c) => c.endpoint.ca),
      [pem('CAPATH')],
    );

    const own = seedMachine(PASSWORD).sys;
    own.put('/root/relay-ca.pem', pem('OWN'));
    edit(own, (text) => `${text}smtp_tls_CAfile = /root/relay-ca.pem\n`);
    const ownFacts = await detected(own);
    await tryLogin(own, ownFacts, ownFacts.postfix, await probeRelay(own, ownFacts.postfix));
    assert.deepEqual(
      own.authChecks.map((c) => c.endpoint.ca),
      [pem('OWN')],
    );
  });

  it("implicit TLS as the relay speaks it: the probe's word first, else port 465", async () => {
    const { sys } = seedMachine(PASSWORD);
    sys.probeResult = () => ({ implicitTls: true, addresses: [{ family: 4, address: '142.250.102.109', ok: true }] });
    const facts = await detected(sys);
    await tryLogin(sys, facts, facts.postfix, await probeRelay(sys, facts.postfix));
    assert.equal(sys.authChecks[0]?.endpoint.implicitTls, true);

    const port465 = seedMachine(PASSWORD).sys;
    edit(port465, (text) => text.replace('relayhost = [smtp.gmail.com]:587', 'relayhost = [smtp.gmail.com]:465'));
    port465.put('/etc/postfix/saslpass', `[smtp.gmail.com]:465 cron@gmail.com:${PASSWORD}\n`, 0o644);
    const facts465 = await detected(port465);
    const relay = await probeRelay(port465, facts465.postfix);
    assert.ok(relay);
    await tryLogin(port465, facts465, facts465.postfix, { ...relay, implicitTls: undefined });
    assert.deepEqual(
      port465.authChecks.map((c) => [c.endpoint.port, c.endpoint.implicitTls, c.user, c.password]),
      [[465, true, 'cron@gmail.com', PASSWORD]],
    );
  });

  it("a refused login: ok false with its diagnosis and the server's line", async () => {
    const { sys } = seedMachine(PASSWORD);
    sys.authResult = () => ({
      ok: false,
      errorCode: 'EAUTH',
      responseCode: 535,
      response:
        '535-5.7.8 Username and Password not accepted. For more information, go to 535 5.7.8  https://support.google.com/mail/?p=BadCredentials',
    });
    const facts = await detected(sys);
    const login = await tryLogin(sys, facts, facts.postfix, await probeRelay(sys, facts.postfix));
    assert.equal(login?.ok, false);
    assert.equal(login?.diagnosis, 'auth-bad-credentials');
    assert.match(login?.detail ?? '', /535/);
    assert.ok(!JSON.stringify(login).includes(PASSWORD));
  });
});
