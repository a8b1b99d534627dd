// contract.en.ts の日本語版（キーと {placeholder} は同じ）。
import type { contractEn } from './contract.en.js';

export const contractJa: Record<keyof typeof contractEn, string> = {
  'test.notConfigured': 'テストする設定がありません。relayhost が空なので、Postfix は Gmail を経由せず直接配送してしまいます。何も送信していません。',
  'test.notConfiguredFix': '先にリレーを設定してください: postfix-gmail-wizard --account you@gmail.com（そのあと `postfix-gmail-wizard test`）。',
};
