// Reachability of the relay, per address family: a bare TCP connection, nothing sent.
import type { DoctorFacts, Problem } from './types.js';

export function relayUnreachable(facts: Pick<DoctorFacts, 'relay'>): Problem[] {
  const relay = facts.relay;
  if (!relay || relay.lookupError || relay.addresses.length === 0 || relay.addresses.some((a) => a.ok)) return [];
  return [
    {
      code: 'relay-unreachable',
      severity: 'error',
      fixable: false,
      evidence: relay.addresses.map((a) => `${a.address}:${relay.port} (IPv${a.family}): ${a.errorCode ?? 'failed'}`),
      vars: { host: relay.host, port: relay.port },
    },
  ];
}

/** IPv6 fails while IPv4 works: smtp(8) may try IPv6 first and wait for its timeout on every message. */
export function ipv6Unreachable(facts: Pick<DoctorFacts, 'relay' | 'settings'>): Problem[] {
  const relay = facts.relay;
  if (!relay) return [];
  const v6 = relay.addresses.find((a) => a.family === 6);
  const v4 = relay.addresses.find((a) => a.family === 4);
  const protocols = (facts.settings.inet_protocols ?? 'all').toLowerCase();
  const usesV6 = protocols.includes('all') || protocols.includes('ipv6');
  if (!v6 || v6.ok || !v4?.ok || !usesV6 || facts.settings.smtp_address_preference === 'ipv4') return [];
  return [
    {
      code: 'ipv6-unreachable',
      severity: 'warning',
      fixable: true,
      evidence: [
        `${v6.address}:${relay.port} (IPv6): ${v6.errorCode ?? 'failed'}; ${v4.address}:${relay.port} (IPv4): ok`,
      ],
      repair: { settings: { smtp_address_preference: 'ipv4' } },
    },
  ];
}
