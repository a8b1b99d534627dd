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
      assert.match(explainDiagnosis('dns').cause, /smtp\.gmail\.com の名前解決ができませんでした/);
    } finally {
      setDiagnosisTable(diagnosesEn);
    }
    assert.match(explainDiagnosis('dns').cause, /The name smtp\.gmail\.com could not be looked up/);
  });

  it("names the relay the failure happened on, not always Gmail's", () => {
    const dns = explainDiagnosis('dns', 'smtp-relay.gmail.com');
    assert.match(dns.cause, /The name smtp-relay\.gmail\.com could not be looked up/);
    assert.match(dns.fix, /getent hosts smtp-relay\.gmail\.com/);
    assert.match(explainDiagnosis('tls-name-mismatch', 'mail.example.net').cause, /not for mail\.example\.net/);
    for (const [code, entry] of Object.entries(diagnosesEn)) {
      const { cause, fix } = explainDiagnosis(code as keyof typeof diagnosesEn, 'relay.example');
      assert.ok(!`${cause} ${fix}`.includes('{host}'), `${code}: a placeholder left in ${JSON.stringify(entry)}`);
    }
  });
});
