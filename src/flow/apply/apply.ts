// apply: a Plan carried out by the transaction (transaction/transaction.ts), shown to a person —
// a progress line per step, and a failure worded with what was rolled back and what to do.
import { CancelledError, WizardError } from '../../errors.js';
import { runTransaction, TransactionError, type TransactionResult } from '../../transaction/transaction.js';
import { keptBackups } from '../../transaction/backup.js';
import type { Plan } from '../../transaction/plan.js';
import { t } from '../../ui/messages.js';
import { stepLabel } from '../../ui/step-text.js';
import { failureText } from '../../ui/error-text.js';
import type { Context } from '../context.js';
import type { PostfixFacts } from '../types.js';
import { keepDebconfInStep } from './debconf-sync.js';

/** `reason` names the backup; a stopped Postfix is started by setup (restore and remove leave it stopped; doctor --fix says). */
export async function apply(
  ctx: Pick<Context, 'sys' | 'ui' | 'options'>,
  postfix: PostfixFacts,
  plan: Plan,
  reason = 'setup',
  startIfStopped = reason === 'setup',
): Promise<TransactionResult> {
  const { ui, options } = ctx;
  const progress = ui.progress(t('apply.backup'));
  try {
    const result = await runTransaction(ctx.sys, postfix, plan, {
      backupDir: options.backupDir,
      stateDir: options.stateDir,
      reason,
      startIfStopped,
      onStep: (step) => progress.update(stepLabel(step)),
    });
    progress.stop(t('apply.done'));
    if (result.pruned.length > 0) ui.info(t('apply.pruned', { count: result.pruned.length, keep: keptBackups }));
    // Outside the transaction: debconf is not a file it backs up, and main.cf is settled now.
    const debconf = await keepDebconfInStep(ctx.sys, postfix).catch((error: Error) => ({
      done: 'failed' as const,
      reason: error.message,
    }));
    if (debconf.done === 'updated') ui.info(t('apply.debconf', debconf));
    if (debconf.done === 'failed') ui.warn(t('apply.debconfFailed', { reason: debconf.reason }));
    return result;
  } catch (error) {
    if (!(error instanceof TransactionError)) {
      progress.stop(t('apply.failed'), 'failed');
      throw error;
    }
    if (error.code === 'backup-failed') {
      progress.stop(t('apply.failed'), 'failed');
      throw new WizardError(
        'backup-failed',
        t('apply.backupFailed', { dir: options.backupDir, reason: failureText(error.failure) }),
        t('apply.backupFailedFix'),
      );
    }
    const step = stepLabel(error.step ?? { code: 'reload' });
    const backupDir = error.backup?.dir ?? options.backupDir;
    progress.stop(t('apply.stepFailed', { step }), 'failed');
    const rollback = error.rollback ?? {};
    const reason = failureText(error.failure);
    if (rollback.restoreError !== undefined) {
      ui.error(t('apply.rollbackFailed', { dir: backupDir, reason: failureText(rollback.restoreError) }));
      // Never "rolled back" here: the check after the rollback found the files not as they were.
      const fix = t('apply.notRolledBackFix', { id: error.backup?.id ?? '', dir: backupDir });
      if (error.code === 'interrupted')
        throw new WizardError('rollback-failed', t('apply.interruptedNotRolledBack', { signal: reason }), fix);
      throw new WizardError('rollback-failed', t('apply.notRolledBack', { step, reason }), fix);
    }
    if (rollback.reloadError !== undefined)
      ui.warn(t('apply.rollbackReloadFailed', { reason: failureText(rollback.reloadError) }));
    ui.warn(t('apply.rollbackDone'));
    if (error.code === 'interrupted') throw new CancelledError(t('apply.interrupted', { signal: reason }));
    throw new WizardError('apply-failed', t('apply.rolledBack', { step, reason }), t('apply.rolledBackFix'));
  }
}
