// The `restore` command (commands/restore.ts) and the checks a backup must pass before it is
// put back (transaction/backup-check.ts raises the codes, ui/error-text.ts words them).
export const restoreEn = {
  // commands/restore.ts
  'restore.listTitle': 'Backups',
  'restore.none': 'No backups in {dir}.',
  'restore.unknown': 'There is no backup "{id}".',
  'restore.unknownFix': 'List the backups with: postfix-gmail-wizard restore --list',
  'restore.title': 'Restore backup {id}',
  'restore.confirm': 'Put these files back and reload Postfix?',
  'restore.done': 'Backup {id} restored and Postfix reloaded (the state before it is saved as backup {safety}).',

  // ui/error-text.ts: a backup refused
  'trust.executable':
    'Backup {id} would put back {path} with mode {mode}: the wizard never writes an executable file, so this backup is not followed.',
  'restore.unmanagedPath': 'Backup {id} names {path}, a file the wizard does not manage. Nothing was restored.',
  'restore.setuid': 'Backup {id} would give {path} the mode {mode} (setuid/setgid/sticky). Nothing was restored.',
  'restore.damagedCopy':
    'The backup copy of {path} is missing or does not match its checksum ({copy}). Nothing was restored.',
  'restore.refusedFix':
    'Choose another backup (postfix-gmail-wizard restore --list), or inspect {dir}/manifest.json by hand.',
} as const;
