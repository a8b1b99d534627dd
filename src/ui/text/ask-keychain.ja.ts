// 質問フェーズ: デスクトップのキーチェーンに保存するアプリパスワード（flow/ask/keychain-step.ts、
// flow/ask/account-choice.ts）と、status のキーチェーンの行（keychainStatusText）。
import type { askKeychainEn } from './ask-keychain.en.js';

export const askKeychainJa: Record<keyof typeof askKeychainEn, string> = {
  // flow/ask/keychain-step.ts, flow/ask/account-choice.ts
  'keychain.using': '{account} のアプリパスワードは、キーチェーンに保存されたものを使います。',
  'keychain.unavailable':
    'アプリパスワードはキーチェーンに保存していません: {reason}。Postfix の動作には不要ですが、次回も入力が必要です。',
  'keychain.reason.bus':
    '利用できるキーチェーンがありません（SSH 接続時によくあるように、デスクトップのセッションバスがありません）',
  'keychain.reason.module': 'キーチェーン用のモジュールがインストールされていません',
  'keychain.own': 'あなたのキーチェーン',
  'keychain.ofUser': '{user} のキーチェーン',
  'keychain.storedIn': '{account} のアプリパスワードを{where}に保存しました。',
  'keychain.forgotten':
    '{account} はアプリパスワードでのログインをやめたため、キーチェーンに保存されていたパスワードを削除しました。',
  'keychain.alreadyStored': '{account} のアプリパスワードはすでに{where}に保存されています。',
  'keychain.notStored':
    '{account} のアプリパスワードはキーチェーンに保存していません: {reason}。Postfix の動作には不要ですが、次回も入力が必要です。',
  'keychain.unusable': 'キーチェーンにある {account} の項目はアプリパスワードとして使えないため、無視します。',
  'keychain.noStoredPassword': '{account} の保存済みパスワードは使えませんでした: {reason}。',
  'keychain.noneFor': 'キーチェーンに {account} のアプリパスワードはありません。',
  'keychain.reason.busOf':
    '{user} のセッションバスが見つかりません（{user} のデスクトップセッションが動いていません）。そのためキーチェーンに接続できません',
  'keychain.reason.kernelOnly':
    'セッションバス上で Secret Service（GNOME Keyring や KWallet など）が応答しません。残るのは再起動で内容が消えるカーネルのキーリングだけなので、使いません',
  'keychain.reason.locked':
    'キーリングがロックされています。ロックを解除（デスクトップにログインするか「パスワードと鍵」を開く）してから、ウィザードをもう一度実行してください',
  'keychain.reason.disabled': '--no-keychain によりキーチェーンは使わない設定です',
  'keychain.reason.error': 'キーチェーンがエラーを返しました',

  // ui/keychain-text.ts keychainStatusText (shown by status)
  'status.keychainStored': '{account} のパスワードは{where}に保存されています',
  'status.keychainNotStored': '{where}に {account} のパスワードはありません',
  'status.keychainEmpty': '{where}にアカウントはありません',
  'status.keychainUnavailable': '使えません: {reason}',
  'status.keychain': 'キーチェーン',
};
