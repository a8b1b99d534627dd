// 質問フェーズ（flow/ask/）: 回答とその検査、ログインの事前確認。
// アカウントの選択・キーチェーン・リレーのオプションは ask-*.ja.ts にあります。
import type { askEn } from './ask.en.js';

export const askJa: Record<keyof typeof askEn, string> = {
  // the answers' checks (gmail/credentials.ts, flow/ask/ask.ts)
  'account.empty': 'Gmail アドレスが空です。',
  'account.tooLong': 'このアドレスは {length} 文字あります。メールアドレスは最長 254 文字です。',
  'account.whitespace': 'アドレスに空白・タブ・改行・制御文字が含まれています。',
  'account.nonAscii':
    'アドレスに ASCII 以外の文字（全角文字や、形の似た別の文字など）が含まれています。半角英数字で入力してください。',
  'account.forbiddenChar': 'アドレスに、ここでは使えない文字（: [ ] < > ( ) , ; " \\）が含まれています。',
  'account.notAddress': '「{input}」は you@gmail.com のようなメールアドレスではありません。',
  'account.fix': 'Gmail または Google Workspace のアドレスを指定してください（例: --account you@gmail.com）。',
  'recipient.invalid': 'テストメールの宛先が使えません: {problem}',
  'recipient.empty': 'テストメールの宛先（--to）が空です。',
  'recipient.fix': '通常のメールアドレスを指定してください（例: --to friend@example.com）。',
  'password.empty': 'アプリパスワードが空です。',
  'password.controlChars': 'アプリパスワードにタブ・改行・制御文字が含まれています。',
  'password.tooLong': 'アプリパスワードにしては長すぎます。',
  'password.fix': '{url} でアプリパスワードを作成し、--password-stdin か --password-file で渡してください。',
  'password.file.missing': 'パスワードファイル {path} がありません。',
  'password.file.unreadable': 'パスワードファイル {path} を読み取れません。',
  'password.file.symlink':
    'パスワードファイル {path} はシンボリックリンクです。root は、ほかの場所を指し示せないファイルそのものからだけパスワードを読みます。',
  'password.file.directory': '{path} はディレクトリで、パスワードファイルではありません。',
  'password.file.notRegular':
    'パスワードファイル {path} は通常のファイルではありません（デバイス、FIFO、ソケット）。root は通常のファイルからだけパスワードを読みます。',
  'password.file.owner':
    'パスワードファイル {path} はほかのユーザーの所有です。root は、root かあなたが所有するファイルからだけパスワードを読みます。',
  'password.file.writable': 'パスワードファイル {path} はほかのユーザー（グループまたは全員）が書き換えられます。',
  'password.file.tooLarge': 'パスワードファイル {path} は 4 KiB より大きく、パスワードファイルではありません。',
  'password.file.unsafeDir':
    'パスワードファイル {path} は、ほかのユーザーが変更できる {dir} の下にあります（そのユーザーの所有か、書き込み可能）。ファイルをすり替えられるおそれがあります。',
  'password.file.changed': 'パスワードファイル {path} が読み取り中に変わりました。',
  'password.fileFix':
    'root だけが読み書きできるファイルにアプリパスワードだけを 1 行で書き、そのパスを指定してください: install -m 600 /dev/null /root/gmail-app-password を実行してから、パスワードを書き込みます。',
  'password.fileWorldReadable':
    'パスワードファイル {path} はこのマシンのほかのユーザー（全員、またはそのグループのメンバー）が読めます。chmod 600 で保護してください。',
  'relay.invalid': '「{input}」は smtp.gmail.com:587 のようなリレー先の形式ではありません。',
  'relay.portRange': '「{input}」のポート番号 {port} は範囲外です。ポート番号は 1 から 65535 までです。',
  'relay.fix':
    '--relay HOST[:PORT] の形で指定してください（例: --relay smtp.gmail.com:587。接続直後から TLS を使う場合は :465）。',
  'password.nonAscii':
    'アプリパスワードに ASCII 以外の文字（よく似た別の文字かもしれません）が含まれています。アプリパスワードは半角英字 16 文字です。',
  'password.colon':
    'アプリパスワードにコロンが含まれています。アプリパスワード（英字 16 文字）にコロンは含まれません。',
  'password.multiLine': 'パスワードの入力が複数行になっています。1 行目にアプリパスワードだけを書いてください。',
  'password.notAppPasswordAt':
    'アプリパスワード（4 文字ずつ 4 組で表示される英字 16 文字）ではないようです。ここでは通常のパスワードは Gmail に拒否されます。アプリパスワードは {url} で作成できます',

  // flow/ask/ask.ts
  'ask.passwordFlags': '--password-stdin または --password-file PATH',
  'ca.none': 'リレー先の証明書を検証するための CA バンドルが見つかりません。',
  'ca.noneFix':
    'ディストリビューションの ca-certificates パッケージをインストールするか、--ca-file PATH で指定してください。',
  'ca.unreadable': '{path} は読み取り可能な PEM 形式の証明書ファイルではありません。',
  'ca.unreadableFix': '--ca-file で PEM ファイルを指定してください（例: /etc/ssl/certs/ca-certificates.crt）。',
  'ca.file.symlink':
    'CA ファイル {path} はほかのユーザーが所有するシンボリックリンクです。そのユーザーの証明書を指すように変えられるおそれがあります。',
  'ca.file.notRegular':
    'CA ファイル {path} は通常のファイルではありません（デバイス、FIFO、ソケット）。root は通常のファイルからだけ信頼する証明書を読みます。',
  'ca.file.owner':
    'CA ファイル {path} はほかのユーザーの所有です。そのユーザーが自分の証明書を加えると、Postfix はそれを Gmail として信頼してしまいます。',
  'ca.file.writable':
    'CA ファイル {path} はほかのユーザー（グループまたは全員）が書き換えられます。そのユーザーの証明書を加えられるおそれがあります。',
  'ca.file.tooLarge': 'CA ファイル {path} は 8 MiB より大きく、CA バンドルではありません。',
  'ca.file.unsafeDir':
    'CA ファイル {path} は、ほかのユーザーが変更できる {dir} の下にあります（そのユーザーの所有か、書き込み可能）。ファイルをすり替えられるおそれがあります。',
  'ca.file.changed': 'CA ファイル {path} が読み取り中に変わりました。',
  'ca.fileFix':
    'Postfix はこれからもそのパスのファイルを読みます。root だけが変更できる場所にコピーし（sudo install -m 644 FILE /usr/local/share/ca-certificates/）、そのパスを --ca-file で指定してください。',
  'ask.account': '送信に使う Gmail アドレス',
  'ask.passwordHelp':
    'ここで必要なのは通常のパスワードではなく、Gmail のアプリパスワードです。{url} で作成してください（2 段階認証プロセスを有効にしておく必要があります）。',
  'ask.password': 'アプリパスワード（16 文字。空白は入れたままで構いません）',
  'ask.recipient': 'テストメールの送信先',

  // flow/ask/confirm.ts, flow/ask/account-choice.ts
  'ask.missing': '対話モードではないため、次の指定が足りません: {flags}',
  'ask.missingFix':
    'オプションで指定するか（--help を参照）、標準入力も標準出力もパイプやリダイレクトにせず（--non-interactive も付けずに）端末上でウィザードを実行してください。',

  // flow/ask/preflight.ts
  'preflight.failed': '{host}:{port} にログインできませんでした: {detail}',
  'preflight.passwordNotSent': 'パスワードは送信していません。',
  'preflight.otherPort':
    'このネットワークからは {host} のポート {port} に接続できません（送信用ポートを遮断するプロバイダーは少なくありません）。Gmail が提供するもう一方のポートを試してください: --relay {host}:{other}',
  'preflight.storedRefused': 'これはキーチェーンに保存されていたパスワードで、すでに無効になっています。',
  'preflight.mapRefused': 'これは Postfix が使っていたパスワードで、すでに無効になっています。',
  'preflight.connecting': '設定を変更する前に、{host}:{port} へのログインを試しています（TLS 証明書を検証）…',
  'preflight.accepted': '{host} が {account} のログインを受け付けました。',
  'preflight.nothingChanged': '何も変更していません。',
  'preflight.askAgain':
    'https://myaccount.google.com/apppasswords で新しいアプリパスワードを作成し（2 段階認証プロセスを有効にしておく必要があります）、下に入力してください（{max} 回中 {attempt} 回目）。{account} が正しいアドレスでなければ、Esc を押して最初からやり直してください。',
};
