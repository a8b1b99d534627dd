// トランザクションの安全性（ロック・復旧・バックアップ・restore の検査・remove --purge）の文言。
import type { txnEn } from './txn.en.js';

export const txnJa: Record<keyof typeof txnEn, string> = {
  'lock.stateDir': '{dir} をウィザードの状態やバックアップの保存先に使えません: {reason}。',
  'lock.stateDirFix': 'root だけが書き込めるフォルダーを --state-dir/--backup-dir で指定してください。ウィザードは DIR/postfix-gmail-wizard の中で作業します。',
  'recover.complete': '前回の実行は変更を最後まで終えましたが、後片付けの前に止まりました（バックアップ {id}）。ロールバックは不要でした。',
  'recover.leftovers': '中断された書き込みが残した一時ファイルを {count} 個削除しました。',
  'apply.pruned': '古いバックアップを {count} 個削除しました。新しい {keep} 個を残しています。',
  'restore.unmanagedPath': 'バックアップ {id} には、ウィザードが管理していないファイル {path} が含まれています。何も復元していません。',
  'restore.setuid': 'バックアップ {id} は {path} にモード {mode}（setuid/setgid/sticky）を付けようとしています。何も復元していません。',
  'restore.damagedCopy': '{path} のバックアップコピーが見つからないか、チェックサムが一致しません（{copy}）。何も復元していません。',
  'restore.refusedFix': '別のバックアップを選ぶか（postfix-gmail-wizard restore --list）、{dir}/manifest.json を手で確認してください。',
  'remove.purgeConfirm': 'パスワードを含むバックアップ {backups} 個とキーチェーンの項目 {accounts} 個も削除しますか？（削除すると元に戻せません。）',
  'remove.purged': 'パスワードを含んでいたバックアップ {backups} 個とキーチェーンの項目 {accounts} 個を削除しました。',
  'remove.purgeHint': '{dir} のバックアップ {backups} 個にまだパスワードが残っています。削除するには: postfix-gmail-wizard remove --purge',
  'apply.step.command': '{command} を実行しています',
};
