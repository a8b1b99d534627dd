// Reachability rules (postfix/problems/network.ts): the relay reachable over no address family, or
// over IPv4 only while Postfix would try IPv6.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ipv6Unreachable, relayUnreachable } from '../../../../src/postfix/problems/network.js';
import { healthy } from './facts.js';

const addresses = (v4: boolean, v6: boolean) => [
  { family: 4 as const, address: '142.250.1.108', ok: v4, ...(v4 ? {} : { errorCode: 'ETIMEDOUT' }) },
  { family: 6 as const, address: '2a00:1450::6c', ok: v6, ...(v6 ? {} : { errorCode: 'ENETUNREACH' }) },
];
const relay = (v4: boolean, v6: boolean) => ({ host: 'smtp.gmail.com', port: 587, addresses: addresses(v4, v6) });

describe('relayUnreachable', () => {
  it('every address failed: one line of evidence per address, with its error', () => {
    const [p] = relayUnreachable({ relay: relay(false, false) });
    assert.equal(p?.code, 'relay-unreachable');
    assert.deepEqual(p?.evidence, ['142.250.1.108:587 (IPv4): ETIMEDOUT', '2a00:1450::6c:587 (IPv6): ENETUNREACH']);
    assert.deepEqual(p?.vars, { host: 'smtp.gmail.com', port: 587 });
    assert.equal(p?.fixable, false);
  });

  it('silent when one family works, when the name did not resolve (dns-failure says that), or no relay', () => {
    assert.deepEqual(relayUnreachable({ relay: relay(true, false) }), []);
    assert.deepEqual(
      relayUnreachable({ relay: { host: 'smtp.gmail.com', port: 587, lookupError: 'EAI_AGAIN', addresses: [] } }),
      [],
    );
    assert.deepEqual(relayUnreachable({}), []);
  });
});

describe('ipv6Unreachable', () => {
  const settings = healthy().settings;

  it('IPv6 fails while IPv4 works → prefer IPv4', () => {
    const [v6] = ipv6Unreachable({ relay: relay(true, false), settings });
    assert.equal(v6?.code, 'ipv6-unreachable');
    assert.equal(v6?.severity, 'warning');
    assert.deepEqual(v6?.evidence, ['2a00:1450::6c:587 (IPv6): ENETUNREACH; 142.250.1.108:587 (IPv4): ok']);
    assert.deepEqual(v6?.repair?.settings, { smtp_address_preference: 'ipv4' });
  });

  it('silent once IPv4 is preferred, when Postfix uses IPv4 only, or when both or neither work', () => {
    assert.deepEqual(
      ipv6Unreachable({ relay: relay(true, false), settings: { ...settings, smtp_address_preference: 'ipv4' } }),
      [],
    );
    assert.deepEqual(
      ipv6Unreachable({ relay: relay(true, false), settings: { ...settings, inet_protocols: 'ipv4' } }),
      [],
    );
    assert.equal(
      ipv6Unreachable({ relay: relay(true, false), settings: { ...settings, inet_protocols: 'ipv4, ipv6' } }).length,
      1,
    );
    assert.deepEqual(ipv6Unreachable({ relay: relay(true, true), settings }), []);
    assert.deepEqual(ipv6Unreachable({ relay: relay(false, false), settings }), []);
  });
});
