// npm run screens: capture the real interactive wizard in tmux, in English
// and Japanese, against a private Postfix and the Gmail double, and write
// the screens to docs/screens/*.txt for the README. Temporary paths, ports
// and ids are normalized to what a person would see on a real machine.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startFakeGmail } from '../support/fake-gmail.js';
import { repoPath } from '../support/paths.js';
import { createPostfixInstance } from '../support/postfix-instance.js';
import { createTestCa } from '../support/test-ca.js';
import { startInTmux, type TmuxSession } from '../support/tmux.js';

const password = 'abcdefghijklmnop';
const scripts = {
  en: { lang: 'C.UTF-8', account: 'you@gmail.com', prompts: { account: /Gmail address to send as/, password: /App password/, done: /Done: this machine|not delivered/ } },
  ja: { lang: 'ja_JP.UTF-8', account: 'anata@gmail.com', prompts: { account: /送信に使う Gmail アドレス/, password: /アプリパスワード（16/, done: /完了: |届きませんでした|配送されませんでした/ } },
};

/** Answer each question with Enter (its default) until the run ends, after account and password. */
async function drive(session: TmuxSession, script: (typeof scripts)['en']): Promise<void> {
  await session.waitFor(script.prompts.account, 30_000);
  await session.sendKeys('C-u');
  await session.type(script.account);
  await session.sendKeys('Enter');
  await session.waitFor(script.prompts.password, 30_000);
  await session.type('abcd efgh ijkl mnop');
  await session.sendKeys('Enter');
  for (let i = 0; i < 12; i++) {
    const screen = await session.screen();
    if (script.prompts.done.test(screen)) return;
    if (/◆/.test(screen)) await session.sendKeys('Enter'); // a question is waiting: take its default
    await new Promise((r) => setTimeout(r, 1500));
  }
  await session.waitFor(script.prompts.done, 60_000);
}

function normalize(text: string, base: string, port: number): string {
  return text
    .replace(new RegExp(`${base}/etc`, 'g'), '/etc/postfix')
    .replace(/\/tmp\/pgw-screens-[^/\s]+\/ca\/[^\s│]+/g, '/etc/ssl/certs/ca-certificates.crt')
    .replace(new RegExp(`\\[localhost\\]:${port}`, 'g'), '[smtp.gmail.com]:587')
    .replace(new RegExp(`localhost\\[127\\.0\\.0\\.1\\]:${port}`, 'g'), 'smtp.gmail.com[142.250.102.109]:587')
    .replace(new RegExp(`localhost:${port}`, 'g'), 'smtp.gmail.com:587')
    .replace(/\blocalhost\b(?= (accepted|が))/g, 'smtp.gmail.com')
    .replace(/ --relay smtp\.gmail\.com:587| --ca-file \S+| --config-dir \S+| --backup-dir \S+| --state-dir \S+| --no-keychain| --wait \d+/g, '')
    .replace(/ -c \/etc\/postfix(?= )/g, '') // the default instance needs no -c
    .replace(/\s+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .split('\n')
    .map(repadBoxLine)
    .join('\n')
    .trim();
}

// Normalizing shortened text inside clack's framed boxes: put each box line's
// right border back where the box's corner line says it is.
let boxWidth = 0;
function repadBoxLine(line: string): string {
  if (/^[◇◆].*─╮$/.test(line)) boxWidth = width(line);
  else if (/^├─*╯$/.test(line)) boxWidth = 0;
  else if (boxWidth && /^│ .*│$/.test(line)) {
    const inner = line.slice(0, -1).replace(/\s+$/, '');
    return inner + ' '.repeat(Math.max(1, boxWidth - 1 - width(inner))) + '│';
  }
  return line;
}

/** Terminal columns: CJK and full-width characters take two. */
function width(text: string): number {
  let columns = 0;
  for (const ch of text) columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return columns;
}

const tmp = await mkdtemp('/tmp/pgw-screens-');
const ca = await createTestCa(join(tmp, 'ca'));
const gmail = await startFakeGmail({ cert: ca.certPem, key: ca.keyPem, accounts: Object.fromEntries(Object.values(scripts).map((s) => [s.account, { password }])) });
await mkdir(repoPath('docs', 'screens'), { recursive: true });
try {
  for (const [name, script] of Object.entries(scripts)) {
    const postfix = await createPostfixInstance();
    await postfix.start();
    const session = await startInTmux([process.execPath, repoPath('bin', 'postfix-gmail-wizard.js'), '--relay', `localhost:${gmail.port}`, '--ca-file', ca.caPath,
      '--config-dir', postfix.configDir, '--backup-dir', join(postfix.base, 'b'), '--state-dir', join(postfix.base, 's'), '--no-keychain', '--wait', '60'],
    { cols: 100, rows: 90, env: { LANG: script.lang, TERM: 'xterm-256color' } });
    try {
      await drive(session, script);
      await new Promise((r) => setTimeout(r, 500));
      const screen = normalize(await session.history(true), postfix.base, gmail.port);
      await writeFile(repoPath('docs', 'screens', `setup.${name}.txt`), screen + '\n');
      console.log(`docs/screens/setup.${name}.txt: ${screen.split('\n').length} lines`);
    } finally {
      await session.kill();
      await postfix.destroy();
    }
  }
  await embedInReadme();
} finally {
  await gmail.close();
  await rm(tmp, { recursive: true, force: true });
}

/** Put each screen into README.md between its markers, so the README shows what the code shows. */
async function embedInReadme(): Promise<void> {
  let readme = await readFile(repoPath('README.md'), 'utf8');
  for (const name of Object.keys(scripts)) {
    const screen = await readFile(repoPath('docs', 'screens', `setup.${name}.txt`), 'utf8');
    const start = `<!-- screen:${name} -->`;
    const end = `<!-- /screen:${name} -->`;
    const from = readme.indexOf(start);
    const to = readme.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md lacks the markers ${start} … ${end}`);
    readme = `${readme.slice(0, from + start.length)}\n\n\`\`\`text\n${screen}\`\`\`\n\n${readme.slice(to)}`;
  }
  await writeFile(repoPath('README.md'), readme);
}
