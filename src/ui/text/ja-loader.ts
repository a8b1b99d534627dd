// Loaded only when the interface language is Japanese.
import { setDiagnosisTable } from '../diagnosis-text.js';
import { setCatalogue } from '../messages.js';
import { diagnosesEn } from './diagnoses.en.js';
import { en } from './en.js';

export async function useJapanese(): Promise<void> {
  const [{ ja }, { diagnosesJa }] = await Promise.all([import('./ja.js'), import('./diagnoses.ja.js')]);
  setCatalogue(ja);
  setDiagnosisTable(diagnosesJa);
}

/** Back to English after a Japanese run in the same process (tests run many). */
export function useEnglishAgain(): void {
  setCatalogue(en);
  setDiagnosisTable(diagnosesEn);
}
