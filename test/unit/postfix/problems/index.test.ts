// Every doctor rule over facts: silent on a healthy relay, and its code (with evidence, never a
// password, and a repair where one is safe) when one thing is broken.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findProblems } from '../../../../src/postfix/problems/index.js';
import type { DoctorFacts, Problem } from '../../../../src/postfix/problems/types.js';
import { healthy, secretMap } from './facts.js';

const only = (facts: DoctorFacts): Problem => {
  const found = findProblems(facts);
  assert.equal(found.length, 1, JSON.stringify(found));
  return found[0]!;
};

describe('doctor rules', () => {
  it('a healthy relay has no problem', () => {
    assert.deepEqual(findProblems(healthy()), []);
  });

  it('postfix-not-running: fixable by starting it', () => {
    const p = only(healthy({ running: false }));
    assert.equal(p.code, 'postfix-not-running');
    assert.deepEqual(p.repair, { start: true });
  });

  it('data-dir-owner: data_directory not owned by mail_owner → chown -R, shown before postfix-not-running', () => {
    assert.deepEqual(findProblems(healthy({ dataDir: { path: '/var/lib/postfix', uid: 104, owner: 'postfix', ownerUid: 104 } })), []);
    const [p, stopped] = findProblems(healthy({ running: false, dataDir: { path: '/var/lib/postfix', uid: 0, owner: 'postfix', ownerUid: 104 } }));
    assert.equal(p?.code, 'data-dir-owner');
    assert.deepEqual(p?.evidence, ['data_directory = /var/lib/postfix: owner uid 0, not postfix (uid 104)']);
    assert.deepEqual(p?.repair, { chown: [{ path: '/var/lib/postfix', owner: 'postfix' }] });
    assert.equal(stopped?.code, 'postfix-not-running');
    for (const path of ['/', '/var', '/var/lib/../..']) {
      const [odd] = findProblems(healthy({ dataDir: { path, uid: 0, owner: 'postfix', ownerUid: 104 } }));
      assert.equal(odd?.fixable, false, path);
      assert.equal(odd?.repair, undefined, path);
    }
  });

  it('password-file-readable: the source and the .db by mode; another owner is not fixable', () => {
    const p = only(healthy({ maps: [secretMap(0o644, 0o644)] }));
    assert.equal(p.code, 'password-file-readable');
    assert.deepEqual(p.evidence, ['/etc/postfix/sasl_passwd mode 0644', '/etc/postfix/sasl_passwd.db mode 0644']);
    assert.deepEqual(p.repair?.chmod, ['/etc/postfix/sasl_passwd', '/etc/postfix/sasl_passwd.db']);
    assert.equal(p.fixable, true);
    const owned = secretMap();
    owned.source!.uid = 1000;
    const q = only(healthy({ maps: [owned] }));
    assert.equal(q.fixable, false);
    assert.match(q.evidence[0]!, /uid 1000/);
    // A table that holds no password may be world-readable.
    const policy = { ...secretMap(0o644, 0o644), parameter: 'smtp_tls_policy_maps', secret: false };
    assert.deepEqual(findProblems(healthy({ maps: [secretMap(), policy] })), []);
  });

  it('a password file main.cf no longer names still counts when readable, never as stale', () => {
    const leftover = { ...secretMap(0o644, 0o600, 500), parameter: '', path: '/etc/postfix/saslpass' };
    leftover.source = { ...leftover.source!, path: '/etc/postfix/saslpass' };
    const p = only(healthy({ maps: [secretMap(), leftover] }));
    assert.equal(p.code, 'password-file-readable');
    assert.deepEqual(p.evidence, ['/etc/postfix/saslpass mode 0644']);
  });

  it('map-not-compiled: a .db missing or older than its source → postmap', () => {
    const stale = only(healthy({ maps: [secretMap(0o600, 0o600, 500)] }));
    assert.equal(stale.code, 'map-not-compiled');
    assert.match(stale.evidence[0]!, /sasl_passwd\.db older than \/etc\/postfix\/sasl_passwd/);
    assert.deepEqual(stale.repair?.postmap, [{ type: 'hash', path: '/etc/postfix/sasl_passwd' }]);
    const missing = { ...secretMap(), compiled: [{ path: '/etc/postfix/sasl_passwd.db' }] };
    assert.match(only(healthy({ maps: [missing] })).evidence[0]!, /sasl_passwd\.db missing/);
  });

  it('obsolete-settings: smtp_use_tls and a CApath naming a file, with their replacements', () => {
    const facts = healthy({ explicit: { relayhost: '[smtp.gmail.com]:587', smtp_use_tls: 'yes', smtp_tls_CApath: '/etc/ssl/certs/ca-certificates.crt' } });
    const p = findProblems(facts).find((x) => x.code === 'obsolete-settings')!;
    assert.deepEqual(p.evidence, ['main.cf: smtp_use_tls = yes (obsolete)', 'main.cf: smtp_tls_CApath = /etc/ssl/certs/ca-certificates.crt (misused)']);
    assert.deepEqual(p.repair?.removeSettings, ['smtp_use_tls', 'smtp_tls_CApath']);
    assert.deepEqual(p.repair?.settings, { smtp_tls_security_level: 'may', smtp_tls_CAfile: '/etc/ssl/certs/ca-certificates.crt' });
  });

  it('tls-unverified: whatever sets the level below verify, with where it comes from', () => {
    const main = only(healthy({ tls: { level: 'may', source: 'main.cf' } }));
    assert.equal(main.code, 'tls-unverified');
    assert.deepEqual(main.repair, { settings: { smtp_tls_security_level: 'secure' }, tlsSecure: true });
    const policy = only(healthy({ tls: { level: 'encrypt', source: 'policy-map', where: 'hash:/etc/postfix/tls_policy [smtp.gmail.com]:587' } }));
    assert.match(policy.evidence[0]!, /^policy-map hash:\/etc\/postfix\/tls_policy \[smtp\.gmail\.com\]:587: TLS level encrypt/);
    for (const level of ['verify', 'secure', 'dane-only']) assert.deepEqual(findProblems(healthy({ tls: { level, source: 'main.cf' } })), [], level);
    // No CA at all: the distribution's bundle is named.
    const bare = healthy({ tls: { level: 'may', source: 'main.cf' } });
    bare.settings = { ...bare.settings, smtp_tls_CAfile: '' };
    assert.equal(only(bare).repair?.settings?.smtp_tls_CAfile, '/etc/ssl/certs/ca-certificates.crt');
  });

  it('wrappermode-mismatch: 465 without wrapper mode, and wrapper mode on 587', () => {
    const on465 = healthy({ relay: { ...healthy().relay!, port: 465, implicitTls: true } });
    const p = only(on465);
    assert.equal(p.code, 'wrappermode-mismatch');
    assert.deepEqual(p.repair?.settings, { smtp_tls_wrappermode: 'yes' });
    const facts = healthy();
    facts.settings = { ...facts.settings, smtp_tls_wrappermode: 'yes' };
    assert.deepEqual(only(facts).repair?.settings, { smtp_tls_wrappermode: 'no' });
  });

  it('sasl-plugins-missing: no plugin, noplaintext without TLS, a "no mechanism available" deferral', () => {
    assert.equal(only(healthy({ saslPlugins: { plain: false, login: false } })).code, 'sasl-plugins-missing');
    const noTls = findProblems(healthy({ tls: { level: 'none', source: 'main.cf' } })).find((p) => p.code === 'sasl-plugins-missing');
    assert.match(noTls!.evidence[0]!, /noplaintext.*without TLS/);
    const logged = only(healthy({ failures: [{ queueId: 'ABC123', status: 'deferred', reason: 'SASL authentication failed; cannot authenticate to server smtp.gmail.com[142.250.1.108]: no mechanism available', diagnosis: 'sasl-no-mechanism' }] }));
    assert.equal(logged.code, 'sasl-plugins-missing');
    assert.equal(logged.fixable, false);
  });

  it('relay-bypassed: transport_maps, sender-dependent transports, the error transport (only that one fixable)', () => {
    const table = only(healthy({ explicit: { transport_maps: 'hash:/etc/postfix/transport' } }));
    assert.equal(table.code, 'relay-bypassed');
    assert.equal(table.fixable, false);
    const facts = healthy();
    facts.settings = { ...facts.settings, default_transport: 'error', relay_transport: 'error:local only' };
    const error = only(facts);
    assert.deepEqual(error.repair?.settings, { default_transport: 'smtp', relay_transport: 'relay' });
    assert.equal(error.fixable, true);
    const dependent = only(healthy({ explicit: { sender_dependent_relayhost_maps: 'hash:/etc/postfix/relayhost_map' } }));
    assert.match(dependent.evidence[0]!, /smtp_sender_dependent_authentication = no/);
  });

  it('open-relay: networks others may relay through', () => {
    const p = only(healthy({ openNetworks: ['192.168.0.0/16'] }));
    assert.equal(p.code, 'open-relay');
    assert.equal(p.vars?.networks, '192.168.0.0/16');
  });

  it('dns-failure: the relay lookup, a deferral, and a chroot without resolver files (fixable by copying them)', () => {
    const lookup = healthy({ relay: { host: 'smtp.gmail.com', port: 587, lookupError: 'EAI_AGAIN', addresses: [] }, login: undefined });
    assert.equal(only(lookup).code, 'dns-failure');
    const chroot = only(healthy({ chroot: { dir: '/var/spool/postfix', missing: ['/etc/resolv.conf'] } }));
    assert.deepEqual(chroot.repair?.copy, [{ from: '/etc/resolv.conf', to: '/var/spool/postfix/etc/resolv.conf' }]);
    assert.equal(chroot.vars?.diagnosis, 'dns-chroot');
    const deferred = only(healthy({ failures: [{ queueId: 'AB12CD', status: 'deferred', reason: 'unable to look up host smtp.gmail.com: Device or resource busy', diagnosis: 'dns-chroot' }] }));
    assert.equal(deferred.code, 'dns-failure');
    assert.equal(deferred.fixable, false);
  });

  it('relay-unreachable and ipv6-unreachable, per address family', () => {
    const addresses = (v4: boolean, v6: boolean) => [{ family: 4 as const, address: '142.250.1.108', ok: v4, ...(v4 ? {} : { errorCode: 'ETIMEDOUT' }) }, { family: 6 as const, address: '2a00:1450::6c', ok: v6, ...(v6 ? {} : { errorCode: 'ENETUNREACH' }) }];
    const none = only(healthy({ relay: { host: 'smtp.gmail.com', port: 587, addresses: addresses(false, false) }, login: undefined }));
    assert.equal(none.code, 'relay-unreachable');
    assert.equal(none.evidence.length, 2);
    const v6 = only(healthy({ relay: { host: 'smtp.gmail.com', port: 587, addresses: addresses(true, false) } }));
    assert.equal(v6.code, 'ipv6-unreachable');
    assert.deepEqual(v6.repair?.settings, { smtp_address_preference: 'ipv4' });
    const preferred = healthy({ relay: { host: 'smtp.gmail.com', port: 587, addresses: addresses(true, false) } });
    preferred.settings = { ...preferred.settings, smtp_address_preference: 'ipv4' };
    assert.deepEqual(findProblems(preferred), []);
  });

  it('login-refused: only for what the relay says about the credentials', () => {
    const p = only(healthy({ login: { ok: false, diagnosis: 'auth-bad-credentials', detail: '535-5.7.8 Username and Password not accepted.' } }));
    assert.equal(p.code, 'login-refused');
    assert.match(p.evidence[0]!, /535-5\.7\.8/);
    assert.deepEqual(findProblems(healthy({ login: { ok: false, diagnosis: 'connect-timeout' } })), []);
  });
});
