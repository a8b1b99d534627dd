// 確認フェーズ（flow/verify/）と test コマンド: テストメッセージ、結果のまとめ、保留メールの再送。
import type { verifyEn } from './verify.en.js';

export const verifyJa: Record<keyof typeof verifyEn, string> = {
  // commands/setup.ts, commands/test.ts
  'ask.testAgain': '今すぐテストメールを送信しますか？',
  'accounts.fromInvalid': '--from の指定に誤りがあります: {problem}',
  'accounts.fromFix': 'エンベロープ送信者をアドレスで指定してください: --from invoices@company.example',
  'test.notConfigured':
    'テストする設定がありません。relayhost が空なので、Postfix は Gmail を経由せず直接配送してしまいます。何も送信していません。',
  'test.notConfiguredFix':
    '先にリレーを設定してください: postfix-gmail-wizard --account you@gmail.com（そのあと `postfix-gmail-wizard test`）。',

  // flow/verify/verify.ts
  'verify.noListener':
    'テストメールを渡す SMTP の待ち受け（master.cf の「smtp inet … smtpd」の行）が Postfix にありません。',
  'verify.noListenerFix': 'master.cf で smtp サービスを有効にするか、--no-test を付けて実行してください。',
  'verify.submitting': '{host}:{port} の Postfix にテストメールを渡しています…',
  'verify.subject': '{host} からのテストメール（postfix-gmail-wizard）',
  'verify.body':
    'このメールは、Postfix が Gmail 経由で配送できるかを確かめるため、{host} 上の postfix-gmail-wizard が {time} に送信しました。\n\nこのメールが読めれば、リレーは正常に動作しています。\n',
  'verify.submitFailed': 'Postfix がテストメールを受け付けませんでした。',
  'verify.submitFailedDetail': '{host}:{port} の Postfix がテストメールを受け付けませんでした: {reason}',
  'verify.submitFailedFix': 'Postfix が動いているか（postfix status）確認し、Postfix のログを見てください。',
  'verify.noQueueId': 'Postfix の応答にキュー ID がありません: {response}',
  'verify.queued': 'キュー ID {id} で受け付けられました。リレー先への送信を待っています…',
  'verify.waiting': 'キュー ID {id} は {queue} キューにあります…',
  'verify.sent': 'メッセージ {id} はリレー先に受け付けられました。',
  'verify.notSent': 'メッセージ {id} は配送されませんでした（{status}）。',
  'verify.timedOut': '{seconds} 秒待ちましたが、メッセージ {id} はまだ送信待ちです。',
  'verify.stopped': 'メッセージ {id} を待つのを中断しました。メッセージは Postfix のキューに残っています。',
  'verify.leftQueue': 'メッセージ {id} はキューを出ましたが、このマシンにはメールログがないため、結果はわかりません。',

  // flow/verify/summary.ts, commands/setup.ts, commands/test.ts
  'summary.sent': '{relay} 経由で {to} に配送しました: {reply}',
  'summary.deliveredLocally':
    '{to} はリレーを通らず、このマシン上で配送されます。リレーを確かめるには、外部のアドレスにテストメールを送ってください。',
  'summary.noLog':
    'メッセージ {id} はキューを出ましたが、メールログがないため Gmail が受け付けたかどうかはわかりません。{to} の受信箱を確認してください。次回から結果を確認できるよう、Postfix にログを出させてください: postconf -e maillog_file=/var/log/postfix.log && postfix reload（OAuth の場合、サインインのプラグインは syslog にしか書かないため、rsyslog などの syslog デーモンがあればそのメッセージも見られます）',
  'summary.stillQueued':
    'メッセージ {id} はまだキューにあります。経過は次のコマンドで確認できます: postqueue -p; postfix-gmail-wizard status',
  'summary.failed': '配送されませんでした（{status}、キュー ID {id}）: {reply}',
  'summary.whatToDo': '原因と対処方法',
  'summary.done': '完了: このマシンのメールは Gmail 経由で送信されます。',
  'summary.notDelivered': '設定は完了しましたが、テストメールは配送されませんでした。',
  'accounts.wentThrough':
    'テストメッセージのエンベロープ送信者は {from} です。Postfix はこのメールに {account} としてログインします。',

  // flow/verify/flush-deferred.ts
  'flush.running': '保留中の {count} 通をすぐに送るよう Postfix に指示しています（postqueue -f）…',
  'flush.waiting': '保留中の {count} 通のうち {sent} 通を送信しました…',
  'flush.done': '保留中だった {count} 通のうち {sent} 通が、新しいログインで送信されました。',
  'flush.failed': 'postqueue -f が失敗しました: {reason}',
  'flush.notAll': '{left} 通はまだ保留中です。Postfix が自動的に再送します（確認: postqueue -p）。',
};
