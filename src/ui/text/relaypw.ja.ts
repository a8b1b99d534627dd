// 保存済みパスワードがどのリレー先のものか、などの文（relaypw.en.ts の日本語版）。
import type { relaypwEn } from './relaypw.en.js';

export const relaypwJa: Record<keyof typeof relaypwEn, string> = {
  'relaypw.otherRelay': '{account} の保存済みアプリパスワードは {was} 用のものなので、{now} には送信しません。新しいリレー先のために、もう一度入力してください。',
  'relaypw.otherRelayHost': '{account} の保存済みアプリパスワードは別のリレー先用のものです。{host} のためにもう一度入力してください。',
};
