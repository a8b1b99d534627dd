// The credential rules and the small pure pieces around them: account and
// app-password checks (hostile input included), the one-line rule, reading the
// current credential from a password map, the keychain's failure words, the
// pre-flight's explanations, and who may read the keychain helper.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { explainPreflight } from '../../../src/flow/ask/preflight.js';
import { checkAccount, checkAppPassword, singleLine } from '../../../src/gmail/credentials.js';
import { passwordMapCredential, readPasswordMapAccount } from '../../../src/postfix/password-map.js';
import { classifyKeychainError } from '../../../src/system/keychain-errors.js';
import { readableBy, sudoUser } from '../../../src/system/sudo-keychain.js';
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
    for (const a of ['someone@gmail.com', 'first.last+tag@googlemail.com', 'ops@example.co.jp', "o'brien@corp.example", 'a_b-c@x.io']) {
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
    for (const bad of ['a$b@gmail.com', 'a%b@gmail.com', 'a!b@gmail.com', 'a b@gmail.com', 'a,b@gmail.com', '.a@gmail.com', 'a..b@gmail.com', 'a@-x.com', '@gmail.com', 'a@gmail']) {
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
    assert.deepEqual(checkAppPassword('abcd efgh ijkl mnop'), { ok: true, value: 'abcdefghijklmnop', warning: undefined });
    assert.deepEqual(checkAppPassword('abcd\u00a0efgh\u00a0ijkl\u00a0mnop'), { ok: true, value: 'abcdefghijklmnop', warning: undefined });
  });
  it('warns (does not refuse) when it is not 16 letters, with the reason', () => {
    const checked = checkAppPassword('hunter2!');
    assert.equal(checked.ok, true);
    assert.match((checked.ok && checked.warning && inputText(checked.warning)) || '', /16 letters/);
    assert.match((checked.ok && checked.warning && inputText(checked.warning)) || '', /https:\/\/myaccount\.google\.com\/apppasswords/);
  });
  const hostile = ['abcd\nefgh', 'abcd\refgh', 'ab\u0000cd', 'abcd\tefgh', 'abcd:efghijklmnop', '[evil]:25', 'аbcdefghijklmnop', 'a'.repeat(300), ''];
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
    for (const text of ['pw', 'pw\n', 'pw\r\n', 'pw\n\n  \n']) assert.deepEqual(singleLine(text), { ok: true, value: 'pw' }, JSON.stringify(text));
  });
  it('refuses a second line with text', () => {
    assert.equal(singleLine('pw\n[evil]:25 x@y:z\n').ok, false);
  });
  it('leaves a lone CR in the line (checkAppPassword refuses it)', () => {
    const line = singleLine('ab\rcd\n');
    assert.ok(line.ok && line.value === 'ab\rcd');
  });
});

describe('passwordMapCredential', () => {
  const map = '# comment\n[smtp.gmail.com]:587 someone@gmail.com:abcdefghijklmnop\n';
  it('reads the credential for the relayhost', () => {
    assert.deepEqual(passwordMapCredential(map, '[smtp.gmail.com]:587'), { account: 'someone@gmail.com', password: 'abcdefghijklmnop' });
  });
  it('gives a password only for the exact relay it was stored for, never the only entry for another relay', () => {
    assert.equal(passwordMapCredential(map, '[smtp.gmail.com]:465'), undefined);
    assert.equal(passwordMapCredential(map, '[evil.example]:587'), undefined);
    assert.equal(passwordMapCredential(`${map}[other]:25 x@y.com:pw\n`, '[smtp.gmail.com]:465'), undefined);
    assert.equal(readPasswordMapAccount(map, '[evil.example]:587'), 'someone@gmail.com', 'the account (a name) may still be shown');
  });
  it('ignores entries without a password', () => {
    assert.equal(passwordMapCredential('[smtp.gmail.com]:587 someone@gmail.com\n', '[smtp.gmail.com]:587'), undefined);
  });
});

describe('keychain failure words', () => {
  // Messages as @napi-rs/keyring 2.1 gives them (seen on Debian 12 with gnome-keyring 42).
  const seen: [string, string][] = [
    ['Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead', 'no-session-bus'],
    ['zbus error: Failed to connect to address `unix:path=/run/user/0/bus`: No such file or directory (os error 2)', 'no-session-bus'],
    ['Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files', 'kernel-keyring-only'],
    ['zbus error: org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files', 'kernel-keyring-only'],
    ['zbus error: org.freedesktop.Secret.Error.IsLocked: Cannot get secret of a locked object', 'locked'],
    ["Couldn't access platform storage: Secret Service: unlock prompt was dismissed", 'locked'],
    ["Couldn't access platform storage: Secret Service: no result found", 'error'],
  ];
  for (const [message, reason] of seen) {
    it(`${reason}: ${message.slice(0, 60)}…`, () => assert.equal(classifyKeychainError(new Error(message)), reason));
  }
  it('keeps a reason already given', () => {
    assert.equal(classifyKeychainError(Object.assign(new Error('x'), { reason: 'locked' })), 'locked');
  });
});

describe('pre-flight explanations', () => {
  const relay587 = { host: 'smtp.gmail.com', port: 587, implicitTls: false };
  const relay465 = { host: 'smtp.gmail.com', port: 465, implicitTls: true };
  it('a blocked port suggests the other one', () => {
    assert.match(explainPreflight(relay587, { errorCode: 'ETIMEDOUT', response: 'Connection timeout' }, 'stdin').fix, /--relay smtp\.gmail\.com:465/);
    assert.match(explainPreflight(relay465, { errorCode: 'ETIMEDOUT', response: 'Connection timeout' }, 'stdin').fix, /--relay smtp\.gmail\.com:587/);
    assert.match(explainPreflight(relay587, { errorCode: 'ESOCKET', response: 'connect ECONNREFUSED 1.2.3.4:587' }, 'stdin').cause, /password was not sent/);
  });
  it('an unverified certificate: possible interception, password not sent (said once)', () => {
    const failure = explainPreflight(relay587, { errorCode: 'ESOCKET', response: 'unable to get local issuer certificate' }, 'stdin');
    assert.equal(failure.code, 'tls-untrusted');
    assert.match(failure.cause, /possible interception/);
    assert.equal(failure.cause.match(/password was not sent/gi)?.length, 1);
  });
  it('535, 534 and 454 each in their own words', () => {
    assert.match(explainPreflight(relay587, { responseCode: 535, response: '535-5.7.8 Username and Password not accepted.' }, 'typed').fix, /Create a new app password/);
    assert.match(explainPreflight(relay587, { responseCode: 534, response: '534-5.7.9 Application-specific password required.' }, 'typed').fix, /2-Step Verification/);
    assert.match(explainPreflight(relay587, { responseCode: 454, response: '454 4.7.0 Too many login attempts, please try again later.' }, 'typed').fix, /Wait/);
  });
  it('says when the refused password was the stored one', () => {
    assert.match(explainPreflight(relay587, { responseCode: 535, response: '535 5.7.8 x' }, 'keychain').cause, /stored in the keychain/);
    assert.match(explainPreflight(relay587, { responseCode: 535, response: '535 5.7.8 x' }, 'map').cause, /Postfix has been using/);
  });
});

describe('sudo: whose keychain, and can they read the helper', () => {
  it('takes SUDO_USER, SUDO_UID and SUDO_GID; never root', () => {
    assert.deepEqual(sudoUser({ SUDO_USER: 'alice', SUDO_UID: '1000', SUDO_GID: '1000' }), { name: 'alice', uid: 1000, gid: 1000 });
    assert.equal(sudoUser({ SUDO_USER: 'root', SUDO_UID: '0', SUDO_GID: '0' }), undefined);
    assert.equal(sudoUser({ SUDO_USER: 'alice' }), undefined);
    assert.equal(sudoUser({}), undefined);
  });
  it('readableBy follows owner, group and other bits along the whole path', async () => {
    const dir = await mkdtemp('/tmp/pgw-readable-');
    try {
      await chmod(dir, 0o755);
      await mkdir(join(dir, 'closed'), { mode: 0o700 });
      await writeFile(join(dir, 'open.js'), 'x', { mode: 0o644 });
      await writeFile(join(dir, 'closed', 'inner.js'), 'x', { mode: 0o644 });
      await writeFile(join(dir, 'private.js'), 'x', { mode: 0o600 });
      const someone = { uid: 4242, gid: 4242 };
      assert.equal(await readableBy(join(dir, 'open.js'), someone), true);
      assert.equal(await readableBy(join(dir, 'closed', 'inner.js'), someone), false);
      assert.equal(await readableBy(join(dir, 'private.js'), someone), false);
      assert.equal(await readableBy(join(dir, 'missing.js'), someone), false);
      if (process.getuid?.() === 0) assert.equal(await readableBy(join(dir, 'private.js'), { uid: 0, gid: 0 }), true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
