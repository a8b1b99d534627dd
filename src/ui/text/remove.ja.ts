// remove コマンド: リレーの設定の削除（commands/remove.ts）、戻すもの（flow/plan/putback.ts）と
// --purge（flow/apply/purge.ts）、remove --account（commands/remove-account.ts）。
import type { removeEn } from './remove.en.js';

export const removeJa: Record<keyof typeof removeEn, string> = {
  // commands/remove.ts
  'remove.title': 'リレー設定の削除',
  'remove.confirm': 'これらの設定とファイルを削除しますか（先にバックアップを取ります）？',
  'remove.nothing': 'このウィザードによるリレー設定はありません。削除するものはありません。',
  'remove.done': 'リレー設定を削除しました（バックアップ {id}）。',

  // commands/remove.ts: what the setup's TLS fixes took out, put back
  'putback.masterChanged':
    'master.cf の {where} は "{value}" に戻しませんでした。セットアップ後に設定された "{now}" になっているため、そのままにします。',
  'putback.masterServiceGone':
    'master.cf の {where} は "{value}" に戻しませんでした。そのサービスが master.cf にもうありません。',
  'putback.tableChanged':
    'エントリ "{value}" は {where} に戻しませんでした。セットアップ後に書かれた {key} の別のエントリ（"{now}"）があるため、そちらをそのままにします。',
  'putback.tableGone': 'エントリ "{value}" は {where} に戻しませんでした。ファイルがもうありません。',

  // flow/apply/purge.ts
  'remove.purgeConfirm':
    'パスワードを含むバックアップ {backups} 個とキーチェーンの項目 {accounts} 個も削除しますか？（削除すると元に戻せません。）',
  'remove.purged': 'パスワードを含んでいたバックアップ {backups} 個とキーチェーンの項目 {accounts} 個を削除しました。',
  'remove.purgeConfirmBackups':
    'パスワードを含むバックアップ {backups} 個も削除しますか？（削除すると元に戻せません。）',
  'remove.purgedBackups': 'パスワードを含んでいたバックアップ {backups} 個を削除しました。',
  'remove.purgeConfirmKeychain':
    'パスワードを含むキーチェーンの項目 {accounts} 個も削除しますか？（削除すると元に戻せません。）',
  'remove.purgedKeychain': 'パスワードを含んでいたキーチェーンの項目 {accounts} 個を削除しました。',
  'remove.purgeHint':
    '{dir} のバックアップ {backups} 個にまだパスワードが残っています。削除するには: postfix-gmail-wizard remove --purge',

  // commands/remove-account.ts
  'accounts.removeUnknown': '{account} は設定済みのアカウントではありません。',
  'accounts.removeUnknownFix': '設定済みのアカウントは次のコマンドで確認できます: postfix-gmail-wizard status',
  'accounts.removeDefault': '{account} は既定のアカウントで、ほかのアカウント（{others}）がまだこれに依存しています。',
  'accounts.removeDefaultFix':
    '先にそれらを削除する（postfix-gmail-wizard remove --account ADDR）か、別のアカウントを既定にする（--account ADDR を付け、--senders なしで実行）か、次のコマンドですべてを取り除いてください: postfix-gmail-wizard remove',
  'accounts.removeTitle': 'アカウント {account} の削除',
  'accounts.removeConfirm': '{account} を削除しますか？ {senders} からのメールは再び {default} で送信されます。',
  'accounts.removed':
    '{account} を削除しました（バックアップ {id}）。その送信者のメールは再び {default} で送信されます。',
  'accounts.purged':
    '{account} のキーチェーンの項目を {count} 件削除しました。バックアップには、`postfix-gmail-wizard remove --purge` を実行するまでそのパスワードが残ります。',
  'remove.revoked': 'OAuth のリフレッシュトークン {count} 個を {url} で失効させました。Google はもう受け付けません。',
  'remove.revokeFailed':
    'OAuth のリフレッシュトークンを {url} で失効させられませんでした（{error}）。https://myaccount.google.com/permissions でアクセスを自分で取り消してください。',
  'remove.revokeUnknown':
    'Google は OAuth のリフレッシュトークンを知りませんでした（{url}、invalid_token: すでに失効したか期限切れ）。https://myaccount.google.com/permissions でアクセスがなくなっていることを確認してください。',
  'remove.revokeAhead':
    'この変更が終わると、取り除く OAuth のリフレッシュトークン {count} 個を Google で失効させます。バックアップを含め、どのコピーでも再びサインインできなくなります。--keep-token を付けると有効なまま残します。',
  'remove.revokeSkipped':
    '--keep-token: この変更で取り除く OAuth のリフレッシュトークン {count} 個は Google で有効なままで、バックアップにも残ります。',
  'remove.tokenKept':
    'OAuth のリフレッシュトークン {count} 個を Google で有効なまま残しました（--keep-token）。バックアップにまだ残っています。不要になったら https://myaccount.google.com/permissions でアクセスを取り消してください。',
};
