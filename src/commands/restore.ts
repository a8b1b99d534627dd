// `restore [ID]` and `restore --list`: put back the files of a backup byte
// for byte, as a transaction of its own (so the state before the restore is
// backed up too, and a failed check or reload rolls the restore back).
// The manifest is checked first (backup-check.ts): managed paths only,
// checksums, no setuid/setgid.
import { ExitCode, UsageError, WizardError } from '../errors.js';
import type { CommandOutcome } from '../outcome.js';
import type { PostfixFacts } from '../flow/types.js';
import type { Command } from './command.js';
import { mainCfValue } from '../postfix/networks.js';
import { t } from '../ui/messages.js';
import { type Applied, appliedOutcome, showConfirmApply } from '../flow/apply/apply-plan.js';
import { listBackups, readBackup, type Backup } from '../transaction/backup.js';
import type { Context } from '../flow/context.js';
import { detect } from '../flow/detect/detect.js';
import { requirePostfix, requireRoot } from '../flow/detect/requirements.js';
import { buildPlan, type Plan } from '../transaction/plan.js';
import { checkBackup, backupRefusal, namedMapFiles, namedMaps, wizardFiles } from '../transaction/backup-check.js';
import { readLocalFacts } from '../flow/detect/local-facts.js';
import { compiledMapPaths, everyCompiledForm } from '../postfix/maps.js';
import { passwordMapPath } from '../flow/plan/plan.js';

interface RestoreRun {
  /** --list. */
  listing: boolean;
  backups?: Backup[];
  postfix?: PostfixFacts;
  /** The backup put back (the transaction's own, made first, is the safety copy). */
  backup?: Backup;
  plan?: Plan;
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
      ? backups.map((b) => `${b.id}  ${b.reason}  ${b.entries.map((e) => e.path).join(', ')}`).join('\n')
      : t('restore.none', { dir: ctx.options.backupDir }),
    t('restore.listTitle'),
  );
  return 'stop';
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
  run.plan = await restorePlan(ctx, postfix.configDir, backup, copies, postfix.settings.smtp_sasl_password_maps ?? '');
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

/** The backup's files as a plan: bytes (already checked), mode and owner as they were; absent ones deleted. */
async function restorePlan(
  ctx: Pick<Context, 'sys'>,
  configDir: string,
  backup: Backup,
  copies: ReadonlyMap<string, Buffer>,
  currentPasswordMaps: string,
): Promise<Plan> {
  const files: Plan['files'] = [];
  const { sources, secrets } = passwordFiles(configDir, copies, currentPasswordMaps);
  for (const entry of backup.entries.filter((e) => e.existed)) {
    const bytes = copies.get(entry.path)!;
    const secret = secrets.has(entry.path);
    const isText =
      sources.has(entry.path) ||
      entry.path.endsWith('.cf') ||
      /\/(gmail_generic|aliases|postfix-gmail-wizard\.saved)$/.test(entry.path);
    // A password file is root's alone whatever mode the backup recorded (issue 11: root-only, always).
    const owner = secret
      ? { mode: 0o600, uid: 0, gid: entry.gid }
      : { mode: entry.mode ?? 0o600, uid: entry.uid, gid: entry.gid };
    files.push({
      path: entry.path,
      content: isText ? bytes.toString('utf8') : bytes,
      ...owner,
      secret,
      previous: isText ? await ctx.sys.readFile(entry.path) : undefined,
    });
  }
  const deletes = [
    ...backup.entries.filter((e) => !e.existed).map((e) => e.path),
    ...(await laterWizardMaps(ctx, configDir, backup, copies)),
  ];
  // A reload ignores a changed inet_interfaces (loopback-only): then Postfix is stopped and started.
  const restart = files.some(
    (f) =>
      f.path.endsWith('/main.cf') &&
      typeof f.content === 'string' &&
      mainCfValue(f.content, 'inet_interfaces') !== mainCfValue(f.previous ?? '', 'inet_interfaces'),
  );
  return buildPlan(configDir, { files, deletes, touches: backup.entries.map((e) => e.path), restart });
}

/**
 * The wizard's own maps a later run made (a second account's sender_relay), which a backup taken
 * before them cannot list: gone too when the main.cf put back names none of them, so that a restore
 * of an older backup leaves the config dir as it was then.
 */
async function laterWizardMaps(
  ctx: Pick<Context, 'sys'>,
  configDir: string,
  backup: Backup,
  copies: ReadonlyMap<string, Buffer>,
): Promise<string[]> {
  const dir = configDir.replace(/\/+$/, '');
  const main = copies.get(`${dir}/main.cf`)?.toString('utf8');
  if (main === undefined) return [];
  const named = new Set(
    ['smtp_sasl_password_maps', 'smtp_generic_maps', 'sender_dependent_relayhost_maps'].flatMap((name) =>
      namedMapFiles(mainCfValue(main, name) ?? '', dir),
    ),
  );
  const listed = new Set(backup.entries.map((e) => e.path));
  const candidates = wizardFiles(dir).filter(
    (path) => !path.endsWith('.cf') && !path.endsWith('.saved') && !listed.has(path) && !named.has(path),
  );
  const present = await Promise.all(candidates.map(async (path) => ((await ctx.sys.fileInfo(path)) ? path : '')));
  return present.filter(Boolean);
}

/**
 * Which files hold a password, by role: the wizard's own map and every map smtp_sasl_password_maps
 * names — in the backup's main.cf (the state it goes back to) or now — with their compiled forms.
 */
function passwordFiles(
  configDir: string,
  copies: ReadonlyMap<string, Buffer>,
  currentPasswordMaps: string,
): { sources: Set<string>; secrets: Set<string> } {
  const dir = configDir.replace(/\/+$/, '');
  const saved = copies.get(`${dir}/main.cf`)?.toString('utf8');
  const named = [saved === undefined ? '' : (mainCfValue(saved, 'smtp_sasl_password_maps') ?? ''), currentPasswordMaps];
  const sources = new Set([passwordMapPath({ configDir: dir }), ...named.flatMap((value) => namedMaps(value, dir))]);
  return { sources, secrets: new Set([...sources].flatMap((path) => [path, ...everyCompiledForm(path)])) };
}
