// After a crash mid-apply (kill -9, power loss) the journal is still there:
// put the backup it names back and reload, before anything else happens.
import { UsageError } from '../errors.js';
import { confirmOrYes } from './confirm.js';
import { t } from '../ui/messages.js';
import { readBackup, restoreBackup } from './backup.js';
import type { Context } from './context.js';
import { clearJournal, readJournal } from './journal.js';
import { acquireLock } from './lock.js';

export async function recoverUnfinished(ctx: Pick<Context, 'sys' | 'ui' | 'options' | 'outcome'>): Promise<void> {
  const { sys, ui, options } = ctx;
  if (!sys.isRoot()) return;
  const journal = await readJournal(sys, options.stateDir);
  if (!journal) return;
  const last = journal.steps.at(-1)?.name ?? '—';
  ui.warn(t('recover.found', { when: journal.startedAt, step: last, id: journal.backupId }));
  await confirmOrYes(ctx, 'recover.confirm', true, new UsageError('unfinished-change', t('recover.needYes'), t('recover.needYesFix', { id: journal.backupId })));
  const lock = await acquireLock(sys, options.stateDir);
  try {
    const root = journal.backupDir.slice(0, journal.backupDir.lastIndexOf('/'));
    const backup = await readBackup(sys, root, journal.backupId);
    if (!backup) throw new UsageError('backup-missing', t('recover.backupMissing', { dir: journal.backupDir }), t('recover.backupMissingFix'));
    await restoreBackup(sys, backup);
    // Best effort: a restart may have been cut between stop and start, so
    // recovery restarts (stop may fail: it was already stopped); else reload.
    for (const command of journal.restart ?? (journal.reload ? [journal.reload] : [])) await sys.exec(command.file, command.args);
    await clearJournal(sys, options.stateDir);
    ctx.outcome.warnings.push(`rolled back unfinished change ${journal.backupId}`);
    ui.success(t('recover.done', { id: journal.backupId }));
  } finally {
    await lock.release();
  }
}
