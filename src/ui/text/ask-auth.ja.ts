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
  'authOauth.sendersConfigured':
    '送信者別のアカウント（{accounts}）はアプリパスワードでログインしますが、Postfix の SASL メカニズムの一覧はすべてのアカウントに共通です。OAuth にすると（smtp_sasl_mechanism_filter = xoauth2）それらはログインできなくなります。',
  'authOauth.sendersConfiguredFix':
    '先にそれらを外す（postfix-gmail-wizard remove --account ADDR）か、既定のアカウントはアプリパスワードのままにしてください。',
  'authOauth.defaultUsesOauth':
    '既定のアカウント {account} は OAuth でログインしています（smtp_sasl_mechanism_filter = xoauth2）。この設定はすべてのアカウントに適用されるため、{adding} はその横でアプリパスワードでログインできません。',
  'authOauth.defaultUsesOauthFix':
    '先に既定のアカウントをアプリパスワードに切り替えて（postfix-gmail-wizard --account {account} --auth app-password）から、{adding} を追加してください。',
  'authOauth.fileRefused':
    '{flag} {path} は root が秘密情報を読み込めるファイルではありません（{problem}）。クライアントシークレットやリフレッシュトークンが入っているファイルです。',
  'authOauth.fileRefusedFix':
    '{flag} には、root（またはあなた）が所有し、ほかのユーザーが書き込めず、できれば読めない（chmod 600）通常のファイルを指定してください。',
  'authOauth.client-not-json': '{flag} {path} は JSON ではありません。',
  'authOauth.client-not-installed':
    '{flag} {path} は「デスクトップアプリ」のクライアントではありません。JSON に "installed" がありません（"web" クライアントはループバックのリダイレクトを使えません）。',
  'authOauth.client-missing-field': '{flag} {path} に {field} がありません。',
  'authOauth.client-bad-uri': '{flag} {path}: {field} が https のアドレスではありません。',
  'authOauth.token-not-json': '{flag} {path} は JSON ではありません。',
  'authOauth.token-no-refresh':
    '{flag} {path} に refresh_token がありません。これがないと Postfix はアクセスを更新できません。',
  'authOauth.inputFix':
    'クライアント JSON をもう一度ダウンロードしてください（Google Cloud コンソール → APIs & Services → Credentials → デスクトップクライアント → Download JSON）。トークンファイルには少なくとも {"refresh_token": "…"} が必要です。',
  'authOauth.refreshing': '{endpoint} から新しいアクセストークンを取得しています（TLS 検証あり）…',
  'authOauth.refreshed': '新しいアクセストークンを取得しました。',
  'authOauth.refreshFailed': 'トークンエンドポイントが拒否しました: {error}',
  'authOauth.invalid_grant.cause':
    'Google はこのリフレッシュトークンをもう受け付けません（invalid_grant）。同意が取り消されたか、期限切れ（同意画面が Testing のあいだは 7 日）か、パスワードが変更されました。',
  'authOauth.invalid_grant.fix':
    'もう一度同意してください。postfix-gmail-wizard --auth oauth を対話モードで実行するか、新しい --oauth-token-file を用意してください。',
  'authOauth.invalid_client.cause':
    'Google はこのクライアントまたはそのシークレットを知りません（invalid_client）。削除されたか、シークレットがリセットされました。',
  'authOauth.invalid_client.fix':
    'Google Cloud コンソール（APIs & Services → Credentials）からデスクトップクライアントの JSON をもう一度ダウンロードして、それで実行し直してください。',
  'authOauth.unauthorized_client.cause':
    'このクライアントはこのリフレッシュトークンを使えません（unauthorized_client）。トークンは別のクライアントに発行されたものです。',
  'authOauth.unauthorized_client.fix': '同意を与えたクライアントの JSON を使うか、もう一度同意してください。',
  'authOauth.unreachable.cause':
    'トークンエンドポイント {endpoint} に検証済みの TLS で接続できませんでした（{error}）。',
  'authOauth.unreachable.fix':
    'ネットワークと時計を確認してください。プロキシが TLS を検査している場合は、--ca-file でその CA を指定してください（OAuth のエンドポイントにも使われます）。',
  'authOauth.other.cause': 'トークンエンドポイント {endpoint} が更新を拒否しました（{error}）。',
  'authOauth.other.fix': 'クライアント JSON とトークンファイルを確認するか、もう一度同意してください。',
  'authOauth.connecting':
    '{host}:{port} に XOAUTH2 でログインしています（TLS 検証あり。MAIL FROM と RCPT TO のあと RSET するので何も送りません）…',
  'authOauth.accepted': '{host} は {account} の XOAUTH2 ログインを受け付けました。',
  'authOauth.failed': '{host}:{port} に XOAUTH2 でログインできませんでした: {detail}',
  'authOauth.loginRefused.cause':
    'Gmail が {account} の OAuth アクセストークンを拒否しました（535）。別のアカウントで同意したか、スコープ https://mail.google.com/ なしで同意しています。',
  'authOauth.loginRefused.fix':
    '{account} でサインインし、同意画面でスコープ https://mail.google.com/ を付けて、もう一度同意してください。',
  'authOauth.testing':
    'OAuth 同意画面が「Testing」です。Google はこの同意を 7 日で終了し、そこでメールが止まります。アプリを公開して（Google Cloud コンソール → OAuth consent screen → Publish app）、もう一度同意してください。それまでは終了時刻を記録し、status・doctor・check が 3 日前から警告します。',
  'authOauth.headlessFix':
    '端末がないため、ここでは同意を取得できません。デスクトップクライアントの JSON（--oauth-client）と、別の場所で取得した同意のトークン（--oauth-token-file）を、どちらも root だけが読めるファイルで指定してください。',
  'authOauth.plugin.missing':
    'OAuth 2.0 には Cyrus SASL プラグイン {package}（{dir} の libsasl-xoauth2.so）が必要ですが、{os} にはインストールされていません。',
  'authOauth.plugin.fixPackage':
    '--install を付けてもう一度ウィザードを実行する（以下を代わりに行います）か、次のようにしてください: パッケージ {package} をインストールしてから（dnf install {package}）、もう一度ウィザードを実行してください。',
  'authOauth.plugin.fixEpel':
    '--install を付けてもう一度ウィザードを実行する（以下を代わりに行います）か、次のようにしてください: EPEL を有効にし（dnf install epel-release）、{package} をインストールしてから（dnf install {package}）、もう一度ウィザードを実行してください。',
  'authOauth.plugin.fixExperimental':
    '--install を付けてもう一度ウィザードを実行する（以下を代わりに行います）か、次のようにしてください: Debian では {package} は experimental にしかありません。/etc/apt/sources.list.d/experimental.list に `deb http://deb.debian.org/debian experimental main` を追加し、{package} だけがそこから入るよう pin し（/etc/apt/preferences.d/sasl-xoauth2: すべてのパッケージは Pin-Priority 1、{package} は 500）、apt-get update && apt-get install -t experimental {package} を実行してから、もう一度ウィザードを実行してください。',
  'authOauth.plugin.fixPpa':
    'Ubuntu のアーカイブには {package} がありません。PPA を追加する（add-apt-repository ppa:sasl-xoauth2/stable; apt-get install {package}）か、https://github.com/tarickb/sasl-xoauth2 からビルドしてください。アプリパスワード（--auth app-password）を使うこともできます。',
  'authOauth.plugin.fixSource':
    'このディストリビューションには {package} のパッケージがありません。https://github.com/tarickb/sasl-xoauth2 からビルドし（cmake、Cyrus SASL のプラグインディレクトリ {dir} へインストール）、またはアプリパスワード（--auth app-password）を使ってください。',
};
