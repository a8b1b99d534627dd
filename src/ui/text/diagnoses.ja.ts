// 診断コードごとの「原因」と「対処方法」（diagnoses.en.ts の日本語版）。
// コマンド・パラメータ名・SMTP コード・URL は訳さずにそのまま残します。
import type { DiagnosisCode } from '../../gmail/diagnose.js';

const APP_PASSWORDS = 'https://myaccount.google.com/apppasswords';

export const diagnosesJa: Record<DiagnosisCode, { cause: string; fix: string }> = {
  'auth-bad-credentials': {
    cause: 'Gmail がアカウント名またはアプリパスワードを拒否しました（535 5.7.8）。',
    fix: `${APP_PASSWORDS} で新しいアプリパスワードを作成し（2 段階認証プロセスを有効にしておく必要があります）、ウィザードをもう一度実行してください。`,
  },
  'auth-app-password-required': {
    cause: 'Gmail は通常の Google パスワードではなく、アプリパスワードを求めています（534 5.7.9）。',
    fix: `2 段階認証プロセスを有効にして ${APP_PASSWORDS} でアプリパスワードを作成し、それを使ってウィザードをもう一度実行してください。`,
  },
  'auth-web-login-required': {
    cause: 'Google はこのログインを受け付ける前に、Web ブラウザでのサインインを求めています（534 5.7.14）。',
    fix: 'ブラウザで https://accounts.google.com にこのアカウントでサインインして本人であることを確認するか、https://myaccount.google.com/apppasswords で新しいアプリパスワードを作成して、ウィザードをもう一度実行してください。',
  },
  'auth-too-many-attempts': {
    cause: 'ログインの試行回数が多すぎたため、Gmail が一時的にログインを拒否しています（454 4.7.0）。',
    fix: `1 時間ほど待ってから再度試してください。パスワードが間違っているかもしれない場合は、先に ${APP_PASSWORDS} で新しく作成してください。`,
  },
  'auth-not-attempted': {
    cause: 'Postfix が Gmail にログインしないままメールを送ろうとしました（530 5.7.0 Authentication Required）。',
    fix: 'smtp_sasl_auth_enable を yes にし、パスワードマップのキーを relayhost と完全に一致させたうえで（[smtp.gmail.com]:587）、postmap で作り直す必要があります。ウィザードを実行すれば両方とも書き直します。',
  },
  'relay-address-refused': {
    cause:
      'Google の SMTP リレーサービスがこのマシンのアドレスを受け入れませんでした（550 5.7.1 Invalid credentials for relay）。',
    fix: '管理コンソール → Apps → Google Workspace → Gmail → Routing → SMTP relay service で、Google から見えたアドレスを Allowed senders / IP addresses に追加するか、そこで SMTP 認証を必須にしてログインしてください（--auth oauth）。',
  },
  'sasl-password-map': {
    cause: 'Postfix がパスワードマップ（sasl_passwd ファイル、またはその .db/.lmdb ファイル）を読めませんでした。',
    fix: '`postmap /etc/postfix/sasl_passwd` で作り直し（形式は smtp_sasl_password_maps に書かれたものを使います）、`postfix reload` を実行してください。ウィザードをもう一度実行すれば両方とも行います。',
  },
  'oauth-consent-revoked': {
    cause:
      'Google が OAuth トークンの更新を拒否しました。同意が取り消されたか期限が切れている（invalid_grant）か、OAuth クライアントが削除されています（invalid_client）。',
    fix: 'もう一度同意してください。端末で postfix-gmail-wizard --auth oauth を実行するか、--oauth-token-file FILE で新しいトークンを渡してください（クライアントが削除された場合は、新しいクライアントの JSON も --oauth-client FILE で）。',
  },
  'oauth-ca-unreadable': {
    cause:
      'sasl-xoauth2 プラグインの libcurl が、CA バンドルで Google のトークンエンドポイントを確認できませんでした。バンドルが読めないか、発行者の証明書がありません（smtp が chroot 内で動いている場合: コピーがないか古い）。',
    fix: 'バンドル（/etc/sasl-xoauth2.conf の ca_bundle_file、なければシステムのもの）を smtp の chroot 内の同じパスにコピーしてください。postfix-gmail-wizard doctor --fix がコピーします。chroot でなければ ca-certificates を更新してください。同意は問題ありません。',
  },
  'sasl-no-mechanism': {
    cause: 'Postfix には Gmail に対して使えるログイン方式がありません（「no mechanism available」）。',
    fix: 'SASL プラグインをインストールし（Debian/Ubuntu: apt-get install libsasl2-modules、Fedora/RHEL: dnf install cyrus-sasl-plain、Gentoo: mail-mta/postfix の USE フラグ sasl）、Postfix をリロードしてください。',
  },
  'sasl-not-offered': {
    cause:
      '接続が暗号化されていなかったため、Gmail がログインの手段を提示しませんでした（「Must issue a STARTTLS command first」）。',
    fix: 'smtp_tls_security_level = secure を設定し（ウィザードはこれを設定します）、smtp_tls_policy_maps のエントリや master.cf の -o がこれを上書きしていないことを確かめてから（`postfix-gmail-wizard status` でレベルの出どころがわかります）、Postfix をリロードしてください。',
  },
  'starttls-not-offered': {
    cause:
      'サーバーが暗号化（STARTTLS）を提示しなかったため、Postfix はパスワードを送りませんでした。経路上の何かが STARTTLS を取り除いている可能性があります。',
    fix: 'relayhost が [smtp.gmail.com]:587 になっているか、途中にウイルス対策ソフトやルーターの「SMTP インスペクション」機能が入っていないか確認してください。ポート 465 も試せます（--relay smtp.gmail.com:465）。',
  },
  'tls-untrusted': {
    cause: 'Gmail の証明書を検証できませんでした。通信が傍受されている可能性があります。パスワードは送信していません。',
    fix: '時計（`date`）と CA バンドル（smtp_tls_CAfile、ca-certificates パッケージ）を確認してください。プロキシやウイルス対策ソフトが TLS を検査している場合は、ポート 587 を素通しにしてください。',
  },
  'tls-name-mismatch': {
    cause:
      '証明書が {host} のものではありません。relayhost の誤りか、通信の傍受が考えられます。パスワードは送信していません。',
    fix: 'relayhost = [smtp.gmail.com]:587 を正確に設定し、{host} について /etc/hosts と DNS を確認したうえで、TLS を検査するプロキシを経由しないようにしてください。',
  },
  'tls-handshake': {
    cause: '暗号化された接続を確立できませんでした（TLS ハンドシェイクの失敗）。',
    fix: 'ポート 587 では STARTTLS、ポート 465 では接続直後からの TLS（smtp_tls_wrappermode = yes）が必要です。設定がこれに合っているなら、ネットワーク上の何かが妨害しています。',
  },
  'greeting-timeout': {
    cause: 'サーバーは接続を受け付けましたが、最初の応答（グリーティング）を返してきませんでした。',
    fix: 'ポート 465 は最初の 1 バイトから TLS で通信するため、smtp_tls_wrappermode = yes と smtp_tls_security_level = secure が必要です（--relay smtp.gmail.com:465 で両方とも設定されます）。または 587 に戻してください。',
  },
  'connect-timeout': {
    cause: 'Gmail への接続に応答がありません。ネットワークまたは ISP が外向きのポート 587 を遮断しています。',
    fix: 'ポート 465 を試してください（--relay smtp.gmail.com:465）。それでも駄目なら、ファイアウォールで外向きの TCP 587/465 を開けるか、ISP に遮断の解除を依頼してください。',
  },
  'connect-refused': {
    cause: '接続が拒否されました。接続先で何も待ち受けていないか、ファイアウォールが拒否しています。',
    fix: 'relayhost（[smtp.gmail.com]:587 のはずです）と、外向きの 587 を拒否するローカルのファイアウォール規則がないかを確認してください。代わりにポート 465 も使えます。',
  },
  'network-unreachable': {
    cause:
      'このマシンから Gmail のアドレスへの経路がありません（IPv6 が使えない環境で IPv6 アドレスに接続しようとした場合によく起こります）。',
    fix: 'ウィザードをもう一度実行してください。IPv6 ではリレーに届かず IPv4 では届く場合、smtp_address_preference = ipv4 を設定します（ほかの IPv6 の通信はそのまま）。手作業なら `postconf -e smtp_address_preference=ipv4` と `postfix reload` を実行するか、IPv6 の経路を修復してください。',
  },
  dns: {
    cause: '{host} の名前解決ができませんでした（DNS の失敗）。',
    fix: '`getent hosts {host}` が動くこと、/etc/resolv.conf が正しいことを確認してください。Postfix は chroot 内にそのコピーを持っているので、直したら Postfix を再起動してください。',
  },
  'dns-chroot': {
    cause:
      'Postfix は SMTP クライアントを chroot（キューディレクトリ）の中で動かしていますが、そこにリゾルバのファイルがないため、名前を引けません（"Device or resource busy"）。',
    fix: '/etc/resolv.conf、/etc/hosts、/etc/nsswitch.conf、/etc/services をキューディレクトリの etc/ にコピーしてください（`postfix-gmail-wizard doctor --fix` が行います）。init スクリプト経由で Postfix を再起動しても、これらはコピーされます。',
  },
  'mail-loop': {
    cause: 'メールが Gmail へ行かず、このマシンに戻ってきました（メールループ）。',
    fix: 'relayhost = [smtp.gmail.com]:587 を（角かっこ付きで）設定し、宛先のドメインを mydestination に含めないでください。',
  },
  'transport-unavailable': {
    cause:
      'main.cf で指定された配送方式（トランスポート）が master.cf にありません（「mail transport unavailable」）。',
    fix: 'default_transport、relay_transport、transport_maps を `postconf -M` の出力と照らし合わせてください。ウィザードはこれらを smtp と relay に戻します。',
  },
  'relay-transport-error': {
    cause:
      'Postfix が外部宛てのメールを拒否する設定になっています。Debian の「Local only」構成では default_transport/relay_transport = error が設定されます。',
    fix: 'default_transport = smtp と relay_transport = relay を設定し（ウィザードはこれを行います）、Postfix をリロードしてください。',
  },
  'sender-rejected': {
    cause: 'Gmail が送信者アドレス（MAIL FROM）を拒否しました。',
    fix: '完全なアドレス（user@domain。できれば Gmail アドレス）から送信してください。myorigin を設定するか、sender_canonical_maps でローカルの送信者をアカウントに書き換えます。',
  },
  'recipient-rejected': {
    cause: 'Gmail が宛先アドレスを拒否しました（存在しないか、形式が正しくありません）。',
    fix: '宛先アドレスに打ち間違いがないか確認し、実在するアドレスにもう一度テストメールを送ってください。',
  },
  'message-rejected': {
    cause: 'Gmail がメッセージそのものを拒否しました（内容、またはスパム対策のポリシーによるもの）。',
    fix: '添付ファイルやリンクのない、簡単なテストメールを送ってください。詳しくは https://support.google.com/mail/?p=BlockedMessage を参照してください。',
  },
  'quota-exceeded': {
    cause:
      'このアカウントは 1 日の送信上限に達しました（550 5.4.5）。上限は Gmail で 1 日 500 通、Google Workspace で 2,000 通です。メールは再送待ちにはならず、返送されました。',
    fix: '上限が解除されるまで（24 時間以内）待ち、返送されたメールを送り直してください。より多く送るには Workspace アカウントを使うか、送信を数日に分けてください。',
  },
  'rate-limited': {
    cause:
      'Gmail が現在このアカウントの送信を抑えています。短時間のメッセージ数または接続数が多すぎます（421 4.7.0、450 4.2.1）。',
    fix: '一度に送るメッセージを減らしてください。保留（deferred）されたメールは Postfix が自動で再送します。550 5.4.5 で返送された場合は、1 日の送信上限（quota-exceeded）です。',
  },
  'server-temporary': {
    cause: 'Gmail 側で一時的な問題が起きています。',
    fix: '設定を変える必要はありません。Postfix が自動で再送します。何時間も続く場合は https://www.google.com/appsstatus を確認してください。',
  },
  unknown: {
    cause: '既知のどの原因にも当てはまりませんでした。',
    fix: '上に表示されたサーバーの応答とメールログ（journalctl -u postfix、または /var/log/mail.log）を確認してください。',
  },
};
