// Status on a hand-made relay (src/flow/status/queue-reasons.ts): its deferred queue by diagnosis, and
// the obsolete switch behind main.cf's level.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deferredReasons, levelFromObsolete } from '../../../../src/flow/status/queue-reasons.js';
import { legacySettings } from '../../../../src/postfix/legacy-settings.js';
import { parseQueueJson } from '../../../../src/postfix/queue.js';

const seed = legacySettings(
  { smtp_use_tls: 'yes', smtp_tls_CApath: '/etc/ssl/certs/ca-certificates.crt', disable_dns_lookups: 'yes' },
  { pathKinds: { '/etc/ssl/certs/ca-certificates.crt': 'file' } },
);

describe('status on a hand-made relay', () => {
  const line = (id: string, queue: string, reason: string) =>
    JSON.stringify({
      queue_name: queue,
      queue_id: id,
      arrival_time: 1,
      sender: 'root@vm',
      recipients: [{ address: 'a@b', delay_reason: reason }],
    });
  it('groups the deferred messages by the diagnosis the test send uses', () => {
    const queue = parseQueueJson(
      [
        line(
          'A1',
          'deferred',
          'SASL authentication failed; server x[1.2.3.4] said: 535-5.7.8 Username and Password not accepted.',
        ),
        line(
          'A2',
          'deferred',
          'SASL authentication failed; server x[1.2.3.4] said: 535-5.7.8 Username and Password not accepted.',
        ),
        line('A3', 'deferred', 'connect to x[1.2.3.4]:587: Connection refused'),
        line('A4', 'active', 'whatever'),
      ].join('\n'),
    );
    assert.deepEqual(
      deferredReasons(queue).map((r) => [r.code, r.count]),
      [
        ['auth-bad-credentials', 2],
        ['connect-refused', 1],
      ],
    );
  });
  it("names the obsolete switch that gives main.cf's level, only while smtp_tls_security_level is unset", () => {
    assert.equal(levelFromObsolete({ legacy: seed, settings: { smtp_tls_security_level: '' } }), 'smtp_use_tls = yes');
    assert.equal(levelFromObsolete({ legacy: seed, settings: { smtp_tls_security_level: 'may' } }), undefined);
    assert.equal(levelFromObsolete({ legacy: [], settings: {} }), undefined);
  });
});
