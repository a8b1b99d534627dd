// What this Postfix was built with (postfix/problems/build.ts): the same requirement codes setup
// refuses with, found by doctor's rules — so status, doctor and check name them too.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapTypeUnsupported, postfixWithoutSasl, postfixWithoutTls } from '../../../../src/postfix/problems/build.js';
import { findProblems } from '../../../../src/postfix/problems/index.js';
import { healthy } from './facts.js';

describe('postfix-without-sasl', () => {
  it('postconf -A without cyrus: an error naming what it lists', () => {
    const [problem] = postfixWithoutSasl(healthy({ saslClientTypes: ['dovecot'] }));
    assert.equal(problem?.code, 'postfix-without-sasl');
    assert.equal(problem?.severity, 'error');
    assert.deepEqual(problem?.evidence, ['postconf -A: dovecot']);
    assert.deepEqual(problem?.vars, { types: 'dovecot' });
  });

  it('nothing listed at all, and no relay set yet: still named', () => {
    const facts = healthy({ saslClientTypes: [], settings: {} });
    assert.deepEqual(
      postfixWithoutSasl(facts).map((p) => p.evidence),
      [['postconf -A: —']],
    );
  });

  it('a relay that admits the machine by address (no SASL login): not a problem', () => {
    const facts = healthy({ saslClientTypes: [], settings: { relayhost: '[smtp-relay.gmail.com]:587' } });
    assert.deepEqual(postfixWithoutSasl(facts), []);
  });
});

describe('postfix-without-tls', () => {
  it('Gentoo without the ssl USE flag: an error with the flags as evidence', () => {
    const [problem] = postfixWithoutTls(
      healthy({ build: { defaultMapType: 'lmdb', mapTypes: ['lmdb'], useFlags: ['sasl', 'lmdb'] } }),
    );
    assert.equal(problem?.code, 'postfix-without-tls');
    assert.deepEqual(problem?.evidence, ['mail-mta/postfix USE: sasl lmdb']);
  });

  it('with ssl, or on a system that does not say how Postfix was built: nothing', () => {
    assert.deepEqual(
      postfixWithoutTls(healthy({ build: { defaultMapType: 'lmdb', mapTypes: ['lmdb'], useFlags: ['sasl', 'ssl'] } })),
      [],
    );
    assert.deepEqual(postfixWithoutTls(healthy()), []);
  });
});

describe('map-type-unsupported', () => {
  it('a default type postconf -m does not list: an error with both as evidence', () => {
    const [problem] = mapTypeUnsupported(healthy({ build: { defaultMapType: 'btree', mapTypes: ['hash', 'lmdb'] } }));
    assert.equal(problem?.code, 'map-type-unsupported');
    assert.deepEqual(problem?.evidence, ['default_database_type = btree', 'postconf -m: hash lmdb']);
    assert.deepEqual(problem?.vars, { type: 'btree', types: 'hash lmdb' });
  });
});

it('in the one rule list, right after postfix-not-running: what stops everything comes first', () => {
  const facts = healthy({
    running: false,
    saslClientTypes: [],
    build: { defaultMapType: 'btree', mapTypes: ['hash'], useFlags: ['sasl'] },
  });
  assert.deepEqual(
    findProblems(facts)
      .map((p) => p.code)
      .slice(0, 4),
    ['postfix-not-running', 'postfix-without-sasl', 'postfix-without-tls', 'map-type-unsupported'],
  );
});
