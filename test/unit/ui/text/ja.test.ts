// The Japanese catalogue (ja.ts) against en.ts: the same keys and {placeholders}, every entry
// translated, URLs, --options and `commands` kept, --help within 80 columns.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { columns as terminalColumns } from '../../../../src/ui/columns.js';
import { en } from '../../../../src/ui/text/en.js';
import { ja } from '../../../../src/ui/text/ja.js';
import { placeholders, technicalTokens } from './catalogue-tokens.js';

// Keys whose Japanese text may equal the English one (pure symbols or commands).
// Keep this list short and explain each entry.
const IDENTICAL_ALLOWED: readonly string[] = [];

const enTable: Record<string, string> = en;
const jaTable: Record<string, string> = ja;

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
      .map(
        (key) =>
          `${key}: en {${placeholders(enTable[key] ?? '').join('} {')}} ja {${placeholders(jaTable[key] ?? '').join('} {')}}`,
      );
    assert.deepEqual(wrong, []);
  });

  it('has no empty entry', () => {
    const empty = Object.keys(jaTable).filter((key) => (jaTable[key] ?? '').trim() === '');
    assert.deepEqual(empty, []);
  });

  it('translates every entry (identical to English only where allowed)', () => {
    const untranslated = Object.keys(enTable).filter(
      (key) => jaTable[key] === enTable[key] && !IDENTICAL_ALLOWED.includes(key),
    );
    assert.deepEqual(untranslated, [], `ja.ts entries still in English: ${untranslated.join(', ')}`);
  });

  it('keeps URLs, --options and `commands` verbatim', () => {
    const lost = Object.keys(enTable)
      .filter((key) => key in jaTable)
      .flatMap((key) =>
        technicalTokens(enTable[key] ?? '')
          .filter((token) => !(jaTable[key] ?? '').includes(token))
          .map((token) => `${key}: ${token}`),
      );
    assert.deepEqual(lost, []);
  });

  const helpKeys = Object.keys(enTable).filter((key) => key === 'help' || key.startsWith('help.'));

  it('keeps every help screen within 80 terminal columns (except lines kept verbatim from English)', () => {
    const long = helpKeys.flatMap((key) => {
      const verbatim = new Set(enTable[key]!.split('\n'));
      return jaTable[key]!.split('\n')
        .filter((line) => !verbatim.has(line) && columns(line) > 80)
        .map((line) => `${key} ${columns(line)}: ${line}`);
    });
    assert.deepEqual(long, []);
  });

  it('keeps the usage lines and the example command of every help screen', () => {
    assert.ok(helpKeys.length > 1);
    for (const key of helpKeys) {
      const lines = enTable[key]!.split('\n');
      const usage = lines
        .filter((line) => /^\s*(?:Usage:)?\s*postfix-gmail-wizard /.test(line))
        .map((line) => line.replace(/^\s*(?:Usage:)?\s*/, ''));
      const example = lines.filter((line) => /^\s+(printf|sudo) /.test(line));
      assert.ok(usage.length > 0, key);
      for (const piece of [...usage, ...example]) assert.ok(jaTable[key]!.includes(piece), `ja ${key} lacks: ${piece}`);
    }
  });
});
