// Sentences of the trust checks (backups, journal, state folders), spread into en.ts.
export const trustEn = {
  'trust.relativeDir': '{option} {path} is not an absolute path: root would keep its lock, journal or backups in whatever folder the run started in.',
  'trust.relativeDirFix': 'Give {option} an absolute path (starting with /), e.g. {option} /var/backups.',
  'trust.unsafeBackupDir': 'Refusing to read the backups in {dir}: {path} {reason}, so another user could have put a backup there for root to restore.',
  'trust.unsafeBackupDirFix': 'Backups are followed only from folders that only root can write (check with: ls -ld {path}); use --backup-dir with such a folder.',
  'trust.reason.symlink': 'is a symbolic link',
  'trust.reason.owner': 'belongs to another user',
  'trust.reason.writable': 'can be written by other users',
  'trust.reason.notDirectory': 'is not a directory',
  'trust.executable': 'Backup {id} would put back {path} with mode {mode}: the wizard never writes an executable file, so this backup is not followed.',
  'trust.journalElsewhere': 'The unfinished change names a backup in {dir}, not in the backup folder {expected}: it is not followed.',
  'trust.journalElsewhereFix': 'Check the Postfix configuration by hand (postfix check), then delete journal.json in the state directory; run with the same --backup-dir as the run that was cut short.',
} as const;
