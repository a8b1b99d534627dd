// status コマンド（commands/status.ts、commands/status-legacy.ts）。キーチェーンの行は
// ask-keychain.ja.ts、mynetworks の警告は ask-relay.ja.ts にあります。
import type { statusEn } from './status.en.js';

export const statusJa: Record<keyof typeof statusEn, string> = {
  // commands/status.ts
  'status.title': 'リレーの状態',
  'status.relay': 'リレー先',
  'status.account': 'アカウント',
  'status.map': 'パスワードマップ',
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

  // commands/status.ts: problems it lists
  'legacy.tlsFrom': '{source}（廃止された {settings} による）',
  'legacy.queueReason': '{code} が {count} 通',
  'status.secretReadable': 'Gmail のアプリパスワードをほかのユーザーが読める状態です: {files}。',
  'status.secretReadableFix':
    'ウィザードをもう一度実行してください（root だけが読めるようにします）。または次を実行してください: chmod 600 {paths}',
  'tls.source.main.cf': 'main.cf の設定',
  'tls.source.master.cf': 'master.cf の {where} の -o',
  'tls.source.policy-map': 'smtp_tls_policy_maps のエントリ {where}',
  'tls.source.per-site': 'smtp_tls_per_site のエントリ {where}',
  'tls.weaker':
    'Postfix はリレーに対して "secure" ではなく TLS レベル "{level}" を使っています（{source}）。証明書を確認していないサーバーにパスワードが送られるおそれがあります。',
  'tls.weakerFix':
    'ウィザードをもう一度実行してください（sudo npx postfix-gmail-wizard）。上書きしている設定を取り除きます。',

  // commands/status-legacy.ts: a hand-made relay
  'legacy.tlsUnverified':
    'Postfix はリレーに TLS レベル「{level}」を使っています（{source}）。サーバー証明書を確認しないため、パスワードが別のサーバーに送られるおそれがあります。',
  'legacy.tlsUnverifiedFix':
    'ウィザードをもう一度実行してください（sudo npx postfix-gmail-wizard）。smtp_tls_security_level = secure を設定します。',
  'legacy.status': 'main.cf に手作業で設定したときの名残があります: {settings}。',
  'legacy.statusFix':
    'ウィザードをもう一度実行してください（sudo npx postfix-gmail-wizard）。現在の同等の設定に置き換えます。',
  'legacy.deferred': '{count} 通のメールが保留（deferred）になっています: {cause} Postfix の記録: {detail}',
  'legacy.deferredFix': '{fix} そのあとウィザードをもう一度実行すると、待っているメールが新しいログインで送られます。',
};
