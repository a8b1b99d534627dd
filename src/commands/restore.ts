// `restore [ID]` and `restore --list`: put back the files of a backup byte
// for byte, as a transaction of its own (so the state before the restore is
// backed up too, and a failed check or reload rolls the restore back).
// The manifest is checked first (backup-check.ts): managed paths only,
// checksums, no setuid/setgid.
import { ExitCode, UsageError, WizardError, type ExitCodeValue } from '../errors.js';
import { mainCfValue } from '../postfix/networks.js';
import { t } from '../ui/messages.js';
import { renderPlan } from '../ui/plan-view.js';
import { apply } from '../flow/apply/apply.js';
import { confirmOrYes } from '../flow/ask/confirm.js';
import { listBackups, readBackup, type Backup } from '../transaction/backup.js';
import type { Context } from '../flow/context.js';
import { detect } from '../flow/detect/detect.js';
import { requirePostfix, requireRoot } from '../flow/detect/requirements.js';
import { buildPlan, type Plan } from '../transaction/plan.js';
import { checkBackup, type BackupProblem } from '../transaction/backup-check.js';
import { readLocalFacts } from '../flow/detect/local-facts.js';
import { compiledMapPaths } from '../postfix/maps.js';
import { parseMapReference } from '../postfix/postconf.js';

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
  const local = await readLocalFacts(sys, postfix);
  const aliases = local.aliases ? [local.aliases.path, ...compiledMapPaths(local.aliases.type, local.aliases.path)] : [];
  const { problem, copies } = await checkBackup(sys, backup, postfix.configDir, aliases);
  if (problem) throw refusal(backup, problem);
  const plan = await restorePlan(ctx, postfix.configDir, backup, copies, postfix.settings.smtp_sasl_password_maps ?? '');
  ui.note(renderPlan(plan), t('restore.title', { id: backup.id }));
  if (options.dryRun) {
    outcome.result = 'dry-run';
    return ExitCode.ok;
  }
  await confirmOrYes(ctx, 'restore.confirm', true);
  const { backup: safety } = await apply(ctx, postfix, plan, `before-restore-${backup.id}`);
  outcome.result = 'restored';
  outcome.backupId = backup.id;
  outcome.changed.files = backup.entries.map((e) => e.path);
  ui.success(t('restore.done', { id: backup.id, safety: safety.id }));
  return ExitCode.ok;
}

/**
 * The backup's files as a plan: bytes (already checked), mode and owner as they were; absent ones deleted.
 * A password map (main.cf's, restored or current) comes back root-only even if it was not: a hand-made
 * 0644 saslpass the setup took away must not return readable by others.
 */
async function restorePlan(ctx: Pick<Context, 'sys'>, configDir: string, backup: Backup, copies: ReadonlyMap<string, Buffer>, currentMaps: string): Promise<Plan> {
  const files: Plan['files'] = [];
  const mainCf = backup.entries.find((e) => e.existed && e.path === `${configDir.replace(/\/+$/, '')}/main.cf`);
  const restoredMaps = mainCf ? mainCfValue(copies.get(mainCf.path)?.toString('utf8') ?? '', 'smtp_sasl_password_maps') : undefined;
  const maps = [restoredMaps, currentMaps].map((v) => parseMapReference(v ?? '')).flatMap((r) => (r ? [r.path, ...compiledMapPaths(r.type, r.path)] : []));
  const holdsPassword = (path: string) => maps.includes(path) || /\/sasl_passwd(\.[a-z]+)?$/.test(path);
  for (const entry of backup.entries.filter((e) => e.existed)) {
    const bytes = copies.get(entry.path)!;
    const mode = holdsPassword(entry.path) ? (entry.mode ?? 0o600) & ~0o077 : (entry.mode ?? 0o600);
    const isText = entry.path.endsWith('.cf') || entry.path.endsWith('sasl_passwd') || /\/(gmail_generic|aliases|postfix-gmail-wizard\.saved)$/.test(entry.path);
    files.push({ path: entry.path, content: isText ? bytes.toString('utf8') : bytes, mode, uid: entry.uid, gid: entry.gid, secret: holdsPassword(entry.path) && isText, previous: isText ? await ctx.sys.readFile(entry.path) : undefined });
  }
  const deletes = backup.entries.filter((e) => !e.existed).map((e) => e.path);
  // A reload ignores a changed inet_interfaces (loopback-only): then Postfix is stopped and started.
  const restart = files.some((f) => f.path.endsWith('/main.cf') && typeof f.content === 'string' && mainCfValue(f.content, 'inet_interfaces') !== mainCfValue(f.previous ?? '', 'inet_interfaces'));
  return buildPlan(configDir, { files, deletes, touches: backup.entries.map((e) => e.path), restart });
}

/** A manifest the wizard will not follow: nothing has been written yet. */
function refusal(backup: Backup, problem: BackupProblem): WizardError {
  const fix = t('restore.refusedFix', { dir: backup.dir });
  switch (problem.code) {
    case 'unmanaged-path':
      return new WizardError('backup-unmanaged-path', t('restore.unmanagedPath', { id: backup.id, path: problem.path }), fix);
    case 'setuid':
      return new WizardError('backup-setuid', t('restore.setuid', { id: backup.id, path: problem.path, mode: problem.mode.toString(8) }), fix);
    case 'damaged':
      return new WizardError('backup-damaged', t('restore.damagedCopy', { path: problem.path, copy: problem.copy }), fix);
  }
}
