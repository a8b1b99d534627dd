// The diagnosis words in use (ui/diagnosis-text.ts): the table of the run's language.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainDiagnosis } from '../../../src/ui/diagnosis-text.js';
import { inLanguage, wordsFor } from '../../../src/ui/messages.js';
import { diagnosesEn } from '../../../src/ui/text/diagnoses.en.js';

describe('diagnosis tables', () => {
  it("explainDiagnosis follows the run's language", async () => {
    const japanese = inLanguage(await wordsFor('ja'), () => explainDiagnosis('dns').cause);
    assert.match(japanese, /smtp\.gmail\.com の名前解決ができませんでした/);
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
