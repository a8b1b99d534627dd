// The `remove` command: the relay configuration (commands/remove.ts) with what it puts back
// (flow/plan/putback.ts) and --purge (flow/apply/purge.ts), and remove --account
// (commands/remove-account.ts).
export const removeEn = {
  // commands/remove.ts
  'remove.title': 'Remove the relay configuration',
  'remove.confirm': 'Remove these settings and files (a backup is taken first)?',
  'remove.nothing': 'No relay configuration of the wizard is present: nothing to remove.',
  'remove.done': 'Relay configuration removed; backup {id}.',

  // commands/remove.ts: what the setup's TLS fixes took out, put back
  'putback.masterChanged':
    'master.cf {where} was not put back to "{value}": it says "{now}" now, set since the setup, and that stays.',
  'putback.masterServiceGone':
    'master.cf {where} was not put back to "{value}": the service is no longer in master.cf.',
  'putback.tableChanged':
    'The entry "{value}" was not put back into {where}: it has another entry for {key} now ("{now}"), written since the setup, and that stays.',
  'putback.tableGone': 'The entry "{value}" was not put back into {where}: the file is gone.',

  // flow/apply/purge.ts
  'remove.purgeConfirm':
    'Also delete {backups} backup(s) and {accounts} keychain entr(ies) that still hold a password? (They cannot be restored afterwards.)',
  'remove.purged': 'Deleted {backups} backup(s) and {accounts} keychain entr(ies) that held a password.',
  'remove.purgeConfirmBackups':
    'Also delete {backups} backup(s) that still hold a password? (They cannot be restored afterwards.)',
  'remove.purgedBackups': 'Deleted {backups} backup(s) that held a password.',
  'remove.purgeConfirmKeychain':
    'Also delete {accounts} keychain entr(ies) that still hold a password? (They cannot be restored afterwards.)',
  'remove.purgedKeychain': 'Deleted {accounts} keychain entr(ies) that held a password.',
  'remove.purgeHint':
    '{backups} backup(s) in {dir} still hold the password; delete them with: postfix-gmail-wizard remove --purge',

  // commands/remove-account.ts
  'accounts.removeUnknown': '{account} is not one of the configured accounts.',
  'accounts.removeUnknownFix': 'See them with: postfix-gmail-wizard status',
  'accounts.removeDefault': '{account} is the default account, and other accounts still depend on it: {others}.',
  'accounts.removeDefaultFix':
    'Remove those first (postfix-gmail-wizard remove --account ADDR), make another account the default (run with --account ADDR and no --senders), or take everything out with: postfix-gmail-wizard remove',
  'accounts.removeTitle': 'Remove the account {account}',
  'accounts.removeConfirm': 'Remove {account}? Mail from {senders} will go out through {default} again.',
  'accounts.removed': '{account} removed (backup {id}); its senders go out through {default} again.',
  'accounts.purged':
    'Keychain entries of {account} deleted: {count}. The backups still hold its password until `postfix-gmail-wizard remove --purge`.',
  'remove.revoked': 'Revoked {count} OAuth refresh token(s) at {url}: Google no longer accepts them.',
  'remove.revokeFailed':
    'Could not revoke an OAuth refresh token at {url} ({error}): revoke the access yourself at https://myaccount.google.com/permissions.',
  'remove.revokeUnknown':
    'Google did not know an OAuth refresh token at {url} (invalid_token: revoked or expired already): check at https://myaccount.google.com/permissions that the access is gone.',
  'remove.revokeAhead':
    'Once this change is done, the {count} OAuth refresh token(s) it takes out are revoked at Google, so that no copy (a backup included) signs in again; --keep-token leaves them valid.',
  'remove.revokeSkipped':
    '--keep-token: the {count} OAuth refresh token(s) this change takes out stay valid at Google, and the backups keep them.',
  'remove.tokenKept':
    'Kept {count} OAuth refresh token(s) valid at Google (--keep-token); a backup still holds them. Revoke the access at https://myaccount.google.com/permissions once it is not needed.',
} as const;
