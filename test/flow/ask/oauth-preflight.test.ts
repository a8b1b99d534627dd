// OAuth's pre-flight (flow/ask/oauth-preflight.ts) with the real system against the fake Google
// OAuth server and the Gmail double on loopback: the inputs read as secret files, a fresh access
// token, XOAUTH2 at the relay; and each refusal explained (exit 1, or 2 for bad input) with no
// secret in what is shown.
import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WizardError } from '../../../src/errors.js';
import { oauthPreflight } from '../../../src/flow/ask/oauth-preflight.js';
import { parseOptions } from '../../../src/options.js';
import { createRealSystem } from '../../../src/system/real-system.js';
import { startFakeGmail, type FakeGmail } from '../../support/fake-gmail.js';
import { startFakeOauth, type FakeOauth } from '../../support/fake-google-oauth.js';
import { ScriptedUi } from '../../support/scripted-ui.js';
import { createTestCa, type TestCa } from '../../support/test-ca.js';

const ACCOUNT = 'ops@example.org';
const CLIENT = '42-flow.apps.googleusercontent.com';
const SECRET = 'GOCSPX-flow-secret';
const skip = process.getuid?.() === 0 ? undefined : 'needs root (secret files are read only from root-owned files)';

describe('flow/ask/oauth-preflight', { skip }, () => {
  let tmp: string;
  let ca: TestCa;
  let oauth: FakeOauth;
  let gmail: FakeGmail;
  before(async () => {
    tmp = await mkdtemp('/tmp/pgw-oauth-preflight-');
    ca = await createTestCa(join(tmp, 'ca'));
    oauth = await startFakeOauth({ cert: ca.certPem, key: ca.keyPem, clients: { [CLIENT]: { secret: SECRET } } });
    gmail = await startFakeGmail({ cert: ca.certPem, key: ca.keyPem, accounts: {}, xoauth2: oauth.validAccessToken });
    await secretFile('client.json', oauth.clientJson(CLIENT));
  });
  after(async () => {
    await gmail?.close();
    await oauth?.close();
    await rm(tmp, { recursive: true, force: true });
  });
  const secretFile = async (name: string, text: string) => {
    await writeFile(join(tmp, name), text, { mode: 0o600 });
    await chmod(join(tmp, name), 0o600);
  };
  const run = async (refreshToken: string, account = ACCOUNT) => {
    await secretFile('token.json', JSON.stringify({ refresh_token: refreshToken }));
    const ui = new ScriptedUi([], false);
    const options = parseOptions([
      '--auth',
      'oauth',
      '--oauth-client',
      join(tmp, 'client.json'),
      '--oauth-token-file',
      join(tmp, 'token.json'),
    ]);
    const relay = { host: 'localhost', port: gmail.port, implicitTls: false };
    const result = await oauthPreflight(
      { sys: createRealSystem(), ui, options },
      relay,
      ca.caPem,
      account,
      account,
    ).then(
      (value) => ({ value, error: undefined }),
      (error: unknown) => ({ value: undefined, error }),
    );
    return { ...result, shown: ui.transcript };
  };

  it('a granted refresh token: a fresh access token, accepted by XOAUTH2 at the relay; nothing secret shown', async () => {
    const refresh = oauth.grant(CLIENT, ACCOUNT);
    const { value, shown } = await run(refresh);
    assert.ok(value, 'pre-flight passed');
    assert.equal(value.refreshToken, refresh);
    assert.equal(value.client.clientSecret, SECRET);
    assert.ok(oauth.validAccessToken(value.accessToken));
    assert.ok(value.expiry > Date.now() / 1000 + 3000);
    assert.equal(value.testing, false);
    assert.deepEqual(gmail.auths.at(-1) && [gmail.auths.at(-1)!.method, gmail.auths.at(-1)!.accepted], [
      'XOAUTH2',
      true,
    ]);
    for (const secret of [refresh, SECRET, value.accessToken]) assert.ok(!shown.includes(secret));
  });

  it('a consent screen in Testing (refresh_token_expires_in): warned, the pre-flight still passes', async () => {
    oauth.options.testing = true;
    try {
      const before = Math.floor(Date.now() / 1000);
      const { value, shown } = await run(oauth.grant(CLIENT, ACCOUNT));
      assert.equal(value?.testing, true);
      assert.match(shown, /Testing.*7 days/);
      // The refresh says what is left of the consent: its end is the credential's, for the record.
      const end = value?.consentExpiresAt ?? 0;
      assert.ok(end >= before + 604799 && end <= Math.floor(Date.now() / 1000) + 604799, String(end));
    } finally {
      oauth.options.testing = false;
    }
  });

  it('a revoked consent: oauth-invalid-grant, the fix is a new consent', async () => {
    const refresh = oauth.grant(CLIENT, ACCOUNT);
    oauth.revoke(refresh);
    const { error } = await run(refresh);
    assert.ok(error instanceof WizardError, String(error));
    assert.equal(error.code, 'oauth-invalid-grant');
    assert.equal(error.exitCode, 1);
    assert.match(error.fix ?? '', /consent again/);
  });

  it('a consent for another account: the relay refuses the token, said in the words of OAuth', async () => {
    const { error } = await run(oauth.grant(CLIENT, 'other@example.org'));
    assert.ok(error instanceof WizardError, String(error));
    assert.equal(error.code, 'preflight-auth-bad-credentials');
    assert.match(error.message, /OAuth access token for ops@example\.org/);
    assert.doesNotMatch(error.fix ?? '', /app password/);
  });

  it('a token file without refresh_token: exit 2 before any request', async () => {
    const before = oauth.requests.length;
    await secretFile('token.json', '{"access_token":"ya29.x"}');
    const ui = new ScriptedUi([], false);
    const options = parseOptions([
      '--auth',
      'oauth',
      '--oauth-client',
      join(tmp, 'client.json'),
      '--oauth-token-file',
      join(tmp, 'token.json'),
    ]);
    const relay = { host: 'localhost', port: gmail.port, implicitTls: false };
    const error = await oauthPreflight(
      { sys: createRealSystem(), ui, options },
      relay,
      ca.caPem,
      ACCOUNT,
      ACCOUNT,
    ).catch((e: unknown) => e);
    assert.ok(error instanceof WizardError, String(error));
    assert.equal(error.exitCode, 2);
    assert.equal(oauth.requests.length, before);
  });
});
