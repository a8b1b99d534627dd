// After a crash mid-apply (kill -9, power loss, an SSH drop) the journal is
// still there: put the backup it names back and reload, before anything else
// happens. The journal is read under the lock — a journal seen without it may
// belong to a run still going — and one whose every step was done is a
// whole change that only missed its tidy-up: it is cleared, never undone.
// Either way, the temp files a write cut short left beside the files (one
// may hold the password) are deleted.
import { UsageError, WizardError } from '../../errors.js';
import { confirmOrYes } from '../ask/confirm.js';
import { t } from '../../ui/messages.js';
import { dropAsides } from '../../transaction/aside.js';
import { differsFromBackup, readBackup, restoreBackup, type Backup } from '../../transaction/backup.js';
import type { Context } from '../context.js';
import {
  clearJournal,
  journalComplete,
  journalPath,
  readJournal,
  runUndo,
  undoCommands,
} from '../../transaction/journal.js';
import { acquireLock } from '../../transaction/lock.js';
import { stepLabel } from '../../ui/step-text.js';
import { posix } from 'node:path';

export async function recoverUnfinished(ctx: Pick<Context, 'sys' | 'ui' | 'options' | 'warnings'>): Promise<void> {
  const { sys, ui, options } = ctx;
  if (!sys.isRoot()) return;
  if (!(await sys.fileInfo(journalPath(options.stateDir)))) return;
  const lock = await acquireLock(sys, options.stateDir);
  try {
    const journal = await readJournal(sys, options.stateDir);
    if (!journal) return;
    // The journal's backup is followed only inside this run's backup folder, never wherever the journal points.
    const root = journal.backupDir.slice(0, journal.backupDir.lastIndexOf('/'));
    const trusted =
      posix.normalize(root) === posix.normalize(options.backupDir).replace(/(.)\/+$/, '$1') &&
      journal.backupDir === `${root}/${journal.backupId}`;
    const backup = trusted ? await readBackup(sys, root, journal.backupId) : undefined;
    if (journalComplete(journal)) {
      await removeLeftovers(ctx, backup);
      await clearJournal(sys, options.stateDir);
      ui.info(t('recover.complete', { id: journal.backupId }));
      return;
    }
    const last = stepLabel(journal.steps.at(-1) ?? {});
    ui.warn(t('recover.found', { when: journal.startedAt, step: last, id: journal.backupId }));
    if (!trusted)
      throw new WizardError(
        'unsafe-path',
        t('trust.journalElsewhere', { dir: journal.backupDir, expected: options.backupDir }),
        t('trust.journalElsewhereFix'),
      );
    await confirmOrYes(
      ctx,
      'recover.confirm',
      true,
      new UsageError('unfinished-change', t('recover.needYes'), t('recover.needYesFix', { id: journal.backupId })),
    );
    if (!backup)
      throw new UsageError(
        'backup-missing',
        t('recover.backupMissing', { dir: journal.backupDir }),
        t('recover.backupMissingFix'),
      );
    // What the backup does not hold (a timer enabled) is undone around it, as a rollback does.
    const undo = undoCommands(journal.steps);
    await runUndo(sys, undo.before);
    await restoreBackup(sys, backup, { configDir: journal.configDir });
    await runUndo(sys, undo.after);
    await removeLeftovers(ctx, backup);
    // As after a rollback (transaction/rollback.ts): once everything is as the backup says, the backup is
    // only a second copy of what is in place (perhaps of the password), and not a change to restore.
    if ((await differsFromBackup(sys, backup)) === undefined) await sys.removeTree(backup.dir).catch(() => undefined);
    // Best effort: a restart may have been cut between stop and start, so
    // recovery restarts (stop may fail: it was already stopped); else reload;
    // a Postfix the run had started (it was stopped before) is stopped again.
    // (Stopping one that never got started fails, harmlessly.)
    const commands = journal.restart ?? (journal.reload ? [journal.reload] : journal.stop ? [journal.stop] : []);
    for (const command of commands) await sys.exec(command.file, command.args);
    await clearJournal(sys, options.stateDir);
    ctx.warnings.push(`rolled back unfinished change ${journal.backupId}`);
    ui.success(t('recover.done', { id: journal.backupId }));
  } finally {
    await lock.release();
  }
}

/** writeFileAtomic's temp files beside every file the change touched, its backup copies and the journal. */
async function removeLeftovers(
  ctx: Pick<Context, 'sys' | 'ui' | 'options'>,
  backup: Backup | undefined,
): Promise<void> {
  const paths = [
    journalPath(ctx.options.stateDir),
    ...(backup?.entries ?? []).flatMap((e) => [e.path, ...(e.copy ? [`${backup!.dir}/${e.copy}`] : [])]),
  ];
  let removed = 0;
  for (const path of new Set(paths)) removed += (await ctx.sys.removeAtomicLeftovers(path)).length;
  // The originals' second names (transaction/aside.ts) a complete change did not get to drop.
  if (backup) await dropAsides(ctx.sys, backup.entries, backup.id);
  if (removed > 0) ctx.ui.info(t('recover.leftovers', { count: removed }));
}
