// readTlsFacts (postfix/tls-overrides.ts): what overrides main.cf's TLS level for the relay — a
// master.cf -o on the relaying service, a policy table entry, smtp_tls_per_site — read through
// postconf and postmap -q, as smtp(8) would look them up.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readTlsFacts } from '../../../src/postfix/tls-overrides.js';
import { FakeSystem } from '../../support/fake-system.js';
import { answerPostconf } from './postconf-double.js';

const nexthop = '[smtp.gmail.com]:587';
const base = {
  relayhost: nexthop,
  smtp_tls_security_level: 'secure',
  default_transport: 'smtp',
  relay_transport: 'relay',
  queue_directory: '/var/spool/postfix',
};

describe('readTlsFacts', () => {
  it('nothing overrides main.cf: its level, from main.cf, no chroot', async () => {
    const sys = new FakeSystem();
    answerPostconf(sys, { main: base });
    const facts = await readTlsFacts(sys, undefined, nexthop);
    assert.deepEqual(facts.effective, { level: 'secure', source: 'main.cf' });
    assert.deepEqual(facts.master, []);
    assert.equal(facts.policy, undefined);
    assert.equal(facts.chrootDir, undefined);
    assert.equal(facts.main.smtp_tls_security_level, 'secure');
    assert.ok(!sys.calls.some((c) => c.args[0] === '-c'), 'the default instance gets no -c');
  });

  it('a master.cf -o on the relaying service wins over main.cf; one on another service does not count', async () => {
    const sys = new FakeSystem();
    answerPostconf(sys, {
      main: base,
      masterP: 'smtp/unix/smtp_tls_security_level = may\nsubmission/inet/smtp_tls_security_level = none\n',
    });
    const facts = await readTlsFacts(sys, '/etc/postfix-out', nexthop);
    assert.deepEqual(facts.effective, { level: 'may', source: 'master.cf', where: 'smtp/unix' });
    assert.deepEqual(
      facts.master.map((p) => `${p.service}/${p.type}`),
      ['smtp/unix'],
    );
    assert.ok(
      sys.calls.every((c) => c.args[0] === '-c' && c.args[1] === '/etc/postfix-out'),
      'another instance: every call names it',
    );
  });

  it('a policy table entry for the next-hop, with its editable source file', async () => {
    const sys = new FakeSystem({ '/etc/postfix/tls_policy': { content: `${nexthop} encrypt\n`, mode: 0o640 } });
    answerPostconf(sys, {
      main: { ...base, smtp_tls_policy_maps: 'hash:/etc/postfix/tls_policy' },
      tables: { 'hash:/etc/postfix/tls_policy': { [nexthop]: 'encrypt' } },
    });
    const facts = await readTlsFacts(sys, undefined, nexthop);
    assert.deepEqual(facts.effective, {
      level: 'encrypt',
      source: 'policy-map',
      where: `hash:/etc/postfix/tls_policy ${nexthop}`,
    });
    assert.deepEqual(facts.policy?.editable, {
      type: 'hash',
      path: '/etc/postfix/tls_policy',
      content: `${nexthop} encrypt\n`,
      mode: 0o640,
    });
  });

  it('smtp_tls_per_site is read only without policy maps', async () => {
    const perSite = { 'hash:/etc/postfix/tls_per_site': { 'smtp.gmail.com': 'MUST_NOPEERMATCH' } };
    const sys = new FakeSystem();
    answerPostconf(sys, {
      main: { ...base, smtp_tls_security_level: '', smtp_tls_per_site: 'hash:/etc/postfix/tls_per_site' },
      tables: perSite,
    });
    const facts = await readTlsFacts(sys, undefined, nexthop);
    assert.deepEqual(facts.effective, {
      level: 'encrypt',
      source: 'per-site',
      where: 'hash:/etc/postfix/tls_per_site smtp.gmail.com',
    });
    const both = new FakeSystem();
    answerPostconf(both, {
      main: {
        ...base,
        smtp_tls_per_site: 'hash:/etc/postfix/tls_per_site',
        smtp_tls_policy_maps: 'hash:/etc/postfix/tls_policy',
      },
      tables: perSite,
    });
    const ignored = await readTlsFacts(both, undefined, nexthop);
    assert.equal(ignored.perSite, undefined);
    assert.equal(ignored.effective.source, 'main.cf');
  });

  it("a transport_maps entry sending the relay's mail through another service makes that service count", async () => {
    const sys = new FakeSystem();
    answerPostconf(sys, {
      main: { ...base, transport_maps: 'hash:/etc/postfix/transport' },
      masterP: 'gmail/unix/smtp_tls_security_level = none\n',
      tables: { 'hash:/etc/postfix/transport': { 'example.com': 'gmail:[smtp.gmail.com]:587' } },
    });
    const facts = await readTlsFacts(sys, undefined, nexthop);
    assert.deepEqual(facts.effective, { level: 'none', source: 'master.cf', where: 'gmail/unix' });
  });

  it('a chrooted relaying service (master.cf chroot = y) reads inside queue_directory', async () => {
    const sys = new FakeSystem();
    answerPostconf(sys, { main: base, fields: { 'smtp/unix/chroot': 'y' } });
    assert.equal((await readTlsFacts(sys, undefined, nexthop)).chrootDir, '/var/spool/postfix');
  });
});
