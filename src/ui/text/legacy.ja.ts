// legacy.en.ts の日本語版。パラメーター名・コマンド・値は訳さずにそのまま残します。
import type { legacyEn } from './legacy.en.js';

export const legacyJa: Record<keyof typeof legacyEn, string> = {
  'legacy.plan': '手作業で設定したときの名残です。main.cf で置き換えます（`remove` で元に戻ります）:',
  'legacy.obsolete': '{name} = {value}: 廃止された設定です（Postfix 3.9 から警告されます）',
  'legacy.misused.smtp_tls_CApath': '{name} = {value}: ファイルを指定していますが、Postfix はここをハッシュ名の証明書を置いたディレクトリとしてしか読みません。このバンドルは読まれていません',
  'legacy.misused.smtp_tls_CAfile': '{name} = {value}: ディレクトリを指定していますが、Postfix はここをファイルとして読みます',
  'legacy.misused.smtp_tls_per_site': '{name} = {value}: smtp_tls_policy_maps が設定されているため無視されています',
  'legacy.misused': '{name} = {value}: 見た目どおりには働かない設定です',
  'legacy.instead': '代わりに: {settings}',
  'legacy.removed': '取り除きます',
  'legacy.retired': 'main.cf が以前指定していたパスワードマップ（{path}）はウィザードのものに置き換わります。そのファイルを削除します（コピーは root だけが読めるバックアップに残ります）:',
  'legacy.tlsFrom': '{source}（廃止された {settings} による）',
  'legacy.tlsUnverified': 'Postfix はリレーに TLS レベル「{level}」を使っています（{source}）。サーバー証明書を確認しないため、パスワードが別のサーバーに送られるおそれがあります。',
  'legacy.tlsUnverifiedFix': 'ウィザードをもう一度実行してください（sudo npx postfix-gmail-wizard）。smtp_tls_security_level = secure を設定します。',
  'legacy.status': 'main.cf に手作業で設定したときの名残があります: {settings}。',
  'legacy.statusFix': 'ウィザードをもう一度実行してください（sudo npx postfix-gmail-wizard）。現在の同等の設定に置き換えます。',
  'legacy.deferred': '{count} 通のメールが保留（deferred）になっています: {cause} Postfix の記録: {detail}',
  'legacy.deferredFix': '{fix} そのあとウィザードをもう一度実行すると、待っているメールが新しいログインで送られます。',
  'legacy.summary': 'この設定で置き換える手作業の設定: {names}',
  'legacy.summaryRetired': '古いパスワードマップ {path} は置き換えて削除します（コピーはバックアップに残ります）',
  'legacy.queueReason': '{code} が {count} 通',
};
