// The diagnosis tables (diagnoses.ja.ts against diagnoses.en.ts): every code explained in both
// languages, ja translated with commands and URLs kept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIAGNOSIS_CODES } from '../../../../src/gmail/diagnose.js';
import { diagnosesEn } from '../../../../src/ui/text/diagnoses.en.js';
import { diagnosesJa } from '../../../../src/ui/text/diagnoses.ja.js';
import { placeholders, technicalTokens } from './catalogue-tokens.js';

describe('diagnosis tables', () => {
  const tables = { en: diagnosesEn, ja: diagnosesJa } as Record<string, Record<string, { cause: string; fix: string }>>;

  for (const [lang, table] of Object.entries(tables)) {
    it(`${lang} explains every diagnosis code, and nothing else`, () => {
      const missing = DIAGNOSIS_CODES.filter((code) => !(code in table));
      const extra = Object.keys(table).filter((code) => !(DIAGNOSIS_CODES as readonly string[]).includes(code));
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
    });
    it(`${lang} has a cause and a fix for each code`, () => {
      const empty = Object.entries(table)
        .filter(([, text]) => !text.cause?.trim() || !text.fix?.trim())
        .map(([code]) => code);
      assert.deepEqual(empty, []);
    });
  }

  it('ja is translated and keeps commands and URLs verbatim', () => {
    const problems: string[] = [];
    for (const code of DIAGNOSIS_CODES) {
      const e = diagnosesEn[code];
      const j = diagnosesJa[code];
      if (!j) continue; // reported above
      for (const part of ['cause', 'fix'] as const) {
        if (j[part] === e[part]) problems.push(`${code}.${part}: identical to English`);
        if (placeholders(j[part]).join(',') !== placeholders(e[part]).join(','))
          problems.push(`${code}.${part}: placeholders differ`);
        for (const token of technicalTokens(e[part]))
          if (!j[part].includes(token)) problems.push(`${code}.${part}: lost ${token}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
