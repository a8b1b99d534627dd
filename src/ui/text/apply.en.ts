// The apply phase (flow/apply/, transaction/): backup, the steps, rollback, the lock, recovering
// an unfinished change, and the trust checks of the state and backup folders.
export const applyEn = {
  // flow/apply/apply.ts, commands/setup.ts
  'apply.pruned': 'Deleted {count} old backup(s); the newest {keep} are kept.',
  'apply.debconf':
    'Debian\'s answers for Postfix now match main.cf (mail type "{mailerType}", relay host "{relayhost}"): dpkg-reconfigure postfix and package upgrades keep this configuration.',
  'apply.debconfFailed':
    "Debian's answers for Postfix could not be updated ({reason}): if dpkg-reconfigure postfix runs, check relayhost afterwards (postfix-gmail-wizard doctor --fix puts it back).",
  'apply.backup': 'Backing up the files the plan touches…',
  'apply.backupFailed': 'Could not back up to {dir}: {reason}. Nothing was changed.',
  'apply.backupFailedFix': 'Make the backup folder writable for root, or choose another with --backup-dir.',
  'apply.stepFailed': 'Failed: {step}',
  'apply.failed': 'Failed.',
  'apply.done': 'Configuration applied and Postfix reloaded.',
  'apply.summary': 'Changes applied: {count}; backup {id}.',
  'apply.rollbackDone': 'Rolled back: the previous configuration is in place again.',
  'apply.notAsBefore': '{path} is not as it was before the change',
  'failure.exited': '{file} exited {code}: {output}',
  'failure.exitedQuiet': '{file} exited {code}',
  'apply.rollbackFailed':
    'Rollback failed ({reason}). The backup is in {dir}; restore it with: postfix-gmail-wizard restore',
  'apply.rollbackReloadFailed':
    'The files are back, but reloading Postfix failed ({reason}); it keeps running the configuration it had.',
  'apply.rolledBack': '"{step}" failed: {reason}. Every change was rolled back.',
  'apply.rolledBackFix': 'Fix the cause above and run the wizard again.',
  'apply.interrupted': 'Interrupted ({signal}) while applying: every change was rolled back.',
  'apply.notRolledBack':
    '"{step}" failed: {reason}. The rollback did not complete either: the configuration may be half changed.',
  'apply.notRolledBackFix':
    'Make the folder writable again (free some space, or remount it read-write), then run: postfix-gmail-wizard restore {id} --yes (the backup taken first, in {dir}). A run of the wizard also offers it.',
  'apply.interruptedNotRolledBack':
    'Interrupted ({signal}) while applying, and the rollback did not complete: the configuration may be half changed.',
  'apply.noSpace':
    'The file system holding {dir} is too full for this change: {free} free, about {needed} needed. Nothing was changed.',
  'apply.noSpaceFix':
    'Free some space there (or choose another folder with --backup-dir or --state-dir) and run the wizard again.',

  // ui/step-text.ts: the steps' labels
  'apply.step.masterSet': 'Putting master.cf options back (postconf -P)',
  'apply.step.secretFixes': 'Making the password files readable by root only',
  'apply.step.masterRemove': 'Removing master.cf overrides (postconf -PX)',
  'apply.step.install': 'Installing: {command}',
  'apply.step.command': 'Running {command}',
  'apply.step.mkdir': 'Making the directory {path}',
  'apply.step.write': 'Writing {path}',
  'apply.step.postconf': 'Setting main.cf parameters (postconf -e)',
  'apply.step.mapModes': 'Checking the compiled map is readable by root only',
  'apply.step.settle': 'Letting main.cf settle (Postfix reads it once it is two seconds old)',
  'apply.step.check': 'Checking the configuration (postfix check)',
  'apply.step.reload': 'Reloading Postfix',
  'apply.step.delete': 'Removing {path}',
  'apply.step.postconfRemove': 'Removing main.cf parameters (postconf -X)',
  'apply.step.restart': 'Restarting Postfix (stop, then start: a reload does not move its listening sockets)',

  // flow/apply/recover.ts
  'recover.found':
    'An earlier run stopped in the middle of a change ({when}, at "{step}"); backup {id} holds the state before it.',
  'recover.needYes': 'An unfinished change must be rolled back first, and no one is here to confirm it.',
  'recover.needYesFix':
    'Run again with --yes to roll it back automatically, or restore it yourself: postfix-gmail-wizard restore {id} --yes',
  'recover.confirm': 'Roll the unfinished change back now?',
  'recover.backupMissing': 'The backup of the unfinished change is gone ({dir}).',
  'recover.backupMissingFix':
    'Check the Postfix configuration by hand (postfix check), then delete journal.json in the state directory.',
  'recover.done': 'Rolled back the unfinished change (backup {id}).',
  'trust.journalElsewhere':
    'The unfinished change names a backup in {dir}, not in the backup folder {expected}: it is not followed.',
  'trust.journalElsewhereFix':
    'Check the Postfix configuration by hand (postfix check), then delete journal.json in the state directory; run with the same --backup-dir as the run that was cut short.',
  'recover.complete':
    'An earlier run finished its change but stopped before tidying up (backup {id}); nothing had to be rolled back.',
  'recover.leftovers': 'Deleted {count} temporary file(s) that an interrupted write had left behind.',

  // ui/error-text.ts: the lock, unsafe folders (transaction/lock.ts, system/private-dirs.ts)
  'lock.busy': 'Another postfix-gmail-wizard (pid {pid}) is changing the configuration right now ({path}).',
  'lock.busyFix': 'Wait for it to finish, then run this again.',
  'trust.unsafeBackupDir':
    'Refusing to read the backups in {dir}: {path} {reason}, so another user could have put a backup there for root to restore.',
  'trust.unsafeBackupDirFix':
    'Backups are followed only from folders that only root can write (check with: ls -ld {path}); use --backup-dir with such a folder.',
  'trust.reason.symlink': 'is a symbolic link',
  'trust.reason.owner': 'belongs to another user',
  'trust.reason.writable': 'can be written by other users',
  'trust.reason.notDirectory': 'is not a directory',
  'lock.stateDir': "Cannot use {dir} for the wizard's state or backups: {reason}.",
  'lock.stateDirFix':
    'Give a folder only root can write with --state-dir/--backup-dir; the wizard works in DIR/postfix-gmail-wizard.',
} as const;
