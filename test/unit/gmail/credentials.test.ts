// The credential rules (gmail/credentials.ts): account and app-password checks (hostile input
// included) and the one-line rule for a password read from a file or stdin.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAccount, checkAppPassword, singleLine } from '../../../src/gmail/credentials.js';
import { inputText } from '../../../src/ui/input-text.js';

export const hostileInputs: readonly { what: string; value: string }[] = [
  { what: 'newline', value: 'a@gmail.com\n[evil]:25 x@y:z' },
  { what: 'CR', value: 'a@gmail.com\rb' },
  { what: 'NUL', value: 'a\u0000@gmail.com' },
  { what: 'tab', value: 'a\t@gmail.com' },
  { what: 'colon', value: 'a:b@gmail.com' },
  { what: '[evil]:25', value: '[evil]:25' },
  { what: 'Cyrillic look-alike', value: 'аdmin@gmail.com' },
  { what: 'full-width at sign', value: 'admin＠gmail.com' },
  { what: '300 characters', value: `${'a'.repeat(290)}@gmail.com` },
];

describe('checkAccount', () => {
  it('accepts Gmail, googlemail and Workspace addresses, tags and dots', () => {
    for (const a of [
      'someone@gmail.com',
      'first.last+tag@googlemail.com',
      'ops@example.co.jp',
      "o'brien@corp.example",
      'a_b-c@x.io',
    ]) {
      assert.deepEqual(checkAccount(a), { ok: true, value: a }, a);
    }
  });
  for (const { what, value } of hostileInputs) {
    it(`refuses ${what}, saying what is wrong`, () => {
      const checked = checkAccount(value);
      assert.equal(checked.ok, false);
      assert.ok(!checked.ok && inputText(checked.problem).length > 20, !checked.ok ? inputText(checked.problem) : '');
    });
  }
  it('refuses what main.cf or a map line would read differently', () => {
    for (const bad of [
      'a$b@gmail.com',
      'a%b@gmail.com',
      'a!b@gmail.com',
      'a b@gmail.com',
      'a,b@gmail.com',
      '.a@gmail.com',
      'a..b@gmail.com',
      'a@-x.com',
      '@gmail.com',
      'a@gmail',
    ]) {
      assert.equal(checkAccount(bad).ok, false, bad);
    }
  });
  it('names the look-alike problem, and never echoes a control character back', () => {
    const lookAlike = checkAccount('аdmin@gmail.com');
    assert.ok(!lookAlike.ok && /look-alike/.test(inputText(lookAlike.problem)));
    const nl = checkAccount('a@gmail.com\n[evil]:25');
    assert.ok(!nl.ok && !inputText(nl.problem).includes('\n'));
  });
  it('gives the length of a 300-character address', () => {
    const checked = checkAccount('a'.repeat(300));
    assert.ok(!checked.ok && /300 characters/.test(inputText(checked.problem)));
  });
});

describe('checkAppPassword', () => {
  it('strips the spaces (and no-break spaces) between the four groups', () => {
    assert.deepEqual(checkAppPassword('abcd efgh ijkl mnop'), {
      ok: true,
      value: 'abcdefghijklmnop',
      warning: undefined,
    });
    assert.deepEqual(checkAppPassword('abcd\u00a0efgh\u00a0ijkl\u00a0mnop'), {
      ok: true,
      value: 'abcdefghijklmnop',
      warning: undefined,
    });
  });
  it('warns (does not refuse) when it is not 16 letters, with the reason', () => {
    const checked = checkAppPassword('hunter2!');
    assert.equal(checked.ok, true);
    assert.match((checked.ok && checked.warning && inputText(checked.warning)) || '', /16 letters/);
    assert.match(
      (checked.ok && checked.warning && inputText(checked.warning)) || '',
      /https:\/\/myaccount\.google\.com\/apppasswords/,
    );
  });
  const hostile = [
    'abcd\nefgh',
    'abcd\refgh',
    'ab\u0000cd',
    'abcd\tefgh',
    'abcd:efghijklmnop',
    '[evil]:25',
    'аbcdefghijklmnop',
    'a'.repeat(300),
    '',
  ];
  for (const bad of hostile) {
    it(`refuses ${JSON.stringify(bad.length > 20 ? `${bad.slice(0, 8)}…(${bad.length})` : bad)}`, () => {
      assert.equal(checkAppPassword(bad).ok, false);
    });
  }
  it('never puts the password into its messages', () => {
    for (const bad of hostile) {
      const checked = checkAppPassword(bad);
      if (!checked.ok && bad) assert.ok(!inputText(checked.problem).includes(bad));
    }
  });
});

describe('singleLine', () => {
  it('takes the first line; a trailing LF, CRLF or blank lines are fine', () => {
    for (const text of ['pw', 'pw\n', 'pw\r\n', 'pw\n\n  \n'])
      assert.deepEqual(singleLine(text), { ok: true, value: 'pw' }, JSON.stringify(text));
  });
  it('refuses a second line with text', () => {
    assert.equal(singleLine('pw\n[evil]:25 x@y:z\n').ok, false);
  });
  it('leaves a lone CR in the line (checkAppPassword refuses it)', () => {
    const line = singleLine('ab\rcd\n');
    assert.ok(line.ok && line.value === 'ab\rcd');
  });
});

describe('checkAccount', () => {
  it('accepts Gmail, googlemail and Workspace addresses', () => {
    for (const a of ['someone@gmail.com', 'first.last+tag@googlemail.com', 'ops@example.co.jp'])
      assert.equal(checkAccount(a).ok, true, a);
  });
  const hostile: [string, string][] = [
    ['', 'empty'],
    ['a@gmail.com\n[evil]:25 x@y:z', 'newline'],
    ['a@gmail.com\r', 'CR'],
    ['a\u0000@gmail.com', 'NUL'],
    ['a\t@gmail.com', 'tab'],
    ['a:b@gmail.com', 'colon'],
    ['[evil]:25', 'brackets'],
    ['аdmin@gmail.com', 'Cyrillic a'],
    ['a＠gmail.com', 'full-width at'],
    [`${'a'.repeat(300)}@gmail.com`, '300 characters'],
    ['someone', 'no domain'],
    ['a@b', 'no TLD'],
  ];
  for (const [input, what] of hostile) {
    it(`refuses ${what} with a reason`, () => {
      const checked = checkAccount(input);
      assert.equal(checked.ok, false);
      assert.ok(!checked.ok && inputText(checked.problem).length > 10);
    });
  }
});

describe('checkAppPassword', () => {
  it('strips the spaces Google shows between the four groups', () => {
    assert.deepEqual(checkAppPassword('abcd efgh ijkl mnop'), {
      ok: true,
      value: 'abcdefghijklmnop',
      warning: undefined,
    });
  });
  it('warns (does not refuse) when it is not 16 letters', () => {
    const checked = checkAppPassword('hunter2');
    assert.equal(checked.ok, true);
    assert.match((checked.ok && checked.warning && inputText(checked.warning)) || '', /app password/);
  });
  it('refuses control characters and inner whitespace', () => {
    for (const bad of ['abcd\tefgh', 'abcd\nefgh', 'ab\u0000cd', 'abcd\refgh', ''])
      assert.equal(checkAppPassword(bad).ok, false, JSON.stringify(bad));
  });
});
