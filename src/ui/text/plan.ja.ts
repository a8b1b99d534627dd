// 計画フェーズ（flow/plan/、ui/plan-view.ts、ui/plan-summary.ts）: 表示する計画、置き換えたり
// 取り除いたりする設定（手作りのリレー、TLS の上書き）、画面に出さない秘密。端末 UI の 1 画面の計画は tui.ja.ts。
import type { planEn } from './plan.en.js';

export const planJa: Record<keyof typeof planEn, string> = {
  // flow/plan/confirm-plan.ts
  'ask.confirm': 'この内容で適用しますか？',
  'plan.title': '変更内容',

  // ui/plan-view.ts, ui/plan-summary.ts
  'plan.mainCf': '{path}（変更される設定）:',
  'plan.newFile': '{path}（新規作成、モード {mode}）:',
  'plan.changedFile': '{path}（変更、モード {mode}）:',
  'plan.commands': '実行するコマンド:',
  'plan.binaryFile': '{path}（バックアップから戻します、{bytes} バイト）',
  'plan.deletes': '削除するファイル:',
  'plan.restart':
    'Postfix をいったん停止してから起動し直します。リロードでは新しい inet_interfaces が反映されないためです。',
  'plan.hiddenLines': '（{count} 行。パスワードを含むファイルのため表示しません）',
  'plan.secretFixes': 'ほかのユーザーが読めるパスワードファイル（postmap の実行前に root だけが読めるようにします）:',
  'plan.secretRemove': '- {path}（モード {mode}）: 削除します。postmap が root だけが読める状態（0600）で作り直します',
  'plan.secretChmod': '~ {path}（モード {mode}）: chmod 0600 を行います',

  // ui/plan-view.ts: TLS overrides taken out; flow/plan/tls-fixes.ts
  'tls.overrides':
    '次の設定があると、Postfix は {nexthop} に対して main.cf の {level} とは別の TLS レベルを使います。これらを取り除きます:',
  'tls.override.master': 'master.cf のサービス {service}/{type}: -o {name}={value}',
  'tls.override.policy': '{map} のエントリ: {key} {value}',
  'tls.refused':
    '{map} にリレー用の「{key} {value}」があります。Postfix は smtp_tls_security_level = secure の代わりにこれを使うため、証明書を確認していないサーバーにパスワードを送るおそれがあります。ウィザードが編集できるのは hash、btree、lmdb、cdb、dbm、sdbm、texthash のテーブルだけで、このテーブルは編集できません。',
  'tls.refusedFix':
    '{map} から {key} のエントリを取り除いて（またはレベルを "secure" にして）から、もう一度ウィザードを実行してください。',

  // ui/plan-view.ts, ui/legacy-text.ts, ui/plan-summary.ts: a hand-made relay
  'legacy.plan': '手作業で設定したときの名残です。main.cf で置き換えます（`remove` で元に戻ります）:',
  'legacy.obsolete': '{name} = {value}: 廃止された設定です（Postfix 3.9 から警告されます）',
  'legacy.misused.smtp_tls_CApath':
    '{name} = {value}: ファイルを指定していますが、Postfix はここをハッシュ名の証明書を置いたディレクトリとしてしか読みません。このバンドルは読まれていません',
  'legacy.misused.smtp_tls_CAfile':
    '{name} = {value}: ディレクトリを指定していますが、Postfix はここをファイルとして読みます',
  'legacy.misused.smtp_tls_per_site': '{name} = {value}: smtp_tls_policy_maps が設定されているため無視されています',
  'legacy.misused': '{name} = {value}: 見た目どおりには働かない設定です',
  'legacy.instead': '代わりに: {settings}',
  'legacy.removed': '取り除きます',
  'legacy.retired':
    'main.cf が以前指定していたパスワードマップ（{path}）はウィザードのものに置き換わります。そのファイルを削除します（コピーは root だけが読めるバックアップに残ります）:',
  'legacy.summary': 'この設定で置き換える手作業の設定: {names}',
  'legacy.summaryRetired': '古いパスワードマップ {path} は置き換えて削除します（コピーはバックアップに残ります）',

  // commands/setup.ts, between the plan and its confirmation
  'plan.relayhostReplaced': '現在メールは {from} 経由で送信されています。この変更の後は {to} 経由になります。',
  'plan.nothing': 'すでにこの内容で設定されています。変更はありません。',
  'plan.dryRunDone': 'ドライランのため、何も変更せず、メールも送信していません。',
  'accounts.replacesDefault':
    '{account} が {previous} に代わって既定のアカウント（ほかのアカウントに指定されていないすべての送信者のメール）になります。一部の送信者だけに使う場合は --senders を指定してください。',
  'accounts.added':
    '{senders} からのメールは {account} で送信します。それ以外の送信者のメールは引き続き {default} で送信します。',
};
