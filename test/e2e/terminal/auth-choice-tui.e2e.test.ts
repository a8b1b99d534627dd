// How Postfix signs in, at the real TUI (tmux, 80×24, Debian 12's Postfix in a private instance):
// a Workspace address is asked, with the three ways on the screen whole, in English and Japanese;
// a gmail.com address goes straight to its app password, as before. Ctrl-C there: exit 130.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { repoPath } from '../../support/paths.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { badFrameLines, brokenWords, vocabulary } from '../../support/screen-checks.js';
import { startInTmux, tmuxSkipReason, type TmuxSession } from '../../support/tmux.js';

const WORKSPACE = 'ops@example.org';
const GMAIL = 'person@gmail.com';
const PASSWORD = 'qazwsxedcrfvtgby';
const languages = [
  {
    env: 'C.UTF-8',
    account: /Gmail address to send as/,
    question: /How should Postfix sign in\?/,
    ways: [/App password: 16 letters/, /OAuth 2\.0: you allow access/, /Workspace relay by address: no login/],
    password: /App password \(16 letters/,
  },
  {
    env: 'ja_JP.UTF-8',
    account: /送信に使う Gmail アドレス/,
    question: /どの方法でログインしますか/,
    ways: [/アプリパスワード: /, /OAuth 2\.0: ブラウザで/, /Workspace のリレー（アドレスで許可）/],
    password: /アプリパスワード（16/,
  },
];

describe('the sign-in question at the TUI', { skip: postfixSkipReason() ?? tmuxSkipReason() }, () => {
  let lab: RelayLab;
  before(async () => {
    lab = await startRelayLab('auth-choice-tui', {
      [WORKSPACE]: { password: PASSWORD },
      [GMAIL]: { password: PASSWORD },
    });
  });
  after(async () => lab?.close());

  const start = (lang: string): Promise<TmuxSession> =>
    startInTmux([process.execPath, repoPath('bin', 'postfix-gmail-wizard.js'), ...lab.args(), '--no-keychain'], {
      cols: 80,
      rows: 24,
      env: { LANG: lang, TERM: 'xterm-256color', SSH_CONNECTION: '192.0.2.7 50000 198.51.100.4 22' },
    });
  const typeAccount = async (s: TmuxSession, pattern: RegExp, account: string) => {
    await s.waitFor(pattern, 30_000);
    await s.sendKeys('C-u');
    await s.type(account);
    await s.sendKeys('Enter');
  };

  for (const lang of languages) {
    it(`${lang.env}: a Workspace address is asked, the three ways whole on one 80×24 screen`, async () => {
      const s = await start(lang.env);
      try {
        await typeAccount(s, lang.account, WORKSPACE);
        const screen = await s.waitFor(lang.question, 30_000);
        for (const way of lang.ways) assert.match(screen, way, screen);
        assert.deepEqual(badFrameLines(screen, 80), [], screen);
        assert.deepEqual(brokenWords(screen, vocabulary([WORKSPACE])), [], screen);
        assert.ok(screen.includes(WORKSPACE), 'the reason names the address');
        await s.sendKeys('C-c');
        assert.equal(await s.exitCode(30_000), 130, await s.screen());
      } finally {
        await s.kill();
      }
      assert.equal(lab.gmail.auths.length, 0, 'nothing was tried');
    });
  }

  it('a gmail.com address: not asked, its app password comes next as before', async () => {
    const s = await start('C.UTF-8');
    try {
      await typeAccount(s, languages[0]!.account, GMAIL);
      const screen = await s.waitFor(languages[0]!.password, 30_000);
      assert.doesNotMatch(await s.history(true), /How should Postfix sign in|How Postfix signs in/, screen);
      await s.sendKeys('C-c');
      assert.equal(await s.exitCode(30_000), 130, await s.screen());
    } finally {
      await s.kill();
    }
  });
});
