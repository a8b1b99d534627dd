// What status says about a relay set up by hand: why mail is deferred (the
// diagnosis table the test send uses, so the two never disagree), where an
// obsolete switch sets the TLS level, a level that checks no certificate, and
// the superseded settings themselves.
import { diagnose, type DiagnosisCode } from '../gmail/diagnose.js';
import type { QueueEntry } from '../postfix/queue.js';
import { explainDiagnosis } from '../ui/diagnosis-text.js';
import { t } from '../ui/messages.js';
import type { DeferredReason } from '../outcome.js';
import type { PostfixFacts } from '../flow/types.js';

export interface StatusProblem {
  code: string;
  message: string;
  fix?: string;
}

/** Levels at which smtp(8) checks the relay's certificate before it sends the password. */
const verifying = new Set(['verify', 'secure', 'fingerprint', 'dane-only']);
const authCodes: readonly DiagnosisCode[] = [
  'auth-bad-credentials',
  'auth-app-password-required',
  'auth-too-many-attempts',
];
const levelSwitches = ['smtp_use_tls', 'smtp_enforce_tls', 'smtp_tls_enforce_peername'];

/** The deferred messages grouped by diagnosis, in the order first seen. */
export function deferredReasons(queue: readonly QueueEntry[]): DeferredReason[] {
  const reasons = new Map<DiagnosisCode, DeferredReason>();
  for (const entry of queue) {
    if (entry.queueName !== 'deferred') continue;
    const { code, detail } = diagnose(entry.recipients.map((r) => r.delayReason ?? '').find(Boolean) ?? '');
    const known = reasons.get(code);
    if (known) known.count++;
    else reasons.set(code, { code, detail, count: 1 });
  }
  return [...reasons.values()];
}

/** The obsolete switches that give main.cf's level (only while smtp_tls_security_level is not set). */
export function levelFromObsolete(postfix: Pick<PostfixFacts, 'legacy' | 'settings'>): string | undefined {
  if ((postfix.settings.smtp_tls_security_level ?? '').trim()) return undefined;
  const switches = (postfix.legacy ?? []).filter((s) => levelSwitches.includes(s.name));
  return switches.length > 0 ? switches.map((s) => `${s.name} = ${s.value}`).join(', ') : undefined;
}

export function legacyProblems(
  postfix: PostfixFacts,
  reasons: readonly DeferredReason[],
  tlsSource: string,
): StatusProblem[] {
  const problems: StatusProblem[] = [];
  const effective = postfix.tls?.effective;
  if (postfix.settings.relayhost && effective?.source === 'main.cf' && !verifying.has(effective.level)) {
    problems.push({
      code: 'tls-unverified',
      message: t('legacy.tlsUnverified', { level: effective.level, source: tlsSource }),
      fix: t('legacy.tlsUnverifiedFix'),
    });
  }
  const legacy = postfix.legacy ?? [];
  if (legacy.length > 0) {
    problems.push({
      code: 'obsolete-settings',
      message: t('legacy.status', { settings: legacy.map((s) => `${s.name} = ${s.value}`).join(', ') }),
      fix: t('legacy.statusFix'),
    });
  }
  for (const reason of reasons) {
    const { cause, fix } = explainDiagnosis(reason.code);
    const auth = authCodes.includes(reason.code);
    problems.push({
      code: auth ? 'deferred-auth' : 'mail-deferred',
      message: t('legacy.deferred', { count: reason.count, cause, detail: reason.detail }),
      fix: auth ? t('legacy.deferredFix', { fix }) : fix,
    });
  }
  return problems;
}
