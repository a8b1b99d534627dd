// The one way the wizard changes a machine (certbot's reverter): take the lock, back up every
// path the Plan touches, record each step in the journal before making it, then write, postmap,
// postconf, `postfix check`, reload. Any failure — or a signal, held until the current step ends —
// puts the backup back and reloads the old configuration (or stops a Postfix this run started).
// It speaks in step codes and error codes; flow/apply/apply.ts shows them to a person.
import { postconfArgs, postconfRemoveArgs, instanceDir } from '../postfix/postconf.js';
import { applySettings } from './settings-step.js';
import { checkCommand, reloadCommand, restartCommands, stopCommand } from '../postfix/service.js';
import type { System } from '../system/types.js';
import { detachBeforeRewrite, dropAsides } from './aside.js';
import { createBackup, keptBackups, pruneBackups, type Backup } from './backup.js';
import { clearJournal, undoCommands, writeJournal, type Journal, type StepRef, type StepUndo } from './journal.js';
import { acquireLock } from './lock.js';
import type { Plan } from './plan.js';
import {
  fixSecretFiles,
  mustInstall,
  mustRun,
  postmapOutputs,
  reload,
  restart,
  tightenSecretFiles,
  waitForSettledMainCf,
  type TransactionTarget,
} from './run-step.js';
import { newLeftovers, rollBack, type RollbackReport } from './rollback.js';
import { requireSpace } from './space.js';
import { directorySteps, removeEmptiedDirectories, removeMadeDirectories } from './directories.js';

export type { TransactionTarget } from './run-step.js';

export interface TransactionOptions {
  backupDir: string;
  stateDir: string;
  /** Names the backup (setup, remove, before-restore-ID). */
  reason: string;
  /** Start a stopped Postfix at the end (setup); restore and remove leave it stopped. */
  startIfStopped: boolean;
  /** Called as each step begins (a progress line). */
  onStep?: (step: StepRef) => void;
  /** Where the plan's package installs write their output (required when it has any). */
  installLog?: string;
  /** Each output line of a package install, as it comes. */
  onInstallOutput?: (line: string) => void;
}

export type { RollbackReport } from './rollback.js';

/**
 * A transaction that did not complete. `backup-failed`: nothing changed; else it was rolled back. It
 * carries codes and facts, never a sentence: ui/error-text.ts words `failure` where it is shown.
 */
export class TransactionError extends Error {
  constructor(
    readonly code: 'backup-failed' | 'step-failed' | 'interrupted',
    /** What went wrong as it was thrown (a coded error, a CommandFailed, a system error), or the signal's name. */
    readonly failure: unknown,
    readonly step?: StepRef,
    readonly backup?: Backup,
    readonly rollback?: RollbackReport,
  ) {
    super(code);
    this.name = 'TransactionError';
  }
}

export interface TransactionResult {
  backup: Backup;
  /** Old backups deleted to keep the newest `keptBackups`. */
  pruned: string[];
}

type Step = StepRef & { run: () => Promise<void>; undo?: StepUndo };

/**
 * `postfix` undefined: a plan that leaves Postfix's configuration alone (package installs, Gentoo's
 * package.use): no `postfix check`, no reload, and nothing to reload on a rollback.
 */
export async function runTransaction(
  sys: System,
  postfix: TransactionTarget | undefined,
  plan: Plan,
  options: TransactionOptions,
): Promise<TransactionResult> {
  const lock = await acquireLock(sys, options.stateDir);
  const signals = sys.holdSignals();
  try {
    await requireSpace(sys, plan, options); // a change that cannot fit is refused before the first write
    // The work files Postfix's tools could leave (postmap's __db.*, postconf's .tmp) that are not there now.
    const leftovers = await newLeftovers(sys, plan.touches);
    let backup: Backup;
    try {
      backup = await createBackup(sys, options.backupDir, plan.touches, options.reason, { aside: true });
    } catch (error) {
      throw new TransactionError('backup-failed', error);
    }
    // Decided once: a reload ignores a new inet_interfaces, so such a plan restarts a running Postfix.
    const restarts = postfix?.running === true && plan.restart === true;
    const starts = postfix?.running === false && options.startIfStopped;
    const madeDirs: string[] = [];
    const steps = transactionSteps(sys, postfix, plan, options, restarts, starts, backup, madeDirs);
    const journal: Journal = {
      backupId: backup.id,
      backupDir: backup.dir,
      configDir: postfix?.configDir ?? plan.configDir,
      reload: postfix?.running ? reloadCommand(postfix, true) : undefined,
      restart: restarts && postfix ? restartCommands(postfix) : undefined,
      stop: starts && postfix ? stopCommand(postfix) : undefined,
      planned: steps.length,
      startedAt: sys.now().toISOString(),
      steps: [],
    };
    let failed: { step: StepRef; failure: unknown } | undefined;
    for (const step of steps) {
      const ref: StepRef = { code: step.code, ...(step.target !== undefined ? { target: step.target } : {}) };
      const signal = signals.interrupted();
      if (signal) {
        failed = { step: ref, failure: signal };
        break;
      }
      options.onStep?.(ref);
      try {
        // Its undo is recorded before it runs: a crash mid-step leaves the recovery what to undo.
        journal.steps.push({ ...ref, state: 'started', ...(step.undo ? { undo: step.undo } : {}) });
        await writeJournal(sys, options.stateDir, journal);
        await step.run();
        journal.steps.at(-1)!.state = 'done';
        // Recorded, so that a crash before the journal is cleared is known to have left a whole change.
        await writeJournal(sys, options.stateDir, journal);
      } catch (error) {
        failed = { step: ref, failure: error };
        break;
      }
    }
    const signal = signals.interrupted();
    if (!failed && !signal) {
      // The second names go before the journal. Where they cannot (the config dir went read-only after the
      // last step) the journal stays, complete: the change is whole, and the next run only drops them.
      if (
        await dropAsides(sys, backup.entries, backup.id).then(
          () => true,
          () => false,
        )
      )
        await clearJournal(sys, options.stateDir);
      await removeEmptiedDirectories(sys, plan.removeDirectories ?? []);
      // A plan that touched no file (a package install alone) leaves no backup to list: there is nothing to put back.
      if (plan.touches.length === 0) await sys.removeTree(backup.dir).catch(() => undefined);
      const pruned = await pruneBackups(sys, options.backupDir, keptBackups).catch(() => []); // an old backup left over is harmless
      return { backup, pruned };
    }
    // Once the restart began, Postfix listens as the new main.cf says: only another restart undoes that.
    // A Postfix this run started (it was stopped) is stopped again.
    const began = (code: StepRef['code']) => journal.steps.some((s) => s.code === code);
    const rollback = await rollBack(sys, postfix, plan.configDir, backup, {
      touched: plan.touches,
      leftovers,
      stateDir: options.stateDir,
      restarted: began('restart'),
      stop: journal.stop && began('reload') ? journal.stop : undefined,
      undo: undoCommands(journal.steps),
    });
    if (!rollback.restoreError) await removeMadeDirectories(sys, madeDirs);
    const step = failed?.step ?? { code: 'reload' };
    if (signal) throw new TransactionError('interrupted', signal, step, backup, rollback);
    throw new TransactionError('step-failed', failed!.failure, step, backup, rollback);
  } finally {
    signals.release();
    await lock.release();
  }
}

function transactionSteps(
  sys: System,
  postfix: TransactionTarget | undefined,
  plan: Plan,
  options: TransactionOptions,
  restarts: boolean,
  starts: boolean,
  backup: Backup,
  madeDirs: string[],
): Step[] {
  const dir = instanceDir(postfix ?? { configDir: plan.configDir, isDefaultInstance: true });
  const changesMainCf = plan.settings.length + plan.removeSettings.length > 0;
  return [
    ...directorySteps(sys, plan, madeDirs),
    ...plan.files.map(
      (file): Step => ({
        code: 'write',
        target: file.path,
        run: () =>
          sys.writeFileAtomic(file.path, file.content, { mode: file.mode, uid: file.uid ?? 0, gid: file.gid ?? 0 }),
      }),
    ),
    ...plan.deletes.map((path): Step => ({ code: 'delete', target: path, run: () => sys.removeFile(path) })),
    ...(plan.installs ?? []).map(
      (command): Step => ({
        code: 'install',
        target: [command.file, ...command.args].join(' '),
        run: () => mustInstall(sys, command, options.installLog ?? '/dev/null', options.onInstallOutput),
      }),
    ),
    // Before postmap: it would write the new password into a compiled map that others can read.
    ...(plan.secretFixes?.length
      ? [{ code: 'secret-fixes', run: () => fixSecretFiles(sys, plan.secretFixes ?? []) } satisfies Step]
      : []),
    // Maps before main.cf: every Postfix program stalls ~2 s when it reads a
    // main.cf changed in the last seconds, so run postmap while it is old.
    ...plan.commands.map(
      (command): Step => ({
        code: 'command',
        target: `${command.file} ${command.args.join(' ')}`,
        ...(command.undo ? { undo: command.undo } : {}),
        run: async () => {
          await detachBeforeRewrite(sys, backup.entries, postmapOutputs(command));
          await mustRun(sys, command);
        },
      }),
    ),
    ...(plan.commands.length > 0 && plan.secretFiles?.length
      ? [{ code: 'map-modes', run: () => tightenSecretFiles(sys, plan.secretFiles ?? []) } satisfies Step]
      : []),
    ...(plan.settings.length > 0
      ? [
          {
            code: 'postconf',
            run: () => applySettings(sys, plan.configDir, dir, plan.settings),
          } satisfies Step,
        ]
      : []),
    ...(plan.removeSettings.length > 0
      ? [
          {
            code: 'postconf-remove',
            run: () => mustRun(sys, { file: 'postconf', args: postconfRemoveArgs(dir, plan.removeSettings) }),
          } satisfies Step,
        ]
      : []),
    ...(plan.masterRemovals?.length
      ? [
          {
            code: 'master-remove',
            run: () => mustRun(sys, { file: 'postconf', args: postconfArgs(dir, '-PX', ...plan.masterRemovals!) }),
          } satisfies Step,
        ]
      : []),
    ...(plan.masterSettings?.length
      ? [
          {
            code: 'master-set',
            run: () => mustRun(sys, { file: 'postconf', args: postconfArgs(dir, '-P', ...plan.masterSettings!) }),
          } satisfies Step,
        ]
      : []),
    ...(postfix ? serviceSteps(sys, postfix, changesMainCf, restarts, starts) : []),
  ];
}

/** After the edits: main.cf settled, `postfix check`, then the restart or reload that makes Postfix read them. */
function serviceSteps(
  sys: System,
  postfix: TransactionTarget,
  changesMainCf: boolean,
  restarts: boolean,
  starts: boolean,
): Step[] {
  return [
    ...(changesMainCf
      ? [{ code: 'settle', run: () => waitForSettledMainCf(sys, `${postfix.configDir}/main.cf`) } satisfies Step]
      : []),
    { code: 'check', run: () => mustRun(sys, checkCommand(postfix)) },
    ...(restarts ? [{ code: 'restart', run: () => restart(sys, postfix) } satisfies Step] : []),
    ...((postfix.running && !restarts) || starts
      ? [{ code: 'reload', run: () => reload(sys, postfix) } satisfies Step]
      : []),
  ];
}
