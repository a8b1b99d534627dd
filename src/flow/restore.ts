// `restore [ID]` and `restore --list`: put back the files of a backup
// byte for byte (the current ones are backed up first), then reload.
import { CancelledError, ExitCode, UsageError, WizardError, type ExitCodeValue } from '../errors.js';
import { t } from '../ui/messages.js';
import { createBackup, listBackups, readBackup, restoreBackup } from './backup.js';
import type { Context } from './context.js';
import { detect } from './detect.js';
import { requirePostfix, requireRoot } from './requirements.js';
import { checkAndReload } from './service-step.js';

export async function runRestore(ctx: Context): Promise<ExitCodeValue> {
  const { sys, ui, options, outcome } = ctx;
  const backups = await listBackups(sys, options.backupDir);
  if (options.list) {
    outcome.result = 'list';
    outcome.backups = backups.map((b) => ({ id: b.id, createdAt: b.createdAt, reason: b.reason, files: b.entries.map((e) => e.path) }));
    ui.note(backups.length ? backups.map((b) => `${b.id}  ${b.reason}  ${b.entries.map((e) => e.path).join(', ')}`).join('\n') : t('restore.none', { dir: options.backupDir }), t('restore.listTitle'));
    return ExitCode.ok;
  }
  const facts = await detect(sys, options.configDir);
  const postfix = requirePostfix(facts);
  requireRoot(facts, ctx.argv);
  const backup = options.backupId ? await readBackup(sys, options.backupDir, options.backupId) : backups.at(-1);
  if (!backup) {
    if (options.backupId) throw new UsageError('unknown-backup', t('restore.unknown', { id: options.backupId }), t('restore.unknownFix'));
    throw new WizardError('no-backups', t('restore.none', { dir: options.backupDir }), undefined);
  }
  ui.note(backup.entries.map((e) => `${e.path}${e.existed ? '' : ` ${t('restore.willRemove')}`}`).join('\n'), t('restore.title', { id: backup.id }));
  if (!options.yes) {
    if (!ui.interactive) throw new UsageError('missing-answers', t('ask.missing', { flags: '--yes' }), t('ask.missingFix'));
    if (!(await ui.confirm({ message: t('restore.confirm'), initialValue: true }))) throw new CancelledError(t('cancelled'));
  }
  const safety = await createBackup(sys, options.backupDir, backup.entries.map((e) => e.path), `before-restore-${backup.id}`);
  await restoreBackup(sys, backup);
  await checkAndReload(ctx, postfix);
  outcome.result = 'restored';
  outcome.backupId = backup.id;
  outcome.changed.files = backup.entries.map((e) => e.path);
  ui.success(t('restore.done', { id: backup.id, safety: safety.id }));
  return ExitCode.ok;
}
