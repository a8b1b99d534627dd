// The sentences of the errors raised below ui/ by code (errors.ts codedError): the code's message
// and fix, filled with the facts the error carries.
import type { ErrorVars } from '../errors.js';
import { t, type MessageKey } from './messages.js';

const sentences: Readonly<Record<string, readonly [message: MessageKey, fix: MessageKey]>> = {
  'postconf-failed': ['postconf.failed', 'postconf.failedFix'],
  'state-dir': ['lock.stateDir', 'lock.stateDirFix'],
  locked: ['lock.busy', 'lock.busyFix'],
};

export function wordError(code: string, vars: ErrorVars): { message: string; fix: string } | undefined {
  const keys = sentences[code];
  return keys && { message: t(keys[0], vars), fix: t(keys[1], vars) };
}
