// The file rules (postfix/problems/files.ts): a password map others can read, a table whose compiled
// copy is missing or older than its source, Postfix's data_directory owned by another user.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dataDirOwner, mapNotCompiled, passwordFileReadable } from '../../../../src/postfix/problems/files.js';
import { healthy, secretMap } from './facts.js';

describe('passwordFileReadable', () => {
  it('is silent on a 0600 map and its .db owned by root', () => {
    assert.deepEqual(passwordFileReadable(healthy().maps), []);
  });

  it('names the source and the .db by mode, and chmods both', () => {
    const [p, more] = passwordFileReadable([secretMap(0o644, 0o644)]);
    assert.equal(more, undefined);
    assert.equal(p?.code, 'password-file-readable');
    assert.deepEqual(p?.evidence, ['/etc/postfix/sasl_passwd mode 0644', '/etc/postfix/sasl_passwd.db mode 0644']);
    assert.deepEqual(p?.repair?.chmod, ['/etc/postfix/sasl_passwd', '/etc/postfix/sasl_passwd.db']);
    assert.equal(p?.vars?.paths, '/etc/postfix/sasl_passwd /etc/postfix/sasl_passwd.db');
    assert.equal(p?.fixable, true);
  });

  it('a file of another owner is not fixable (chmod cannot take it back), and says whose it is', () => {
    const owned = secretMap();
    owned.source!.uid = 1000;
    const [q] = passwordFileReadable([owned]);
    assert.equal(q?.fixable, false);
    assert.match(q!.evidence[0]!, /uid 1000/);
    assert.deepEqual(q?.repair?.chmod, []);
  });

  it('a table that holds no password may be world-readable; group-readable is readable too', () => {
    const policy = { ...secretMap(0o644, 0o644), parameter: 'smtp_tls_policy_maps', secret: false };
    assert.deepEqual(passwordFileReadable([secretMap(), policy]), []);
    assert.deepEqual(passwordFileReadable([secretMap(0o640, 0o600)])[0]?.evidence, [
      '/etc/postfix/sasl_passwd mode 0640',
    ]);
  });

  it('a password file main.cf no longer names still counts when readable; one path named twice is listed once', () => {
    const leftover = { ...secretMap(0o644, 0o600, 500), parameter: '', path: '/etc/postfix/saslpass' };
    leftover.source = { ...leftover.source!, path: '/etc/postfix/saslpass' };
    assert.deepEqual(passwordFileReadable([secretMap(), leftover])[0]?.evidence, ['/etc/postfix/saslpass mode 0644']);
    assert.equal(passwordFileReadable([secretMap(0o644), secretMap(0o644)])[0]?.evidence.length, 1);
  });
});

describe('mapNotCompiled', () => {
  it('a .db older than its source → postmap of that map', () => {
    const [stale] = mapNotCompiled([secretMap(0o600, 0o600, 500)]);
    assert.equal(stale?.code, 'map-not-compiled');
    assert.match(
      stale!.evidence[0]!,
      /^smtp_sasl_password_maps = hash:\/etc\/postfix\/sasl_passwd: \/etc\/postfix\/sasl_passwd\.db older than \/etc\/postfix\/sasl_passwd$/,
    );
    assert.deepEqual(stale?.repair?.postmap, [{ type: 'hash', path: '/etc/postfix/sasl_passwd' }]);
    assert.equal(stale?.fixable, true);
  });

  it('a missing .db is named missing; a fresh one is silent', () => {
    const missing = { ...secretMap(), compiled: [{ path: '/etc/postfix/sasl_passwd.db' }] };
    assert.match(mapNotCompiled([missing])[0]!.evidence[0]!, /sasl_passwd\.db missing/);
    assert.deepEqual(mapNotCompiled([secretMap()]), []);
  });

  it('ignores a leftover main.cf does not name, and a text table with nothing compiled', () => {
    const leftover = { ...secretMap(0o600, 0o600, 500), parameter: '' };
    const text = { ...secretMap(), type: 'texthash', compiled: [] };
    assert.deepEqual(mapNotCompiled([leftover, text]), []);
  });
});

describe('dataDirOwner', () => {
  it('silent when data_directory belongs to mail_owner, or when either is unknown', () => {
    assert.deepEqual(
      dataDirOwner({ dataDir: { path: '/var/lib/postfix', uid: 104, owner: 'postfix', ownerUid: 104 } }),
      [],
    );
    assert.deepEqual(dataDirOwner({}), []);
  });

  it('another owner → chown -R to mail_owner, with the uids as evidence', () => {
    const [p] = dataDirOwner({ dataDir: { path: '/var/lib/postfix', uid: 0, owner: 'postfix', ownerUid: 104 } });
    assert.equal(p?.code, 'data-dir-owner');
    assert.deepEqual(p?.evidence, ['data_directory = /var/lib/postfix: owner uid 0, not postfix (uid 104)']);
    assert.deepEqual(p?.repair, { chown: [{ path: '/var/lib/postfix', owner: 'postfix' }] });
    assert.equal(p?.fixable, true);
  });

  it('never chown -R a top directory, a path with .., or to an odd user name', () => {
    const odd = [
      { path: '/', owner: 'postfix' },
      { path: '/var', owner: 'postfix' },
      { path: '/var/lib/../..', owner: 'postfix' },
      { path: '/var/lib/postfix', owner: 'postfix;rm' },
      { path: '/var/lib/postfix', owner: '-R' },
    ];
    for (const { path, owner } of odd) {
      const [p] = dataDirOwner({ dataDir: { path, uid: 0, owner, ownerUid: 104 } });
      assert.equal(p?.fixable, false, `${path} ${owner}`);
      assert.equal(p?.repair, undefined, `${path} ${owner}`);
    }
  });
});
