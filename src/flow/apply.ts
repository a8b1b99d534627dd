// apply: carry out a Plan as a transaction (certbot's reverter): take the
// lock, back up everything the plan touches, record each step in the
// journal before doing it, then write, postmap, postconf, `postfix check`,
// reload. Any failure — or Ctrl-C/SIGTERM/SIGHUP, held until the current
// step ends — puts the backup back and reloads the old configuration (or
// stops a Postfix this run started).
import { CancelledError, WizardError } from '../errors.js';
import { postconfArgs, postconfEditArgs, postconfRemoveArgs } from '../postfix/postconf.js';
import { checkCommand, reloadCommand, restartCommands, stopCommand } from '../postfix/service.js';
import type { System } from '../system/types.js';
import { t } from '../ui/messages.js';
import { createBackup, keptBackups, pruneBackups, restoreBackup, type Backup } from './backup.js';
import type { Context } from './context.js';
import { clearJournal, writeJournal, type Journal } from './journal.js';
import { acquireLock } from './lock.js';
import type { Plan, PostfixFacts, SecretFileFix } from './types.js';

export interface ApplyResult {
  backup: Backup;
}

type Step = { name: string; run: () => Promise<void> };

/** `reason` names the backup; a stopped Postfix is started by setup (restore and remove leave it stopped; doctor --fix says). */
export async function apply(ctx: Pick<Context, 'sys' | 'ui' | 'options'>, postfix: PostfixFacts, plan: Plan, reason = 'setup', startIfStopped = reason === 'setup'): Promise<ApplyResult> {
  const { sys, options } = ctx;
  const lock = await acquireLock(sys, options.stateDir);
  const signals = sys.holdSignals();
  const progress = ctx.ui.progress(t('apply.backup'));
  try {
    let backup: Backup;
    try {
      backup = await createBackup(sys, options.backupDir, plan.touches, reason);
    } catch (error) {
      progress.stop(t('apply.failed'), 'failed');
      throw new WizardError('backup-failed', t('apply.backupFailed', { dir: options.backupDir, reason: (error as Error).message }), t('apply.backupFailedFix'));
    }
    const reload = reloadCommand(postfix, true);
    const steps = transactionSteps(sys, postfix, plan, startIfStopped);
    const journal: Journal = {
      backupId: backup.id, backupDir: backup.dir, configDir: postfix.configDir, reload: postfix.running ? reload : undefined,
      restart: postfix.running && plan.restart ? restartCommands(postfix) : undefined, stop: !postfix.running && startIfStopped ? stopCommand(postfix) : undefined,
      planned: steps.length, startedAt: sys.now().toISOString(), steps: [],
    };
    let failed: { step: string; error: unknown } | undefined;
    for (const step of steps) {
      const signal = signals.interrupted();
      if (signal) {
        failed = { step: step.name, error: new Error(signal) };
        break;
      }
      progress.update(step.name);
      try {
        journal.steps.push({ name: step.name, state: 'started' });
        await writeJournal(sys, options.stateDir, journal);
        await step.run();
        journal.steps.at(-1)!.state = 'done';
        // Recorded, so that a crash before the journal is cleared is known to have left a whole change.
        await writeJournal(sys, options.stateDir, journal);
      } catch (error) {
        failed = { step: step.name, error };
        break;
      }
    }
    const signal = signals.interrupted();
    if (!failed && !signal) {
      await clearJournal(sys, options.stateDir);
      const pruned = await pruneBackups(sys, options.backupDir, keptBackups).catch(() => []); // an old backup left over is harmless
      progress.stop(t('apply.done'));
      if (pruned.length > 0) ctx.ui.info(t('apply.pruned', { count: pruned.length, keep: keptBackups }));
      return { backup };
    }
    progress.stop(t('apply.stepFailed', { step: failed?.step ?? t('apply.step.reload') }), 'failed');
    // Once the restart began, Postfix listens as the new main.cf says: only another restart undoes that.
    // A Postfix this run started (it was stopped) is stopped again.
    const began = (name: string) => journal.steps.some((s) => s.name === name);
    await rollback(ctx, postfix, backup, began(t('apply.step.restart')), journal.stop && began(t('apply.step.reload')) ? journal.stop : undefined);
    if (signal) throw new CancelledError(t('apply.interrupted', { signal }));
    throw new WizardError('apply-failed', t('apply.rolledBack', { step: failed!.step, reason: (failed!.error as Error).message }), t('apply.rolledBackFix', { dir: backup.dir }));
  } finally {
    signals.release();
    await lock.release();
  }
}

function transactionSteps(sys: System, postfix: PostfixFacts, plan: Plan, startIfStopped: boolean): Step[] {
  const dir = postfix.isDefaultInstance ? undefined : postfix.configDir;
  return [
    ...plan.files.map((file) => ({
      name: t('apply.step.write', { path: file.path }),
      run: () => sys.writeFileAtomic(file.path, file.content, { mode: file.mode, uid: file.uid ?? 0, gid: file.gid ?? 0 }),
    })),
    ...plan.deletes.map((path) => ({ name: t('apply.step.delete', { path }), run: () => sys.removeFile(path) })),
    // Before postmap: it would write the new password into a compiled map that others can read.
    ...(plan.secretFixes?.length ? [{ name: t('apply.step.secretFixes'), run: () => fixSecretFiles(sys, plan.secretFixes ?? []) }] : []),
    // Maps before main.cf: every Postfix program stalls ~2 s when it reads a
    // main.cf changed in the last seconds, so run postmap while it is old.
    ...plan.commands.map((command) => ({ name: `${command.file} ${command.args.join(' ')}`, run: () => mustRun(sys, command.file, command.args) })),
    ...(plan.commands.length > 0 && plan.secretFiles?.length ? [{ name: t('apply.step.mapModes'), run: () => tightenSecretFiles(sys, plan.secretFiles ?? []) }] : []),
    ...(plan.settings.length > 0
      ? [{ name: t('apply.step.postconf'), run: () => mustRun(sys, 'postconf', postconfEditArgs(dir, Object.fromEntries(plan.settings.map((s) => [s.name, s.to])))) }]
      : []),
    ...(plan.removeSettings.length > 0 ? [{ name: t('apply.step.postconfRemove'), run: () => mustRun(sys, 'postconf', postconfRemoveArgs(dir, plan.removeSettings)) }] : []),
    ...(plan.masterRemovals?.length ? [{ name: t('apply.step.masterRemove'), run: () => mustRun(sys, 'postconf', postconfArgs(dir, '-PX', ...plan.masterRemovals!)) }] : []),
    ...(plan.settings.length + plan.removeSettings.length > 0 ? [{ name: t('apply.step.settle'), run: () => waitForSettledMainCf(sys, `${postfix.configDir}/main.cf`) }] : []),
    { name: t('apply.step.check'), run: () => runService(sys, checkCommand(postfix)) },
    ...(postfix.running && plan.restart ? [{ name: t('apply.step.restart'), run: () => restart(sys, postfix) }] : []),
    ...((postfix.running && !plan.restart) || (!postfix.running && startIfStopped) ? [{ name: t('apply.step.reload'), run: () => runService(sys, reloadCommand(postfix, postfix.running)) }] : []),
  ];
}

async function rollback(ctx: Pick<Context, 'sys' | 'ui' | 'options'>, postfix: PostfixFacts, backup: Backup, restarted: boolean, stop?: Journal['stop']): Promise<void> {
  try {
    await restoreBackup(ctx.sys, backup);
    await clearJournal(ctx.sys, ctx.options.stateDir);
  } catch (error) {
    // The journal stays: the next run offers the rollback again.
    ctx.ui.error(t('apply.rollbackFailed', { dir: backup.dir, reason: (error as Error).message }));
    return;
  }
  // The files are back. A running Postfix rereads them; if that reload fails
  // too, it still runs the configuration it had loaded before, the same one.
  if (postfix.running) {
    const back = restarted ? restart(ctx.sys, postfix) : runService(ctx.sys, reloadCommand(postfix, true));
    await back.catch((error: Error) => ctx.ui.warn(t('apply.rollbackReloadFailed', { reason: error.message })));
  }
  if (stop) await ctx.sys.exec(stop.file, stop.args); // best effort: the start may not have got far
  ctx.ui.warn(t('apply.rollbackDone'));
}

export async function mustRun(sys: System, file: string, args: string[]): Promise<void> {
  const result = await sys.exec(file, args);
  if (result.exitCode !== 0) {
    throw new Error(`${file} exited ${result.exitCode}: ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ')}`);
  }
}

function runService(sys: System, command: { file: string; args: string[] }): Promise<void> {
  return mustRun(sys, command.file, command.args);
}

// Postfix programs will not read a main.cf modified in the current or the
// previous whole second (it might still be being written): each one sleeps in
// one-second steps until it is older. Waiting here for exactly that moment,
// once, spares `postfix check` and the reload those stalls (up to ~1 s each).
async function waitForSettledMainCf(sys: System, mainCf: string): Promise<void> {
  const info = await sys.fileInfo(mainCf);
  if (!info) return;
  const settled = (Math.floor(info.mtimeMs / 1000) + 2) * 1000 + 20;
  const wait = settled - sys.now().getTime();
  if (wait > 0) await sys.sleep(wait);
}

/** Stop (already stopped is fine: a failed start is being undone) and start again. */
async function restart(sys: System, postfix: PostfixFacts): Promise<void> {
  const commands = restartCommands(postfix);
  for (const [index, command] of commands.entries()) {
    const stopping = commands.length > 1 && index === 0;
    if (stopping) await sys.exec(command.file, command.args);
    else await runService(sys, command);
  }
}

async function fixSecretFiles(sys: System, fixes: readonly SecretFileFix[]): Promise<void> {
  for (const fix of fixes) {
    if (fix.action === 'remove') await sys.removeFile(fix.path);
    else await sys.chmod(fix.path, 0o600);
  }
}

// A new compiled map gets the source's mode (0600); this only confirms it, in
// case a command created one some other way.
async function tightenSecretFiles(sys: System, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    const info = await sys.fileInfo(path);
    if (info && (info.mode & 0o077) !== 0) await sys.chmod(path, 0o600);
  }
}
