// Putting the backup back after a failed step — on a machine that may have just run out of space or
// gone read-only. The added files and the work files Postfix's tools left go first (that frees space),
// then only the files that differ are rewritten (backup.ts restoreBackup); then a check reads every
// file again: "rolled back" is said only when the config dir is as the backup says.
import { codedError } from '../errors.js';
import { toolLeftovers } from '../postfix/maps.js';
import type { CommandLine, System } from '../system/types.js';
import { differsFromBackup, restoreBackup, type Backup } from './backup.js';
import { clearJournal, runUndo } from './journal.js';
import { reload, restart, type TransactionTarget } from './run-step.js';

/** How the rollback after a failure went: the files back (or why not), and Postfix rereading them — as thrown, for ui/ to word. */
export interface RollbackReport {
  /** undefined: the backup is back in place (checked); else why it is not (the journal stays for the next run). */
  restoreError?: unknown;
  /** The files are back but the reload failed: Postfix keeps the configuration it had loaded. */
  reloadError?: unknown;
}

/** The tool work files beside the touched paths that do not exist now: a rollback deletes those it finds. */
export async function newLeftovers(sys: System, touched: readonly string[]): Promise<string[]> {
  const candidates = [...new Set(touched.flatMap(toolLeftovers))];
  const absent = await Promise.all(candidates.map(async (p) => !(await sys.fileInfo(p).catch(() => undefined))));
  return candidates.filter((_, i) => absent[i]);
}

export interface RollbackScope {
  /** The paths the plan touches: the only ones the backup may put back. */
  touched: readonly string[];
  /** From newLeftovers, before the first write. */
  leftovers: readonly string[];
  stateDir: string;
  /** The plan's restart began: only another restart undoes a new inet_interfaces. */
  restarted: boolean;
  /** Postfix was stopped and this run started it: stop it again. */
  stop?: CommandLine;
  /** The undo of the steps that began (journal.ts undoCommands): a timer this run enabled is disabled. */
  undo?: { before: CommandLine[]; after: CommandLine[] };
}

/** `postfix` undefined: the plan left Postfix alone (installs), so nothing is reloaded. */
export async function rollBack(
  sys: System,
  postfix: TransactionTarget | undefined,
  configDir: string,
  backup: Backup,
  scope: RollbackScope,
): Promise<RollbackReport> {
  // While this run's files are still there (systemctl disable reads the unit it names).
  await runUndo(sys, scope.undo?.before ?? []);
  try {
    for (const path of scope.leftovers) await sys.removeFile(path);
    for (const path of scope.touched) await sys.removeAtomicLeftovers(path);
    // The backup is this run's own, of the files this plan touches: those are the paths it may put back.
    await restoreBackup(sys, backup, { configDir: postfix?.configDir ?? configDir, extra: scope.touched });
    const differs = await differsFromBackup(sys, backup, scope.leftovers);
    if (differs !== undefined) throw codedError('rollback-differs', { path: differs });
    await clearJournal(sys, scope.stateDir);
    // Everything is as the backup says: the backup is the same as what is in place, and no more than a
    // second copy of the password (a failed setup must leave no file holding it that was not there before).
    await sys.removeTree(backup.dir).catch(() => undefined);
  } catch (error) {
    return { restoreError: error }; // the journal stays: the next run offers the rollback again
  }
  await runUndo(sys, scope.undo?.after ?? []); // the files are back: systemd rereads them
  const report: RollbackReport = {};
  // The files are back. A running Postfix rereads them; if that reload fails
  // too, it still runs the configuration it had loaded before, the same one.
  if (postfix?.running) {
    const back = scope.restarted ? restart(sys, postfix) : reload(sys, postfix);
    await back.catch((error: unknown) => (report.reloadError = error));
  }
  if (scope.stop) await sys.exec(scope.stop.file, scope.stop.args); // best effort: the start may not have got far
  return report;
}
