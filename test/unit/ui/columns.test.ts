// Wrapping for the terminal (ui/columns.ts): at spaces, then at path boundaries, wide characters two
// columns, tabs expanded, commands broken between words only.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { breakCommand, columns, expandTabs, wrapText } from '../../../src/ui/columns.js';

describe('terminal columns and wrapping', () => {
  it('counts East Asian wide characters as two columns', () => {
    assert.equal(columns('abc'), 3);
    assert.equal(columns('設定'), 4);
    assert.equal(columns('→'), 1);
    assert.equal(columns('→', true), 2);
  });

  it('breaks at spaces, never inside a word or a path that fits a line', () => {
    const text =
      'Debian GNU/Linux 12 (bookworm): Postfix 3.7.11 (running), configuration in /etc/postfix, maps of type hash';
    const lines = wrapText(text, 77);
    assert.deepEqual(lines, [
      'Debian GNU/Linux 12 (bookworm): Postfix 3.7.11 (running), configuration in',
      '/etc/postfix, maps of type hash',
    ]);
    for (const width of [20, 37, 57, 77]) {
      const wrapped = wrapText(text, width);
      assert.ok(
        wrapped.every((l) => columns(l) <= width),
        `${width}: ${wrapped.join('|')}`,
      );
      assert.equal(wrapped.join(' '), text, `${width}: only spaces were taken out`);
    }
  });

  it('cuts a path or URL longer than the line after a "/"', () => {
    const lines = wrapText('at https://myaccount.google.com/apppasswords now', 32);
    assert.deepEqual(lines, ['at', 'https://myaccount.google.com/', 'apppasswords now']);
  });

  it('breaks Japanese between characters, ASCII words whole, and no line starts with 、。', () => {
    const text =
      'アプリパスワードは https://myaccount.google.com/apppasswords で作成できます（2 段階認証プロセスを有効にしてください）。設定は /etc/postfix にあります。';
    for (const width of [20, 30, 41, 57]) {
      const lines = wrapText(text, width);
      assert.ok(
        lines.every((l) => columns(l) <= width),
        `${width}: ${lines.join('|')}`,
      );
      assert.ok(
        lines.every((l) => !/^[、。）]/.test(l)),
        `${width}: ${lines.join('|')}`,
      );
      assert.ok(
        lines.some((l) => l.includes('/etc/postfix')),
        `${width}: the path stays whole: ${lines.join('|')}`,
      );
    }
  });

  it('carries the character before a closing bracket and its comma to the next line, not the bracket alone', () => {
    const lines = wrapText(
      'Debian GNU/Linux 12 (bookworm): Postfix 3.7.11（稼働中）、設定ディレクトリ /tmp/pfx-test-x3sSAu/etc、マップ形式 hash',
      57,
    );
    assert.deepEqual(lines, [
      'Debian GNU/Linux 12 (bookworm): Postfix 3.7.11（稼働',
      '中）、設定ディレクトリ /tmp/pfx-test-x3sSAu/etc、マップ形',
      '式 hash',
    ]);
  });

  it('wraps a diff line under its text, not under its "+"', () => {
    assert.deepEqual(wrapText('+ # Gmail sends as the account that logged in anyway; with this map', 40), [
      '+ # Gmail sends as the account that',
      '  logged in anyway; with this map',
    ]);
  });

  it('expands tabs to the next stop of 8', () => {
    assert.equal(expandTabs('+ @vm\tyou@gmail.com'), '+ @vm   you@gmail.com');
    assert.equal(wrapText('a\tb', 40)[0], 'a       b');
  });

  it('keeps a wrapped line indented like its first line', () => {
    assert.deepEqual(wrapText('  set: smtp_sasl_auth_enable, smtp_sasl_password_maps, smtp_tls_CAfile', 44), [
      '  set: smtp_sasl_auth_enable,',
      '  smtp_sasl_password_maps, smtp_tls_CAfile',
    ]);
  });

  it('breaks a shell command only between words, with \\ continuations', () => {
    const words = [
      'npx',
      'postfix-gmail-wizard',
      '--account',
      'you@gmail.com',
      '--password-file',
      '/root/gmail-app-password',
      '--map-senders',
      '--yes',
    ];
    const lines = breakCommand(words, 60);
    assert.ok(lines.length > 1);
    assert.ok(lines.every((l) => columns(l) <= 60));
    assert.ok(lines.slice(0, -1).every((l) => l.endsWith(' \\')));
    assert.equal(lines.map((l) => l.replace(/ \\$/, '').trim()).join(' '), words.join(' '));
    assert.deepEqual(breakCommand(words, 200), [words.join(' ')]);
  });
});
