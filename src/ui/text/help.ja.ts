// The --help screen (Japanese): a document of its own, kept beside the message
// catalogue that shows it under the key 'help'.
export const helpJa = `使い方: postfix-gmail-wizard [setup] [options]
        postfix-gmail-wizard status [--json]
        postfix-gmail-wizard test [--to ADDR] [--from ADDR]
        postfix-gmail-wizard restore [ID] | restore --list
        postfix-gmail-wizard remove [--purge] | remove --account ADDR
        postfix-gmail-wizard doctor [--json] [--fix [--yes]]
        postfix-gmail-wizard check [-w N] [-c N] [--textfile [DIR]]

このマシンの Postfix が、Gmail のサブミッションサーバー
（[smtp.gmail.com]:587、STARTTLS、Google アプリパスワードによる SASL 認証）
を経由してメールを配送するよう設定し、実際にテストメールを送って確かめます。
アカウントの変更、再テスト、設定の取り消しは、もう一度実行すれば行えます。

setup のオプション:
  --account ADDR          認証に使う Gmail または Google Workspace のアドレス
  --password-stdin        アプリパスワードを標準入力から読む（1 行）
  --password-file PATH    アプリパスワードをファイルから読む（1 行目）
  --relay HOST[:PORT]     リレー先サーバー（既定は smtp.gmail.com:587、
                          465 なら接続直後から TLS）
  --ca-file PATH          リレー先の証明書を検証する CA（既定はシステムの
                          CA バンドル）
  --config-dir DIR        Postfix の設定ディレクトリ（postconf -c と同じ）
  --to ADDR               テストメールの宛先（既定はアカウント自身）
  --no-test               テストメールを送らない
  --no-keychain           OS のキーチェーンを読み書きしない
  --install               足りないパッケージを確認なしでインストールする
  -y, --yes               確認なしで変更内容を適用する
  --dry-run               変更内容と差分を表示するだけで、変更も送信もしない
  --non-interactive       一切質問しない（標準入力が端末でなければ既定）
  --json                  結果を 1 つの JSON 文書として標準出力に書く
  --map-senders, --no-map-senders   ローカルの送信者をアカウントに書き換える
  --root-alias ADDR       root 宛てのメールを ADDR に配送する
  --loopback-only, --no-loopback-only   このマシンからのメールだけ受け付ける
  --senders LIST          --account をこれらのエンベロープ送信者だけに
                          使います（アドレスまたは @domain をカンマ区切り
                          で）。ほかの送信者は既定のアカウントのままです
  --lang en|ja            表示言語（既定は LANG などのロケール設定に従う）
  --backup-dir DIR        バックアップを DIR/postfix-gmail-wizard に保存します
                          （新しい 10 個を残します。
                          既定 /var/backups/postfix-gmail-wizard）
  --state-dir DIR         ロック・ジャーナル・前回のテスト結果の置き場所
                          DIR/postfix-gmail-wizard
                          （既定 /var/lib/postfix-gmail-wizard）
  --wait SECONDS          テストメールの結果を待つ最長時間（既定 120 秒）
  -h, --help, -V, --version

test のオプション:
  --from ADDR             テストメールのエンベロープ送信者
                          （その送信者のアカウントで送ります）

remove のオプション:
  --purge                 パスワードが残っているバックアップとキーチェーンの
                          項目も削除します（対話モードでは確認します）
  --account ADDR          この送信者別アカウントだけを取り除きます
                          （--purge 付きなら、そのキーチェーンの項目も）

doctor は、リレー経由でメールが送れない原因（設定、ファイルの権限、マップ、
キュー、ログ、接続性、ログイン）を調べます。何も変更しません。--fix を付けると、
修復できる問題を 1 つのトランザクションとして修復します（バックアップを取り、
失敗時は元に戻します）。終了コード: 0 問題なし、1 問題あり（--fix 後も残る
もの）、2 使い方の誤り。

check は監視用のチェックです（Nagios、Icinga、Naemon、Sensu、Checkmk）。
"GMAIL RELAY OK - ... | perfdata" の 1 行を出し、終了コードは 0 OK、1 WARNING、
2 CRITICAL、3 UNKNOWN。このマシン（キュー、ログ、設定）だけを読み、何も送らず、
何も変えません。
  -w N, -c N              再送待ちが N 通を超えたら WARNING / CRITICAL（5、20）
  --queue-age SECONDS     これより長く待つメールがあれば WARNING（既定 3600）
  --limit-percent P       Gmail の 1 日の上限の P % で WARNING（既定 80）
  --daily-limit N         Gmail の上限の代わりに使う 1 日の上限
                          （個人 500、Workspace 2,000、smtp-relay 10,000）
  --textfile [DIR]        node_exporter 向けに DIR/postfix_gmail_wizard.prom も
                          書く（既定 /var/lib/prometheus/node-exporter）

アプリパスワードは、オプションの値や環境変数からは受け付けません。
端末がない場合、足りない答えはすべてエラー（終了コード 2）になり、
対応するオプション名が表示されます。例:
  printf '%s\\n' "$APP_PASSWORD" |
    postfix-gmail-wizard --account you@gmail.com --password-stdin --yes

終了コード:
  0    完了（テストメールも配送済み）
  1    失敗（何も変更していない）
  2    使い方の誤り、または答えが足りない
  3    設定は完了したが、テストメールが配送されなかった
  130  キャンセル
  status は、問題がなければ 0、問題を表示したときは 1 で終了します。
`;
