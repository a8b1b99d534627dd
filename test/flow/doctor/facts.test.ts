// gatherDoctorFacts called by itself on the seed recipe's relay in the recording fake: what doctor's
// rules are given, read without a change; the relay probe and login it runs (reach.ts) have their
// own tests in reach.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gatherDoctorFacts } from '../../../src/flow/doctor/facts.js';
import { seedMachine } from '../../support/fake-seed.js';
import { changingCommands, detected } from '../../support/step-context.js';

const PASSWORD = 'revokedrevokedre';

describe('gatherDoctorFacts', () => {
  it('the seed: its settings, the 0644 password map not compiled, the relay reached, the login tried once; nothing changed', async () => {
    const { sys } = seedMachine(PASSWORD);
    const facts = await detected(sys);
    const { doctor, queueRead } = await gatherDoctorFacts(sys, facts, facts.postfix);
    assert.equal(queueRead, true);
    assert.equal(doctor.running, true);
    assert.equal(doctor.explicit.smtp_use_tls, 'yes');
    assert.equal(doctor.settings.relayhost, '[smtp.gmail.com]:587');
    const map = doctor.maps.find((m) => m.path === '/etc/postfix/saslpass');
    assert.deepEqual([map?.parameter, map?.secret, map?.source?.mode], ['smtp_sasl_password_maps', true, 0o644]);
    assert.deepEqual(
      map?.compiled.map((c) => [c.path, c.state]),
      [['/etc/postfix/saslpass.db', undefined]],
    );
    assert.deepEqual([doctor.relay?.host, doctor.relay?.port], ['smtp.gmail.com', 587]);
    assert.deepEqual(sys.probes, [{ host: 'smtp.gmail.com', port: 587, tls: true }]);
    assert.deepEqual(doctor.login, { ok: true });
    assert.deepEqual(
      sys.authChecks.map((c) => [c.endpoint.host, c.endpoint.port, c.user, c.password]),
      [['smtp.gmail.com', 587, 'cron@gmail.com', PASSWORD]],
    );
    assert.deepEqual(doctor.failures, []);
    assert.deepEqual(doctor.openNetworks, [], 'loopback-only listens to nobody else');
    assert.deepEqual(sys.writes, []);
    assert.deepEqual(changingCommands(sys), []);
  });

  it('a refused login: ok false with its diagnosis', async () => {
    const { sys } = seedMachine(PASSWORD);
    sys.authResult = () => ({
      ok: false,
      response:
        '535-5.7.8 Username and Password not accepted. For more information, go to 535 5.7.8  https://support.google.com/mail/?p=BadCredentials',
      responseCode: 535,
    });
    const facts = await detected(sys);
    const { doctor } = await gatherDoctorFacts(sys, facts, facts.postfix);
    assert.equal(doctor.login?.ok, false);
    assert.equal(doctor.login?.diagnosis, 'auth-bad-credentials');
  });

  it("dpkg --audit reports half-installed packages: its report is doctor's to show; a sound dpkg, nothing", async () => {
    const { sys } = seedMachine(PASSWORD);
    const facts = await detected(sys);
    assert.equal((await gatherDoctorFacts(sys, facts, facts.postfix)).doctor.dpkgInterrupted, undefined);
    const audit = 'The following packages have been unpacked but not yet configured.\n libsasl2-modules  Cyrus SASL\n';
    sys.on('dpkg', (args) => (args.join(' ') === '--audit' ? { exitCode: 0, stdout: audit, stderr: '' } : undefined));
    assert.deepEqual((await gatherDoctorFacts(sys, facts, facts.postfix)).doctor.dpkgInterrupted, [
      'The following packages have been unpacked but not yet configured.',
      'libsasl2-modules  Cyrus SASL',
    ]);
  });

  it('postqueue cannot be read: queueRead false', async () => {
    const { sys } = seedMachine(PASSWORD);
    sys.on('postqueue', () => ({ exitCode: 1, stdout: '', stderr: 'postqueue: fatal: Connection refused' }));
    const facts = await detected(sys);
    assert.equal((await gatherDoctorFacts(sys, facts, facts.postfix)).queueRead, false);
  });
});

describe('the chroot smtp(8) runs in', () => {
  it('a resolver file the host has and the chroot lacks is named; once copied, none', async () => {
    const { sys } = seedMachine(PASSWORD);
    sys.put('/etc/resolv.conf', 'nameserver 10.0.0.1\n');
    // As Debian's master.cf says (the fake Postfix answers no postconf -F): smtp(8) runs chrooted.
    const postconf = sys.handlers.get('postconf')!;
    sys.on('postconf', (args, options) =>
      args.includes('-F') ? { exitCode: 0, stdout: `${args.at(-1)} = y\n`, stderr: '' } : postconf(args, options),
    );
    const facts = await detected(sys);
    const dir = facts.postfix.tls?.chrootDir;
    assert.ok(dir, 'the chroot is the queue directory');
    assert.deepEqual((await gatherDoctorFacts(sys, facts, facts.postfix)).doctor.chroot, {
      dir,
      missing: ['/etc/resolv.conf'],
    });
    sys.put(`${dir}/etc/resolv.conf`, 'nameserver 10.0.0.1\n');
    assert.deepEqual((await gatherDoctorFacts(sys, facts, facts.postfix)).doctor.chroot, { dir, missing: [] });
  });
});
