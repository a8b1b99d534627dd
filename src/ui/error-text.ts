// The sentences of the errors raised below ui/ by code (errors.ts codedError): the code's message
// and fix, filled with the facts the error carries.
import type { ErrorVars } from '../errors.js';
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
};

// A folder's problem (system/types.ts DirProblem) inside the unsafe-path sentence.
const dirProblems: Readonly<Record<string, MessageKey>> = {
  symlink: 'trust.reason.symlink',
  owner: 'trust.reason.owner',
  writable: 'trust.reason.writable',
  'not-directory': 'trust.reason.notDirectory',
};

export function wordError(code: string, vars: ErrorVars): { message: string; fix: string } | undefined {
  const keys = sentences[code];
  const reason = dirProblems[String(vars.problem)];
  const filled = reason ? { ...vars, reason: t(reason) } : vars;
  return keys && { message: t(keys[0], filled), fix: t(keys[1], filled) };
}
