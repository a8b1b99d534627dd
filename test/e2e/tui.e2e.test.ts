// The real interactive TUI in a pseudo-terminal (tmux), keystroke by
// keystroke as a person would, from the first prompt to a delivered test
// message; the password must never be visible on the screen.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoPath } from '../support/paths.js';
import { postfixSkipReason } from '../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../support/relay-lab.js';
import { startInTmux, tmuxSkipReason } from '../support/tmux.js';

const PASSWORD = 'mnbvcxzlkjhgfdsa';
const languages = [
  { name: 'English', env: 'C.UTF-8', account: 'person@gmail.com', accountPrompt: /Gmail address to send as/, password: /App password/, recipient: /test message to/, senders: /users \(root@.*\)|Apply this plan\?/, confirm: /Apply this plan\?/, done: /Done: this machine sends mail through Gmail/ },
  { name: 'Japanese', env: 'ja_JP.UTF-8', account: 'hito@gmail.com', accountPrompt: /送信に使う Gmail アドレス/, password: /アプリパスワード（16/, recipient: /テストメールの送信先/, senders: /ユーザー（root@|この内容で適用しますか/, confirm: /この内容で適用しますか/, done: /完了: このマシンのメールは Gmail 経由で送信されます/ },
];

describe('interactive wizard in a terminal', { skip: postfixSkipReason() ?? tmuxSkipReason() }, () => {
  let lab: RelayLab;
  before(async () => {
    lab = await startRelayLab('tui', Object.fromEntries(languages.map((l) => [l.account, { password: PASSWORD }])));
  });
  after(async () => lab?.close());

  for (const lang of languages) {
    const ACCOUNT = lang.account;
    it(`reaches a delivered test message by keystrokes alone (${lang.name})`, async () => {
      const session = await startInTmux([
        process.execPath, repoPath('bin', 'postfix-gmail-wizard.js'),
        ...lab.args(), '--no-keychain', '--wait', '60',
      ], { cols: 100, rows: 40, env: { LANG: lang.env, TERM: 'xterm-256color' } });
      try {
        await session.waitFor(lang.accountPrompt, 30_000);
        await session.sendKeys('C-u'); // clear the pre-filled current account on a re-run
        await session.type(ACCOUNT);
        await session.sendKeys('Enter');
        await session.waitFor(lang.password);
        // Typed in two halves with the spaces Google shows, as people paste it.
        await session.type(`${PASSWORD.slice(0, 4)} ${PASSWORD.slice(4, 8)} ${PASSWORD.slice(8, 12)} ${PASSWORD.slice(12)}`);
        const masked = await session.screen();
        assert.ok(!masked.includes(PASSWORD.slice(0, 4)), 'the password is masked while typed');
        await session.sendKeys('Enter');
        await session.waitFor(lang.recipient, 30_000);
        await session.sendKeys('Enter'); // keep the default: the account itself
        // First run only: send local senders' mail as the account? Enter keeps the default (yes).
        if (!lang.confirm.test(await session.waitFor(lang.senders, 30_000))) await session.sendKeys('Enter');
        await session.waitFor(lang.confirm, 30_000);
        const plan = await session.history();
        assert.ok(plan.includes(`${ACCOUNT}:********`), 'the plan shows the new credential, password hidden');
        await session.sendKeys('Enter'); // "Yes" is pre-selected
        await session.waitFor(lang.done, 90_000);
        assert.equal(await session.exitCode(30_000), 0);
        const everything = await session.history();
        assert.ok(!everything.includes(PASSWORD), 'the password never appears on screen');
        assert.ok(everything.includes(`--account ${ACCOUNT} --password-file`), 'the equivalent command line is shown');
      } finally {
        await session.kill();
      }
      const message = lab.gmail.messages.find((m) => m.rcptTo.includes(ACCOUNT));
      assert.ok(message, 'the fake Gmail received the test message');
      assert.equal(message.user, ACCOUNT);
      assert.match(await readFile(join(lab.postfix.configDir, 'sasl_passwd'), 'utf8'), new RegExp(`${ACCOUNT}:${PASSWORD}`));
    });
  }
});
