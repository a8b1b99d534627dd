// detect called by itself on the recording fake: what it finds on Debian 12 (a fresh install, a
// stopped one, one with a password map, a hand-made relay's map, a private instance, each kind of
// log), and that it only reads — no file written, no postconf -e, no service touched.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detect } from '../../../src/flow/detect/detect.js';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { changingCommands } from '../../support/step-context.js';

const relayed = (map: string) =>
  `relayhost = [smtp.gmail.com]:587\nsmtp_sasl_auth_enable = yes\nsmtp_sasl_password_maps = hash:/etc/postfix/${map}\n`;

function debian(options: Parameters<typeof installFakePostfix>[1] = {}): FakeSystem {
  const sys = new FakeSystem();
  installFakePostfix(sys, options);
  return sys;
}

describe('detect on Debian 12', () => {
  it('a fresh "Local only" Postfix: its version, instance, SASL, maps, listener, log and CA bundle; nothing changed', async () => {
    const sys = debian();
    const facts = await detect(sys, undefined);
    assert.equal(facts.os.id, 'debian');
    assert.equal(facts.distro.name, 'debian');
    assert.equal(facts.isRoot, true);
    const p = facts.postfix;
    assert.ok(p);
    assert.equal(p.version, '3.7.11');
    assert.equal(p.configDir, '/etc/postfix');
    assert.equal(p.isDefaultInstance, true);
    assert.equal(p.running, true);
    assert.deepEqual(p.saslClientTypes, ['cyrus']);
    assert.equal(p.defaultMapType, 'hash');
    assert.ok(p.mapTypes.includes('hash'));
    assert.equal(p.settings.default_transport, 'error');
    assert.ok(p.explicit.includes('inet_interfaces'));
    assert.equal(p.passwordMap, undefined);
    assert.equal(p.currentAccount, undefined);
    assert.equal(p.listener?.port, 25);
    assert.deepEqual(p.log, { kind: 'file', path: '/var/log/mail.log' });
    assert.equal(facts.saslPlugins.plain && facts.saslPlugins.login, true);
    assert.equal(facts.caBundle, '/etc/ssl/certs/ca-certificates.crt');
    assert.deepEqual(sys.writes, []);
    assert.deepEqual(changingCommands(sys), []);
  });

  it('a stopped Postfix is found stopped', async () => {
    const facts = await detect(debian({ running: false }), undefined);
    assert.equal(facts.postfix?.running, false);
  });

  it('no Postfix: the OS is known, postfix is absent', async () => {
    const sys = new FakeSystem();
    sys.put('/etc/os-release', 'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n');
    const facts = await detect(sys, undefined);
    assert.equal(facts.postfix, undefined);
    assert.equal(facts.os.prettyName, 'Debian GNU/Linux 12 (bookworm)');
  });

  it("the wizard's map: its account, mode and whether the compiled map is current", async () => {
    const sys = debian({ mainCf: relayed('sasl_passwd') });
    sys.put('/etc/postfix/sasl_passwd', '[smtp.gmail.com]:587 someone@gmail.com:abcdefghijklmnop\n', 0o600);
    const stale = (await detect(sys, undefined)).postfix;
    assert.equal(stale?.currentAccount, 'someone@gmail.com');
    assert.equal(stale?.passwordMap?.path, '/etc/postfix/sasl_passwd');
    assert.equal(stale?.passwordMap?.mode, 0o600);
    assert.equal(stale?.passwordMap?.compiledCurrent, false);
    assert.deepEqual(stale?.passwordMap?.compiled, []);
    assert.equal(stale?.wizardMap, undefined);
    sys.clock += 1000;
    sys.put('/etc/postfix/sasl_passwd.db', 'compiled', 0o600);
    const current = (await detect(sys, undefined)).postfix;
    assert.equal(current?.passwordMap?.compiledCurrent, true);
    assert.deepEqual(current?.passwordMap?.compiled, [{ path: '/etc/postfix/sasl_passwd.db', mode: 0o600, uid: 0 }]);
  });

  it("a hand-made relay's map (saslpass): named by main.cf, read by nothing else; a leftover sasl_passwd is seen too", async () => {
    const sys = debian({ mainCf: relayed('saslpass') });
    sys.put('/etc/postfix/saslpass', '[smtp.gmail.com]:587 old@gmail.com:oldpasswordoldpw\n', 0o644);
    sys.put('/etc/postfix/sasl_passwd', '[smtp.gmail.com]:587 older@gmail.com:olderpasswordold\n', 0o600);
    const p = (await detect(sys, undefined)).postfix;
    assert.equal(p?.passwordMap?.path, '/etc/postfix/saslpass');
    assert.equal(p?.passwordMap?.namedElsewhere, false);
    assert.equal(p?.currentAccount, 'old@gmail.com');
    assert.equal(p?.wizardMap?.path, '/etc/postfix/sasl_passwd');
    assert.equal(p?.wizardMap?.mode, 0o600);
  });

  it('--config-dir of a private instance: every postconf gets -c, and nobody but postfix(1) runs it', async () => {
    const sys = debian({ configDir: '/etc/postfix-out' });
    const p = (await detect(sys, '/etc/postfix-out')).postfix;
    assert.equal(p?.configDir, '/etc/postfix-out');
    assert.equal(p?.isDefaultInstance, false);
    assert.equal(p?.serviceManager, 'none');
    const postconf = sys.calls.filter((c) => c.file === 'postconf');
    assert.ok(postconf.length > 0 && postconf.every((c) => c.args[0] === '-c' && c.args[1] === '/etc/postfix-out'));
  });
});

describe('detect: where delivery lines are read', () => {
  it('maillog_file, when main.cf sets one', async () => {
    const p = (await detect(debian({ mainCf: 'maillog_file = /var/log/postfix.log\n' }), undefined)).postfix;
    assert.deepEqual(p?.log, { kind: 'file', path: '/var/log/postfix.log' });
  });

  it('journald when no log file exists, none without it either', async () => {
    const sys = debian();
    sys.files.delete('/var/log/mail.log');
    sys.dirs.add('/run/systemd/journal');
    assert.deepEqual((await detect(sys, undefined)).postfix?.log, { kind: 'journal' });
    sys.dirs.delete('/run/systemd/journal');
    assert.deepEqual((await detect(sys, undefined)).postfix?.log, { kind: 'none' });
  });
});
