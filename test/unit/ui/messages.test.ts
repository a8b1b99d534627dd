// The catalogues: every language has exactly the keys and {placeholders} of
// en.ts, every diagnosis code has a cause and a fix in every language, and
// the language is picked from --lang, then the locale variables.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { DIAGNOSIS_CODES } from '../../../src/gmail/diagnose.js';
import { columns as terminalColumns } from '../../../src/ui/columns.js';
import { explainDiagnosis, setDiagnosisTable } from '../../../src/ui/diagnosis-text.js';
import { pickLang, setCatalogue, t, type MessageKey } from '../../../src/ui/messages.js';
import { diagnosesEn } from '../../../src/ui/text/diagnoses.en.js';
import { diagnosesJa } from '../../../src/ui/text/diagnoses.ja.js';
import { en } from '../../../src/ui/text/en.js';
import { ja } from '../../../src/ui/text/ja.js';

// Keys whose Japanese text may equal the English one (pure symbols or commands).
// Keep this list short and explain each entry.
const IDENTICAL_ALLOWED: readonly string[] = [];

const enTable: Record<string, string> = en;
const jaTable: Record<string, string> = ja;

/** The {names} t() fills in, as it finds them (same pattern as messages.ts). */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

/** Things that must survive translation verbatim: URLs, --options and `commands`. */
function technicalTokens(text: string): string[] {
  const urls = [...text.matchAll(/https?:\/\/[^\s)）」、。]+/g)].map((m) => m[0].replace(/[.,;:]+$/, ''));
  const options = [...text.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((m) => m[0]);
  const code = [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
  return [...new Set([...urls, ...options, ...code])].sort();
}

/** Terminal columns, counting — … → as two as some Japanese terminals do: the strict measure for --help. */
const columns = (line: string) => terminalColumns(line, true);

describe('Japanese catalogue (ja.ts) against en.ts', () => {
  it('has no key missing from English', () => {
    const missing = Object.keys(enTable).filter((key) => !(key in jaTable));
    assert.deepEqual(missing, [], `keys in en.ts but not in ja.ts: ${missing.join(', ')}`);
  });

  it('has no key English does not have', () => {
    const extra = Object.keys(jaTable).filter((key) => !(key in enTable));
    assert.deepEqual(extra, [], `keys in ja.ts but not in en.ts: ${extra.join(', ')}`);
  });

  it('uses exactly the {placeholders} of each English entry', () => {
    const wrong = Object.keys(enTable)
      .filter((key) => key in jaTable)
      .filter((key) => placeholders(enTable[key] ?? '').join(',') !== placeholders(jaTable[key] ?? '').join(','))
      .map((key) => `${key}: en {${placeholders(enTable[key] ?? '').join('} {')}} ja {${placeholders(jaTable[key] ?? '').join('} {')}}`);
    assert.deepEqual(wrong, []);
  });

  it('has no empty entry', () => {
    const empty = Object.keys(jaTable).filter((key) => (jaTable[key] ?? '').trim() === '');
    assert.deepEqual(empty, []);
  });

  it('translates every entry (identical to English only where allowed)', () => {
    const untranslated = Object.keys(enTable).filter((key) => jaTable[key] === enTable[key] && !IDENTICAL_ALLOWED.includes(key));
    assert.deepEqual(untranslated, [], `ja.ts entries still in English: ${untranslated.join(', ')}`);
  });

  it('keeps URLs, --options and `commands` verbatim', () => {
    const lost = Object.keys(enTable)
      .filter((key) => key in jaTable)
      .flatMap((key) => technicalTokens(enTable[key] ?? '').filter((token) => !(jaTable[key] ?? '').includes(token)).map((token) => `${key}: ${token}`));
    assert.deepEqual(lost, []);
  });

  it('keeps --help lines within 80 terminal columns (except lines kept verbatim from English)', () => {
    const verbatim = new Set(en.help.split('\n'));
    const long = ja.help.split('\n').filter((line) => !verbatim.has(line) && columns(line) > 80).map((line) => `${columns(line)}: ${line}`);
    assert.deepEqual(long, []);
  });

  it('keeps the usage lines and the example command of --help', () => {
    const lines = en.help.split('\n');
    const usage = lines.filter((line) => /^\s*(?:Usage:)?\s*postfix-gmail-wizard /.test(line)).map((line) => line.replace(/^\s*(?:Usage:)?\s*/, ''));
    const example = lines.filter((line) => /^\s+printf /.test(line));
    assert.ok(usage.length > 0 && example.length > 0);
    for (const piece of [...usage, ...example]) assert.ok(ja.help.includes(piece), `ja help lacks: ${piece}`);
  });
});

describe('diagnosis tables', () => {
  const tables = { en: diagnosesEn, ja: diagnosesJa } as Record<string, Record<string, { cause: string; fix: string }>>;

  for (const [lang, table] of Object.entries(tables)) {
    it(`${lang} explains every diagnosis code, and nothing else`, () => {
      const missing = DIAGNOSIS_CODES.filter((code) => !(code in table));
      const extra = Object.keys(table).filter((code) => !(DIAGNOSIS_CODES as readonly string[]).includes(code));
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
    });
    it(`${lang} has a cause and a fix for each code`, () => {
      const empty = Object.entries(table).filter(([, text]) => !text.cause?.trim() || !text.fix?.trim()).map(([code]) => code);
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
        if (placeholders(j[part]).join(',') !== placeholders(e[part]).join(',')) problems.push(`${code}.${part}: placeholders differ`);
        for (const token of technicalTokens(e[part])) if (!j[part].includes(token)) problems.push(`${code}.${part}: lost ${token}`);
      }
    }
    assert.deepEqual(problems, []);
  });

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

describe('pickLang', () => {
  it('--lang wins over every locale variable', () => {
    assert.equal(pickLang('en', { LC_ALL: 'ja_JP.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'ja_JP.UTF-8' }), 'en');
    assert.equal(pickLang('ja', { LC_ALL: 'C.UTF-8', LANG: 'en_US.UTF-8' }), 'ja');
    assert.equal(pickLang('ja', {}), 'ja');
  });

  it('reads LANG', () => {
    assert.equal(pickLang(undefined, { LANG: 'ja_JP.UTF-8' }), 'ja');
    assert.equal(pickLang(undefined, { LANG: 'ja_JP.eucJP' }), 'ja');
    assert.equal(pickLang(undefined, { LANG: 'ja' }), 'ja');
    assert.equal(pickLang(undefined, { LANG: 'C.UTF-8' }), 'en');
    assert.equal(pickLang(undefined, { LANG: 'en_US.UTF-8' }), 'en');
    assert.equal(pickLang(undefined, { LANG: 'C' }), 'en');
    assert.equal(pickLang(undefined, { LANG: 'POSIX' }), 'en');
  });

  it('falls back to English when nothing is set', () => {
    assert.equal(pickLang(undefined, {}), 'en');
    assert.equal(pickLang(undefined, { LC_ALL: '', LC_MESSAGES: '', LANG: '' }), 'en');
  });

  it('prefers LC_ALL, then LC_MESSAGES, then LANG', () => {
    assert.equal(pickLang(undefined, { LC_ALL: 'ja_JP.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' }), 'ja');
    assert.equal(pickLang(undefined, { LC_ALL: 'C.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'ja_JP.UTF-8' }), 'en');
    assert.equal(pickLang(undefined, { LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' }), 'ja');
    assert.equal(pickLang(undefined, { LC_MESSAGES: 'en_US.UTF-8', LANG: 'ja_JP.UTF-8' }), 'en');
  });

  it('treats an empty variable as unset', () => {
    assert.equal(pickLang(undefined, { LC_ALL: '', LC_MESSAGES: '', LANG: 'ja_JP.UTF-8' }), 'ja');
    assert.equal(pickLang(undefined, { LC_ALL: '', LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'C.UTF-8' }), 'ja');
  });
});

describe('t() with the Japanese catalogue', () => {
  after(() => setCatalogue(en));

  it('fills placeholders in the Japanese text', () => {
    setCatalogue(ja);
    try {
      const text = t('preflight.accepted', { host: 'smtp.gmail.com', account: 'you@gmail.com' });
      assert.equal(text, ja['preflight.accepted'].replace('{host}', 'smtp.gmail.com').replace('{account}', 'you@gmail.com'));
      assert.notEqual(text, t('preflight.accepted', {}));
      assert.match(text, /smtp\.gmail\.com/);
      assert.match(text, /you@gmail\.com/);
      assert.match(text, /[\u3040-\u30ff\u4e00-\u9fff]/, 'the Japanese text is used');
      assert.doesNotMatch(text, /\{\w+\}/);

      const counted = t('apply.summary', { count: 3, id: '20250101-000000' });
      assert.match(counted, /3/);
      assert.match(counted, /20250101-000000/);
      assert.doesNotMatch(counted, /\{\w+\}/);
    } finally {
      setCatalogue(en);
    }
  });

  it('fills every placeholder of every Japanese entry', () => {
    setCatalogue(ja);
    try {
      for (const key of Object.keys(ja) as MessageKey[]) {
        const vars = Object.fromEntries(placeholders(ja[key]).map((name) => [name, `<${name}>`]));
        const text = t(key, vars);
        assert.doesNotMatch(text, /\{\w+\}/, key);
        for (const name of Object.keys(vars)) assert.ok(text.includes(`<${name}>`), `${key}: {${name}}`);
      }
    } finally {
      setCatalogue(en);
    }
  });

  it('is English again after setCatalogue(en)', () => {
    setCatalogue(ja);
    setCatalogue(en);
    assert.equal(t('cancelled'), en.cancelled);
  });
});
