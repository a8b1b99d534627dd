// 検出フェーズ（flow/detect/）: このマシンの状態、足りないもの、そのインストール。
import type { detectEn } from './detect.en.js';

export const detectJa: Record<keyof typeof detectEn, string> = {
  // flow/detect/describe.ts, commands/setup.ts
  'detect.running': 'このマシンの環境を調べています…',
  'detect.running.yes': '稼働中',
  'detect.running.no': '停止中',
  'detect.summary': '{os}: Postfix {version}（{state}）、設定ディレクトリ {configDir}、マップ形式 {mapType}',
  'detect.noPostfix': '{os}: Postfix はインストールされていません',

  // flow/detect/requirements.ts
  'req.postfixMissing': 'このマシンには Postfix がインストールされていません。',
  'req.runThen': '対処: {command} — その後、ウィザードをもう一度実行してください。',
  'req.installManually': 'システムのパッケージマネージャーでパッケージ {packages} をインストール',
  'req.noSasl':
    'この Postfix は Cyrus SASL なしでビルドされているため（postconf -A の出力: {types}）、Gmail にログインできません。',
  'req.noSaslFix':
    'SASL 対応でビルドされた Postfix をインストールしてください（{command}）。Gentoo では mail-mta/postfix の USE フラグ「sasl」を有効にします。',
  'req.noTls':
    'この Postfix は TLS なしでビルドされています（Gentoo の USE フラグ「ssl」が無効）。STARTTLS が使えず、Gmail はそれなしのログインを受け付けません。',
  'req.noTlsFix':
    '--install を付けてウィザードを実行し mail-mta/postfix を USE="sasl ssl" で再ビルドするか、/etc/portage/package.use に「mail-mta/postfix sasl ssl」を追加して次を実行してください: emerge --oneshot --newuse mail-mta/postfix',
  'req.noPlugins':
    'SASL の PLAIN/LOGIN プラグインがありません。このままでは Postfix が「no mechanism available」で失敗します。',
  'req.saslPluginsManual':
    'お使いのシステム用の Cyrus SASL PLAIN/LOGIN プラグインをインストールしてから、ウィザードをもう一度実行してください。',
  'req.mapType': 'Postfix の既定のマップ形式「{type}」は、このビルドでは使えません（postconf -m: {types}）。',
  'req.mapTypeFix':
    'default_database_type を postconf -m に表示される形式に変えるか、「{type}」用のマッププラグインをインストールしてください。',
  'req.notRoot': 'Postfix の設定を変更するには root 権限が必要です。',
  'req.notRootFix': 'root で実行し直してください: {command}   （--dry-run と status は root でなくても使えます）',

  // flow/detect/install.ts
  'install.title': '先にインストールするもの',
  'install.why.postfix': 'Postfix がインストールされていません。',
  'install.why.sasl':
    'SASL の PLAIN/LOGIN プラグインがありません。これがないと Postfix は Gmail にログインできません（「no mechanism available」）。',
  'install.why.mapType': 'Postfix の既定のマップ形式「{type}」にはパッケージ {package} が必要です。',
  'install.why.useFlags':
    'Postfix が USE フラグ {flags} なしでビルドされています。「sasl」は Gmail へのログイン（SMTP AUTH）に、「ssl」は接続の暗号化（STARTTLS）に必要で、暗号化なしでは Gmail はログインを拒否します。これらを付けて再ビルドする必要があります。',
  'install.why.xoauth2': 'OAuth 2.0（--auth oauth）には Cyrus SASL プラグイン {package} が必要です。',
  'install.why.xoauth2Epel':
    'OAuth 2.0（--auth oauth）には Cyrus SASL プラグイン {package} が必要で、これは EPEL にあります。先に epel-release をインストールします。',
  'install.why.xoauth2Experimental':
    'OAuth 2.0（--auth oauth）には Cyrus SASL プラグイン {package} が必要で、Debian では experimental にしかありません。experimental をソースに追加し、{package} 以外は何も入らないようにピン留めします。',
  'install.why.gentooNew':
    'Postfix がインストールされていません。リレーに必要な USE フラグ「sasl」（Gmail へのログイン）と「ssl」（STARTTLS）を付けてビルドします。',
  'install.packageUseComment':
    'postfix-gmail-wizard が追加: Postfix には SASL（Gmail へのログイン）と TLS（STARTTLS）が必要です。',
  'install.newFile': '新しいファイル {path}:',
  'install.appendFile': '{path} に追記:',
  'install.commands': '実行するコマンド:',
  'install.confirm': '今インストールしますか？',
  'install.dryRun': 'ドライラン: 何もインストールしません。',
  'install.notDone':
    '何もインストールしていません。--install を付けてウィザードを実行するか、ご自身でインストールしてください。',
  'install.backedUp': '先に {path} をバックアップします（バックアップ {id}）。',
  'install.log': 'インストールの出力はすべて {path} に記録します',
  'install.running': '{command} を実行しています',
  'install.done': '完了: {command}',
  'install.failed': '{command} が失敗しました（終了コード {code}）。他には何も変更していません。',
  'install.failedFix': 'ログ {path} の末尾:\n{tail}\n原因を取り除いてから、ウィザードをもう一度実行してください。',
  'install.dpkgInterrupted':
    '以前のインストールまたはアップグレードの途中で dpkg が中断されています（apt-get か dpkg が終わる前に止まりました）。一部のパッケージが途中までしかインストールされておらず、dpkg がその作業を終えるまで、どのパッケージもインストールできません。何も変更していません。',
  'install.dpkgInterruptedWarn':
    '以前のインストールまたはアップグレードの途中で dpkg が中断されています（apt-get か dpkg が終わる前に止まりました）。一部のパッケージが途中までしかインストールされていません。',
  'install.dpkgCut':
    '{command} が終わる前に止まり（終了コード {code}。出力は {path} にあります）、dpkg が中断された状態で残りました。一部のパッケージが途中までしかインストールされていません。{undone}',
  'install.dpkgCutUndone': 'ウィザード自身の変更は元に戻しました。',
  'install.dpkgInterruptedFix':
    'root で `{repair}` を実行してください。dpkg が中断された作業を終えます。そのあと、ウィザードをもう一度実行してください。\ndpkg --audit の報告:\n{audit}',
  'install.reverted': '{path} を元に戻しました。',
  'install.reloading': 'smtp プロセスが新しい SASL プラグインを読み込むよう、Postfix をリロードします: {command}',
  'install.starting': 'インストールした Postfix を起動します: {command}',
  'install.serviceFailed': '{command} が失敗しました: {reason}',
};
