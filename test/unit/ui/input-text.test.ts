// The sentence for an input problem found by gmail/ (ui/input-text.ts): each code is a catalogue key,
// filled from the problem's facts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INPUT_PROBLEMS } from '../../../src/gmail/credentials.js';
import { inputText } from '../../../src/ui/input-text.js';
import { inLanguage, wordsFor } from '../../../src/ui/messages.js';
import { en } from '../../../src/ui/text/en.js';

describe('inputText', () => {
  it('every input problem has its own sentence in both languages', async () => {
    const english = INPUT_PROBLEMS.map((code) => inputText({ code }));
    assert.equal(new Set(english).size, INPUT_PROBLEMS.length);
    const japanese = inLanguage(await wordsFor('ja'), () => INPUT_PROBLEMS.map((code) => inputText({ code })));
    for (const [i, code] of INPUT_PROBLEMS.entries()) assert.notEqual(japanese[i], english[i], code);
  });

  it("fills the placeholders from the problem's vars", () => {
    const withVars = INPUT_PROBLEMS.filter((code) => /\{\w+\}/.test(en[code]));
    assert.ok(withVars.length > 0);
    for (const code of withVars) {
      const names = [...en[code].matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const text = inputText({ code, vars: Object.fromEntries(names.map((n) => [n, `<${n}>`])) });
      for (const n of names) assert.ok(text.includes(`<${n}>`), `${code}: ${n}`);
      assert.doesNotMatch(text, /\{\w+\}/);
    }
  });
});
