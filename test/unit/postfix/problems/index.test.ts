// findProblems (postfix/problems/index.ts): every rule over the facts, silent on a healthy relay,
// and the problems in the order they are shown — what stops everything first. Each rule's own tests
// are beside its file (delivery, files, network, settings).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findProblems } from '../../../../src/postfix/problems/index.js';
import { PROBLEM_CODES } from '../../../../src/postfix/problems/types.js';
import { healthy, secretMap } from './facts.js';

describe('findProblems', () => {
  it('a healthy relay has no problem', () => {
    assert.deepEqual(findProblems(healthy()), []);
  });

  it('data-dir-owner is shown before postfix-not-running (it is why Postfix does not start)', () => {
    const found = findProblems(
      healthy({ running: false, dataDir: { path: '/var/lib/postfix', uid: 0, owner: 'postfix', ownerUid: 104 } }),
    );
    assert.deepEqual(
      found.map((p) => p.code),
      ['data-dir-owner', 'postfix-not-running'],
    );
  });

  it('one broken fact is one problem: no other rule fires on it', () => {
    const broken = [
      healthy({ running: false }),
      healthy({ maps: [secretMap(0o644, 0o644)] }),
      healthy({ maps: [secretMap(0o600, 0o600, 500)] }),
      healthy({ tls: { level: 'may', source: 'main.cf' } }),
      healthy({ openNetworks: ['192.168.0.0/16'] }),
      healthy({ explicit: { transport_maps: 'hash:/etc/postfix/transport' } }),
      healthy({ login: { ok: false, diagnosis: 'auth-bad-credentials' } }),
    ];
    for (const facts of broken)
      assert.equal(findProblems(facts).length, 1, JSON.stringify(findProblems(facts).map((p) => p.code)));
  });

  it('several at once come out in PROBLEM_CODES order', () => {
    const facts = healthy({
      running: false,
      openNetworks: ['10.0.0.0/8'],
      maps: [secretMap(0o644, 0o600, 500)],
      tls: { level: 'may', source: 'main.cf' },
      login: { ok: false, diagnosis: 'auth-bad-credentials' },
      failures: [
        {
          queueId: 'AB12CD',
          status: 'bounced',
          reason: '550 5.4.5 Daily user sending limit exceeded.',
          diagnosis: 'quota-exceeded',
        },
      ],
    });
    const codes = findProblems(facts).map((p) => p.code);
    assert.deepEqual(codes, [
      'postfix-not-running',
      'password-file-readable',
      'map-not-compiled',
      'tls-unverified',
      'open-relay',
      'login-refused',
      'quota-exceeded',
    ]);
    assert.deepEqual(
      codes,
      [...codes].sort((a, b) => PROBLEM_CODES.indexOf(a) - PROBLEM_CODES.indexOf(b)),
    );
  });
});
