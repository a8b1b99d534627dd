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
  'trust.executable': 'バックアップ {id} は {path} をモード {mode} で戻そうとしています。このウィザードは実行可能なファイルを書き込まないため、このバックアップは使いません。',
  'trust.journalElsewhere': '中断された変更のジャーナルは、バックアップフォルダー {expected} ではなく {dir} のバックアップを指しています。これには従いません。',
  'trust.journalElsewhereFix': 'Postfix の設定を手作業で確認し（postfix check）、状態ディレクトリの journal.json を削除してください。中断された実行と同じ --backup-dir を指定して実行してください。',
} as const;
