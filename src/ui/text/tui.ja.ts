// 端末 UI の文: 1 画面の計画、その質問、コピーするコマンド。
import type { tuiEn } from './tui.en.js';

export const tuiJa: Record<keyof typeof tuiEn, string> = {
  'tui.fileNew': '新規: {path}（モード {mode}）',
  'tui.fileChanged': '変更: {path}（モード {mode}）',
  'tui.command': '実行: {command}',
  'tui.testTo': 'テストの送信先: {to}（変更は --to ADDR、省略は --no-test）',
  'tui.mainCf': '{path}: {count} 個の設定を変更します',
  'tui.alsoSet': '設定: {names}',
  'tui.removed': '削除: {names}',
  'tui.notSet': '（未設定）',
  'tui.apply': '適用する',
  'tui.showDiff': '差分をすべて表示する',
  'tui.cancel': 'キャンセル',
  'tui.diffTitle': '差分のすべて',
  'tui.stoppedByCtrlC': '{step} — Ctrl-C で中止しました',
  'tui.equivalent': '同じ設定を質問なしで行うには（他のマシンなどで）:',
  'tui.passwordFile':
    'アプリパスワードは、root だけが読めるファイルから読みます。先に空のファイルを作り\n{create}\nアプリパスワードだけを 1 行で書き込んでください:\n{edit}',
  'tui.oauthFiles':
    'Google Cloud コンソールからダウンロードした OAuth クライアントの JSON を {client} から、リフレッシュトークンを {token} から読みます。どちらも root だけが読めるようにしてください。',
  'tui.oauthTokenCopy': '{token} は、この実行で保存したトークンから作れます:\n{copy}',
};
