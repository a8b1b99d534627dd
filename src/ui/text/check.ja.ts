// check コマンド（commands/check.ts、ui/check-view.ts、check-options.ts）。doctor の問題の言葉は
// doctor.ja.ts にあり、check と doctor は同じ原因と対処を同じ言葉で示します。
import type { checkEn } from './check.en.js';

export const checkJa: Record<keyof typeof checkEn, string> = {
  'check.ok': '{relay}（{account}）、再送待ち {deferred} 通、24 時間の送信 {sent} 件',
  'check.noAccount': 'アカウントなし',
  'check.noRelay': 'リレーなし',
  'check.more': '（ほか {count} 件は下に）',
  'check.title.deferred': '再送待ちのメールが {count} 通あります（しきい値 {threshold} 通を超えています）',
  'check.fix.deferred': '理由は postfix-gmail-wizard doctor で確かめてください。',
  'check.title.waiting': '{threshold} 秒より長く待っているメールが {count} 通あります（最も古いものは {oldest} 秒）',
  'check.fix.waiting': '待っている理由は postfix-gmail-wizard doctor で確かめてください。',
  'check.badNumber': '{option} {value}: 範囲内の整数ではありません',
  'check.badNumberFix': '{option} には整数を指定してください（百分率は 100 まで）。例: {option} 5',
  'check.textfileRelative': '--textfile {path}: 絶対パスではありません',
  'check.textfileFix':
    'node_exporter の textfile コレクターが読むディレクトリを指定してください。例: /var/lib/prometheus/node-exporter',
  'check.textfileFailed': '{path} を書けませんでした: {reason}',
  'check.textfileFailedFix':
    'ディレクトリを作ってください（Debian では apt-get install prometheus-node-exporter が作ります）。check は root で実行してください。',
} as const;
