// What the queue and the log say: each failure's diagnosis comes from the one rule table
// (gmail/diagnose.ts) the test send uses too, so doctor and the test never disagree.
import type { DiagnosisCode } from '../../gmail/diagnose.js';
import { defaultRelay } from '../../gmail/relay.js';
import { unheardFailures } from './oauth-log.js';
import type { DoctorFacts, Failure, Problem, ProblemCode } from './types.js';

const AUTH: readonly DiagnosisCode[] = [
  'auth-bad-credentials',
  'auth-app-password-required',
  'auth-web-login-required',
  'auth-not-attempted',
  'relay-address-refused',
];
const THROTTLE: readonly DiagnosisCode[] = ['rate-limited', 'auth-too-many-attempts'];
const DNS: readonly DiagnosisCode[] = ['dns', 'dns-chroot'];

function fromFailures(failures: readonly Failure[], code: ProblemCode, wanted: readonly DiagnosisCode[]): Problem[] {
  const hits = failures.filter((f) => wanted.includes(f.diagnosis));
  if (hits.length === 0) return [];
  const reasons = [...new Set(hits.map((f) => f.reason))];
  const ids = [...new Set(hits.map((f) => f.queueId))];
  return [
    {
      code,
      severity: 'error',
      fixable: false,
      evidence: reasons.slice(0, 3).map((r) => `${hits.find((f) => f.reason === r)!.status}: ${r}`),
      // The first diagnosis says which reply it was; the view words its cause and fix (diagnoses.*.ts).
      vars: { count: ids.length, diagnosis: hits[0]!.diagnosis },
    },
  ];
}

export function deferredAuth(facts: Pick<DoctorFacts, 'failures'>): Problem[] {
  return fromFailures(facts.failures, 'deferred-auth', AUTH);
}

/** The sasl-xoauth2 plugin cannot refresh the token (invalid_grant): every message waits until a person consents again. */
export function oauthConsentRevoked(facts: Pick<DoctorFacts, 'failures'>): Problem[] {
  // Which accounts' refresh was refused: each waiting message's, through the password map (doctor's offer is for these).
  const accounts = [
    ...new Set(facts.failures.filter((f) => f.diagnosis === 'oauth-consent-revoked').flatMap((f) => f.account ?? [])),
  ];
  return fromFailures(facts.failures, 'oauth-consent-revoked', ['oauth-consent-revoked']).map((p) =>
    accounts.length === 0
      ? p
      : {
          ...p,
          evidence: [...p.evidence, ...accounts.map((a) => `signs in as ${a}`)],
          vars: { ...p.vars, accounts: accounts.join(' ') },
        },
  );
}

/** The plugin's libcurl could not read its CA bundle (smtp chrooted without a readable copy): a file, not a consent. */
export function oauthCaUnreadable(facts: Pick<DoctorFacts, 'failures'>): Problem[] {
  return fromFailures(facts.failures, 'oauth-ca-unreadable', ['oauth-ca-unreadable']);
}

export function quotaExceeded(facts: Pick<DoctorFacts, 'failures'>): Problem[] {
  return fromFailures(facts.failures, 'quota-exceeded', ['quota-exceeded']);
}

export function throttled(facts: Pick<DoctorFacts, 'failures'>): Problem[] {
  return fromFailures(facts.failures, 'throttled', THROTTLE);
}

/** Every other failure: never silent about waiting or returned mail, each with its diagnosis. */
export function mailDeferred(facts: Pick<DoctorFacts, 'failures' | 'oauth'>): Problem[] {
  const covered: readonly DiagnosisCode[] = [
    ...AUTH,
    ...THROTTLE,
    ...DNS,
    'quota-exceeded',
    'sasl-no-mechanism',
    'oauth-consent-revoked',
    'oauth-ca-unreadable',
  ];
  const unheard = unheardFailures(facts); // oauth-plugin-unheard says these
  const rest = facts.failures.filter((f) => !covered.includes(f.diagnosis) && !unheard.includes(f));
  return fromFailures(rest, 'mail-deferred', [...new Set(rest.map((f) => f.diagnosis))]).map((p) => ({
    ...p,
    severity: 'warning' as const,
  }));
}

/** The password Postfix holds for the relay, tried as Postfix would: refused now means refused for every message. */
export function loginRefused(facts: Pick<DoctorFacts, 'login' | 'relay'>): Problem[] {
  const login = facts.login;
  if (!login || login.ok || !login.diagnosis || ![...AUTH, 'auth-too-many-attempts'].includes(login.diagnosis))
    return [];
  return [
    {
      code: 'login-refused',
      severity: 'error',
      fixable: false,
      evidence: [`pre-flight login: ${login.detail ?? login.diagnosis}`],
      vars: { diagnosis: login.diagnosis, ...relayName(facts) },
    },
  ];
}

/** Names that do not resolve: from the relay lookup, the queue and log, and a chroot without resolver files. */
export function dnsFailure(facts: Pick<DoctorFacts, 'failures' | 'relay' | 'chroot'>): Problem[] {
  const evidence: string[] = [];
  if (facts.relay?.lookupError) evidence.push(`${facts.relay.host}: ${facts.relay.lookupError}`);
  const chroot = facts.chroot && facts.chroot.missing.length > 0 ? facts.chroot : undefined;
  if (chroot)
    evidence.push(`chroot ${chroot.dir}: ${chroot.missing.map((m) => `${chroot.dir}${m}`).join(', ')} missing`);
  const failed = fromFailures(facts.failures, 'dns-failure', DNS)[0];
  evidence.push(...(failed?.evidence ?? []));
  if (evidence.length === 0) return [];
  const copy = chroot ? chroot.missing.map((path) => ({ from: path, to: `${chroot.dir}${path}` })) : [];
  return [
    {
      code: 'dns-failure',
      severity: 'error',
      evidence,
      fixable: copy.length > 0,
      ...(copy.length > 0 ? { repair: { copy } } : {}),
      vars: {
        chroot: chroot?.dir ?? '',
        ...(chroot ? { diagnosis: 'dns-chroot' } : (failed?.vars ?? {})),
        ...relayName(facts),
      },
    },
  ];
}

/** The relay's name, for the diagnosis words that name the host a lookup or login failed for. */
function relayName(facts: Pick<DoctorFacts, 'relay'>): { host: string } {
  return { host: facts.relay?.host ?? defaultRelay.host };
}
