// secrets.en.ts の日本語版（同じキー、同じ {placeholders}）。
import type { secretsEn } from './secrets.en.js';

export const secretsJa: Record<keyof typeof secretsEn, string> = {
  'plan.hiddenLines': '（{count} 行。パスワードを含むファイルのため表示しません）',
  'plan.secretFixes': 'ほかのユーザーが読めるパスワードファイル（postmap の実行前に root だけが読めるようにします）:',
  'plan.secretRemove': '- {path}（モード {mode}）: 削除します。postmap が root だけが読める状態（0600）で作り直します',
  'plan.secretChmod': '~ {path}（モード {mode}）: chmod 0600 を行います',
  'apply.step.secretFixes': 'パスワードファイルを root だけが読めるようにしています',
  'status.secretReadable': 'Gmail のアプリパスワードをほかのユーザーが読める状態です: {files}。',
  'status.secretReadableFix': 'ウィザードをもう一度実行してください（root だけが読めるようにします）。または次を実行してください: chmod 600 {paths}',

  'path.relative': '{option} {path} は絶対パスではありません。Postfix はあなたの作業ディレクトリではなく、Postfix 自身の作業ディレクトリを基準に探します。',
  'path.control': '{option} {path} には制御文字（改行やタブなど）が含まれています。main.cf には書けません。',
  'path.whitespace': '{option} {path} には空白が含まれています。Postfix はリストを空白で区切るため、2 つのパスとして読んでしまいます。',
  'path.comma': '{option} {path} にはカンマが含まれています。Postfix はリストをカンマで区切るため、2 つのパスとして読んでしまいます。',
  'path.dollar': '{option} {path} には「$」が含まれています。Postfix は $name をパラメーターの値に置き換えてしまいます。',
  'path.brace': '{option} {path} には「{」または「}」が含まれています。Postfix は波かっこをリストのグループとして読みます。',
  'path.fix': '{option} には空白・カンマ・「$」・波かっこを含まない絶対パスを指定してください（ファイルをそのようなパス、たとえば /etc/postfix/ の下に移動するか、リンクを作成してください）。',
};
