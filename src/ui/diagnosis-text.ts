// Cause and fix, in the interface's language, for a diagnosis code.
import type { DiagnosisCode } from '../gmail/diagnose.js';
import { defaultRelay } from '../gmail/relay.js';
import { diagnosesEn } from './text/diagnoses.en.js';

let table: Record<DiagnosisCode, { cause: string; fix: string }> = diagnosesEn;

export function setDiagnosisTable(next: Record<DiagnosisCode, { cause: string; fix: string }>): void {
  table = next;
}

/** `host`: the relay the failure happened on — the name a lookup or a certificate failed for (Gmail's unless told). */
export function explainDiagnosis(code: DiagnosisCode, host = defaultRelay.host): { cause: string; fix: string } {
  const { cause, fix } = table[code] ?? diagnosesEn[code] ?? diagnosesEn.unknown;
  const named = (text: string) => text.replaceAll('{host}', host);
  return { cause: named(cause), fix: named(fix) };
}
