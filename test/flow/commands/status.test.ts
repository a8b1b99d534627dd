// status through main(): the relay, the account, and whether its password is in the keychain; its
// problems are doctor's, under doctor's codes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { A, configuredWithA, assertNoSecret } from '../../support/credential-machine.js';
import { runCli } from '../../support/run-cli.js';

describe('status', () => {
  it('shows the relay, the account and whether its password is in the keychain (never the password)', async () => {
    const { sys } = await configuredWithA();
    const run = await runCli(sys, ['status', '--json']);
    assert.equal(run.exit, 0);
    assert.equal(run.json?.status?.account, A);
    assert.equal(run.json?.status?.relayhost, '[smtp.gmail.com]:587');
    assert.equal(run.json?.status?.keychain, 'stored');
    assert.match(run.stderr, /Keychain: the password of someone@gmail\.com is stored in your keychain/);
    sys.secrets.clear();
    const plain = await runCli(sys, ['status']);
    assert.match(plain.stdout, /Keychain: no password of someone@gmail\.com in your keychain/);
    assert.match(plain.stdout, /Account: someone@gmail\.com/);
    assert.match(plain.stdout, /Relay: \[smtp\.gmail\.com\]:587/);
    sys.keychainMissing = 'locked';
    const locked = await runCli(sys, ['status', '--json']);
    assert.equal(locked.json?.status?.keychain, 'unavailable:locked');
    assertNoSecret(sys, run.stdout, run.stderr, plain.stdout, locked.stdout, locked.stderr);
  });

  it("lists doctor's problems under doctor's codes: an open mynetworks is open-relay, a fingerprint level verifies", async () => {
    const { sys } = await configuredWithA();
    const edit = ['-e', 'smtp_tls_security_level=fingerprint', 'inet_interfaces=all', 'mynetworks=0.0.0.0/0'];
    assert.equal((await sys.exec('postconf', edit)).exitCode, 0);
    const status = await runCli(sys, ['status', '--json']);
    const doctor = await runCli(sys, ['doctor', '--json']);
    const statusCodes = status.json?.status?.problems.map((p) => p.code);
    const doctorCodes = doctor.json?.doctor?.problems.map((p) => p.code);
    // The same machine, the same verdict: doctor's probe and login found nothing more to say.
    assert.deepEqual(statusCodes, ['open-relay']);
    assert.deepEqual(doctorCodes, statusCodes);
    assert.equal(status.exit, 1);
    assert.match(status.stderr, /0\.0\.0\.0\/0/);
  });

  it("names setup's requirement errors too, as doctor does: a Postfix without Cyrus SASL and a map type it lacks", async () => {
    const { sys, postfix } = await configuredWithA();
    postfix.outputs['postconf-A.txt'] = 'dovecot\n';
    postfix.outputs['postconf-m.txt'] = 'cidr\nlmdb\nregexp\n';
    const status = await runCli(sys, ['status', '--json']);
    const doctor = await runCli(sys, ['doctor', '--json']);
    const statusCodes = status.json?.status?.problems.map((p) => p.code);
    assert.deepEqual(statusCodes?.slice(0, 2), ['postfix-without-sasl', 'map-type-unsupported']);
    assert.deepEqual(doctor.json?.doctor?.problems.map((p) => p.code).slice(0, 2), statusCodes?.slice(0, 2));
    assert.equal(status.exit, 1);
    assert.match(status.stderr, /built without Cyrus SASL \(postconf -A: dovecot\)/);
  });
});
