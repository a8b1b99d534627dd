// Sentences of the transaction's safety: the lock, recovery, backups, restore checks, remove --purge.
export const txnEn = {
  'lock.stateDir': 'Cannot use {dir} for the wizard\'s state or backups: {reason}.',
  'lock.stateDirFix': 'Give a folder only root can write with --state-dir/--backup-dir; the wizard works in DIR/postfix-gmail-wizard.',
  'recover.complete': 'An earlier run finished its change but stopped before tidying up (backup {id}); nothing had to be rolled back.',
  'recover.leftovers': 'Deleted {count} temporary file(s) that an interrupted write had left behind.',
  'apply.pruned': 'Deleted {count} old backup(s); the newest {keep} are kept.',
  'restore.unmanagedPath': 'Backup {id} names {path}, a file the wizard does not manage. Nothing was restored.',
  'restore.setuid': 'Backup {id} would give {path} the mode {mode} (setuid/setgid/sticky). Nothing was restored.',
  'restore.damagedCopy': 'The backup copy of {path} is missing or does not match its checksum ({copy}). Nothing was restored.',
  'restore.refusedFix': 'Choose another backup (postfix-gmail-wizard restore --list), or inspect {dir}/manifest.json by hand.',
  'remove.purgeConfirm': 'Also delete {backups} backup(s) and {accounts} keychain entr(ies) that still hold a password? (They cannot be restored afterwards.)',
  'remove.purged': 'Deleted {backups} backup(s) and {accounts} keychain entr(ies) that held a password.',
  'remove.purgeHint': '{backups} backup(s) in {dir} still hold the password; delete them with: postfix-gmail-wizard remove --purge',
  'apply.step.command': 'Running {command}',
} as const;
