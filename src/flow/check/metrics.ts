// check --textfile: the verdict as Prometheus's text exposition format, for node_exporter's textfile
// collector (it reads DIR/*.prom at each scrape). Names follow prometheus.io/docs/practices/naming:
// one prefix, base units in the name (_seconds, _timestamp_seconds), gauges without _total.
import type { Failure } from '../../postfix/problems/types.js';
import { checkExit, type CheckVerdict, type ConsentFacts } from './judge.js';
import type { AccountUse } from '../../gmail/limits.js';

export const textfileName = 'postfix_gmail_wizard.prom';
const prefix = 'postfix_gmail_wizard';

export interface MetricsInput {
  verdict: CheckVerdict;
  failures: readonly Failure[];
  use: readonly AccountUse[];
  consents: readonly ConsentFacts[];
  /** Each OAuth token file's access token expiry (epoch seconds). */
  accessTokens: readonly { account: string; expiry: number }[];
  now: number;
}

type Labels = Record<string, string>;

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function sample(name: string, labels: Labels, value: number): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return `${prefix}_${name}${pairs.length > 0 ? `{${pairs.join(',')}}` : ''} ${value}`;
}

function family(name: string, help: string, samples: string[]): string[] {
  return [`# HELP ${prefix}_${name} ${help}`, `# TYPE ${prefix}_${name} gauge`, ...samples];
}

/** Deferred messages by the diagnosis of their first deferred recipient (gmail/diagnose.ts codes). */
function deferredByCause(failures: readonly Failure[]): Map<string, number> {
  const causeOf = new Map<string, string>();
  for (const f of failures) if (f.status === 'deferred' && !causeOf.has(f.queueId)) causeOf.set(f.queueId, f.diagnosis);
  const counts = new Map<string, number>();
  for (const cause of causeOf.values()) counts.set(cause, (counts.get(cause) ?? 0) + 1);
  return counts;
}

export function renderMetrics(input: MetricsInput): string {
  const { verdict, use, consents, accessTokens } = input;
  const lines = [
    ...family('state', 'Monitoring Plugins state of the relay: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.', [
      sample('state', {}, checkExit[verdict.state]),
    ]),
    ...family('check_timestamp_seconds', 'When the check that wrote this file ran.', [
      sample('check_timestamp_seconds', {}, input.now),
    ]),
    ...family('deferred_messages', 'Messages in the deferred queue.', [
      sample('deferred_messages', {}, verdict.deferred),
    ]),
    ...family(
      'deferred_by_cause_messages',
      'Deferred messages by the cause of their deferral (the codes doctor uses).',
      [...deferredByCause(input.failures)].map(([cause, n]) => sample('deferred_by_cause_messages', { cause }, n)),
    ),
    ...family(
      'problem',
      "doctor's problems found on this machine (1 per code), by the state check gives them.",
      verdict.findings.flatMap((f) =>
        f.kind === 'problem' ? [sample('problem', { code: f.problem.code, state: f.state }, 1)] : [],
      ),
    ),
    ...family(
      'sent_last_24h_recipients',
      'Recipients the relay accepted in the last 24 hours, per Gmail account.',
      use.map((u) => sample('sent_last_24h_recipients', { account: u.account }, u.sent)),
    ),
    ...family(
      'daily_limit_recipients',
      "The account's daily sending limit at Gmail (recipients per rolling 24 hours).",
      use.map((u) => sample('daily_limit_recipients', { account: u.account, kind: u.kind }, u.limit)),
    ),
    ...family(
      'last_sent_timestamp_seconds',
      'When Gmail last accepted a message from this account.',
      use.flatMap((u) =>
        u.lastSent === undefined ? [] : [sample('last_sent_timestamp_seconds', { account: u.account }, u.lastSent)],
      ),
    ),
    ...(consents.length > 0
      ? family(
          'oauth_consent_expiry_timestamp_seconds',
          "When Google ends the account's OAuth consent (a consent screen in Testing: 7 days after it was given).",
          consents.map((c) => sample('oauth_consent_expiry_timestamp_seconds', { account: c.account }, c.expiresAt)),
        )
      : []),
    ...(accessTokens.length > 0
      ? family(
          'oauth_token_expiry_timestamp_seconds',
          "When the account's OAuth access token expires (sasl-xoauth2 refreshes it before a login).",
          accessTokens.map((a) => sample('oauth_token_expiry_timestamp_seconds', { account: a.account }, a.expiry)),
        )
      : []),
  ];
  return `${lines.join('\n')}\n`;
}
