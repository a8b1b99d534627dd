// doctor の文言（日本語）。キーとプレースホルダーは doctor.en.ts と同じです。
import type { doctorEn } from './doctor.en.js';

export const doctorJa: Record<keyof typeof doctorEn, string> = {
  'doctor.reading': 'main.cf、master.cf、マップ、キュー、ログ、リレーを確認しています…',
  'doctor.read': '{dir} の Postfix 設定を読み込みました',
  'doctor.healthy': '問題は見つかりませんでした。メールは {relay} 経由で送信できます。',
  'doctor.title': '見つかった問題: {count} 件',
  'doctor.fixHint': 'このうち {count} 件は次のコマンドで修復できます: postfix-gmail-wizard doctor --fix',
  'doctor.noneFixable': 'いずれも自動では修復できません。それぞれの対処方法をご確認ください。',
  'doctor.planTitle': 'doctor --fix が変更する内容',
  'doctor.startOnly': 'Postfix を起動します。',
  'doctor.confirm': 'これらの修復を適用しますか（先にすべてバックアップします）？',
  'doctor.fixed': '修復しました: {codes}（バックアップ {id}）。',
  'doctor.remaining': '残っている作業: {count} 件',
  'doctor.byFix': '（doctor --fix で修復できます。）',

  'doctor.title.data-dir-owner':
    'Postfix のデータディレクトリ {path} の所有者が {owner} ではないため、Postfix を起動できません',
  'doctor.fix.data-dir-owner':
    '所有者を {owner} に戻してから（chown -R {owner} {path}、または postfix set-permissions）、Postfix を起動してください。apt-get remove の後に再インストールすると、この状態になります。',
  'doctor.title.postfix-not-running': 'Postfix が起動していません',
  'doctor.fix.postfix-not-running': 'Postfix を起動してください（systemctl start postfix、または postfix start）。',
  'doctor.title.password-file-readable': 'リレーのパスワードを含むファイルを、ほかのユーザーが読めます',
  'doctor.fix.password-file-readable': 'root だけが読めるようにしてください: chmod 600 {paths}',
  'doctor.title.map-not-compiled':
    '検索テーブルが今の内容でコンパイルされていません。Postfix は古い内容を読んでいるか、何も読めていません（下の行を参照）',
  'doctor.fix.map-not-compiled': 'コンパイルしてください: postmap {maps}',
  'doctor.title.obsolete-settings': 'main.cf に廃止された設定、または誤った使い方の設定があります（{names}）',
  'doctor.fix.obsolete-settings':
    'これらを削除してください。TLS のレベルは smtp_tls_security_level で指定し、証明書ファイルは smtp_tls_CAfile に指定します（smtp_tls_CApath はディレクトリ用です）。',
  'doctor.title.tls-unverified':
    'リレーの証明書が検証されていません（TLS レベル {level}、設定元 {where}）。パスワードは応答した相手に誰であれ渡ってしまいます',
  'doctor.fix.tls-unverified':
    'smtp_tls_security_level = secure とし、smtp_tls_CAfile に CA バンドルを指定したうえで、リレーに対してそれを上書きしている設定（master.cf の -o、ポリシーテーブルの項目）を削除してください。',
  'doctor.title.wrappermode-mismatch': 'smtp_tls_wrappermode がポート {port} と合っていません',
  'doctor.fix.wrappermode-mismatch':
    'ポート 465 は最初の 1 バイトから TLS を使い、587 は平文で始めて STARTTLS を使います。smtp_tls_wrappermode = {want} に設定してください。',
  'doctor.title.postfix-without-sasl':
    'この Postfix は Cyrus SASL なしでビルドされています（postconf -A: {types}）。リレーにログインできません',
  'doctor.fix.postfix-without-sasl':
    'SASL 対応でビルドされた Postfix をインストールするか（ディストリビューションの postfix パッケージ。Gentoo では mail-mta/postfix の USE フラグ「sasl」）、--install を付けてウィザードを実行してください。',
  'doctor.title.postfix-without-tls':
    'この Postfix は TLS なしでビルドされています（Gentoo の USE フラグ「ssl」が無効）。STARTTLS が使えず、Gmail はそれなしのログインを受け付けません',
  'doctor.fix.postfix-without-tls':
    '--install を付けてウィザードを実行し mail-mta/postfix を USE="sasl ssl" で再ビルドするか、/etc/portage/package.use に「mail-mta/postfix sasl ssl」を追加して次を実行してください: emerge --oneshot --newuse mail-mta/postfix',
  'doctor.title.map-type-unsupported':
    'Postfix の既定のマップ形式「{type}」は、このビルドでは使えません（postconf -m: {types}）',
  'doctor.fix.map-type-unsupported':
    'default_database_type を postconf -m に表示される形式に変えるか、「{type}」用のマッププラグインをインストールしてください。',
  'doctor.title.sasl-plugins-missing':
    'Postfix がリレーに対して使える SASL 方式がありません（"no mechanism available"）',
  'doctor.fix.sasl-plugins-missing':
    'Cyrus SASL の PLAIN と LOGIN のプラグインをインストールし（Debian: libsasl2-modules、RHEL: cyrus-sasl-plain、Gentoo: dev-libs/cyrus-sasl）、ログインの前に TLS が使われるようにしてください（smtp_tls_security_level = secure）。',
  'doctor.title.dpkg-interrupted':
    'インストールまたはアップグレードの途中で dpkg が中断されています。一部のパッケージが途中までしかインストールされておらず、それが終わるまでどのパッケージもインストールできません',
  'doctor.fix.dpkg-interrupted':
    'root で `dpkg --configure -a` を実行してください。dpkg が中断された作業を終えます。そのあと、ウィザード（または doctor）をもう一度実行してください。',
  'doctor.title.relay-taken-out': 'ウィザードが設定したリレーが外されています。メールは Gmail を経由しません',
  'doctor.fix.relay-taken-out':
    'main.cf が書き換えられました（Debian では dpkg-reconfigure postfix やパッケージの更新が自分の回答を書き戻します）。relayhost = {relayhost} に戻してください。',
  'doctor.title.relay-bypassed': 'リレーを経由しないメールがあります',
  'doctor.fix.relay-bypassed':
    'Gmail を経由しないメールは、あなたのアドレスの DMARC を確認する受信側に拒否されます。表示されたテーブルやトランスポートを削除するか、リレーを指すようにしてください。relayhost がない場合は postfix-gmail-wizard setup を実行してください。',
  'doctor.title.open-relay':
    'ほかのホストがこのマシンを通じて、つまりあなたの Gmail アカウントでメールを送れます（{networks}）',
  'doctor.fix.open-relay':
    'mynetworks をリレーが必要なホストだけに絞るか、Postfix がこのマシンからの接続だけを受け付けるようにしてください（setup --loopback-only）。',
  'doctor.title.dns-failure': '名前解決ができません',
  'doctor.fix.dns-failure': '/etc/resolv.conf を確認し、`getent hosts {host}` が動くことを確かめてください。',
  'doctor.title.relay-unreachable': 'リレー {host} のポート {port} に接続できません',
  'doctor.fix.relay-unreachable':
    'ファイアウォールかプロバイダがこのポートを遮断しています。もう一方のサブミッションポートを試すか（setup --relay smtp.gmail.com:465、または :587）、送信方向の TCP 587/465 を開けてください。',
  'doctor.title.ipv6-unreachable': 'リレーに IPv6 では接続できず、IPv4 でのみ接続できます',
  'doctor.fix.ipv6-unreachable':
    'リレーへの接続で IPv4 を優先してください: postconf -e smtp_address_preference=ipv4（それ以外では IPv6 は有効なままです）。または IPv6 の経路を修理してください。',
  'doctor.title.login-refused': 'リレーが、Postfix の保持しているアカウントとパスワードを拒否しています',
  'doctor.fix.login-refused': '新しいアプリパスワードで postfix-gmail-wizard setup を実行してください。',
  'doctor.title.deferred-auth': 'リレーにログインを拒否されたため、メールがキューで待っています（{count} 通）',
  'doctor.fix.deferred-auth':
    'ログインできるようになれば、待っているメールは次の再送時に（postqueue -f ならすぐに）送信されます。',
  'doctor.title.quota-exceeded': '1 日の送信上限に達したため、Gmail がメールを返送しました（{count} 通）',
  'doctor.fix.quota-exceeded': '上限は Gmail で 1 日 500 通、Google Workspace で 2,000 通です。',
  'doctor.title.daily-limit':
    '{account} はこの 24 時間に 1 日の上限 {limit} 件のうち {sent} 件を送信しました（{percent} %）',
  'doctor.fix.daily-limit':
    '上限に達すると Gmail は 24 時間が過ぎるまでこのアカウントのメールを拒否します（550 5.4.5）。送信を分散するか、一部を別のアカウント（setup --senders）で送るか、Workspace なら smtp-relay.gmail.com（1 日 10,000 件）を使ってください。',
  'doctor.title.throttled': 'Gmail が現在このアカウントの送信を抑えています（{count} 通）',
  'doctor.fix.throttled': 'Postfix の設定を変える必要はありません。保留されたメールは Postfix が自動で再送します。',
  'doctor.title.mail-deferred': 'メールが送信待ちになっているか、返送されました（{count} 通）',
  'doctor.fix.mail-deferred':
    '保留されたメールは Postfix が自動で再送します。返送されたメールは送り直す必要があります。',
  'doctor.title.oauth-plugin-missing':
    'Postfix は OAuth（XOAUTH2）でログインする設定ですが、sasl-xoauth2 プラグインか、それが必要とするファイルがありません（{where}）',
  'doctor.fix.oauth-plugin-missing':
    'sasl-xoauth2 パッケージをインストールするか（Debian sid: experimental から、Fedora/EPEL: dnf install sasl-xoauth2）、postfix-gmail-wizard --auth oauth をもう一度実行してください（chroot 内にもプラグインの設定と、それが使う CA バンドルを書き込みます）。',
  'doctor.title.oauth-token-unwritable':
    'smtp が OAuth のトークンファイル {paths} を書き換えられません。{owner} の所有、0600 で、{owner} の 0700 のディレクトリーに置く必要があります',
  'doctor.fix.oauth-token-unwritable':
    'プラグインは更新のたびにトークンを書き換えます。postfix-gmail-wizard --auth oauth をもう一度実行するか（ファイルとディレクトリーを {owner} のものにします）、chown {owner} し、ファイルを chmod 600、ディレクトリーを chmod 700 にしてください。',
  'doctor.title.oauth-consent-revoked':
    'Postfix が OAuth トークンを更新できません。Google が拒否しました（同意が取り消されたか期限切れ、または OAuth クライアントが削除されています）。メールは送信待ちです（{count} 通）',
  'doctor.fix.oauth-consent-revoked':
    'もう一度同意が必要です。端末で postfix-gmail-wizard --auth oauth を実行するか、--oauth-token-file FILE で新しいトークンを渡してください（Google Cloud でクライアントが削除された場合は、新しいクライアントの JSON も --oauth-client FILE で）。その後、送信待ちのメールは Postfix が自動で送ります。',
  'doctor.title.oauth-ca-unreadable':
    'Postfix が OAuth トークンを更新できません。sasl-xoauth2 プラグインが CA バンドルで Google を確認できませんでした。メールは送信待ちです（{count} 通）',
  'doctor.fix.oauth-ca-unreadable':
    '同意をやり直す必要はありません。プラグインがバンドルを使えるようになれば、送信待ちのメールは Postfix が自動で送ります。',
  'doctor.title.oauth-chroot-ca-stale':
    'sasl-xoauth2 プラグインが Google の確認に使う、smtp の chroot 内の CA バンドルのコピー {to} がないか、{from} と内容が違います',
  'doctor.fix.oauth-chroot-ca-stale':
    'smtp が chroot 内で動いているため、プラグインの libcurl は {from} ではなく {to} を読みます。ca-certificates を更新すると元のファイルだけが変わり、コピーは古いまま残ります（コピーがないと OAuth の更新はすべて失敗します）。もう一度コピーしてください: cp {from} {to}',
  'doctor.title.oauth-plugin-unheard':
    'Postfix の OAuth ログインが失敗しました（{count} 通）。sasl-xoauth2 プラグインが書く理由は {file} には入りません',
  'doctor.fix.oauth-plugin-unheard':
    'Postfix は {file} に自分で書き込みます（maillog_file、postlogd 経由）が、プラグインは理由を syslog(3) で /dev/log にしか書きません。そこで syslog デーモンか journald が待ち受けていればシステムログに入り（journalctl や /var/log/syslog で「[sasl-xoauth2] auth failed」を探してください）、そうでなければどこにも残りません（コンテナーではよくあります）。理由を見るには syslog デーモン（rsyslog や busybox syslogd）を動かし、Postfix にもう一度送らせてください（postqueue -f）。/etc/sasl-xoauth2.conf の log_to_syslog_on_failure が yes（既定値。smtp が chroot 内で動くなら chroot 内のコピーが使われます）のあいだ、プラグインは失敗を記録します。log_full_trace_on_failure を yes にするとすべての手順を記録しますが、クライアントシークレットとリフレッシュトークンも含まれるので、終わったら no に戻してください。「TokenStore::Refresh: request failed」は Google が更新を拒否したという意味です（もう一度同意: postfix-gmail-wizard --auth oauth）。「http error: Problem with the SSL CA cert」は smtp が chroot 内の CA バンドルを読めないという意味です（postfix-gmail-wizard doctor --fix）。',
  'doctor.title.oauth-consent-expired':
    '{account} の OAuth の同意は {ends} に Google によって終了しました（テスト中の同意画面では 7 日間で終わります）。Postfix はトークンを更新できず、メールは送信待ちになります',
  'doctor.title.oauth-consent-expiring':
    '{account} の OAuth の同意は {ends}（あと {hours} 時間）に Google によって終了します（テスト中の同意画面では 7 日間で終わります）',
  'doctor.fix.oauth-consent-expired':
    'もう一度同意が必要です。端末で postfix-gmail-wizard --account {account} --auth oauth を実行するか、--oauth-token-file FILE で新しいトークンを渡してください。その後、送信待ちのメールは Postfix が自動で送ります。OAuth 同意画面を本番環境に公開すると（Google Cloud コンソール → Google Auth Platform → 対象 → アプリを公開）、同意は 7 日で終わらなくなります。',
  'doctor.fix.oauth-consent-expiring':
    'それまでにもう一度同意してください。端末で postfix-gmail-wizard --account {account} --auth oauth を実行するか、--oauth-token-file FILE で新しいトークンを渡してください。OAuth 同意画面を本番環境に公開すると（Google Cloud コンソール → Google Auth Platform → 対象 → アプリを公開）、同意は 7 日で終わらなくなります。',
  'doctor.reconsent.ask':
    '今すぐ {account} として Google にもう一度サインインしますか？（設定済みの OAuth クライアントで、ブラウザで新しく同意します）',
};
