// 端末 UI の文: 1 画面の計画、その質問、コピーするコマンド。
import type { tuiEn } from './tui.en.js';

export const tuiJa: Record<keyof typeof tuiEn, string> = {
  'tui.files': 'ファイル:',
  'tui.fileNew': '{path}（新規、モード {mode}）',
  'tui.fileChanged': '{path}（変更、モード {mode}）',
  'tui.commands': 'そのあと実行するコマンド:',
  'tui.testTo': 'テストメールは {to} に送ります（--to ADDR で送信先を変更、--no-test で省略できます）。',
  'tui.mainCf': '{path}: {count} 個の設定を変更します',
  'tui.alsoSet': '設定: {names}',
  'tui.removed': '削除: {names}',
  'tui.notSet': '（未設定）',
  'tui.apply': '適用する',
  'tui.showDiff': '差分をすべて表示する',
  'tui.cancel': 'キャンセル',
  'tui.diffTitle': '差分のすべて',
  'tui.equivalent': '同じ設定を質問なしで行うには（他のマシンなどで）:',
};
