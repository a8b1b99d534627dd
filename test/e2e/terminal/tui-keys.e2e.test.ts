// Ctrl-C and Esc at the real interactive TUI (tmux, a real pseudo-terminal): exit 130, the
// cancellation said on screen, and not one byte of the configuration directory changed — at the
// first question, at the password, and at the last question before anything is written.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { en } from '../../../src/ui/text/en.js';
import { repoPath } from '../../support/paths.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { checksums } from '../../support/secret-checks.js';
import { startInTmux, tmuxSkipReason, type TmuxSession } from '../../support/tmux.js';

const ACCOUNT = 'person@gmail.com';
const PASSWORD = 'qazwsxedcrfvtgby';

describe('cancelling the interactive wizard', { skip: postfixSkipReason() ?? tmuxSkipReason() }, () => {
  let lab: RelayLab;
  before(async () => {
    lab = await startRelayLab('tui-keys', { [ACCOUNT]: { password: PASSWORD } });
  });
  after(async () => lab?.close());

  /** Runs the wizard in tmux, drives it with `steps`, presses `key`, and checks nothing changed. */
  async function cancelAt(key: 'C-c' | 'Escape', steps: (s: TmuxSession) => Promise<void>): Promise<void> {
    const before = await checksums(lab.postfix.configDir);
    const session = await startInTmux(
      [process.execPath, repoPath('bin', 'postfix-gmail-wizard.js'), ...lab.args(), '--no-keychain'],
      { cols: 100, rows: 40, env: { LANG: 'C.UTF-8', TERM: 'xterm-256color' } },
    );
    try {
      await steps(session);
      await session.sendKeys(key);
      assert.equal(await session.exitCode(30_000), 130, await session.screen());
      const screen = await session.history(true);
      assert.equal(screen.split(en.cancelled).length - 1, 1, 'the screen says once that nothing was changed');
      assert.doesNotMatch(screen, /│\n│\n└/, 'one guide line between the cancelled question and the ending');
    } finally {
      await session.kill();
    }
    assert.deepEqual(await checksums(lab.postfix.configDir), before);
    assert.equal(existsSync(join(lab.postfix.base, 'backups')), false, 'no backup dir was even made');
    // The run's lock lives in the state dir from the start; nothing else may be there.
    const state = join(lab.postfix.base, 'state', 'postfix-gmail-wizard');
    assert.deepEqual(
      existsSync(state) ? readdirSync(state) : [],
      existsSync(state) ? ['lock'] : [],
      'the state dir holds at most the lock',
    );
    assert.equal(lab.gmail.messages.length, 0);
  }

  const atAccount = async (s: TmuxSession) => {
    await s.waitFor(/Gmail address to send as/, 30_000);
  };
  const atPassword = async (s: TmuxSession) => {
    await atAccount(s);
    await s.sendKeys('C-u');
    await s.type(ACCOUNT);
    await s.sendKeys('Enter');
    await s.waitFor(/App password/);
    await s.type(PASSWORD.slice(0, 6));
  };
  const atConfirm = async (s: TmuxSession) => {
    await atPassword(s);
    await s.type(PASSWORD.slice(6));
    await s.sendKeys('Enter');
    // No recipient question (the plan shows it); the sender mapping is asked on a first run.
    if (!/Apply this plan\?/.test(await s.waitFor(/, cron\)|Apply this plan\?/, 30_000))) await s.sendKeys('Enter');
    await s.waitFor(/Apply this plan\?/, 30_000);
    assert.ok(
      lab.gmail.auths.some((a) => a.user === ACCOUNT && a.accepted),
      'the pre-flight login happened',
    );
  };

  it('Ctrl-C at the first question: exit 130, nothing changed', () => cancelAt('C-c', atAccount));
  it('Esc at the password, half typed: exit 130, nothing changed', () => cancelAt('Escape', atPassword));
  it('Ctrl-C at "Apply this plan?", after the login was checked: exit 130, nothing changed', () =>
    cancelAt('C-c', atConfirm));
  it('Esc at "Apply this plan?": exit 130, nothing changed', () => cancelAt('Escape', atConfirm));
});
