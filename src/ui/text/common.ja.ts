// どのコマンドにも共通の文: はい/いいえ、中止、内部エラー、冒頭の見出し、postconf の失敗。
import type { commonEn } from './common.en.js';

export const commonJa: Record<keyof typeof commonEn, string> = {
  // ui/clack-ui.ts, ui/plain-ui.ts, cli.ts
  'ui.yes': 'はい',
  'ui.no': 'いいえ',
  cancelled: 'キャンセルしました。何も変更していません。',
  'internal.error': '予期しないエラーです（お手数ですが報告してください）: {message}',
  'internal.promptWithoutTty': '質問が必要になりましたが、入力を受け付ける端末がありません。',
  'setup.intro': 'postfix-gmail-wizard — このマシンのメールを Gmail 経由で送信します',
  'test.intro': 'postfix-gmail-wizard — テストメールの送信',

  // ui/error-text.ts (postfix/postconf.ts raises the code)
  'postconf.failed': 'postconf が失敗しました: {reason}',
  'postconf.failedFix':
    'Postfix がインストールされているか、設定ディレクトリ（--config-dir）が正しいかを確認してください。',
};
