// The ask phase: which account, when Postfix already has one (flow/ask/account-choice.ts),
// and several accounts on one machine (flow/ask/accounts.ts, --senders).
export const askAccountsEn = {
  // flow/ask/account-choice.ts
  'choice.current': 'Postfix currently logs in to the relay as {account}.',
  'choice.question': 'Which account should Postfix use?',
  'choice.keep': 'Keep {account} and test it again',
  'choice.switch': 'Switch to {account}',
  'choice.hintStored': 'password in the keychain',
  'choice.new': 'Add another account',
  'choice.instead': 'Use another account instead of {account}',
  'choice.keepOrType': 'Press Enter to keep {account} and test it again, or type another address to use that one.',
  'choice.usingMap': 'Using the app password Postfix already has for {account}.',
  'accounts.choiceSenders': 'Add an account for some senders only',
  'accounts.choiceRemove': 'Remove {account} (sends for {senders})',
  'accounts.askSenders': 'Envelope senders for this account (comma-separated addresses or @domain)',
  'relaypw.otherRelay':
    'The app password stored for {account} belongs to {was}; it is not sent to {now}. Give it again for the new relay.',

  // flow/ask/accounts.ts
  'accounts.sendersEmpty': '--senders needs at least one address or @domain.',
  'accounts.sendersInvalid':
    '--senders: "{entry}" is neither an address (name@example.com) nor a whole domain (@example.com).',
  'accounts.sendersDuplicate': '--senders lists {entry} twice.',
  'accounts.sendersFix':
    'Give a comma-separated list, each sender once: --senders billing@company.example,@company.example',
  'accounts.senderTaken': '{sender} already belongs to {account}: a sender can go out through one account only.',
  'accounts.senderTakenFix':
    'Leave it out of --senders, or take it from {account} first: postfix-gmail-wizard remove --account {account}',
  'accounts.noDefault': 'There is no default account yet: --senders adds an account next to it.',
  'accounts.noDefaultFix': 'Set up the default account first (without --senders), then add {account} with --senders.',
  'accounts.isDefault': '{account} is the default account: it already sends for every sender not listed elsewhere.',
  'accounts.isDefaultFix':
    'Use another account with --senders, or make another account the default first (run with --account ADDR and no --senders).',
  'accounts.otherRelay': 'The accounts share one relay ({current}); --senders cannot add an account for {relay}.',
  'accounts.otherRelayFix':
    'Leave --relay out, or move every account: take the others out (remove --account), change the relay, add them again.',
  'accounts.relayChangeSenders':
    'The relay cannot change from {current} to {relay} while {accounts} send through it: their stored app passwords were typed for {current}, and would go to {relay}.',
  'accounts.relayChangeSendersFix':
    'Take them out first (postfix-gmail-wizard remove --account {account}, and so for each), change the relay, then add them again with --senders, typing each password for the new relay.',
} as const;
