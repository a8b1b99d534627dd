// The words of the errors raised below ui/ by code (errors.ts codedError) and of the failures a
// transaction reports (transaction/: a coded error, a command that failed, a signal): the code's
// message and fix from the run's catalogue, filled with the facts the error carries. Worded here,
// where they are shown — never where they are raised.
import { WizardError, type ErrorVars } from '../errors.js';
import { CommandFailed } from '../transaction/run-step.js';
import { t, type MessageKey } from './messages.js';

const sentences: Readonly<Record<string, readonly [message: MessageKey, fix: MessageKey]>> = {
  'postconf-failed': ['postconf.failed', 'postconf.failedFix'],
  'state-dir': ['lock.stateDir', 'lock.stateDirFix'],
  locked: ['lock.busy', 'lock.busyFix'],
  'no-space': ['apply.noSpace', 'apply.noSpaceFix'],
  'backup-unmanaged-path': ['restore.unmanagedPath', 'restore.refusedFix'],
  'backup-setuid': ['restore.setuid', 'restore.refusedFix'],
  'backup-executable': ['trust.executable', 'restore.refusedFix'],
  'backup-damaged': ['restore.damagedCopy', 'restore.refusedFix'],
  'unsafe-path': ['trust.unsafeBackupDir', 'trust.unsafeBackupDirFix'],
  'rollback-differs': ['apply.notAsBefore', 'apply.rolledBackFix'],
};

// A folder's problem (system/types.ts DirProblem) inside the unsafe-path sentence.
const dirProblems: Readonly<Record<string, MessageKey>> = {
  symlink: 'trust.reason.symlink',
  owner: 'trust.reason.owner',
  writable: 'trust.reason.writable',
  'not-directory': 'trust.reason.notDirectory',
};

/** A code's message and fix with its facts; undefined for a code this table does not know. */
export function wordError(code: string, vars: ErrorVars): { message: string; fix: string } | undefined {
  const keys = sentences[code];
  const reason = dirProblems[String(vars.problem)];
  const filled = reason ? { ...vars, reason: t(reason) } : vars;
  return keys && { message: t(keys[0], filled), fix: t(keys[1], filled) };
}

/** What a person reads of an error: a coded one worded from its code and facts, any other as it was made. */
export function errorWords(error: WizardError): { message: string; fix?: string } {
  const worded = error.vars ? wordError(error.code, error.vars) : undefined;
  return worded ?? { message: error.message, ...(error.fix !== undefined ? { fix: error.fix } : {}) };
}

/** A failure as one line: a coded error's message, a command's exit (with its last output), a signal, an error's own message. */
export function failureText(failure: unknown): string {
  if (failure instanceof WizardError) return errorWords(failure).message;
  if (failure instanceof CommandFailed)
    return failure.output
      ? t('failure.exited', { file: failure.file, code: failure.exitCode, output: failure.output })
      : t('failure.exitedQuiet', { file: failure.file, code: failure.exitCode });
  if (typeof failure === 'string') return failure;
  return failure instanceof Error ? failure.message : String(failure);
}
