// Cause and fix, in the interface's language, for a diagnosis code.
import type { DiagnosisCode } from '../gmail/diagnose.js';
import { diagnosesEn } from './text/diagnoses.en.js';

let table: Record<DiagnosisCode, { cause: string; fix: string }> = diagnosesEn;

export function setDiagnosisTable(next: Record<DiagnosisCode, { cause: string; fix: string }>): void {
  table = next;
}

export function explainDiagnosis(code: DiagnosisCode): { cause: string; fix: string } {
  return table[code] ?? diagnosesEn[code] ?? diagnosesEn.unknown;
}
