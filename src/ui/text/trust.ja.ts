// 信頼性チェック（バックアップ、ジャーナル、状態フォルダー）の文言。ja.ts に展開されます。
import type { trustEn } from './trust.en.js';

export const trustJa: Record<keyof typeof trustEn, string> = {
  'trust.relativeDir': '{option} {path} は絶対パスではありません。root のロック、ジャーナル、バックアップが、実行を始めたフォルダーに置かれてしまいます。',
  'trust.relativeDirFix': '{option} には / で始まる絶対パスを指定してください（例: {option} /var/backups）。',
  'trust.unsafeBackupDir': '{dir} のバックアップは読み込みません。{path} が{reason}ため、ほかのユーザーが root に復元させるバックアップを置けてしまいます。',
  'trust.unsafeBackupDirFix': 'バックアップは root だけが書き込めるフォルダーからのみ使います（確認: ls -ld {path}）。そのようなフォルダーを --backup-dir に指定してください。',
  'trust.reason.symlink': 'シンボリックリンクである',
  'trust.reason.owner': 'ほかのユーザーの所有である',
  'trust.reason.writable': 'ほかのユーザーも書き込める',
  'trust.reason.notDirectory': 'ディレクトリではない',
} as const;
