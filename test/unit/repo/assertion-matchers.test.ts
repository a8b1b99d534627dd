// Every assert.rejects / assert.throws in the tests says what it expects (an error class, a pattern,
// an object of properties or a predicate): without one, any error passes, even one the test never
// meant (a typo'd path, a missing binary), and a message string in its place is only a message.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { it } from 'node:test';
import { repoPath } from '../../support/paths.js';

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'fixtures' ? [] : tsFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

/** The top-level arguments of the call whose "(" is at `open`, as source text. */
export function callArguments(code: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = '';
  for (let i = open; i < code.length; i++) {
    const c = code[i]!;
    if (quote) {
      if (c === '\\') current += c + code[++i];
      else {
        if (c === quote) quote = undefined;
        current += c;
      }
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth--;
    if (depth === 0) break;
    if (depth === 1 && c === ',') {
      args.push(current);
      current = '';
    } else if (i > open) current += c;
  }
  args.push(current);
  return args.map((a) => a.trim()).filter(Boolean);
}

/** `file:line: call` for each rejects/throws whose second argument is missing or a string. */
export function unmatched(code: string, file: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/assert\.(rejects|throws)\(/g)) {
    const args = callArguments(code, m.index! + m[0].length - 1);
    const matcher = args[1];
    if (matcher === undefined || /^['"`]/.test(matcher))
      found.push(`${file}:${code.slice(0, m.index).split('\n').length}: ${m[0]}${args[0]?.slice(0, 60)}`);
  }
  return found;
}

it('the check itself: finds a call without a matcher and one with a message in its place', () => {
  const code = "await assert.rejects(stat(f));\nassert.throws(() => f(1, 2), 'it throws');\nassert.throws(g, /x/);";
  assert.deepEqual(unmatched(code, 'x.ts'), ['x.ts:1: assert.rejects(stat(f)', 'x.ts:2: assert.throws(() => f(1, 2)']);
});

it('every assert.rejects and assert.throws under test/ has a matcher', () => {
  const self = repoPath('test', 'unit', 'repo', 'assertion-matchers.test.ts'); // its examples are strings
  const found = tsFiles(repoPath('test'))
    .filter((file) => file !== self)
    .flatMap((file) => unmatched(readFileSync(file, 'utf8'), relative(repoPath(), file)));
  assert.deepEqual(found, []);
});
