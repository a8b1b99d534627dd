// OAuth's interactive consent (flow/ask/browser-consent.ts) with the real system against the fake Google
// OAuth server on loopback: the test plays the browser (it reads the address the wizard showed, gives
// the consent at the fake and follows or stops at its redirect). The listener's answer and the pasted
// one each win once, and the other is ended; a wrong state, a refusal, Ctrl-C; the client JSON asked
// for until usable; no secret (verifier, code, tokens, client secret) in what is shown.
import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CancelledError, WizardError } from '../../../src/errors.js';
import { askOauthClient, consentInBrowser, giveConsent } from '../../../src/flow/ask/browser-consent.js';
import { parseOptions } from '../../../src/options.js';
import { createRealSystem } from '../../../src/system/real-system.js';
import type { System } from '../../../src/system/types.js';
import { authUrlIn, consentRedirect, fetchPage } from '../../support/consent-browser.js';
import { startFakeOauth, type FakeOauth } from '../../support/fake-google-oauth.js';
import { isListening } from '../../support/free-port.js';
import { cancel, ScriptedUi, untilAborted, type Answer } from '../../support/scripted-ui.js';
import { createTestCa, type TestCa } from '../../support/test-ca.js';

const ACCOUNT = 'ops@example.org';
const CLIENT = '42-consent.apps.googleusercontent.com';
const SECRET = 'GOCSPX-consent-secret';
const skip = process.getuid?.() === 0 ? undefined : 'needs root (the client JSON is read only from root-owned files)';

/**
 * A ScriptedUi where a person acts when the paste-back prompt appears (the moment the address is on the
 * screen): `atPaste` plays the browser and returns what the person then pastes, each tried in turn
 * against the prompt's check like clack does; none left: the script's next answer (untilAborted waits).
 */
class BrowserUi extends ScriptedUi {
  constructor(
    answers: Answer[],
    private readonly atPaste: (ui: BrowserUi) => Promise<string[]>,
  ) {
    super(answers);
  }
  override async password(q: { message: string; validate?: (v: string) => string | undefined; signal?: AbortSignal }) {
    if (!q.signal) return super.password(q);
    for (const typed of await this.atPaste(this)) {
      const problem = q.validate?.(typed);
      if (!problem) return typed;
      this.shown.push(`invalid: ${problem}`);
    }
    return super.password(q);
  }
}

describe('flow/ask/browser-consent', { skip }, () => {
  let tmp: string;
  let ca: TestCa;
  let oauth: FakeOauth;
  before(async () => {
    tmp = await mkdtemp('/tmp/pgw-oauth-consent-');
    ca = await createTestCa(join(tmp, 'ca'));
    oauth = await startFakeOauth({ cert: ca.certPem, key: ca.keyPem, clients: { [CLIENT]: { secret: SECRET } } });
    await writeFile(join(tmp, 'client.json'), oauth.clientJson(CLIENT), { mode: 0o600 });
    await chmod(join(tmp, 'client.json'), 0o600);
  });
  after(async () => {
    await oauth?.close();
    await rm(tmp, { recursive: true, force: true });
  });
  const client = () => ({
    clientId: CLIENT,
    clientSecret: SECRET,
    authUri: `${oauth.base}/auth`,
    tokenUri: `${oauth.base}/token`,
  });
  const ctxFor = (ui: ScriptedUi, sys: System = createRealSystem(), args: string[] = []) => ({
    sys,
    ui,
    options: parseOptions(['--auth', 'oauth', ...args]),
  });
  const settle = <T>(p: Promise<T>) =>
    p.then(
      (value) => ({ value, error: undefined }),
      (error: unknown) => ({ value: undefined, error }),
    );
  const noSecrets = (shown: string, ...secrets: string[]) => {
    for (const s of [SECRET, ...secrets]) assert.ok(!shown.includes(s), 'a secret was shown');
  };

  it('the browser reaches the listener: the code is exchanged with the verifier, the paste prompt ends, the browser is told', async () => {
    let page: Promise<{ status: number; body: string }> | undefined;
    const ui = new BrowserUi([untilAborted], async (me) => {
      const url = authUrlIn(me.transcript)!;
      page = consentRedirect(url, ca.caPem).then((to) => fetchPage(to));
      return [];
    });
    const { value, error } = await settle(giveConsent(ctxFor(ui), client(), ca.caPem, ACCOUNT));
    assert.equal(error, undefined, String(error));
    assert.ok(value);
    assert.match((await page!).body, /Go back to the terminal/);
    assert.equal((await page!).status, 200);
    assert.deepEqual(oauth.requests.slice(-2), [
      { path: '/auth', ok: true },
      { path: '/token', grantType: 'authorization_code', ok: true },
    ]);
    assert.equal(value.client.clientSecret, SECRET);
    assert.match(value.token.refreshToken, /^1\/\/0g/);
    assert.equal(value.testing, false);
    assert.equal(oauth.validAccessToken(value.token.accessToken), 'someone@example.org');
    assert.ok(value.token.expiry > Date.now() / 1000 + 3000);
    assert.match(ui.transcript, /sign in as ops@example\.org/);
    assert.match(ui.transcript, /success: The browser brought the answer to 127\.0\.0\.1:\d+/);
    noSecrets(ui.transcript, value.token.refreshToken);
  });

  it('the address pasted back wins: a wrong state is refused in the prompt, the right one taken; the listener is closed', async () => {
    let port = 0;
    const ui = new BrowserUi([], async (me) => {
      const to = await consentRedirect(authUrlIn(me.transcript)!, ca.caPem);
      port = Number(new URL(to).port);
      return ['not an address', to.replace(/state=[^&]+/, 'state=forged'), to];
    });
    const { value, error } = await settle(giveConsent(ctxFor(ui), client(), ca.caPem, ACCOUNT));
    assert.equal(error, undefined, String(error));
    assert.match(value!.token.refreshToken, /^1\/\/0g/);
    assert.match(ui.transcript, /invalid: That is not the address the browser ended on/);
    assert.match(ui.transcript, /invalid: That address answers another consent/);
    assert.doesNotMatch(ui.transcript, /brought the answer/);
    assert.equal(await isListening(port), false, 'the listener is closed');
    noSecrets(ui.transcript, value!.token.refreshToken);
  });

  it('a wrong state at the listener (a stale tab, or another local user who found the port): refused in the browser, the wait goes on, the right answer is taken', async () => {
    // Any user of the machine can see the port (ss -ltn) and send a forged answer: it must not end the run.
    let page: Promise<{ status: number; body: string }> | undefined;
    const ui = new BrowserUi([untilAborted], async (me) => {
      const to = await consentRedirect(authUrlIn(me.transcript)!, ca.caPem);
      page = fetchPage(to.replace(/state=[^&]+/, 'state=forged'));
      await page;
      void fetchPage(to);
      return [];
    });
    const { value, error } = await settle(giveConsent(ctxFor(ui), client(), ca.caPem, ACCOUNT));
    assert.equal(error, undefined, String(error));
    assert.match(value!.token.refreshToken, /^1\/\/0g/);
    assert.equal((await page!).status, 400);
    assert.match((await page!).body, /does not match/);
    assert.match(ui.transcript, /success: The browser brought the answer to 127\.0\.0\.1:\d+/);
  });

  it('the person presses Cancel at Google: oauth-consent-denied, said plainly', async () => {
    const ui = new BrowserUi([], async (me) => {
      const state = new URL(authUrlIn(me.transcript)!).searchParams.get('state');
      return [`http://127.0.0.1:1/?error=access_denied&state=${state}`];
    });
    const { error } = await settle(giveConsent(ctxFor(ui), client(), ca.caPem, ACCOUNT));
    assert.ok(error instanceof WizardError, String(error));
    assert.equal(error.code, 'oauth-consent-denied');
    assert.match(error.message, /access_denied/);
  });

  it('Ctrl-C at the paste prompt: cancelled, the listener closed, no exchange', async () => {
    let port = 0;
    const ui = new BrowserUi([cancel], async (me) => {
      port = Number(new URL(new URL(authUrlIn(me.transcript)!).searchParams.get('redirect_uri')!).port);
      return [];
    });
    const before = oauth.requests.length;
    const { error } = await settle(giveConsent(ctxFor(ui), client(), ca.caPem, ACCOUNT));
    assert.ok(error instanceof CancelledError, String(error));
    assert.ok(port > 0);
    assert.equal(await isListening(port), false);
    assert.equal(oauth.requests.length, before);
  });

  it('a consent screen in Testing: the exchange says so (refresh_token_expires_in)', async () => {
    oauth.options.testing = true;
    try {
      let page: Promise<unknown> | undefined;
      const ui = new BrowserUi([untilAborted], async (me) => {
        page = consentRedirect(authUrlIn(me.transcript)!, ca.caPem).then((to) => fetchPage(to));
        return [];
      });
      const before = Math.floor(Date.now() / 1000);
      const { value } = await settle(giveConsent(ctxFor(ui), client(), ca.caPem, ACCOUNT));
      await page;
      assert.equal(value?.testing, true);
      // When Google ends it: the exchange's time plus refresh_token_expires_in (the fake's 7 days).
      const end = value?.token.consentExpiresAt ?? 0;
      assert.ok(end >= before + 604799 && end <= Math.floor(Date.now() / 1000) + 604799, String(end));
    } finally {
      oauth.options.testing = false;
    }
  });

  it('a code the token endpoint refuses (another client secret): oauth-code-refused, nothing secret in it', async () => {
    let page: Promise<unknown> | undefined;
    const ui = new BrowserUi([untilAborted], async (me) => {
      page = consentRedirect(authUrlIn(me.transcript)!, ca.caPem).then((to) => fetchPage(to));
      return [];
    });
    const wrong = { ...client(), clientSecret: 'GOCSPX-wrong' };
    const { error } = await settle(giveConsent(ctxFor(ui), wrong, ca.caPem, ACCOUNT));
    await page;
    assert.ok(error instanceof WizardError, String(error));
    assert.equal(error.code, 'oauth-code-refused');
    assert.match(error.message, /invalid_client/);
    assert.ok(!`${error.message}${error.fix}${ui.transcript}`.includes('GOCSPX-wrong'));
  });

  it("over SSH: the forward command for the listener's port is shown", async () => {
    const sys = createRealSystem();
    const env = { ...process.env, SSH_CONNECTION: '192.0.2.7 50000 198.51.100.4 22', SUDO_USER: 'ana' };
    const ui = new BrowserUi([cancel], async () => []);
    await settle(giveConsent(ctxFor(ui, { ...sys, env: () => env }), client(), ca.caPem, ACCOUNT));
    const port = new URL(new URL(authUrlIn(ui.transcript)!).searchParams.get('redirect_uri')!).port;
    assert.match(
      ui.transcript,
      new RegExp(`command: .*over SSH.*\\nssh -L ${port}:127\\.0\\.0\\.1:${port} ana@198\\.51\\.100\\.4`, 's'),
    );
  });

  it('the client JSON: explained on one screen, asked until a usable file is given (a missing one, then one that is no client)', async () => {
    await writeFile(join(tmp, 'web.json'), '{"web":{}}', { mode: 0o600 });
    await chmod(join(tmp, 'web.json'), 0o600);
    const ui = new ScriptedUi([join(tmp, 'nothing.json'), join(tmp, 'web.json'), `'${join(tmp, 'client.json')}'`]);
    const got = await askOauthClient(ctxFor(ui));
    assert.equal(got.clientId, CLIENT);
    assert.match(
      ui.transcript,
      /note: OAuth 2\.0: a "Desktop app" client[\s\S]*In production[\s\S]*7 days[\s\S]*https:\/\/mail\.google\.com\/[\s\S]*Desktop app/,
    );
    assert.equal(ui.asked.length, 3);
    assert.match(ui.transcript, /warn: .*nothing\.json/);
    assert.match(ui.transcript, /warn: .*not a "Desktop app" client/);
    noSecrets(ui.transcript);
  });

  it('--oauth-client given: no explanation, no question; the consent goes on with that client', async () => {
    const ui = new BrowserUi([cancel], async () => []);
    const error = await consentInBrowser(ctxFor(ui), client(), ACCOUNT, ca.caPem).catch((e: unknown) => e);
    assert.ok(error instanceof CancelledError);
    assert.doesNotMatch(ui.transcript, /Desktop app/);
    assert.match(authUrlIn(ui.transcript) ?? '', new RegExp(`client_id=${CLIENT}`));
  });
});
