// check's answer in the Monitoring Plugins format (monitoring-plugins.org/doc/guidelines.html):
// "GMAIL RELAY STATE - text | perfdata" on the first line, then one detail line per finding. The state
// words stay English (monitoring systems and people grep them); the text is in the interface's language.
import type { Finding, CheckVerdict, Thresholds } from '../flow/check/judge.js';
import type { AccountUse } from '../gmail/limits.js';
import { perfValues } from '../flow/check/perfdata.js';
import { problemFix, problemTitle } from './doctor-view.js';
import { t } from './messages.js';

export const pluginName = 'GMAIL RELAY';

export interface CheckSummary {
  /** host:port, or '' when no relay is configured. */
  relay: string;
  use: readonly AccountUse[];
  thresholds: Thresholds;
}

/** '|' starts the performance data and a newline a detail line: neither may appear inside the text. */
const clean = (text: string) => text.replace(/\|/g, '/').replace(/\s*\n\s*/g, ' ');

/** A finding's title and fix, in the interface's language (the plugin lines and check --json). */
export function findingWords(f: Finding): { title: string; fix: string } {
  switch (f.kind) {
    case 'problem':
      return { title: `${problemTitle(f.problem)} [${f.problem.code}]`, fix: problemFix(f.problem) };
    case 'deferred':
      return {
        title: t('check.title.deferred', { count: f.count, threshold: f.threshold }),
        fix: t('check.fix.deferred'),
      };
    case 'waiting':
      return {
        title: t('check.title.waiting', { count: f.count, threshold: f.threshold, oldest: f.oldestSeconds }),
        fix: t('check.fix.waiting'),
      };
    case 'consent': {
      // doctor's words for the same cause (postfix/problems/oauth.ts: oauthConsentEnding).
      const vars = {
        account: f.consent.account,
        ends: new Date(f.consent.expiresAt * 1000).toISOString(),
        hours: Math.max(0, Math.floor(f.seconds / 3600)),
      };
      return f.seconds <= 0
        ? { title: t('doctor.title.oauth-consent-expired', vars), fix: t('doctor.fix.oauth-consent-expired', vars) }
        : { title: t('doctor.title.oauth-consent-expiring', vars), fix: t('doctor.fix.oauth-consent-expiring', vars) };
    }
  }
}

/** A label with a space or quote is quoted, and a quote or '=' in it replaced (the guidelines' syntax). */
function perfdata(verdict: CheckVerdict, summary: CheckSummary): string {
  return perfValues(verdict, summary.use, summary.thresholds)
    .map((p) => {
      const label = /[\s'=]/.test(p.label) ? `'${p.label.replace(/['=]/g, '_')}'` : p.label;
      return `${label}=${p.value};${p.warning};${p.critical};${p.min}${p.max !== undefined ? `;${p.max}` : ''}`;
    })
    .join(' ');
}

/** The whole plugin output: the status line, then each finding with its fix. */
export function renderCheck(verdict: CheckVerdict, summary: CheckSummary): string {
  const state = verdict.state.toUpperCase();
  const sent = summary.use.reduce((n, u) => n + u.sent, 0);
  const ok = t('check.ok', {
    relay: summary.relay || t('check.noRelay'),
    account: summary.use.map((u) => u.account).join(', ') || t('check.noAccount'),
    deferred: verdict.deferred,
    sent,
  });
  const [first, ...rest] = verdict.findings;
  const head = first
    ? `${findingWords(first).title}${rest.length > 0 ? ` ${t('check.more', { count: rest.length })}` : ''}`
    : ok;
  const details = verdict.findings.map((f) => {
    const w = findingWords(f);
    return `${f.state.toUpperCase()}: ${clean(w.title)} → ${clean(w.fix)}`;
  });
  return [
    `${pluginName} ${state} - ${clean(head)} | ${perfdata(verdict, summary)}`,
    ...details,
    ...(first ? [clean(ok)] : []),
  ].join('\n');
}

/** UNKNOWN: check could not look (no Postfix, unreadable configuration, unwritable --textfile). */
export function renderUnknown(message: string, fix?: string): string {
  return `${pluginName} UNKNOWN - ${clean(fix ? `${message} ${fix}` : message)}`;
}
