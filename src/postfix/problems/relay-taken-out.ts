// The relay the wizard configured is no longer relayhost: something rewrote main.cf behind it — on
// Debian the postinst of `dpkg-reconfigure postfix` or an upgrade, writing its own answer
// (`relayhost =` empty) back. Mail then leaves directly or not at all (with the error transports
// it writes too, relay-bypassed), and nothing else says so. The fix puts the wizard's value back.
import type { DoctorFacts, Problem } from './types.js';

export function relayTakenOut(facts: Pick<DoctorFacts, 'settings' | 'configuredRelay'>): Problem[] {
  const configured = facts.configuredRelay;
  const now = (facts.settings.relayhost ?? '').trim();
  if (!configured || now === configured) return [];
  return [
    {
      code: 'relay-taken-out',
      severity: 'error',
      evidence: [`main.cf: relayhost = ${now}`.trimEnd(), `the wizard configured relayhost = ${configured}`],
      fixable: true,
      repair: { settings: { relayhost: configured } },
      vars: { relayhost: configured },
    },
  ];
}
