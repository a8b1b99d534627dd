// 定期チェック（setup --monitor）の文（日本語）。英語は monitor.en.ts。
export const monitorJa = {
  'monitor.badTextfile': '--textfile {path}: 普通の文字だけの絶対パスではありません',
  'monitor.badTextfileFix':
    'node_exporter の textfile コレクターが読むディレクトリを、空白・引用符・$・% を含まない形で指定してください（例: --textfile /var/lib/prometheus/node-exporter）。',
  'monitor.textfileAlone': 'setup の --textfile は定期チェックの書き出し先です: --monitor が必要です',
  'monitor.textfileAloneFix':
    '--monitor を付けるか（再実行では前のディレクトリを使い続けます）、--textfile を外してください。',
  'monitor.kind.systemd': 'systemd タイマー',
  'monitor.kind.cron': 'cron.d のエントリ',
  'monitor.explain':
    '定期チェックでリレーを見張れます: {minutes} 分ごとに {kind} が postfix-gmail-wizard check --textfile {textfile} を実行し、状態を node_exporter（Prometheus）向けに書き出します。このマシンを読むだけで、メールは送りません。',
  'monitor.question': '{minutes} 分ごとにチェックを実行しますか（{kind}）？',
  'monitor.program.npx-cache':
    '--monitor: この postfix-gmail-wizard は npx のキャッシュ（{path}）から動いており、npm が消します（npm cache clean、新しい版）。これを呼ぶタイマーはいずれ動かなくなります',
  'monitor.program.unsafe-dir':
    '--monitor: root のタイマーがこのプログラムを {path} から実行することになりますが、そこは root 以外のユーザーが変更できます',
  'monitor.program.odd-path': '--monitor: パス {path} に空白か、cron の行や systemd のユニットが誤読する文字があります',
  'monitor.programFix':
    'root だけが書ける場所にウィザードをインストールし、そこから実行してください: sudo npm install -g postfix-gmail-wizard && sudo postfix-gmail-wizard --monitor',
  'monitor.notOffered': '定期チェックは提案しません: {reason}。{fix}',
  'status.monitor': '定期チェック',
  'status.monitorOn': '{kind}、{minutes} 分ごと、{textfile}/postfix_gmail_wizard.prom に書き出し',
  'status.monitorOff': 'なし（setup --monitor で追加できます）',
} as const;
