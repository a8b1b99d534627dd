// Postfix のログイン方法（--auth）: Workspace のリレーをアドレスで使う（flow/ask/relay-preflight.ts）。
export const askAuthJa = {
  'authNone.connecting':
    '{host}:{port} にログインなしで接続しています（TLS 検証あり。MAIL FROM と RCPT TO のあと RSET するので何も送りません）…',
  'authNone.accepted': '{host} はこのマシンを受け入れました。ログインなしで {account} からのメールを受け付けました。',
  'authNone.failed': '{host}:{port} はログインなしのメールを受け付けませんでした: {detail}',
  'authNone.addressSeen': 'Google から見えたこのマシンのアドレスは {address} です。許可するのはこのアドレスです。',
  'authNone.sendersConfigured':
    '送信者別のアカウント（{accounts}）はそれぞれのパスワードでログインします。--auth none にするとログインできなくなります。',
  'authNone.sendersConfiguredFix':
    '先にそれらを外してから（postfix-gmail-wizard remove --account ADDR）、もう一度実行してください。',
  'authOauth.unavailable': 'このバージョンはまだ OAuth 2.0 でログインできません。',
  'authOauth.unavailableFix':
    'アプリパスワード（--auth app-password）か、アドレスで受け入れる Workspace のリレー（--auth none）を使ってください。',
};
