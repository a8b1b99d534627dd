// OAuth's consent at the real TUI (tmux, 80×24, Debian 12's Postfix in a private instance), the test
// playing the browser: it reads the address off the screen, consents at the fake Google OAuth server
// and follows its redirect to the wizard's listener — or copies the address the browser ended on and
// pastes it back; a forged state at the listener is refused and the wait goes on. Each run goes on to
// the same pre-flight as --oauth-token-file (a refresh, XOAUTH2 at the Gmail double) and the plan, and stops there (Esc:
// nothing written). Debian 12 has no sasl-xoauth2, and the wizard checks for it before any consent:
// the wizard runs in a mount namespace of its own where the plugin directory is a copy holding an
// empty libsasl-xoauth2.so — only the wizard's listing sees it, nothing on the machine changes. The
// real plugin with a real Postfix is npm run releases:oauth (Debian sid).
import assert from 'node:assert/strict';
import { chmod, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { authUrlIn, consentRedirect, fetchPage } from '../../support/consent-browser.js';
import { startFakeGmail, type FakeGmail } from '../../support/fake-gmail.js';
import { startFakeOauth, type FakeOauth } from '../../support/fake-google-oauth.js';
import { isListening } from '../../support/free-port.js';
import { repoPath } from '../../support/paths.js';
import { createPostfixInstance, postfixSkipReason, type PostfixInstance } from '../../support/postfix-instance.js';
import { badFrameLines } from '../../support/screen-checks.js';
import { checksums } from '../../support/secret-checks.js';
import { createTestCa, type TestCa } from '../../support/test-ca.js';
import { startInTmux, tmuxSkipReason, type TmuxSession } from '../../support/tmux.js';

const ACCOUNT = 'you@gmail.com';
const CLIENT = '42-tui.apps.googleusercontent.com';
const SECRET = 'GOCSPX-tui-client-secret';
const pluginDir = '/usr/lib/x86_64-linux-gnu/sasl2';
const skip = postfixSkipReason() ?? tmuxSkipReason() ?? (process.arch === 'x64' ? undefined : 'x86_64 plugin path');

/** The question waiting for an answer: clack marks it with ◆. */
const activeQuestion = (screen: string) => screen.split('\n').find((l) => l.startsWith('◆'));

describe('OAuth consent at the TUI', { skip }, () => {
  let tmp: string;
  let ca: TestCa;
  let oauth: FakeOauth;
  let gmail: FakeGmail;
  let postfix: PostfixInstance;
  before(async () => {
    tmp = await mkdtemp('/tmp/pgw-consent-tui-');
    ca = await createTestCa(join(tmp, 'ca'));
    oauth = await startFakeOauth({ cert: ca.certPem, key: ca.keyPem, clients: { [CLIENT]: { secret: SECRET } } });
    oauth.options.account = ACCOUNT;
    gmail = await startFakeGmail({ cert: ca.certPem, key: ca.keyPem, accounts: {}, xoauth2: oauth.validAccessToken });
    postfix = await createPostfixInstance();
    await postfix.start();
    await writeFile(join(tmp, 'client.json'), oauth.clientJson(CLIENT), { mode: 0o600 });
    await chmod(join(tmp, 'client.json'), 0o600);
    await mkdir(join(tmp, 'sasl2'));
    await cp(pluginDir, join(tmp, 'sasl2'), { recursive: true, verbatimSymlinks: true });
    await writeFile(join(tmp, 'sasl2', 'libsasl-xoauth2.so'), '');
  });
  after(async () => {
    await postfix?.destroy();
    await gmail?.close();
    await oauth?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  const start = (lang = 'C.UTF-8'): Promise<TmuxSession> =>
    startInTmux(
      [
        'unshare',
        '--mount',
        '--propagation',
        'private',
        'sh',
        '-c',
        'mount --bind "$0" "$1" && shift 2 && exec "$@"',
        join(tmp, 'sasl2'),
        pluginDir,
        process.execPath,
        repoPath('bin', 'postfix-gmail-wizard.js'),
        '--auth',
        'oauth',
        '--account',
        ACCOUNT,
        '--relay',
        `localhost:${gmail.port}`,
        '--ca-file',
        ca.caPath,
        '--config-dir',
        postfix.configDir,
        '--backup-dir',
        join(postfix.base, 'backups'),
        '--state-dir',
        join(postfix.base, 'state'),
        '--no-keychain',
      ],
      {
        cols: 80,
        rows: 24,
        env: { LANG: lang, TERM: 'xterm-256color', SSH_CONNECTION: '192.0.2.7 50000 198.51.100.4 22', USER: 'ana' },
      },
    );

  /** Up to the paste prompt: the client's path typed; the address and the listener's port read off the screen. */
  const toConsent = async (s: TmuxSession) => {
    const authsBefore = gmail.auths.length;
    await s.waitFor(/Path of the client JSON/, 30_000);
    await s.type(join(tmp, 'client.json'));
    await s.sendKeys('Enter');
    await s.waitFor(/Or paste here the address/, 30_000);
    const history = await s.history(true);
    const url = authUrlIn(history);
    assert.ok(url, history);
    const port = Number(new URL(new URL(url).searchParams.get('redirect_uri')!).port);
    assert.match(history, new RegExp(`ssh -L ${port}:127\\.0\\.0\\.1:${port} ana@198\\.51\\.100\\.4`), history);
    return { url, port, authsBefore };
  };

  /** After the answer: the pre-flight over XOAUTH2, then the plan; Esc there, nothing written. */
  const toPlanThenEsc = async (
    s: TmuxSession,
    before: Record<string, string>,
    authsBefore: number,
    secrets: string[],
  ) => {
    // The questions between the login and the plan (senders, others later added) take their defaults.
    for (let asked = 0; ; asked++) {
      const question = activeQuestion(await s.waitFor((sc) => activeQuestion(sc) !== undefined, 30_000))!;
      if (/Apply this plan\?/.test(question)) break;
      assert.ok(asked < 5, `too many questions before the plan: ${question}`);
      await s.sendKeys('Enter');
      await s.waitFor((sc) => activeQuestion(sc) !== question, 30_000);
    }
    const plan = await s.screen();
    assert.deepEqual(badFrameLines(plan, 80), [], plan);
    const history = await s.history(true);
    assert.match(history, /Google gave a refresh token for this client/);
    assert.match(history, /accepted the XOAUTH2 login of you@gmail\.com/);
    assert.deepEqual(
      gmail.auths.slice(authsBefore).map((a) => [a.method, a.accepted]),
      [['XOAUTH2', true]],
    );
    for (const secret of [SECRET, ...secrets]) assert.ok(!history.includes(secret), 'a secret on the screen');
    await s.sendKeys('Escape');
    assert.equal(await s.exitCode(30_000), 130, await s.screen());
    assert.deepEqual(await checksums(postfix.configDir), before, 'nothing written');
  };

  it('the one screen that explains the Desktop client fits 80×24, in English and Japanese', async () => {
    for (const [lang, title, last] of [
      ['C.UTF-8', /a "Desktop app" client of your own/, /Path of the client JSON/],
      ['ja_JP.UTF-8', /自分用の「デスクトップ アプリ」クライアント/, /クライアント JSON のパス/],
    ] as const) {
      const s = await start(lang);
      try {
        const screen = await s.waitFor(last, 30_000);
        assert.match(screen, title, screen);
        assert.match(screen, /https:\/\/mail\.google\.com\//, screen);
        assert.match(screen, lang === 'C.UTF-8' ? /In production[\s\S]*7 days/ : /本番環境[\s\S]*7 日/, screen);
        assert.deepEqual(badFrameLines(screen, 80), [], screen);
        await s.sendKeys('C-c');
        assert.equal(await s.exitCode(30_000), 130, await s.screen());
      } finally {
        await s.kill();
      }
    }
  });

  it('the browser reaches the listener: consent, exchange, XOAUTH2 pre-flight, the plan', async () => {
    const before = await checksums(postfix.configDir);
    const s = await start();
    try {
      const { url, authsBefore } = await toConsent(s);
      const location = await consentRedirect(url, ca.caPem);
      const page = await fetchPage(location);
      assert.equal(page.status, 200);
      assert.match(page.body, /Go back to the terminal/);
      await s.waitFor(/The browser brought the answer/, 30_000);
      await toPlanThenEsc(s, before, authsBefore, [new URL(location).searchParams.get('code')!]);
    } finally {
      await s.kill();
    }
  });

  it('the address pasted back (masked): the same road, and the listener is closed', async () => {
    const before = await checksums(postfix.configDir);
    const s = await start();
    try {
      const { url, port, authsBefore } = await toConsent(s);
      const location = await consentRedirect(url, ca.caPem);
      await s.type(location);
      await s.sendKeys('Enter');
      // The pasted answer taken (its question redrawn answered) before the next questions are looked for.
      await s.waitFor((sc) => !/paste/i.test(activeQuestion(sc) ?? ''), 30_000);
      await toPlanThenEsc(s, before, authsBefore, [new URL(location).searchParams.get('code')!, location]);
      assert.equal(await isListening(port), false, 'the listener is closed');
    } finally {
      await s.kill();
    }
  });

  it('a forged state at the listener (any local user can see the port): refused in the browser, no exchange, the run goes on to the right answer', async () => {
    const before = await checksums(postfix.configDir);
    const s = await start();
    try {
      const { url, authsBefore } = await toConsent(s);
      const location = await consentRedirect(url, ca.caPem);
      const exchanges = oauth.requests.filter((r) => r.grantType === 'authorization_code').length;
      const page = await fetchPage(location.replace(/state=[^&]+/, 'state=forged'));
      assert.equal(page.status, 400);
      assert.equal(oauth.requests.filter((r) => r.grantType === 'authorization_code').length, exchanges);
      const right = await fetchPage(location);
      assert.equal(right.status, 200);
      await s.waitFor(/The browser brought the answer/, 30_000);
      await toPlanThenEsc(s, before, authsBefore, [new URL(location).searchParams.get('code')!]);
    } finally {
      await s.kill();
    }
  });
});
