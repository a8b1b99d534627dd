// The README's screens, captured from the real interactive wizard in tmux, in
// English and Japanese, against a private Postfix and the Gmail double: shared
// by `npm run screens` (test/docs/screens.ts, which writes docs/screens/*.txt)
// and the e2e test that compares a fresh capture with the committed screens.
// Temporary paths, ports and ids are normalized to what a person would see on
// a real machine.
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { columns, wrapText } from '../../src/ui/columns.js';
import { startFakeGmail } from './fake-gmail.js';
import { repoPath } from './paths.js';
import { createPostfixInstance } from './postfix-instance.js';
import { createTestCa } from './test-ca.js';
import { startInTmux, type TmuxSession } from './tmux.js';

const password = 'abcdefghijklmnop';
export const scripts = {
  en: {
    lang: 'C.UTF-8',
    account: 'you@gmail.com',
    prompts: {
      account: /Gmail address to send as/,
      password: /App password/,
      done: /Done: this machine|not delivered/,
    },
  },
  ja: {
    lang: 'ja_JP.UTF-8',
    account: 'anata@gmail.com',
    prompts: {
      account: /送信に使う Gmail アドレス/,
      password: /アプリパスワード（16/,
      done: /完了: |届きませんでした|配送されませんでした/,
    },
  },
};

/** Answer each question with Enter (its default) until the run ends, after account and password. */
async function drive(session: TmuxSession, script: (typeof scripts)['en']): Promise<void> {
  // Each step waits for what it means: the end, or an open question (clack draws it as a ◆ line
  // whose frame ends in a bare └); after Enter, that question's line gone (redrawn answered, ◇).
  // Without that wait a loaded machine shows the question still open after its Enter, and the
  // driver pressed Enter once more: clack's spinner then echoed it as blank lines on the screen.
  const lines = (screen: string) => screen.replace(/\s+$/, '').split('\n');
  const openQuestion = (screen: string) =>
    lines(screen).at(-1) === '└'
      ? lines(screen)
          .filter((line) => line.startsWith('◆'))
          .at(-1)
      : undefined;
  const answer = async (prompt: RegExp, keys: () => Promise<void>) => {
    const screen = await session.waitFor((s) => prompt.test(openQuestion(s) ?? ''), 30_000);
    const question = openQuestion(screen)!;
    await keys();
    await session.sendKeys('Enter');
    await session.waitFor((s) => !lines(s).includes(question), 30_000);
  };
  await answer(script.prompts.account, async () => {
    await session.sendKeys('C-u');
    await session.type(script.account);
  });
  await answer(script.prompts.password, () => session.type('abcd efgh ijkl mnop'));
  for (let asked = 0; asked < 20; asked++) {
    const screen = await session.waitFor((s) => script.prompts.done.test(s) || openQuestion(s) !== undefined, 90_000);
    if (script.prompts.done.test(screen)) return;
    const question = openQuestion(screen)!;
    await session.sendKeys('Enter'); // take its default
    await session.waitFor((s) => !lines(s).includes(question), 30_000);
  }
  throw new Error(`more than 20 questions:\n${await session.screen()}`);
}

function normalize(text: string, base: string, port: number): string {
  return text
    .replace(new RegExp(`${base}/etc`, 'g'), '/etc/postfix')
    .replace(/\/tmp\/pgw-screens-[^/\s]+\/ca\/[^\s│]+/g, '/etc/ssl/certs/ca-certificates.crt')
    .replace(new RegExp(`\\[localhost\\]:${port}`, 'g'), '[smtp.gmail.com]:587')
    .replace(new RegExp(`localhost\\[127\\.0\\.0\\.1\\]:${port}`, 'g'), 'smtp.gmail.com[142.250.102.109]:587')
    .replace(new RegExp(`localhost:${port}`, 'g'), 'smtp.gmail.com:587')
    .replace(/\blocalhost\b(?= (accepted|が))/g, 'smtp.gmail.com')
    .replace(
      / --relay smtp\.gmail\.com:587| --ca-file \S+| --config-dir \S+| --backup-dir \S+| --state-dir \S+| --no-keychain| --wait \d+/g,
      '',
    )
    .replace(/ -c \/etc\/postfix(?= )/g, '') // the default instance needs no -c
    .replace(/[ \t]+$/gm, '')
    .replace(/^(│ .*\bpostmap) *│\n│ +(hash:\S+) *│$/gm, '$1 $2 │') // the summary's command, without its -c, on one line again
    .replace(/^ {2}\\\n/gm, '') // a continuation left empty by the flags taken out
    .split('\n')
    .map(repadBoxLine)
    .reduce(rewrapLonger, [])
    .join('\n')
    .trim();
}

// A line the longer real names made wider than the 80 columns it was captured at: joined with the
// guide line after it and wrapped again, as the wizard would have wrapped it.
function rewrapLonger(lines: string[], line: string): string[] {
  const previous = lines.at(-1);
  if (
    previous !== undefined &&
    columns(previous) > 80 &&
    /^[◇◆●▲■] {2}/.test(previous) &&
    /^│ {2}\S/.test(line) &&
    !line.endsWith('│')
  ) {
    const [first, ...rest] = wrapText(`${previous.slice(3)} ${line.slice(3)}`, 77);
    lines.splice(-1, 1, `${previous.slice(0, 3)}${first}`, ...rest.map((l) => `│  ${l}`));
    return lines;
  }
  lines.push(line);
  return lines;
}

// Normalizing shortened text inside clack's framed boxes: put each box line's
// right border back where the box's corner line says it is.
let boxWidth = 0;
function repadBoxLine(line: string): string {
  if (/^[◇◆].*─╮$/.test(line)) boxWidth = columns(line);
  else if (/^├─*╯$/.test(line)) boxWidth = 0;
  else if (boxWidth && /^│ .*│$/.test(line)) {
    const inner = line.slice(0, -1).replace(/\s+$/, '');
    return `${inner + ' '.repeat(Math.max(1, boxWidth - 1 - columns(inner)))}│`;
  }
  return line;
}

export type ScreenName = keyof typeof scripts;

/**
 * Runs the wizard once per language and returns each normalized screen (no trailing newline);
 * `raw`, when given, receives each screen as the terminal showed it (for checks of its layout).
 */
export async function captureScreens(raw?: Partial<Record<ScreenName, string>>): Promise<Record<ScreenName, string>> {
  const tmp = await mkdtemp('/tmp/pgw-screens-');
  const screens: Partial<Record<ScreenName, string>> = {};
  try {
    const ca = await createTestCa(join(tmp, 'ca'));
    const gmail = await startFakeGmail({
      cert: ca.certPem,
      key: ca.keyPem,
      accounts: Object.fromEntries(Object.values(scripts).map((s) => [s.account, { password }])),
    });
    try {
      for (const [name, script] of Object.entries(scripts) as [ScreenName, (typeof scripts)['en']][]) {
        const postfix = await createPostfixInstance();
        await postfix.start();
        const session = await startInTmux(
          [
            process.execPath,
            repoPath('bin', 'postfix-gmail-wizard.js'),
            '--relay',
            `localhost:${gmail.port}`,
            '--ca-file',
            ca.caPath,
            '--config-dir',
            postfix.configDir,
            '--backup-dir',
            join(postfix.base, 'b'),
            '--state-dir',
            join(postfix.base, 's'),
            '--no-keychain',
            '--wait',
            '60',
          ],
          // Started as a person starts it, with sudo (the closing screen's command says sudo then).
          {
            cols: 80,
            rows: 90,
            env: { LANG: script.lang, TERM: 'xterm-256color', SUDO_USER: 'admin', SUDO_UID: '1000', SUDO_GID: '1000' },
          },
        );
        try {
          await drive(session, script);
          await session.exitCode(60_000); // the last lines are drawn once the wizard has exited
          if (raw) raw[name] = await session.history();
          screens[name] = normalize(await session.history(true), postfix.base, gmail.port);
        } finally {
          await session.kill();
          await postfix.destroy();
        }
      }
    } finally {
      await gmail.close();
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return screens as Record<ScreenName, string>;
}

/**
 * What differs between two runs of the same wizard: step timings, the backup id, the
 * queue id, and Gmail's time stamp and id in its reply. Masked for comparing screens.
 */
export function maskRunDependent(screen: string): string {
  // Every other line, blank ones included, is compared as drawn: the capture's terminal is tall
  // enough (90 rows) that nothing scrolls, so no spinner frame is left behind in the scrollback.
  return (
    screen
      .replace(/ \[\d+s\]$/gm, ' [Ns]')
      .replace(/\b\d{8}T\d{9}Z\b/g, 'BACKUP-ID')
      .replace(/((?:Message|メッセージ) )[0-9A-Za-z]+( )/g, '$1QUEUE-ID$2')
      // Gmail's id varies in length, and so does where the reply wraps: from "250" on, it is one mask.
      .replace(/250(\s|│)+2\.0\.0(\s|│)+OK[\s\S]*?gsmtp/g, '250 2.0.0 OK  TIME GSMTP-ID - gsmtp')
  );
}
