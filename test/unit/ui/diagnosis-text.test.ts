// The diagnosis words in use (ui/diagnosis-text.ts): the table setDiagnosisTable picked.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainDiagnosis, setDiagnosisTable } from '../../../src/ui/diagnosis-text.js';
import { diagnosesEn } from '../../../src/ui/text/diagnoses.en.js';
import { diagnosesJa } from '../../../src/ui/text/diagnoses.ja.js';

describe('diagnosis tables', () => {
  it('explainDiagnosis follows setDiagnosisTable', () => {
    try {
      setDiagnosisTable(diagnosesJa);
      assert.equal(explainDiagnosis('dns'), diagnosesJa.dns);
    } finally {
      setDiagnosisTable(diagnosesEn);
    }
    assert.equal(explainDiagnosis('dns'), diagnosesEn.dns);
  });
});
