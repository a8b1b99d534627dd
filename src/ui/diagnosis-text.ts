// Cause and fix, in the run's language (messages.ts), for a diagnosis code.
import type { DiagnosisCode } from '../gmail/diagnose.js';
import { defaultRelay } from '../gmail/relay.js';
import { currentWords, english, fill } from './messages.js';

/** `host`: the relay the failure happened on — the name a lookup or a certificate failed for (Gmail's unless told). */
export function explainDiagnosis(code: DiagnosisCode, host = defaultRelay.host): { cause: string; fix: string } {
  const { cause, fix } = currentWords().diagnoses[code] ?? english.diagnoses[code] ?? english.diagnoses.unknown;
  return { cause: fill(cause, { host }), fix: fill(fix, { host }) };
}
