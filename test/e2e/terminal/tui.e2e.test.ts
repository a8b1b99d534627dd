// The real interactive TUI in a pseudo-terminal (tmux), keystroke by
// keystroke as a person would, from the first prompt to a delivered test
// message, in the terminals people have: 80×24 over SSH, and a narrow 60×20.
// On every screen: each frame line exactly as wide as the terminal, no word
// cut across two lines; at the apply question the relayhost change is on the
// same screen; the password is never visible; the command to copy is whole.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appPasswordUrl } from '../../../src/gmail/credentials.js';
import { columns } from '../../../src/ui/columns.js';
import { repoPath } from '../../support/paths.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { badFrameLines, brokenWords, vocabulary } from '../../support/screen-checks.js';
import { startInTmux, tmuxSkipReason } from '../../support/tmux.js';

const PASSWORD = 'mnbvcxzlkjhgfdsa';
const languages = [
  {
    name: 'English',
    env: 'C.UTF-8',
    accountPrompt: /Gmail address to send as/,
    password: /App password/,
    senders: /\bcron\)|Apply this plan\?/, // "cron)" whole, wherever the line before it wraps
    confirm: /Apply this plan\?/,
    done: /Done: this machine sends mail through Gmail/,
  },
  {
    name: 'Japanese',
    env: 'ja_JP.UTF-8',
    accountPrompt: /送信に使う Gmail アドレス/,
    password: /アプリパスワード（16/,
    senders: /cron）|この内容で適用しますか/,
    confirm: /この内容で適用しますか/,
    done: /完了: このマシンのメールは Gmail 経由で送信されます/,
  },
];
const terminals = [
  { cols: 80, rows: 24 },
  { cols: 60, rows: 20 },
];
const runs = languages.flatMap((lang, l) =>
  terminals.map((term, t) => ({ lang, term, account: `person${l}${t}@gmail.com` })),
);

describe('interactive wizard in a terminal', { skip: postfixSkipReason() ?? tmuxSkipReason() }, () => {
  for (const { lang, term, account } of runs) {
    it(`reaches a delivered test message by keystrokes alone at ${term.cols}×${term.rows}, whole frames and words (${lang.name})`, async () => {
      // A Postfix of its own: a first run, where the plan changes relayhost.
      const lab = await startRelayLab('tui', { [account]: { password: PASSWORD } });
      try {
        await driveAndCheck(lab, lang, term, account);
      } finally {
        await lab.close();
      }
    });
  }
});

async function driveAndCheck(
  lab: RelayLab,
  lang: (typeof languages)[number],
  term: (typeof terminals)[number],
  account: string,
): Promise<void> {
  const showDiff = term.cols === 80;
  const session = await startInTmux(
    [process.execPath, repoPath('bin', 'postfix-gmail-wizard.js'), ...lab.args(), '--no-keychain', '--wait', '60'],
    { ...term, env: { LANG: lang.env, TERM: 'xterm-256color' } },
  );
  const relay = `[localhost]:${lab.gmail.port}`;
  const dir = lab.postfix.configDir;
  const words = vocabulary([
    account,
    dir,
    `${dir}/main.cf`,
    `${dir}/sasl_passwd`,
    `hash:${dir}/sasl_passwd`,
    `hash:${dir}/gmail_generic`,
    appPasswordUrl,
    relay,
    `localhost[127.0.0.1]:${lab.gmail.port}`,
    '250 2.0.0 OK',
    '/root/gmail-app-password',
    'root@testhost.example',
    'smtp_generic_maps',
  ]);
  const screens: string[] = [];
  const seen = async (pattern: RegExp, timeoutMs = 30_000) => {
    const screen = await session.waitFor(pattern, timeoutMs);
    screens.push(screen);
    return screen;
  };
  try {
    await seen(lang.accountPrompt);
    await session.sendKeys('C-u'); // clear the pre-filled current account on a re-run
    await session.type(account);
    await session.sendKeys('Enter');
    await seen(lang.password);
    // Typed in two halves with the spaces Google shows, as people paste it.
    await session.type(
      `${PASSWORD.slice(0, 4)} ${PASSWORD.slice(4, 8)} ${PASSWORD.slice(8, 12)} ${PASSWORD.slice(12)}`,
    );
    assert.ok(!(await session.screen()).includes(PASSWORD.slice(0, 4)), 'the password is masked while typed');
    await session.sendKeys('Enter');
    // The test recipient is not asked (the plan shows it); the sender mapping is, on a first run.
    if (!lang.confirm.test(await seen(lang.senders))) await session.sendKeys('Enter');
    const atConfirm = await seen(lang.confirm);
    const relayLine = atConfirm.split('\n').find((l) => l.includes('relayhost:'));
    assert.ok(
      relayLine?.includes(`→ ${relay}`),
      `the relayhost change is on the screen of the question:\n${atConfirm}`,
    );
    if (term.rows >= 24)
      assert.match(
        atConfirm,
        /^◇ {2}(The plan|変更内容) ─/m,
        'at 80×24 the whole plan fits one screen with its question',
      );
    assert.ok(!(await session.history()).includes(`${account}:********`), 'the one-screen plan shows no file content');
    if (showDiff) {
      await session.sendKeys('Down', 'Enter'); // Show the full diff
      // The question drawn before the keys were read would match below as well as the one asked again:
      // wait for the diff itself first (its credential line, wherever it has scrolled to).
      await session.waitForHistory(`${account}:********`, 30_000);
      await session.waitFor(/[◆].*\n(│.*\n)*│ {2}● /, 30_000);
      const again = await seen(lang.confirm);
      assert.ok(again.includes(`→ ${relay}`), 'asked again under the summary, not under the tail of the diff');
      // Joined: a diff line longer than the terminal wraps (paths and ports differ from machine to machine).
      const withDiff = await session.history(true);
      assert.ok(
        withDiff.includes(`${account}:********`),
        `the full diff shows the new credential, password hidden:\n${withDiff.split('\n').slice(-60).join('\n')}`,
      );
    }
    await session.sendKeys('Enter'); // "Apply" is pre-selected
    await seen(lang.done, 90_000);
    assert.equal(await session.exitCode(30_000), 0);
    const everything = await session.history();
    screens.push(everything);
    assert.ok(!everything.includes(PASSWORD), 'the password never appears on screen');
    for (const screen of screens) {
      assert.deepEqual(
        badFrameLines(screen, term.cols),
        [],
        `a frame line of another width than ${term.cols}:\n${screen}`,
      );
      assert.deepEqual(brokenWords(screen, words), [], `a word cut across lines:\n${screen}`);
    }
    assert.ok(!everything.includes('\t'));
    // The command to copy: its own lines, no guide or frame, broken between words with " \".
    const lines = everything.split('\n');
    const first = lines.findIndex((l) => l.startsWith('npx postfix-gmail-wizard '));
    assert.ok(first >= 0, `the equivalent command starts a line of its own:\n${everything}`);
    let last = first;
    while (lines[last]!.endsWith(' \\')) last++;
    const command = lines.slice(first, last + 1);
    assert.ok(
      command.every((l) => columns(l) <= term.cols),
      command.join('\n'),
    );
    const joined = command.map((l) => l.replace(/ \\$/, '').trim()).join(' ');
    assert.match(joined, new RegExp(`--account ${account} --password-file /root/gmail-app-password .*--yes$`));
  } finally {
    await session.kill();
  }
  const message = lab.gmail.messages.find((m) => m.rcptTo.includes(account));
  assert.ok(message, 'the fake Gmail received the test message, sent to the account (not asked)');
  assert.equal(message.user, account);
  assert.match(
    await readFile(join(lab.postfix.configDir, 'sasl_passwd'), 'utf8'),
    new RegExp(`${account}:${PASSWORD}`),
  );
}
