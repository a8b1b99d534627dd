// Loaded only when the interface language is Japanese.
import { setDiagnosisTable } from '../diagnosis-text.js';
import { setCatalogue } from '../messages.js';

export async function useJapanese(): Promise<void> {
  const [{ ja }, { diagnosesJa }] = await Promise.all([import('./ja.js'), import('./diagnoses.ja.js')]);
  setCatalogue(ja);
  setDiagnosisTable(diagnosesJa);
}
