// `restore [ID]` and `restore --list`: put back the files of a backup byte
// for byte, as a transaction of its own (so the state before the restore is
// backed up too, and a failed check or reload rolls the restore back).
// The manifest is checked first (backup-check.ts): managed paths only,
// checksums, no setuid/setgid.
import { ExitCode, UsageError, WizardError } from '../errors.js';
import type { CommandOutcome } from '../outcome.js';
import type { PostfixFacts } from '../flow/types.js';
import type { Command } from './command.js';
import { t } from '../ui/messages.js';
import { type Applied, appliedOutcome, showConfirmApply } from '../flow/apply/apply-plan.js';
import { listBackups, readBackup, type Backup } from '../transaction/backup.js';
import type { Context } from '../flow/context.js';
import { detect } from '../flow/detect/detect.js';
import { requirePostfix, requireRoot } from '../flow/detect/requirements.js';
import type { ShownPlan } from '../flow/plan/plan-part.js';
import { checkBackup, backupRefusal } from '../transaction/backup-check.js';
import { readLocalFacts } from '../flow/detect/local-facts.js';
import { compiledMapPaths } from '../postfix/maps.js';
import { restorePlan } from '../flow/plan/restore-plan.js';

interface RestoreRun {
  /** --list. */
  listing: boolean;
  backups?: Backup[];
  postfix?: PostfixFacts;
  /** The backup put back (the transaction's own, made first, is the safety copy). */
  backup?: Backup;
  plan?: ShownPlan;
  applied?: Applied;
}

export const restore: Command<RestoreRun> = {
  start: (ctx) => ({ listing: ctx.options.list }),
  steps: [listAll, examine, pickBackup, planRestore, applyRestore],
  outcomeOf,
  exitOf: () => ExitCode.ok,
};

function outcomeOf(run: RestoreRun): CommandOutcome {
  if (run.listing && run.backups)
    return {
      result: 'list',
      backups: run.backups.map((b) => ({
        id: b.id,
        createdAt: b.createdAt,
        reason: b.reason,
        files: b.entries.map((e) => e.path),
      })),
    };
  const applied = appliedOutcome(run.applied, 'restored');
  return applied.backupId ? { ...applied, backupId: run.backup?.id } : applied;
}

/** restore --list: the backups, newest last; nothing else is read. */
async function listAll(ctx: Context, run: RestoreRun): Promise<'stop' | undefined> {
  const backups = await listBackups(ctx.sys, ctx.options.backupDir);
  run.backups = backups;
  if (!run.listing) return undefined;
  ctx.ui.note(
    backups.length
      ? backups
          .map((b) => [`${b.id}  ${b.reason}`, ...filesByFolder(b.entries.map((e) => e.path))].join('\n'))
          .join('\n')
      : t('restore.none', { dir: ctx.options.backupDir }),
    t('restore.listTitle'),
  );
  return 'stop';
}

/**
 * A backup's files under its id, indented, by name within their folder: at 80 columns whole paths in a
 * row wrapped into a block in which the ids were hard to find.
 */
function filesByFolder(paths: string[]): string[] {
  const folders = new Map<string, string[]>();
  for (const path of paths) {
    const cut = path.lastIndexOf('/');
    const folder = cut > 0 ? path.slice(0, cut) : '/';
    folders.set(folder, [...(folders.get(folder) ?? []), path.slice(cut + 1)]);
  }
  return [...folders].map(([folder, names]) => `    ${folder}: ${names.join(', ')}`);
}

async function examine(ctx: Context, run: RestoreRun): Promise<void> {
  const facts = await detect(ctx.sys, ctx.options.configDir);
  run.postfix = requirePostfix(facts);
  requireRoot(facts, ctx.argv);
}

async function pickBackup(ctx: Context, run: RestoreRun): Promise<void> {
  const { options } = ctx;
  const backup = options.backupId
    ? await readBackup(ctx.sys, options.backupDir, options.backupId)
    : run.backups?.at(-1);
  if (!backup) {
    if (options.backupId)
      throw new UsageError('unknown-backup', t('restore.unknown', { id: options.backupId }), t('restore.unknownFix'));
    throw new WizardError('no-backups', t('restore.none', { dir: options.backupDir }), undefined);
  }
  run.backup = backup;
}

/** The manifest checked first (backup-check.ts), then the backup's files as a plan. */
async function planRestore(ctx: Context, run: RestoreRun): Promise<void> {
  const { sys } = ctx;
  const postfix = run.postfix!;
  const backup = run.backup!;
  const local = await readLocalFacts(sys, postfix);
  const aliases = local.aliases
    ? [local.aliases.path, ...compiledMapPaths(local.aliases.type, local.aliases.path)]
    : [];
  const { problem, copies } = await checkBackup(sys, backup, { configDir: postfix.configDir, extra: aliases });
  if (problem) throw backupRefusal(backup, problem);
  run.plan = await restorePlan(sys, postfix.configDir, backup, copies, postfix.settings.smtp_sasl_password_maps ?? '');
}

async function applyRestore(ctx: Context, run: RestoreRun): Promise<void> {
  const backup = run.backup!;
  run.applied = await showConfirmApply(ctx, run.postfix!, run.plan!, {
    title: t('restore.title', { id: backup.id }),
    question: 'restore.confirm',
    initialValue: true,
    reason: `before-restore-${backup.id}`,
  });
  if (!run.applied.dryRun) ctx.ui.success(t('restore.done', { id: backup.id, safety: run.applied.backupId }));
}
