// status コマンド（commands/status.ts、ui/status-view.ts）。キーチェーンの行は
// ask-keychain.ja.ts、mynetworks の警告は ask-relay.ja.ts にあります。
import type { statusEn } from './status.en.js';

export const statusJa: Record<keyof typeof statusEn, string> = {
  // commands/status.ts
  'status.title': 'リレーの状態',
  'status.relay': 'リレー先',
  'status.account': 'アカウント',
  'status.auth': 'ログイン方法',
  'status.auth.appPassword': 'アプリパスワード',
  'status.auth.oauth': 'OAuth 2.0（XOAUTH2、sasl-xoauth2）',
  'status.auth.none': 'なし: Workspace の SMTP リレーサービスがこのマシンのアドレスを受け入れる',
  'status.map': 'パスワードマップ',
  'status.tlsProtocols': 'TLS プロトコル',
  'status.authCache': '拒否されたログイン',
  'status.authCacheValue': '{map} に {time} 記録し、同じパスワードでは再試行しない',
  'status.authCacheNone': '記録しない: Postfix は再送のたびにログインし直す（smtp_sasl_auth_cache_name が空）',
  'status.tls': 'TLS レベル',
  'status.sent': '24 時間の送信',
  'status.sentCount': '{account}: 1 日の上限 {limit} 件のうち {sent} 件（{percent} %）',
  'status.queue': 'キュー',
  'status.queueCounts': '{total} 通（うち再送待ち {deferred} 通）',
  'status.last': '前回のテスト',
  'status.lastTest': '{at} に {to} 宛て: {status}（キュー ID {id}）',
  'status.noTest': '記録なし',
  'status.none': '（未設定）',
  'status.senders': 'ローカルの送信者',
  'status.sendersMapped': '{account} として送信（{map}）',
  'status.sendersNone': '書き換えなし',
  'status.rootAlias': 'root 宛てのメール',
  'status.byWizard': '（ウィザードが設定）',
  'status.rootAliasNone': 'ローカルのメールボックス',
  'status.listen': 'メールの受け付け',
  'status.listenLoopback': 'このマシンからのみ（inet_interfaces = {value}）',
  'status.listenNetwork': 'ネットワークから（inet_interfaces = {value}）',
  'status.addressPreference': '優先するアドレスファミリー（smtp_address_preference）',
  'accounts.statusLine': 'アカウント',
  'accounts.statusDefault': '{account}（既定: ほかのすべての送信者）— {keychain}',
  'accounts.statusExtra': '{account}（{senders} 用）— {keychain}',

  // ui/status-view.ts: where the TLS level comes from, the queue's reasons
  'legacy.tlsFrom': '{source}（廃止された {settings} による）',
  'legacy.queueReason': '{code} が {count} 通',
  'tls.source.main.cf': 'main.cf の設定',
  'tls.source.master.cf': 'master.cf の {where} の -o',
  'tls.source.policy-map': 'smtp_tls_policy_maps のエントリ {where}',
  'tls.source.per-site': 'smtp_tls_per_site のエントリ {where}',
  'status.oauthToken': 'OAuth トークン',
  'status.oauthTokenValue': '{path}（アクセストークンの有効期限 {expiry}、プラグインによる最終更新 {refreshed}）',
  'status.oauthConsent': 'OAuth の同意',
  'status.oauthConsentEnds':
    '{account}: {ends} に Google が終了します（同意画面がテスト中）。それまでにもう一度同意するか、同意画面を本番環境に公開してください',
  'status.oauthConsentNoEnd':
    '{account}: 終了時刻の記録なし（本番環境の同意画面では Google は終了時刻を示しません。この記録より前の setup では記録されていません）',
};
