// The screen checks of the TUI tests catch what issue 16 saw at 80×24.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { columns } from '../../../src/ui/columns.js';
import { badFrameLines, brokenWords, vocabulary } from '../../support/screen-checks.js';

const words = vocabulary([
  '/etc/postfix',
  'https://myaccount.google.com/apppasswords',
  '250 2.0.0 OK',
  '/root/gmail-app-password',
]);

describe('screen checks', () => {
  it('find words cut across lines, as clack cut them', () => {
    const cut = [
      '◇  Debian GNU/Linux 12 (bookworm): Postfix 3.7.11 (running), configuration in /e',
      'tc/postfix, maps of type hash [0s]',
      '●  Gmail needs an app password here, not your normal password. Create one at htt',
      '│  ps://myaccount.google.com/apppasswords (2-Step Verification must be on).',
      '◆  Delivered to you@gmail.com through smtp.gmail.com[142.250.102.109]:587: 250 2.0.0 O',
      '│  K  1795860100 e3b8580e2d0bsm1759729 - gsmtp',
      'npx postfix-gmail-wizard --account you@gmail.com --password-file /root/gm',
      'ail-app-password --map-senders --yes',
    ].join('\n');
    assert.equal(brokenWords(cut, words).length, 4);
  });

  it('let lines broken at spaces, or after a "/" in a long path, pass', () => {
    const fine = [
      '◇  Debian GNU/Linux 12 (bookworm): Postfix 3.7.11 (running), configuration in',
      '│  /etc/postfix, maps of type hash [0s]',
      '│    postmap -c /tmp/pfx-test-x3sSAu/etc/',
      '│    sasl_passwd',
    ].join('\n');
    assert.deepEqual(brokenWords(fine, words), []);
  });

  it('find frame lines of another width than the terminal (the generic map line with a tab, in issue 16)', () => {
    const cols = 30;
    const side = (text: string, width = cols) => `│  ${text}${' '.repeat(width - 4 - columns(text))}│`;
    const box = [
      `◇  The plan ${'─'.repeat(cols - 13)}╮`,
      side('+ @testhost.example  you'),
      side('+ @vm    you', cols - 4),
      `├${'─'.repeat(cols - 2)}╯`,
    ].join('\n');
    assert.deepEqual(badFrameLines(box, cols), [`26: ${side('+ @vm    you', cols - 4)}`]);
  });
});
