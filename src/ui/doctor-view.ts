// doctor's findings in words: each code's title and fix from the catalogue (doctor.*.ts), with the
// cause and fix of the diagnosis behind it where the queue, the log or the login gave one.
import type { DiagnosisCode } from '../gmail/diagnose.js';
import type { Problem, ProblemCode } from '../postfix/problems/types.js';
import { explainDiagnosis } from './diagnosis-text.js';
import { t, type MessageKey } from './messages.js';
import type { ProblemJson } from '../outcome.js';

/** Each code's title and fix. */
const words: Record<ProblemCode, [MessageKey, MessageKey]> = {
  'dpkg-interrupted': ['doctor.title.dpkg-interrupted', 'doctor.fix.dpkg-interrupted'],
  'data-dir-owner': ['doctor.title.data-dir-owner', 'doctor.fix.data-dir-owner'],
  'postfix-not-running': ['doctor.title.postfix-not-running', 'doctor.fix.postfix-not-running'],
  'postfix-without-sasl': ['doctor.title.postfix-without-sasl', 'doctor.fix.postfix-without-sasl'],
  'postfix-without-tls': ['doctor.title.postfix-without-tls', 'doctor.fix.postfix-without-tls'],
  'map-type-unsupported': ['doctor.title.map-type-unsupported', 'doctor.fix.map-type-unsupported'],
  'password-file-readable': ['doctor.title.password-file-readable', 'doctor.fix.password-file-readable'],
  'map-not-compiled': ['doctor.title.map-not-compiled', 'doctor.fix.map-not-compiled'],
  'obsolete-settings': ['doctor.title.obsolete-settings', 'doctor.fix.obsolete-settings'],
  'tls-unverified': ['doctor.title.tls-unverified', 'doctor.fix.tls-unverified'],
  'wrappermode-mismatch': ['doctor.title.wrappermode-mismatch', 'doctor.fix.wrappermode-mismatch'],
  'sasl-plugins-missing': ['doctor.title.sasl-plugins-missing', 'doctor.fix.sasl-plugins-missing'],
  'oauth-plugin-missing': ['doctor.title.oauth-plugin-missing', 'doctor.fix.oauth-plugin-missing'],
  'oauth-token-unwritable': ['doctor.title.oauth-token-unwritable', 'doctor.fix.oauth-token-unwritable'],
  'oauth-chroot-ca-stale': ['doctor.title.oauth-chroot-ca-stale', 'doctor.fix.oauth-chroot-ca-stale'],
  'oauth-consent-revoked': ['doctor.title.oauth-consent-revoked', 'doctor.fix.oauth-consent-revoked'],
  'oauth-ca-unreadable': ['doctor.title.oauth-ca-unreadable', 'doctor.fix.oauth-ca-unreadable'],
  'oauth-plugin-unheard': ['doctor.title.oauth-plugin-unheard', 'doctor.fix.oauth-plugin-unheard'],
  'oauth-consent-expired': ['doctor.title.oauth-consent-expired', 'doctor.fix.oauth-consent-expired'],
  'oauth-consent-expiring': ['doctor.title.oauth-consent-expiring', 'doctor.fix.oauth-consent-expiring'],
  'relay-taken-out': ['doctor.title.relay-taken-out', 'doctor.fix.relay-taken-out'],
  'relay-bypassed': ['doctor.title.relay-bypassed', 'doctor.fix.relay-bypassed'],
  'open-relay': ['doctor.title.open-relay', 'doctor.fix.open-relay'],
  'dns-failure': ['doctor.title.dns-failure', 'doctor.fix.dns-failure'],
  'relay-unreachable': ['doctor.title.relay-unreachable', 'doctor.fix.relay-unreachable'],
  'ipv6-unreachable': ['doctor.title.ipv6-unreachable', 'doctor.fix.ipv6-unreachable'],
  'login-refused': ['doctor.title.login-refused', 'doctor.fix.login-refused'],
  'deferred-auth': ['doctor.title.deferred-auth', 'doctor.fix.deferred-auth'],
  'quota-exceeded': ['doctor.title.quota-exceeded', 'doctor.fix.quota-exceeded'],
  'daily-limit': ['doctor.title.daily-limit', 'doctor.fix.daily-limit'],
  throttled: ['doctor.title.throttled', 'doctor.fix.throttled'],
  'mail-deferred': ['doctor.title.mail-deferred', 'doctor.fix.mail-deferred'],
};
const key = (part: 'title' | 'fix', code: ProblemCode): MessageKey => words[code][part === 'title' ? 0 : 1];

export function problemFix(problem: Problem): string {
  const vars = problem.vars ?? {};
  const diagnosis =
    typeof vars.diagnosis === 'string'
      ? explainDiagnosis(vars.diagnosis as DiagnosisCode, typeof vars.host === 'string' ? vars.host : undefined)
      : undefined;
  const own = t(key('fix', problem.code), vars);
  const words = diagnosis ? `${diagnosis.cause} ${diagnosis.fix} ${own}` : own;
  return problem.fixable ? `${words} ${t('doctor.byFix')}` : words;
}

export function problemTitle(problem: Problem): string {
  return t(key('title', problem.code), problem.vars ?? {});
}

export function renderProblems(problems: readonly Problem[]): string {
  return problems
    .map((p) =>
      [
        `${p.severity === 'error' ? '✗' : '!'} ${problemTitle(p)} [${p.code}]`,
        ...p.evidence.map((e) => `    ${e}`),
        `  → ${problemFix(p)}`,
      ].join('\n'),
    )
    .join('\n\n');
}

export function problemsJson(problems: readonly Problem[]): ProblemJson[] {
  return problems.map((p) => ({
    code: p.code,
    severity: p.severity,
    evidence: p.evidence,
    fix: problemFix(p),
    fixable: p.fixable,
  }));
}
