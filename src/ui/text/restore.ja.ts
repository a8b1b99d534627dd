// restore コマンド（commands/restore.ts）と、バックアップを戻す前の検査（transaction/backup-check.ts
// がコードを出し、ui/error-text.ts が文にします）。
import type { restoreEn } from './restore.en.js';

export const restoreJa: Record<keyof typeof restoreEn, string> = {
  // commands/restore.ts
  'restore.listTitle': 'バックアップ一覧',
  'restore.none': '{dir} にバックアップはありません。',
  'restore.unknown': 'バックアップ「{id}」はありません。',
  'restore.unknownFix': 'バックアップの一覧は次のコマンドで確認できます: postfix-gmail-wizard restore --list',
  'restore.title': 'バックアップ {id} の復元',
  'restore.confirm': 'これらのファイルを元に戻し、Postfix をリロードしますか？',
  'restore.done':
    'バックアップ {id} を復元し、Postfix をリロードしました（復元前の状態はバックアップ {safety} として保存しました）。',

  // ui/error-text.ts: a backup refused
  'trust.executable':
    'バックアップ {id} は {path} をモード {mode} で戻そうとしています。このウィザードは実行可能なファイルを書き込まないため、このバックアップは使いません。',
  'restore.unmanagedPath':
    'バックアップ {id} には、ウィザードが管理していないファイル {path} が含まれています。何も復元していません。',
  'restore.setuid':
    'バックアップ {id} は {path} にモード {mode}（setuid/setgid/sticky）を付けようとしています。何も復元していません。',
  'restore.damagedCopy':
    '{path} のバックアップコピーが見つからないか、チェックサムが一致しません（{copy}）。何も復元していません。',
  'restore.refusedFix':
    '別のバックアップを選ぶか（postfix-gmail-wizard restore --list）、{dir}/manifest.json を手で確認してください。',
};
