// status's screen: the report (flow/status/report.ts) as lines; the problems are said one by one after it.
import { scheduleMinutes } from '../distro/schedule.js';
import { scheduleKindText } from './monitor-text.js';
import type { StatusReport } from '../outcome.js';
import type { TlsSource } from '../postfix/tls-policy.js';
import { keychainStatusText } from './keychain-text.js';
import { type MessageKey, t } from './messages.js';

const tlsSourceKeys = {
  'main.cf': 'tls.source.main.cf',
  'master.cf': 'tls.source.master.cf',
  'policy-map': 'tls.source.policy-map',
  'per-site': 'tls.source.per-site',
} as const;

const signInWords = {
  'app-password': 'status.auth.appPassword',
  oauth: 'status.auth.oauth',
  none: 'status.auth.none',
} as const satisfies Record<NonNullable<StatusReport['auth']>, MessageKey>;

export function tlsSourceText(tls: { source: TlsSource; where?: string; obsolete?: string }): string {
  const source = t(tlsSourceKeys[tls.source], { where: tls.where ?? '' });
  return tls.source === 'main.cf' && tls.obsolete ? t('legacy.tlsFrom', { source, settings: tls.obsolete }) : source;
}

const testStatusWords = {
  sent: 'status.test.sent',
  deferred: 'status.test.deferred',
  bounced: 'status.test.bounced',
  expired: 'status.test.expired',
  queued: 'status.test.queued',
  unknown: 'status.test.unknown',
} as const satisfies Record<NonNullable<StatusReport['lastTest']>['status'], MessageKey>;

/** The recorded test in words (the code itself, "queued", is the JSON's, not a Japanese sentence's). */
export function lastTestText(test: NonNullable<StatusReport['lastTest']>): string {
  return t('status.lastTest', {
    status: t(testStatusWords[test.status]),
    to: test.to,
    at: test.at ?? '?',
    id: test.queueId ?? '?',
  });
}

export function renderStatus(summary: string, r: StatusReport): string {
  const last = r.lastTest ? lastTestText(r.lastTest) : t('status.noTest');
  return [
    summary,
    `${t('status.relay')}: ${r.relayhost || t('status.none')}`,
    ...(r.auth ? [`${t('status.auth')}: ${t(signInWords[r.auth])}`] : []),
    ...(r.oauthTokens ?? []).flatMap((tk) => [
      `${t('status.oauthToken')}: ${t('status.oauthTokenValue', { path: tk.path, expiry: tk.expiry ?? '?', refreshed: tk.refreshed })}`,
      `${t('status.oauthConsent')}: ${
        tk.consentExpiry
          ? t('status.oauthConsentEnds', { account: tk.account ?? '?', ends: tk.consentExpiry })
          : t('status.oauthConsentNoEnd', { account: tk.account ?? '?' })
      }`,
    ]),
    `${t('status.account')}: ${r.account ?? t('status.none')}`,
    `${t('status.map')}: ${r.passwordMap ?? t('status.none')}`,
    `${t('status.tls')}: ${r.tlsLevel || t('status.none')} — ${tlsSourceText(r.tls)}${r.caFile ? ` (${r.caFile})` : ''}`,
    `${t('status.tlsProtocols')}: ${r.tlsProtocols || t('status.none')}`,
    `${t('status.authCache')}: ${r.authCache ? t('status.authCacheValue', r.authCache) : t('status.authCacheNone')}`,
    `${t('status.keychain')}: ${keychainStatusText(r.keychain, r.account, r.keychainOwner)}`,
    ...(r.accounts && r.accounts.length > 1
      ? [`${t('accounts.statusLine')}:`, ...r.accounts.map((a) => `  ${accountLine(a, r.keychainOwner)}`)]
      : []),
    `${t('status.senders')}: ${r.senderMap ? (r.senderMap.account ? t('status.sendersMapped', { account: r.senderMap.account, map: r.senderMap.map }) : r.senderMap.map) : t('status.sendersNone')}`,
    `${t('status.rootAlias')}: ${r.rootAlias ? `${r.rootAlias.to}${r.rootAlias.byWizard ? ` ${t('status.byWizard')}` : ''}` : t('status.rootAliasNone')}`,
    `${t('status.listen')}: ${t(r.interfaces.loopbackOnly ? 'status.listenLoopback' : 'status.listenNetwork', { value: r.interfaces.value })}`,
    `${t('status.addressPreference')}: ${r.addressPreference}`,
    ...(r.sending ?? []).map(
      (u) =>
        `${t('status.sent')}: ${t('status.sentCount', { account: u.account, sent: u.sent, limit: u.limit, percent: Math.floor((u.sent * 100) / Math.max(1, u.limit)) })}`,
    ),
    `${t('status.monitor')}: ${r.monitor ? t('status.monitorOn', { kind: scheduleKindText(r.monitor.kind), minutes: scheduleMinutes, textfile: r.monitor.textfile ?? '?' }) : t('status.monitorOff')}`,
    `${t('status.queue')}: ${t('status.queueCounts', { total: r.queue.total, deferred: r.queue.deferred })}${r.queue.reasons.length > 0 ? ` (${r.queue.reasons.map((q) => t('legacy.queueReason', { count: q.count, code: q.code })).join(', ')})` : ''}`,
    `${t('status.last')}: ${last}`,
  ].join('\n');
}

function accountLine(a: NonNullable<StatusReport['accounts']>[number], owner: string | undefined): string {
  const keychain = keychainStatusText(a.keychain, a.account, owner);
  return a.default
    ? t('accounts.statusDefault', { account: a.account, keychain })
    : t('accounts.statusExtra', { account: a.account, senders: a.senders.join(', '), keychain });
}
