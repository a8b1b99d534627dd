// What this Postfix was built with, as setup requires it (flow/detect/requirements.ts refuses to
// configure a machine that lacks it): Cyrus SASL to log in, TLS (Gentoo's USE flag), and the default
// lookup table type. doctor, status and check name the same codes.
import type { DoctorFacts, Problem } from './types.js';

const yes = (value: string | undefined) => /^(yes|true|1)$/i.test((value ?? '').trim());

export function postfixWithoutSasl(facts: Pick<DoctorFacts, 'settings' | 'saslClientTypes'>): Problem[] {
  // A relay that admits this machine by its address (--auth none) needs no login, so no SASL.
  if ((facts.settings.relayhost ?? '').trim() && !yes(facts.settings.smtp_sasl_auth_enable)) return [];
  if (facts.saslClientTypes.includes('cyrus')) return [];
  const types = facts.saslClientTypes.join(' ') || '—';
  return [
    {
      code: 'postfix-without-sasl',
      severity: 'error',
      evidence: [`postconf -A: ${types}`],
      fixable: false,
      vars: { types },
    },
  ];
}

export function postfixWithoutTls(facts: Pick<DoctorFacts, 'build'>): Problem[] {
  const useFlags = facts.build?.useFlags;
  if (!useFlags || useFlags.includes('ssl')) return [];
  return [
    {
      code: 'postfix-without-tls',
      severity: 'error',
      evidence: [`mail-mta/postfix USE: ${useFlags.join(' ')}`],
      fixable: false,
    },
  ];
}

export function mapTypeUnsupported(facts: Pick<DoctorFacts, 'build'>): Problem[] {
  const build = facts.build;
  if (!build || build.mapTypes.includes(build.defaultMapType)) return [];
  const types = build.mapTypes.join(' ');
  return [
    {
      code: 'map-type-unsupported',
      severity: 'error',
      evidence: [`default_database_type = ${build.defaultMapType}`, `postconf -m: ${types}`],
      fixable: false,
      vars: { type: build.defaultMapType, types },
    },
  ];
}
