// What people type: accounts, app passwords and relays, including hostile input.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAccount, checkAppPassword } from '../../../src/gmail/credentials.js';
import { parseRelay, parseRelayhost, relayhostValue } from '../../../src/gmail/relay.js';
import { inputText } from '../../../src/ui/input-text.js';

describe('checkAccount', () => {
  it('accepts Gmail, googlemail and Workspace addresses', () => {
    for (const a of ['someone@gmail.com', 'first.last+tag@googlemail.com', 'ops@example.co.jp']) assert.equal(checkAccount(a).ok, true, a);
  });
  const hostile: [string, string][] = [
    ['', 'empty'], ['a@gmail.com\n[evil]:25 x@y:z', 'newline'], ['a@gmail.com\r', 'CR'], ['a\u0000@gmail.com', 'NUL'],
    ['a\t@gmail.com', 'tab'], ['a:b@gmail.com', 'colon'], ['[evil]:25', 'brackets'], ['аdmin@gmail.com', 'Cyrillic a'],
    ['a＠gmail.com', 'full-width at'], [`${'a'.repeat(300)}@gmail.com`, '300 characters'], ['someone', 'no domain'], ['a@b', 'no TLD'],
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
    assert.deepEqual(checkAppPassword('abcd efgh ijkl mnop'), { ok: true, value: 'abcdefghijklmnop', warning: undefined });
  });
  it('warns (does not refuse) when it is not 16 letters', () => {
    const checked = checkAppPassword('hunter2');
    assert.equal(checked.ok, true);
    assert.match((checked.ok && checked.warning && inputText(checked.warning)) || '', /app password/);
  });
  it('refuses control characters and inner whitespace', () => {
    for (const bad of ['abcd\tefgh', 'abcd\nefgh', 'ab\u0000cd', 'abcd\refgh', '']) assert.equal(checkAppPassword(bad).ok, false, JSON.stringify(bad));
  });
});

describe('relay', () => {
  it('defaults to smtp.gmail.com:587 with STARTTLS', () => {
    assert.deepEqual(parseRelay(undefined), { ok: true, value: { host: 'smtp.gmail.com', port: 587, implicitTls: false } });
  });
  it('reads host:port; 465 means implicit TLS', () => {
    assert.deepEqual(parseRelay('smtp.gmail.com:465'), { ok: true, value: { host: 'smtp.gmail.com', port: 465, implicitTls: true } });
    assert.deepEqual(parseRelay('[localhost]:2587'), { ok: true, value: { host: 'localhost', port: 2587, implicitTls: false } });
  });
  it('refuses what is not a host', () => {
    for (const bad of ['smtp.gmail.com:99999', 'a b:587', 'host:25\nx', '']) assert.equal(parseRelay(bad).ok, false, bad);
  });
  it('writes and reads relayhost values', () => {
    assert.equal(relayhostValue({ host: 'smtp.gmail.com', port: 587, implicitTls: false }), '[smtp.gmail.com]:587');
    assert.deepEqual(parseRelayhost('[smtp.gmail.com]:465'), { host: 'smtp.gmail.com', port: 465, implicitTls: true });
    assert.equal(parseRelayhost('smtp.gmail.com'), undefined);
  });
});
