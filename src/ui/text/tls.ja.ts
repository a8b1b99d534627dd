// tls.en.ts の日本語版。パラメーター名・コマンド・値は訳さずにそのまま残します。
import type { tlsEn } from './tls.en.js';

export const tlsJa: Record<keyof typeof tlsEn, string> = {
  'tls.overrides': '次の設定があると、Postfix は {nexthop} に対して main.cf の {level} とは別の TLS レベルを使います。これらを取り除きます:',
  'tls.override.master': 'master.cf のサービス {service}/{type}: -o {name}={value}',
  'tls.override.policy': '{map} のエントリ: {key} {value}',
  'tls.refused': '{map} にリレー用の「{key} {value}」があります。Postfix は smtp_tls_security_level = secure の代わりにこれを使うため、証明書を確認していないサーバーにパスワードを送るおそれがあります。ウィザードが編集できるのは hash、btree、lmdb、cdb、dbm、sdbm、texthash のテーブルだけで、このテーブルは編集できません。',
  'tls.refusedFix': '{map} から {key} のエントリを取り除いて（またはレベルを "secure" にして）から、もう一度ウィザードを実行してください。',
  'tls.source.main.cf': 'main.cf の設定',
  'tls.source.master.cf': 'master.cf の {where} の -o',
  'tls.source.policy-map': 'smtp_tls_policy_maps のエントリ {where}',
  'tls.source.per-site': 'smtp_tls_per_site のエントリ {where}',
  'tls.weaker': 'Postfix はリレーに対して "secure" ではなく TLS レベル "{level}" を使っています（{source}）。証明書を確認していないサーバーにパスワードが送られるおそれがあります。',
  'tls.weakerFix': 'ウィザードをもう一度実行してください（sudo npx postfix-gmail-wizard）。上書きしている設定を取り除きます。',
  'apply.step.masterRemove': 'master.cf の上書き設定を削除しています（postconf -PX）',
};
