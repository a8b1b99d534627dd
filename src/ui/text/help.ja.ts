// The help screens (Japanese): `--help` and one per command, each the
// translation of its English text in help.en.ts (same flags, same usage lines).
const common = `すべてのコマンドのオプション:
  --config-dir DIR        Postfix の設定ディレクトリ（postconf -c と同じ）
  --state-dir DIR         ロック・ジャーナル・前回のテスト結果の置き場所
                          DIR/postfix-gmail-wizard
                          （既定 /var/lib/postfix-gmail-wizard）
  --backup-dir DIR        バックアップを DIR/postfix-gmail-wizard に保存します
                          （新しい 10 個を残します。
                          既定 /var/backups/postfix-gmail-wizard）
  --no-keychain           OS のキーチェーンを読み書きしない
  --non-interactive       一切質問しない（標準入力が端末でなければ既定）
  --json                  結果を 1 つの JSON 文書として標準出力に書く
  --lang en|ja            表示言語（既定は LANG などのロケール設定に従う）
  -h, --help, -V, --version
`;

const commonShort = `すべてのコマンドのオプション: --config-dir, --state-dir, --backup-dir,
--no-keychain, --non-interactive, --json, --lang
（postfix-gmail-wizard --help を参照）
`;

export const helpJa = `使い方: postfix-gmail-wizard [setup] [options]
        postfix-gmail-wizard COMMAND [options]

このマシンの Postfix が、Gmail のサブミッションサーバー
（[smtp.gmail.com]:587、STARTTLS、Google アプリパスワードによる SASL 認証）
を経由してメールを配送するよう設定し、実際にテストメールを送って確かめます。
アカウントの変更、再テスト、設定の取り消しは、もう一度実行すれば行えます。

コマンド:
  setup     ウィザード（既定のコマンド）: リレーを設定してテストする
  status    現在のリレー、アカウント、TLS レベル、キュー、前回のテスト
  test      現在の設定でテストメールを送り、結果を追跡する
  restore   バックアップのファイルを戻す（restore --list で一覧）
  remove    リレーの設定を取り除く（先にバックアップします）
  doctor    メールが送れない原因を調べる（--fix で修復）
  check     監視用のチェック（Nagios など。--textfile で Prometheus 向け）
  help      help COMMAND でコマンドのオプションを表示（COMMAND --help と同じ）

${common}
アプリパスワードは、オプションの値や環境変数からは受け付けません。
端末がない場合、足りない答えはすべてエラー（終了コード 2）になり、
対応するオプション名が表示されます。例:
  printf '%s\\n' "$APP_PASSWORD" |
    sudo postfix-gmail-wizard --account you@gmail.com --password-stdin --yes

終了コード:
  0    完了（テストメールも配送済み）
  1    失敗（何も変更していない）
  2    使い方の誤り、または答えが足りない
  3    設定は完了したが、テストメールが配送されなかった
  130  キャンセル
  各コマンドのヘルプに、そのコマンドの終了コードがあります。
`;

export const helpSetupJa = `使い方: postfix-gmail-wizard [setup] [options]

Postfix が Gmail を経由してメールを送るよう設定し、テストメールを送ります。
オプションで答えていないことだけを質問し、変更の前に計画とすべてのファイルの
差分を表示します。変更前にバックアップを取り、失敗時は元に戻します。
root 権限（sudo）が必要です。

オプション:
  --account ADDR          認証に使う Gmail または Google Workspace のアドレス
  --password-stdin        アプリパスワードを標準入力から読む（1 行）
  --password-file PATH    アプリパスワードだけを書いたファイル（1 行）から
                          読む。所有者は root かあなたで、ほかの誰も書き込め
                          ないこと
  --relay HOST[:PORT]     リレー先サーバー（既定は smtp.gmail.com:587、
                          465 なら接続直後から TLS）
  --ca-file PATH          リレー先の証明書を検証する CA（既定はシステムの
                          CA バンドル）
  --to ADDR               テストメールの宛先（既定はアカウント自身）
  --no-test               テストメールを送らない
  --wait SECONDS          テストメールの結果を待つ最長時間（既定 120 秒）
  --install               足りないパッケージを確認なしでインストールする
  -y, --yes               確認なしで変更内容を適用する
  --dry-run               変更内容と差分を表示するだけで、変更も送信もしない
  --map-senders, --no-map-senders
                          ローカルの送信者をアカウントに書き換える（やめる）
  --root-alias ADDR       root 宛てのメールを ADDR に配送する
  --loopback-only, --no-loopback-only
                          このマシンからのメールだけ受け付ける（やめる）
  --monitor, --no-monitor 5 分ごとに check を実行する（systemd タイマー、
                          なければ cron.d）、または外す。npx のキャッシュでは
                          なく、ウィザードのインストール（npm install -g）が必要
  --textfile DIR          --monitor で、check がメトリクスを書き出す場所
                          （既定 /var/lib/prometheus/node-exporter）
  --senders LIST          --account をこれらのエンベロープ送信者だけに
                          使います（アドレスまたは @domain をカンマ区切り
                          で）。ほかの送信者は既定のアカウントのままです
  --auth app-password|oauth|none
                          Postfix のログイン方法: アプリパスワード（既定）、
                          OAuth 2.0（XOAUTH2、sasl-xoauth2 プラグイン）、
                          none（このマシンのアドレスを許可した Workspace の
                          SMTP リレーサービス。リレーは
                          smtp-relay.gmail.com:587）
  --oauth-client FILE     --auth oauth で使う、Google Cloud コンソールから
                          ダウンロードしたデスクトップアプリのクライアント JSON
  --oauth-token-file FILE --auth oauth をヘッドレスで使うとき、以前の同意で
                          得たトークン（少なくとも refresh_token）
  --keep-token            OAuth をやめるとき（別のサインイン方法、別の
                          アカウント）、古いリフレッシュトークンを Google で
                          失効させない（既定では変更の完了後に失効させます）

${commonShort}
終了コード: 0 完了（テストメールも配送済み）、1 失敗（何も変更していない）、
2 使い方の誤りまたは答えが足りない、3 設定は完了したがテストメールが
配送されなかった、130 キャンセル。
`;

export const helpStatusJa = `使い方: postfix-gmail-wizard status [options]

現在のリレー、アカウント（--senders のアカウントも）、マップの種類、
TLS レベル、キーチェーン、キュー、前回のテスト結果を表示します。
何も変更しません。

${commonShort}
終了コード: 0 問題なし、1 問題を表示した、2 使い方の誤り。
`;

export const helpTestJa = `使い方: postfix-gmail-wizard test [options]

現在の設定でテストメールを送り、リレーが受け取る（または拒否する、待ち時間が
終わる）まで追跡します。設定は変更しません。

オプション:
  --to ADDR               宛先（既定は質問します。端末がなければアカウント）
  --from ADDR             テストメールのエンベロープ送信者
                          （その送信者のアカウントで送ります）
  --wait SECONDS          テストメールの結果を待つ最長時間（既定 120 秒）

${commonShort}
終了コード: 0 配送済み、1 失敗、2 使い方の誤り、3 配送されなかった
（保留または返送。理由を表示します）。
`;

export const helpRestoreJa = `使い方: postfix-gmail-wizard restore [ID] [options]
        postfix-gmail-wizard restore --list [options]

バックアップのファイルを戻し（ID を省略すると最新のもの）、Postfix を
再読み込みします。マシンを変更する実行は、いつも先にバックアップを取ります。

オプション:
  --list                  バックアップを一覧表示する（ID、日時、理由、ファイル）
  -y, --yes               確認なしで戻す
  --dry-run               戻す内容を表示するだけで、何も変更しない

${commonShort}
終了コード: 0 戻した、1 失敗（何も変更していない）、2 使い方の誤りまたは
不明な ID。
`;

export const helpRemoveJa = `使い方: postfix-gmail-wizard remove [options]
        postfix-gmail-wizard remove --account ADDR [options]

リレーの設定を取り除きます（先にバックアップします）。ウィザードが作った設定と
ファイルを取り除き、置き換えた値を元に戻します。

オプション:
  --account ADDR          この送信者別アカウントだけを取り除く（その送信者は
                          既定のアカウントに戻ります）
  --purge                 パスワードが残っているバックアップとキーチェーンの
                          項目も削除する（対話モードでは確認します）
  --keep-token            OAuth のリフレッシュトークンを Google で失効させない
                          （既定では取り除いた後に失効させます）
  -y, --yes               確認なしで取り除く
  --dry-run               計画と差分を表示するだけで、何も変更しない

${commonShort}
終了コード: 0 取り除いた、1 失敗（何も変更していない）、2 使い方の誤り。
`;

export const helpDoctorJa = `使い方: postfix-gmail-wizard doctor [--fix [--yes]] [options]

リレー経由でメールが送れない原因（設定、上書き、ファイルの権限、マップ、
キュー、ログ、接続性、ログイン）を調べます。何も変更しません。

オプション:
  --fix                   修復できる問題を 1 つのトランザクションとして修復する
                          （バックアップを取り、失敗時は元に戻します）
  -y, --yes               --fix と一緒に: 確認なしで修復する

${commonShort}
終了コード: 0 問題なし、1 問題あり（--fix 後も残るもの）、2 使い方の誤り。
`;

export const helpCheckJa = `使い方: postfix-gmail-wizard check [-w N] [-c N] [--textfile [DIR]] [options]

Monitoring Plugins 形式の監視チェックです（Nagios、Icinga、Naemon、Sensu、
Checkmk）。"GMAIL RELAY OK - ... | perfdata" の 1 行に続けて、見つかったことを
対処とともに 1 行ずつ出します。このマシン（設定、キュー、ログ）だけを読み、
質問もログインも送信も変更もせず、ロックも取りません。--json を付けると、
代わりに JSON 文書を 1 つ出します（状態、コード付きの問題、perfdata の値）。

オプション:
  -w, --warning N         再送待ちが N 通を超えたら WARNING（既定 5）
  -c, --critical N        再送待ちが N 通を超えたら CRITICAL（既定 20）
  --queue-age SECONDS     これより長く待つメールがあれば WARNING（既定 3600）
  --limit-percent P       Gmail の 1 日の上限の P % で WARNING（既定 80）
  --daily-limit N         Gmail の上限の代わりに使う 1 日の上限
                          （個人 500、Workspace 2,000、smtp-relay 10,000）
  --consent-days N        OAuth の同意の終了まで N 日以内なら WARNING
                          （既定 3。テスト中の同意画面では同意は 7 日間）
  --textfile [DIR]        node_exporter の textfile コレクター向けに
                          DIR/postfix_gmail_wizard.prom も書く
                          （既定 /var/lib/prometheus/node-exporter）

${commonShort}
終了コード: 0 OK、1 WARNING、2 CRITICAL、3 UNKNOWN（オプションの誤りも）。
`;
