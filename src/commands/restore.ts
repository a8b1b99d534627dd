// `restore [ID]` and `restore --list`: put back the files of a backup byte
// for byte, as a transaction of its own (so the state before the restore is
// backed up too, and a failed check or reload rolls the restore back).
// The manifest is checked first (backup-check.ts): managed paths only,
// checksums, no setuid/setgid.
import { ExitCode, UsageError, WizardError, type ExitCodeValue } from '../errors.js';
import { mainCfValue } from '../postfix/networks.js';
import { t } from '../ui/messages.js';
import { showConfirmApply } from '../flow/apply/apply-plan.js';
import { listBackups, readBackup, type Backup } from '../transaction/backup.js';
import type { Context } from '../flow/context.js';
import { detect } from '../flow/detect/detect.js';
import { requirePostfix, requireRoot } from '../flow/detect/requirements.js';
import { buildPlan, type Plan } from '../transaction/plan.js';
import { checkBackup, backupRefusal, namedMapFiles, namedMaps, wizardFiles } from '../transaction/backup-check.js';
import { readLocalFacts } from '../flow/detect/local-facts.js';
import { compiledMapPaths, everyCompiledForm } from '../postfix/maps.js';
import { passwordMapPath } from '../flow/plan/plan.js';

export async function runRestore(ctx: Context): Promise<ExitCodeValue> {
  const { sys, ui, options, outcome } = ctx;
  const backups = await listBackups(sys, options.backupDir);
  if (options.list) {
    outcome.result = 'list';
    outcome.backups = backups.map((b) => ({
      id: b.id,
      createdAt: b.createdAt,
      reason: b.reason,
      files: b.entries.map((e) => e.path),
    }));
    ui.note(
      backups.length
        ? backups.map((b) => `${b.id}  ${b.reason}  ${b.entries.map((e) => e.path).join(', ')}`).join('\n')
        : t('restore.none', { dir: options.backupDir }),
      t('restore.listTitle'),
    );
    return ExitCode.ok;
  }
  const facts = await detect(sys, options.configDir);
  const postfix = requirePostfix(facts);
  requireRoot(facts, ctx.argv);
  const backup = options.backupId ? await readBackup(sys, options.backupDir, options.backupId) : backups.at(-1);
  if (!backup) {
    if (options.backupId)
      throw new UsageError('unknown-backup', t('restore.unknown', { id: options.backupId }), t('restore.unknownFix'));
    throw new WizardError('no-backups', t('restore.none', { dir: options.backupDir }), undefined);
  }
  const local = await readLocalFacts(sys, postfix);
  const aliases = local.aliases
    ? [local.aliases.path, ...compiledMapPaths(local.aliases.type, local.aliases.path)]
    : [];
  const { problem, copies } = await checkBackup(sys, backup, { configDir: postfix.configDir, extra: aliases });
  if (problem) throw backupRefusal(backup, problem);
  const plan = await restorePlan(
    ctx,
    postfix.configDir,
    backup,
    copies,
    postfix.settings.smtp_sasl_password_maps ?? '',
  );
  const done = await showConfirmApply(ctx, postfix, plan, {
    title: t('restore.title', { id: backup.id }),
    question: 'restore.confirm',
    initialValue: true,
    reason: `before-restore-${backup.id}`,
    result: 'restored',
  });
  if (!done) return ExitCode.ok;
  // The id of the backup put back (the transaction's own, made first, is the safety copy).
  outcome.backupId = backup.id;
  ui.success(t('restore.done', { id: backup.id, safety: done.backup.id }));
  return ExitCode.ok;
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
