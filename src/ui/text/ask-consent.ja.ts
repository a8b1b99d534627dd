// OAuth 2.0 の対話での同意（flow/ask/oauth-consent.ts、ui/consent-page.ts）と、Postfix のログイン方法の質問（flow/ask/auth-choice.ts）。
export const askConsentJa = {
  'consent.clientTitle': 'OAuth 2.0: 自分用の「デスクトップ アプリ」クライアント',
  'consent.clientHelp':
    'Postfix は、Google Cloud コンソール（https://console.cloud.google.com/）で一度作るクライアントでログインします:\n' +
    '1. プロジェクトを作る（または選ぶ）。\n' +
    '2. API とサービス → OAuth 同意画面: 入力してから公開する（「本番環境」）。「テスト」のままだと Google は同意を 7 日で終わらせ、メールが止まります。\n' +
    '3. データアクセス → スコープを追加: https://mail.google.com/\n' +
    '4. 認証情報 → 認証情報を作成 → OAuth クライアント ID → アプリケーションの種類「デスクトップ アプリ」→ 作成 → JSON をダウンロード。\n' +
    '5. そのファイルをこのマシンに置き、root だけが読めるようにする（chmod 600）。\n' +
    'そのあとブラウザで一度アクセスを許可します。ウィザードが Google のパスワードを見ることはありません。',
  'consent.clientPath': 'ダウンロードしたクライアント JSON のパス（client_secret_….json）',
  'consent.clientPathEmpty': 'ダウンロードしたクライアント JSON のパスを入力してください。',
  'consent.open': 'ブラウザでこのアドレスを開き、{account} でログインしてアクセスを許可してください:',
  'consent.listening': 'ウィザードはこのマシンの http://127.0.0.1:{port}/ でブラウザからの応答を待っています。',
  'consent.ssh':
    'この接続は SSH 経由です。手元のブラウザがこのマシンの 127.0.0.1:{port} に届くのはポート転送があるときだけです。アドレスを開く前に、手元のコンピュータで次を実行してください:',
  'consent.paste':
    'または、ブラウザが最後に表示したアドレスをここに貼り付けてください（接続できないと表示されていても構いません）',
  'consent.pasteNotAnswer':
    'これはブラウザが最後に表示したアドレスではありません（code= がありません）。アドレスバー全体をコピーしてください。',
  'consent.pasteStateMismatch':
    'このアドレスは別の同意への応答です（state がこの実行のものと違います）。この実行が表示したアドレスを使ってください。',
  'consent.heard': 'ブラウザの応答が 127.0.0.1:{port} に届きました。',
  'consent.denied.cause': 'Google は同意を与えませんでした（{error}）。',
  'consent.denied.fix':
    'もう一度実行して「許可」を押してください。Google が「アクセスをブロック」と表示する場合は、同意画面（公開済みか、スコープ https://mail.google.com/）と、そのアカウントでログインしていることを確認してください。',
  'consent.exchanging': '{endpoint} でコードをトークンと交換しています（TLS 検証あり）…',
  'consent.exchanged': 'Google がこのクライアント用のリフレッシュトークンを発行しました。',
  'consent.exchangeFailed': 'トークンエンドポイントがコードを受け付けませんでした: {error}',
  'consent.exchange.cause': '{endpoint} はコードをトークンと交換しませんでした（{error}）。',
  'consent.exchange.fix':
    'もう一度実行してください。コードは一度だけ、数分間しか使えません。invalid_client と出る場合はクライアント JSON をダウンロードし直してください。',
  'consent.noRefresh.cause':
    '{endpoint} はアクセストークンを発行しましたがリフレッシュトークンがありません。Postfix がそれを更新できません。',
  'consent.noRefresh.fix':
    'https://myaccount.google.com/permissions でこのアプリのアクセスを削除し、もう一度実行して同意し直してください。',
  'consent.page.title': 'postfix-gmail-wizard — 同意',
  'consent.page.taken': '同意がウィザードに届きました。ターミナルに戻ってください。このタブは閉じて構いません。',
  'consent.page.refused':
    'この応答はウィザードの要求に対するものではない（state が一致しない）ため、拒否しました。ターミナルに戻ってください。',
  'consent.page.ignored': '見つかりません。',
  'authChoice.title': 'Postfix の Google へのログイン方法',
  'authChoice.why.workspace':
    '{account} は Google Workspace のアドレスです。次のどの方法が使えるかは管理者が決めます。',
  'authChoice.why.refused':
    '{account} ではアプリパスワードを使用できないと Google が表示する場合（高度な保護機能、セキュリティキーのみ、管理者による無効化）は、別の方法が使えるかもしれません。',
  'authChoice.explain.app-password':
    'アプリパスワード: https://myaccount.google.com/apppasswords でこのマシン用に作る 16 文字。\n  最も簡単です。2 段階認証プロセスが必要で、管理者が無効にしていることがあります。',
  'authChoice.explain.oauth':
    'OAuth 2.0: ブラウザで一度アクセスを許可すると、Postfix がトークンを自分で更新します。\n  Google Cloud のデスクトップ クライアントと sasl-xoauth2 プラグインが必要です。',
  'authChoice.explain.none':
    'Workspace のリレー（アドレスで許可）: ログインなし。管理者が許可すると smtp-relay.gmail.com が\n  このマシンの IP アドレスを受け入れます（管理コンソール → Gmail → ルーティング → SMTP リレーサービス）。',
  'authChoice.question': 'Postfix はどの方法でログインしますか？',
  'authChoice.label.app-password': 'アプリパスワード',
  'authChoice.label.oauth': 'OAuth 2.0（ブラウザでアクセスを許可）',
  'authChoice.label.none': 'このマシンのアドレスで Workspace のリレーを使う（ログインなし）',
};
