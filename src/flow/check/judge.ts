// check's verdict, pure: doctor's problems (postfix/problems/, found on this machine's facts alone),
// the queue and the account's use of Gmail's daily limit → one Monitoring Plugins state and the findings
// behind it. The rules that find a fault are doctor's; this file only says how loud each one is.
import type { DiagnosisCode } from '../../gmail/diagnose.js';
import type { DoctorFacts, Problem } from '../../postfix/problems/types.js';
import type { QueueEntry } from '../../postfix/queue.js';
import type { Thresholds } from '../../check-options.js';

export type { Thresholds };

export const checkStates = ['ok', 'warning', 'critical', 'unknown'] as const;
export type CheckState = (typeof checkStates)[number];
/** Exit codes of the Monitoring Plugins development guidelines. */
export const checkExit: Record<CheckState, 0 | 1 | 2 | 3> = { ok: 0, warning: 1, critical: 2, unknown: 3 };

/** Where OAuth is used: when the consent (refresh token) stops working, in seconds since the epoch. */
export interface ConsentFacts {
  account: string;
  expiresAt: number;
}

export type Finding =
  | { kind: 'problem'; state: CheckState; problem: Problem }
  | { kind: 'deferred'; state: CheckState; count: number; threshold: number }
  | { kind: 'waiting'; state: CheckState; count: number; oldestSeconds: number; threshold: number }
  | { kind: 'consent'; state: CheckState; consent: ConsentFacts; seconds: number };

export interface CheckInput {
  doctor: Pick<DoctorFacts, 'settings' | 'failures'>;
  problems: readonly Problem[];
  queue: readonly QueueEntry[] | undefined;
  /** Each OAuth account whose consent has a known end (the wizard's record). */
  consents: readonly ConsentFacts[];
  now: number;
  thresholds: Thresholds;
}

export interface CheckVerdict {
  state: CheckState;
  /** Worst first. */
  findings: Finding[];
  deferred: number;
}

// Every other cause needs a person (a password, a consent, a certificate, a firewall, a package, the
// Admin console's relay addresses); a code added later counts as needing one until it is listed here.
const curesItselfOrOneMessage: readonly DiagnosisCode[] = [
  'auth-too-many-attempts', // Gmail's pause after too many logins; it ends by itself
  'rate-limited',
  'server-temporary',
  'recipient-rejected', // one message's recipient, not the relay
  'message-rejected', // one message's content, not the relay
  'unknown',
];
const needsPerson = (code: DiagnosisCode): boolean => !curesItselfOrOneMessage.includes(code);

/** How loud one of doctor's problems is on a monitoring screen. */
export function problemState(problem: Problem, input: Pick<CheckInput, 'doctor'>): CheckState {
  switch (problem.code) {
    case 'throttled': // Gmail slows down for a while; Postfix retries by itself
      return 'warning';
    case 'relay-bypassed': // no relayhost at all: nothing goes to Gmail any more
      return (input.doctor.settings.relayhost ?? '').trim() ? 'warning' : 'critical';
    case 'mail-deferred':
      return input.doctor.failures.some((f) => needsPerson(f.diagnosis)) ? 'critical' : 'warning';
    default:
      return problem.severity === 'error' ? 'critical' : 'warning';
  }
}

const rank: Record<CheckState, number> = { ok: 0, unknown: 1, warning: 2, critical: 3 };

/** doctor's rule for a consent's end (postfix/problems/oauth.ts); check measures it itself, with its threshold. */
const consentCodes: readonly Problem['code'][] = ['oauth-consent-expired', 'oauth-consent-expiring'];

export function judge(input: CheckInput): CheckVerdict {
  const { thresholds: th, now } = input;
  const problems = input.problems.filter((p) => !consentCodes.includes(p.code));
  const findings: Finding[] = problems.map((problem) => ({
    kind: 'problem',
    state: problemState(problem, input),
    problem,
  }));
  const queue = input.queue ?? [];
  const deferred = queue.filter((e) => e.queueName === 'deferred').length;
  if (deferred > th.deferredWarning) {
    const critical = deferred > th.deferredCritical;
    findings.push({
      kind: 'deferred',
      state: critical ? 'critical' : 'warning',
      count: deferred,
      threshold: critical ? th.deferredCritical : th.deferredWarning,
    });
  }
  const old = queue.filter((e) => e.queueName !== 'hold' && now - e.arrivalTime > th.queueAge);
  if (old.length > 0) {
    const oldestSeconds = Math.max(...old.map((e) => now - e.arrivalTime));
    findings.push({ kind: 'waiting', state: 'warning', count: old.length, oldestSeconds, threshold: th.queueAge });
  }
  for (const consent of input.consents) {
    const seconds = consent.expiresAt - now;
    if (seconds <= 0) findings.push({ kind: 'consent', state: 'critical', consent, seconds });
    else if (seconds <= th.consentWarning) findings.push({ kind: 'consent', state: 'warning', consent, seconds });
  }
  findings.sort((a, b) => rank[b.state] - rank[a.state]);
  return { state: findings[0]?.state ?? 'ok', findings, deferred };
}

/** A finding's stable code for check --json: doctor's problem code, or check's own for what only it measures. */
export function findingCode(f: Finding): string {
  switch (f.kind) {
    case 'problem':
      return f.problem.code;
    case 'deferred':
      return 'deferred-count';
    case 'waiting':
      return 'queue-age';
    case 'consent':
      return f.seconds <= 0 ? 'consent-expired' : 'consent-expiring';
  }
}
