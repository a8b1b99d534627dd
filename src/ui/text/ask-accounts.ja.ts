// 質問フェーズ: 既存のアカウントがあるときの選択（flow/ask/account-choice.ts）と、
// 1 台で複数のアカウントを使うとき（flow/ask/accounts.ts、--senders）。
import type { askAccountsEn } from './ask-accounts.en.js';

export const askAccountsJa: Record<keyof typeof askAccountsEn, string> = {
  // flow/ask/account-choice.ts
  'choice.current': 'Postfix は現在 {account} としてリレーにログインしています。',
  'choice.question': 'Postfix が使うアカウントを選んでください',
  'choice.keep': '{account} のまま、もう一度テストする',
  'choice.switch': '{account} に切り替える',
  'choice.hintStored': 'パスワードはキーチェーンにあります',
  'choice.new': '別のアカウントを追加する',
  'choice.instead': '{account} の代わりに別のアカウントを使う',
  'choice.keepOrType':
    'Enter を押すと {account} のまま再テストします。別のアドレスを入力すると、そのアカウントに切り替えます。',
  'choice.usingMap': '{account} のアプリパスワードは、Postfix に設定済みのものを使います。',
  'accounts.choiceSenders': '一部の送信者だけに使うアカウントを追加する',
  'accounts.choiceRemove': '{account} を削除する（{senders} 用）',
  'accounts.askSenders': 'このアカウントを使うエンベロープ送信者（アドレスまたは @domain をカンマ区切りで）',
  'relaypw.otherRelay':
    '{account} の保存済みアプリパスワードは {was} 用のものなので、{now} には送信しません。新しいリレー先のために、もう一度入力してください。',

  // flow/ask/accounts.ts
  'accounts.sendersEmpty': '--senders には、アドレスまたは @domain を 1 つ以上指定してください。',
  'accounts.sendersInvalid':
    '--senders の「{entry}」は、アドレス（name@example.com）でもドメイン全体（@example.com）でもありません。',
  'accounts.sendersDuplicate': '--senders に {entry} が 2 回指定されています。',
  'accounts.sendersFix':
    '送信者をそれぞれ 1 回ずつ、カンマ区切りで指定してください: --senders billing@company.example,@company.example',
  'accounts.senderTaken':
    '{sender} はすでに {account} に割り当てられています。1 つの送信者が使えるアカウントは 1 つだけです。',
  'accounts.senderTakenFix':
    '--senders から外すか、先に {account} から外してください: postfix-gmail-wizard remove --account {account}',
  'accounts.noDefault':
    'まだ既定のアカウントがありません。--senders は既定のアカウントに加えてアカウントを追加するものです。',
  'accounts.noDefaultFix':
    'まず --senders なしで既定のアカウントを設定し、そのあと --senders を付けて {account} を追加してください。',
  'accounts.isDefault':
    '{account} は既定のアカウントです。ほかで指定されていない送信者のメールはすでにすべてこのアカウントから送られます。',
  'accounts.isDefaultFix':
    '--senders には別のアカウントを使うか、先に別のアカウントを既定にしてください（--account ADDR を付け、--senders なしで実行します）。',
  'accounts.otherRelay':
    'すべてのアカウントは 1 つのリレー先（{current}）を共有します。--senders で {relay} 用のアカウントは追加できません。',
  'accounts.otherRelayFix':
    '--relay を省くか、すべてのアカウントを移してください: ほかのアカウントを外し（remove --account）、リレー先を変更してから、もう一度追加します。',
  'accounts.relayChangeSenders':
    '{accounts} が {current} 経由で送信しているため、リレー先を {current} から {relay} に変更できません: 保存されているアプリ パスワードは {current} 用に入力されたもので、変更すると {relay} に送られてしまいます。',
  'accounts.relayChangeSendersFix':
    '先にそれらを外し（postfix-gmail-wizard remove --account {account}、ほかのアカウントも同様に）、リレー先を変更してから、新しいリレー先用にパスワードを入力して --senders で追加し直してください。',
};
