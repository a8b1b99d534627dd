// 日本語カタログ。キーと {placeholder} は en.ts と同じでなければなりません
// (test/unit/messages.test.ts が確認します)。コマンド・オプション名・パス・
// パラメータ名・SMTP コード・URL は訳さずにそのまま残します。
import type { Catalogue } from '../messages.js';

export const ja: Catalogue = {
  'ui.yes': 'はい',
  'ui.no': 'いいえ',
  'cancelled': 'キャンセルしました。何も変更していません。',
  'internal.error': '予期しないエラーです（お手数ですが報告してください）: {message}',
  'internal.promptWithoutTty': '質問が必要になりましたが、入力を受け付ける端末がありません。',

  'setup.intro': 'postfix-gmail-wizard — このマシンのメールを Gmail 経由で送信します',
  'test.intro': 'postfix-gmail-wizard — テストメールの送信',
  'detect.running': 'このマシンの環境を調べています…',
  'detect.running.yes': '稼働中',
  'detect.running.no': '停止中',
  'detect.summary': '{os}: Postfix {version}（{state}）、設定ディレクトリ {configDir}、マップ形式 {mapType}',
  'detect.noPostfix': '{os}: Postfix はインストールされていません',

  'req.postfixMissing': 'このマシンには Postfix がインストールされていません。',
  'req.runThen': '対処: {command} — その後、ウィザードをもう一度実行してください。',
  'ask.passwordFlags': '--password-stdin または --password-file PATH',
  'req.installManually': 'システムのパッケージマネージャーでパッケージ {packages} をインストール',
  'req.noSasl': 'この Postfix は Cyrus SASL なしでビルドされているため（postconf -A の出力: {types}）、Gmail にログインできません。',
  'req.noSaslFix': 'SASL 対応でビルドされた Postfix をインストールしてください（{command}）。Gentoo では mail-mta/postfix の USE フラグ「sasl」を有効にします。',
  'req.noTls': 'この Postfix は TLS なしでビルドされています（Gentoo の USE フラグ「ssl」が無効）。STARTTLS が使えず、Gmail はそれなしのログインを受け付けません。',
  'req.noTlsFix': '--install を付けてウィザードを実行し mail-mta/postfix を USE="sasl ssl" で再ビルドするか、/etc/portage/package.use に「mail-mta/postfix sasl ssl」を追加して次を実行してください: emerge --oneshot --newuse mail-mta/postfix',
  'req.noPlugins': 'SASL の PLAIN/LOGIN プラグインがありません。このままでは Postfix が「no mechanism available」で失敗します。',
  'req.saslPluginsManual': 'お使いのシステム用の Cyrus SASL PLAIN/LOGIN プラグインをインストールしてから、ウィザードをもう一度実行してください。',
  'req.mapType': 'Postfix の既定のマップ形式「{type}」は、このビルドでは使えません（postconf -m: {types}）。',
  'req.mapTypeFix': 'default_database_type を postconf -m に表示される形式に変えるか、「{type}」用のマッププラグインをインストールしてください。',
  'req.notRoot': 'Postfix の設定を変更するには root 権限が必要です。',
  'req.notRootFix': 'root で実行し直してください: {command}   （--dry-run と status は root でなくても使えます）',

  'install.title': '先にインストールするもの',
  'install.why.postfix': 'Postfix がインストールされていません。',
  'install.why.sasl': 'SASL の PLAIN/LOGIN プラグインがありません。これがないと Postfix は Gmail にログインできません（「no mechanism available」）。',
  'install.why.mapType': 'Postfix の既定のマップ形式「{type}」にはパッケージ {package} が必要です。',
  'install.why.useFlags': 'Postfix が USE フラグ {flags} なしでビルドされています。「sasl」は Gmail へのログイン（SMTP AUTH）に、「ssl」は接続の暗号化（STARTTLS）に必要で、暗号化なしでは Gmail はログインを拒否します。これらを付けて再ビルドする必要があります。',
  'install.why.gentooNew': 'Postfix がインストールされていません。リレーに必要な USE フラグ「sasl」（Gmail へのログイン）と「ssl」（STARTTLS）を付けてビルドします。',
  'install.packageUseComment': 'postfix-gmail-wizard が追加: Postfix には SASL（Gmail へのログイン）と TLS（STARTTLS）が必要です。',
  'install.newFile': '新しいファイル {path}:',
  'install.appendFile': '{path} に追記:',
  'install.commands': '実行するコマンド:',
  'install.confirm': '今インストールしますか？',
  'install.dryRun': 'ドライラン: 何もインストールしません。',
  'install.notDone': '何もインストールしていません。--install を付けてウィザードを実行するか、ご自身でインストールしてください。',
  'install.backedUp': '先に {path} をバックアップします（バックアップ {id}）。',
  'install.log': 'インストールの出力はすべて {path} に記録します',
  'install.running': '{command} を実行しています',
  'install.done': '完了: {command}',
  'install.failed': '{command} が失敗しました（終了コード {code}）。他には何も変更していません。',
  'install.failedFix': 'ログ {path} の末尾:\n{tail}\n原因を取り除いてから、ウィザードをもう一度実行してください。',
  'install.reverted': '{path} を元に戻しました。',
  'install.reloading': 'smtp プロセスが新しい SASL プラグインを読み込むよう、Postfix をリロードします: {command}',
  'install.starting': 'インストールした Postfix を起動します: {command}',
  'install.serviceFailed': '{command} が失敗しました: {reason}',

  'account.empty': 'Gmail アドレスが空です。',
  'account.tooLong': 'このアドレスは {length} 文字あります。メールアドレスは最長 254 文字です。',
  'account.whitespace': 'アドレスに空白・タブ・改行・制御文字が含まれています。',
  'account.nonAscii': 'アドレスに ASCII 以外の文字（全角文字や、形の似た別の文字など）が含まれています。半角英数字で入力してください。',
  'account.forbiddenChar': 'アドレスに、ここでは使えない文字（: [ ] < > ( ) , ; " \\）が含まれています。',
  'account.notAddress': '「{input}」は you@gmail.com のようなメールアドレスではありません。',
  'account.fix': 'Gmail または Google Workspace のアドレスを指定してください（例: --account you@gmail.com）。',
  'recipient.invalid': 'テストメールの宛先が使えません: {problem}',
  'recipient.fix': '通常のメールアドレスを指定してください（例: --to friend@example.com）。',
  'password.empty': 'アプリパスワードが空です。',
  'password.controlChars': 'アプリパスワードにタブ・改行・制御文字が含まれています。',
  'password.tooLong': 'アプリパスワードにしては長すぎます。',
  'password.fix': '{url} でアプリパスワードを作成し、--password-stdin か --password-file で渡してください。',
  'password.fileMissing': 'パスワードファイル {path} が存在しないか、読み取れません。',
  'password.fileFix': 'root だけが読めるファイル（chmod 600）の 1 行目にアプリパスワードを書き、そのパスを指定してください。',
  'password.fileWorldReadable': 'パスワードファイル {path} はこのマシンの全ユーザーが読めます。chmod 600 で保護してください。',
  'relay.invalid': '「{input}」は smtp.gmail.com:587 のようなリレー先の形式ではありません。',
  'relay.fix': '--relay HOST[:PORT] の形で指定してください（例: --relay smtp.gmail.com:587。接続直後から TLS を使う場合は :465）。',
  'ca.none': 'リレー先の証明書を検証するための CA バンドルが見つかりません。',
  'ca.noneFix': 'ディストリビューションの ca-certificates パッケージをインストールするか、--ca-file PATH で指定してください。',
  'ca.unreadable': '{path} は読み取り可能な PEM 形式の証明書ファイルではありません。',
  'ca.unreadableFix': '--ca-file で PEM ファイルを指定してください（例: /etc/ssl/certs/ca-certificates.crt）。',

  'ask.account': '送信に使う Gmail アドレス',
  'ask.passwordHelp': 'ここで必要なのは通常のパスワードではなく、Gmail のアプリパスワードです。{url} で作成してください（2 段階認証プロセスを有効にしておく必要があります）。',
  'ask.password': 'アプリパスワード（16 文字。空白は入れたままで構いません）',
  'ask.recipient': 'テストメールの送信先',
  'ask.confirm': 'この内容で適用しますか？',
  'ask.testAgain': '今すぐテストメールを送信しますか？',
  'ask.missing': '対話モードではないため、次の指定が足りません: {flags}',
  'ask.missingFix': 'オプションで指定するか（--help を参照）、端末上でウィザードを実行してください。',

  'keychain.using': '{account} のアプリパスワードは、キーチェーンに保存されたものを使います。',
  'keychain.unavailable': 'アプリパスワードはキーチェーンに保存していません: {reason}。Postfix の動作には不要ですが、次回も入力が必要です。',
  'keychain.reason.bus': '利用できるキーチェーンがありません（SSH 接続時によくあるように、デスクトップのセッションバスがありません）',
  'keychain.reason.module': 'キーチェーン用のモジュールがインストールされていません',

  // 認証情報: 入力の検査、キーチェーン、再実行時の選択、事前確認、保留メールの再送。
  'password.nonAscii': 'アプリパスワードに ASCII 以外の文字（よく似た別の文字かもしれません）が含まれています。アプリパスワードは半角英字 16 文字です。',
  'password.colon': 'アプリパスワードにコロンが含まれています。アプリパスワード（英字 16 文字）にコロンは含まれません。',
  'password.multiLine': 'パスワードの入力が複数行になっています。1 行目にアプリパスワードだけを書いてください。',
  'password.notAppPasswordAt': 'アプリパスワード（4 文字ずつ 4 組で表示される英字 16 文字）ではないようです。ここでは通常のパスワードは Gmail に拒否されます。アプリパスワードは {url} で作成できます',
  'keychain.own': 'あなたのキーチェーン',
  'keychain.ofUser': '{user} のキーチェーン',
  'keychain.storedIn': '{account} のアプリパスワードを{where}に保存しました。',
  'keychain.alreadyStored': '{account} のアプリパスワードはすでに{where}に保存されています。',
  'keychain.notStored': '{account} のアプリパスワードはキーチェーンに保存していません: {reason}。Postfix の動作には不要ですが、次回も入力が必要です。',
  'keychain.unusable': 'キーチェーンにある {account} の項目はアプリパスワードとして使えないため、無視します。',
  'keychain.noStoredPassword': '{account} の保存済みパスワードは使えませんでした: {reason}。',
  'keychain.noneFor': 'キーチェーンに {account} のアプリパスワードはありません。',
  'keychain.reason.busOf': '{user} のセッションバスが見つかりません（{user} のデスクトップセッションが動いていません）。そのためキーチェーンに接続できません',
  'keychain.reason.kernelOnly': 'セッションバス上で Secret Service（GNOME Keyring や KWallet など）が応答しません。残るのは再起動で内容が消えるカーネルのキーリングだけなので、使いません',
  'keychain.reason.locked': 'キーリングがロックされています。ロックを解除（デスクトップにログインするか「パスワードと鍵」を開く）してから、ウィザードをもう一度実行してください',
  'keychain.reason.disabled': '--no-keychain によりキーチェーンは使わない設定です',
  'keychain.reason.error': 'キーチェーンがエラーを返しました',
  'choice.current': 'Postfix は現在 {account} としてリレーにログインしています。',
  'choice.question': 'Postfix が使うアカウントを選んでください',
  'choice.keep': '{account} のまま、もう一度テストする',
  'choice.switch': '{account} に切り替える',
  'choice.hintStored': 'パスワードはキーチェーンにあります',
  'choice.new': '別のアカウントを追加する',
  'choice.keepOrType': 'Enter を押すと {account} のまま再テストします。別のアドレスを入力すると、そのアカウントに切り替えます。',
  'choice.usingMap': '{account} のアプリパスワードは、Postfix に設定済みのものを使います。',
  'preflight.failed': '{host}:{port} にログインできませんでした: {detail}',
  'preflight.passwordNotSent': 'パスワードは送信していません。',
  'preflight.otherPort': 'このネットワークからは {host} のポート {port} に接続できません（送信用ポートを遮断するプロバイダーは少なくありません）。Gmail が提供するもう一方のポートを試してください: --relay {host}:{other}',
  'preflight.storedRefused': 'これはキーチェーンに保存されていたパスワードで、すでに無効になっています。',
  'preflight.mapRefused': 'これは Postfix が使っていたパスワードで、すでに無効になっています。',
  'status.keychainStored': '{account} のパスワードは{where}に保存されています',
  'status.keychainNotStored': '{where}に {account} のパスワードはありません',
  'status.keychainEmpty': '{where}にアカウントはありません',
  'status.keychainUnavailable': '使えません: {reason}',
  'flush.running': '保留中の {count} 通をすぐに送るよう Postfix に指示しています（postqueue -f）…',
  'flush.waiting': '保留中の {count} 通のうち {sent} 通を送信しました…',
  'flush.done': '保留中だった {count} 通のうち {sent} 通が、新しいログインで送信されました。',
  'flush.failed': 'postqueue -f が失敗しました: {reason}',
  'flush.notAll': '{left} 通はまだ保留中です。Postfix が自動的に再送します（確認: postqueue -p）。',

  'preflight.connecting': '設定を変更する前に、{host}:{port} へのログインを試しています（TLS 証明書を検証）…',
  'preflight.accepted': '{host} が {account} のログインを受け付けました。',
  'preflight.nothingChanged': '何も変更していません。',

  'plan.title': '変更内容',
  'plan.mainCf': '{path}（変更される設定）:',
  'plan.newFile': '{path}（新規作成、モード {mode}）:',
  'plan.changedFile': '{path}（変更、モード {mode}）:',
  'plan.commands': '実行するコマンド:',
  'plan.relayhostReplaced': '現在メールは {from} 経由で送信されています。この変更の後は {to} 経由になります。',
  'plan.nothing': 'すでにこの内容で設定されています。変更はありません。',
  'plan.dryRunDone': 'ドライランのため、何も変更せず、メールも送信していません。',

  'apply.backup': '変更するファイルをバックアップしています…',
  'apply.backupFailed': '{dir} にバックアップできませんでした: {reason}。何も変更していません。',
  'apply.backupFailedFix': 'バックアップ先のディレクトリに root が書き込めるようにするか、--backup-dir で別の場所を指定してください。',
  'apply.step.write': '{path} の書き込み',
  'apply.step.postconf': 'main.cf のパラメータ設定（postconf -e）',
  'apply.step.mapModes': 'コンパイル済みマップの権限確認（root だけが読めること）',
  'apply.step.settle': 'main.cf が落ち着くのを待っています（Postfix は変更から 2 秒たった main.cf を読みます）',
  'apply.step.check': '設定の検査（postfix check）',
  'apply.step.reload': 'Postfix のリロード',
  'apply.stepFailed': '失敗: {step}',
  'apply.failed': '失敗しました。',
  'apply.done': '設定を適用し、Postfix をリロードしました。',
  'apply.summary': '{count} 件の変更を適用しました（バックアップ {id}）。',
  'apply.rollbackDone': 'ロールバックしました。元の設定に戻っています。',
  'apply.rollbackFailed': 'ロールバックに失敗しました（{reason}）。バックアップは {dir} にあります。次のコマンドで復元してください: postfix-gmail-wizard restore',
  'apply.rollbackReloadFailed': 'ファイルは元に戻しましたが、Postfix の再読み込みに失敗しました（{reason}）。Postfix は以前の設定のまま動作を続けます。',
  'apply.rolledBack': '「{step}」に失敗しました: {reason}。変更はすべて元に戻しました。',
  'apply.rolledBackFix': '上記の原因を解消してから、ウィザードをもう一度実行してください。最初に取ったバックアップは {dir} にあります。',

  'apply.step.delete': '{path} を削除しています',
  'apply.step.postconfRemove': 'main.cf のパラメーターを削除しています（postconf -X）',
  'apply.interrupted': '適用中に中断されました（{signal}）。すべての変更を元に戻しました。',
  'plan.binaryFile': '{path}（バックアップから戻します、{bytes} バイト）',
  'plan.deletes': '削除するファイル:',
  'lock.busy': '別の postfix-gmail-wizard（pid {pid}）が設定を変更中です（{path}）。',
  'lock.busyFix': 'そちらが終わるのを待ってから、もう一度実行してください。',
  'recover.found': '前回の実行が変更の途中で止まっています（{when}、「{step}」の時点）。変更前の状態はバックアップ {id} にあります。',
  'recover.needYes': '途中で止まった変更を先に元に戻す必要がありますが、確認できる人がいません。',
  'recover.needYesFix': '--yes を付けて実行すると自動で元に戻します。手動で戻す場合: postfix-gmail-wizard restore {id} --yes',
  'recover.confirm': '途中で止まった変更をいま元に戻しますか？',
  'recover.backupMissing': '途中で止まった変更のバックアップが見つかりません（{dir}）。',
  'recover.backupMissingFix': 'Postfix の設定を手動で確認し（postfix check）、状態ディレクトリの journal.json を削除してください。',
  'recover.done': '途中で止まった変更を元に戻しました（バックアップ {id}）。',
  'restore.damaged': '{path} のバックアップコピーが {dir} にありません。',
  'options.seeHelp': '--help でオプションの一覧を確認してください。',
  'options.passwordOnCommandLine': 'アプリパスワードはコマンドラインでは受け付けません。コマンドラインはこのマシンのすべてのユーザーから見えます（ps、/proc/*/cmdline）。',
  'options.passwordOnCommandLineFix': '--password-stdin（標準入力から 1 行）または --password-file PATH（root だけが読めるファイル）を使ってください。',
  'options.unknownCommand': '不明なコマンドです: 「{command}」',
  'options.useOneOf': '次のいずれかを指定してください: {commands}',
  'options.unexpectedArgument': '余分な引数があります: 「{argument}」',
  'options.twoPasswordSources': '--password-stdin と --password-file は同時に指定できません。',
  'options.twoPasswordSourcesFix': 'どちらか一方だけを指定してください。',
  'options.lang': '--lang には "en" か "ja" を指定してください（指定値: "{lang}"）。',
  'options.langFix': '--lang en または --lang ja を指定してください。',
  'options.wait': '--wait には秒数を指定してください（指定値: "{wait}"）。',
  'options.waitFix': '例: --wait 60',
  'postconf.failed': 'postconf が失敗しました: {reason}',
  'postconf.failedFix': 'Postfix がインストールされているか、設定ディレクトリ（--config-dir）が正しいかを確認してください。',
  'verify.noListener': 'テストメールを渡す SMTP の待ち受け（master.cf の「smtp inet … smtpd」の行）が Postfix にありません。',
  'verify.noListenerFix': 'master.cf で smtp サービスを有効にするか、--no-test を付けて実行してください。',
  'verify.submitting': '{host}:{port} の Postfix にテストメールを渡しています…',
  'verify.subject': '{host} からのテストメール（postfix-gmail-wizard）',
  'verify.body': 'このメールは、Postfix が Gmail 経由で配送できるかを確かめるため、{host} 上の postfix-gmail-wizard が {time} に送信しました。\n\nこのメールが読めれば、リレーは正常に動作しています。\n',
  'verify.submitFailed': 'Postfix がテストメールを受け付けませんでした。',
  'verify.submitFailedDetail': '{host}:{port} の Postfix がテストメールを受け付けませんでした: {reason}',
  'verify.submitFailedFix': 'Postfix が動いているか（postfix status）確認し、Postfix のログを見てください。',
  'verify.noQueueId': 'Postfix の応答にキュー ID がありません: {response}',
  'verify.queued': 'キュー ID {id} で受け付けられました。リレー先への送信を待っています…',
  'verify.waiting': 'キュー ID {id} は {queue} キューにあります…',
  'verify.sent': 'メッセージ {id} はリレー先に受け付けられました。',
  'verify.notSent': 'メッセージ {id} は配送されませんでした（{status}）。',
  'verify.timedOut': '{seconds} 秒待ちましたが、メッセージ {id} はまだ送信待ちです。',

  'summary.sent': '{relay} 経由で {to} に配送しました: {reply}',
  'summary.deliveredLocally': '{to} はリレーを通らず、このマシン上で配送されます。リレーを確かめるには、外部のアドレスにテストメールを送ってください。',
  'summary.stillQueued': 'メッセージ {id} はまだキューにあります。経過は次のコマンドで確認できます: postqueue -p; postfix-gmail-wizard status',
  'summary.failed': '配送されませんでした（{status}、キュー ID {id}）: {reply}',
  'summary.whatToDo': '原因と対処方法',
  'summary.equivalent': '同じ設定を質問なしで行うには（他のマシンなどで）:\n{command}',
  'summary.done': '完了: このマシンのメールは Gmail 経由で送信されます。',
  'summary.notDelivered': '設定は完了しましたが、テストメールは配送されませんでした。',

  'status.title': 'リレーの状態',
  'status.relay': 'リレー先',
  'status.account': 'アカウント',
  'status.map': 'パスワードマップ',
  'status.tls': 'TLS レベル',
  'status.keychain': 'キーチェーン',
  'status.queue': 'キュー',
  'status.queueCounts': '{total} 通（うち再送待ち {deferred} 通）',
  'status.last': '前回のテスト',
  'status.lastTest': '{at} に {to} 宛て: {status}（キュー ID {id}）',
  'status.noTest': '記録なし',
  'status.none': '（未設定）',

  // リレーのオプション: ポートと TLS の方式、Google Workspace、送信者アドレス、root 宛てのメール、待ち受け、IPv6。
  'apply.step.restart': 'Postfix の再起動（停止してから起動: リロードでは待ち受けソケットが変わりません）',
  'plan.restart': 'Postfix をいったん停止してから起動し直します。リロードでは新しい inet_interfaces が反映されないためです。',
  'relay.implicitTlsFound': '{host}:{port} は最初の 1 バイトから TLS で話すサーバーです。Postfix はラッパーモード（smtp_tls_wrappermode = yes）で接続します。',
  'relay.portBlocked': 'ここから {host} のポート {port} に接続できません（{code}）。送信用ポートを遮断するプロバイダーは少なくありません。',
  'relay.tryOtherPort': '{host} のポート {port} は応答します。こちらを使いますか？',
  'relay.tryOtherPortToo': '{host} のポート {port} も応答しません。それでも試しますか？',
  'rootAlias.invalid': '「{input}」は、root 宛てのメールの届け先にできるアドレスでも、このマシンのユーザー名でもありません。',
  'rootAlias.fix': 'アドレス（--root-alias you@example.com）か、ローカルのユーザー名（--root-alias alice）を指定してください。',
  'rootAlias.noFile': 'root 宛てのメールの届け先を変えられません。alias_maps（{value}）に、ウィザードが編集してよいこの Postfix 自身のエイリアスファイルがありません。',
  'rootAlias.question': 'root 宛てのメール（cron の出力やシステムの警告）の届け先',
  'workspace.title': 'Google Workspace のアカウント',
  'workspace.explain': '{domain} は Google Workspace のドメインです。このドメインのアカウントも、普通の Gmail アカウントと同じく smtp.gmail.com 経由で送信できます。Workspace には独自のリレー {host} もあり、ドメイン全体のメールを受け付けますが、そのためには管理者が管理コンソール（アプリ → Google Workspace → Gmail → ルーティング → SMTP リレーサービス）でルールを追加し、「SMTP 認証を必須にする」と「TLS 暗号化を必須にする」をオンにして、許可する送信者をドメインのアドレスにしておく必要があります。',
  'workspace.question': 'Postfix はどのサーバー経由で送信しますか？',
  'workspace.keep': '{host}（すぐに使えます。管理者のルールは不要）',
  'workspace.switch': '{host}（Workspace の SMTP リレーサービス。管理コンソールのルールが必要）',
  'workspace.rule': '{host} は Google Workspace の SMTP リレーサービスです。管理者が管理コンソール（アプリ → Google Workspace → Gmail → ルーティング → SMTP リレーサービス）でルールを追加し、「SMTP 認証を必須にする」と「TLS 暗号化を必須にする」をオンにしていないと、Google はメールを受け付けません。',
  'ipv6.preferIpv4': 'ここから {host} へは IPv6 では届きませんが（{address}: {code}）、IPv4 では届きます。Postfix は IPv4 を優先して使います（smtp_address_preference = ipv4）。ほかの IPv6 の通信はそのまま有効です。',
  'senders.title': '送信者アドレス',
  'senders.explain': 'Gmail はすべてのメールを {account} として送信します。Gmail の設定で確認済みの「他のアドレスからメールを送信」のアドレスでない限り、ほかの From アドレスは置き換えられます。このマシンからのメール（root@{host}、cron、ほかのユーザー）も {account} として送れば、エラーメールや返信があなたに届きます（smtp_generic_maps）。',
  'senders.explainRoot': 'root 宛てのメール（cron の出力やシステムの警告）も、誰も読まないローカルのメールボックスではなく、実際の受信箱に届けられます。',
  'senders.explainWorkspace': 'Google Workspace のリレーはドメインの送信者しか受け付けないため、root@{host} からのメールは拒否されることがあります。このマシンからのメール（root、cron、ほかのユーザー）を {account} として送れます（smtp_generic_maps）。',
  'senders.question': 'このマシンのユーザー（root@{host}、cron）からのメール:',
  'senders.both': '{account} として送信し、root 宛てのメールも {account} に届ける（おすすめ）',
  'senders.mapOnly': '{account} として送信する（root 宛てのメールの届け先は今のまま）',
  'senders.other': '{account} として送信し、root 宛てのメールは別のアドレスに届ける…',
  'senders.none': '送信者アドレスも root 宛てのメールも今のままにする',
  'senders.mapQuestion': 'このマシンのユーザー（root@{host}、cron）からのメールを {account} として送信しますか？',
  'senders.foreignMap': 'smtp_generic_maps には、ウィザードが書いたものではないマップ（{value}）が設定されているため、ローカルの送信者は書き換えません。そのマップにアドレスを追加してください。',
  'loopback.explain': 'Postfix はネットワークからの接続を受け付けています（inet_interfaces = {value}）。メールを送るだけのマシンに、開いたメールポートは要りません。',
  'loopback.needed': 'この設定は、ほかのマシンからメールを受け取っているようです: {reasons}。',
  'loopback.question': 'このマシンからのメールだけを受け付けますか（inet_interfaces = loopback-only）？',
  'mynetworks.open': 'mynetworks の設定により、ほかのホストがこの Postfix を経由して、つまりあなたの Gmail アカウントでメールを送れます: {networks}。',
  'mynetworks.fix': 'メールを送るのがこのマシンだけなら --loopback-only を付けてウィザードを実行するか、mynetworks を信頼できるホストだけに絞ってください（`postconf -e mynetworks=127.0.0.0/8`）。',
  'status.senders': 'ローカルの送信者',
  'status.sendersMapped': '{account} として送信（{map}）',
  'status.sendersNone': '書き換えなし',
  'status.rootAlias': 'root 宛てのメール',
  'status.byWizard': '（ウィザードが設定）',
  'status.rootAliasNone': 'ローカルのメールボックス',
  'status.listen': 'メールの受け付け',
  'status.listenLoopback': 'このマシンからのみ（inet_interfaces = {value}）',
  'status.listenNetwork': 'ネットワークから（inet_interfaces = {value}）',
  'status.addressPreference': '優先するアドレスファミリー（smtp_address_preference）',

  'test.noRelayhost': 'relayhost が空です。Postfix は Gmail を経由せず直接配送します。ウィザードを実行して設定してください。',


  'restore.listTitle': 'バックアップ一覧',
  'restore.none': '{dir} にバックアップはありません。',
  'restore.unknown': 'バックアップ「{id}」はありません。',
  'restore.unknownFix': 'バックアップの一覧は次のコマンドで確認できます: postfix-gmail-wizard restore --list',
  'restore.title': 'バックアップ {id} の復元',
  'restore.confirm': 'これらのファイルを元に戻し、Postfix をリロードしますか？',
  'restore.done': 'バックアップ {id} を復元し、Postfix をリロードしました（復元前の状態はバックアップ {safety} として保存しました）。',

  'remove.title': 'リレー設定の削除',
  'remove.confirm': 'これらの設定とファイルを削除しますか（先にバックアップを取ります）？',
  'remove.nothing': 'このウィザードによるリレー設定はありません。削除するものはありません。',
  'remove.done': 'リレー設定を削除しました（バックアップ {id}）。',

  'help': `使い方: postfix-gmail-wizard [setup] [options]
        postfix-gmail-wizard status [--json]
        postfix-gmail-wizard test [--to ADDR]
        postfix-gmail-wizard restore [ID] | restore --list
        postfix-gmail-wizard remove

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
  --lang en|ja            表示言語（既定は LANG などのロケール設定に従う）
  --backup-dir DIR        バックアップの保存先
                          （既定 /var/backups/postfix-gmail-wizard）
  --state-dir DIR         前回のテスト結果の保存先
                          （既定 /var/lib/postfix-gmail-wizard）
  --wait SECONDS          テストメールの結果を待つ最長時間（既定 120 秒）
  -h, --help, -V, --version

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
`,
};
