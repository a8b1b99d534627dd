// The fake Google OAuth server and the Gmail double's XOAUTH2, through the wizard's real system calls
// (postForm, checkEnvelope): the code exchange only with the PKCE verifier, refresh, revocation, an
// access token that expires on the fake's clock, and the relay accepting only tokens the fake issued
// for that very account.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createRealSystem } from '../../src/system/real-system.js';
import { startFakeGmail, type FakeGmail } from './fake-gmail.js';
import { startFakeOauth, type FakeOauth } from './fake-google-oauth.js';
import { createTestCa, type TestCa } from './test-ca.js';

const ACCOUNT = 'ops@example.org';
const CLIENT = '42-test.apps.googleusercontent.com';
const SECRET = 'GOCSPX-fake-secret';

describe('fake Google OAuth and XOAUTH2 at the Gmail double', () => {
  let tmp: string;
  let ca: TestCa;
  let oauth: FakeOauth;
  let gmail: FakeGmail;
  let clock = Date.now();
  const sys = createRealSystem();
  before(async () => {
    tmp = await mkdtemp('/tmp/pgw-fake-oauth-');
    ca = await createTestCa(join(tmp, 'ca'));
    oauth = await startFakeOauth({
      cert: ca.certPem,
      key: ca.keyPem,
      clients: { [CLIENT]: { secret: SECRET } },
      account: ACCOUNT,
      accessTtl: 60,
      now: () => clock,
    });
    gmail = await startFakeGmail({ cert: ca.certPem, key: ca.keyPem, accounts: {}, xoauth2: oauth.validAccessToken });
  });
  after(async () => {
    await gmail?.close();
    await oauth?.close();
    await rm(tmp, { recursive: true, force: true });
  });
  const refresh = (refreshToken: string, secret = SECRET) =>
    sys.postForm(
      `${oauth.base}/token`,
      { client_id: CLIENT, client_secret: secret, grant_type: 'refresh_token', refresh_token: refreshToken },
      ca.caPem,
    );
  const login = (user: string, accessToken: string) =>
    sys.checkEnvelope(
      { host: 'localhost', port: gmail.port, implicitTls: false, ca: ca.caPem },
      { from: user, to: user, xoauth2: { user, accessToken } },
    );

  it('refresh → an access token the relay accepts for that account only, until it expires', async () => {
    const reply = await refresh(oauth.grant(CLIENT, ACCOUNT));
    assert.equal(reply.status, 200, reply.body);
    const { access_token: access, expires_in } = JSON.parse(reply.body);
    assert.equal(expires_in, 60);
    assert.deepEqual(await login(ACCOUNT, access), { ok: true });
    const other = await login('someone-else@example.org', access);
    assert.equal(other.ok, false);
    assert.equal(other.stage, 'auth');
    assert.equal(other.responseCode, 535);
    clock += 61_000;
    assert.equal((await login(ACCOUNT, access)).responseCode, 535, 'expired');
    assert.deepEqual(
      gmail.auths.map((a) => [a.method, a.accepted, a.secure]),
      [
        ['XOAUTH2', true, true],
        ['XOAUTH2', false, true],
        ['XOAUTH2', false, true],
      ],
    );
  });

  it("Google's errors: invalid_client for a wrong secret, invalid_grant after revocation", async () => {
    const token = oauth.grant(CLIENT, ACCOUNT);
    assert.match((await refresh(token, 'wrong')).body, /"invalid_client"/);
    const revoked = await sys.postForm(`${oauth.base}/revoke`, { token }, ca.caPem);
    assert.equal(revoked.status, 200);
    assert.deepEqual(oauth.revocations.at(-1), {
      fields: ['token'],
      token,
      contentType: 'application/x-www-form-urlencoded',
    });
    const after = await refresh(token);
    assert.equal(after.status, 400);
    assert.match(after.body, /"invalid_grant"/);
  });

  it('Testing: each answer says what is left of the consent (refresh_token_expires_in); after its end, invalid_grant', async () => {
    oauth.options.testing = true;
    oauth.options.consentSeconds = 3600;
    try {
      const token = oauth.grant(CLIENT, ACCOUNT);
      assert.equal(JSON.parse((await refresh(token)).body).refresh_token_expires_in, 3600);
      clock += 600_000;
      assert.equal(JSON.parse((await refresh(token)).body).refresh_token_expires_in, 3000);
      clock += 3000_000;
      const ended = await refresh(token);
      assert.equal(ended.status, 400);
      assert.match(ended.body, /"invalid_grant"/);
      oauth.options.testing = false;
      assert.equal(JSON.parse((await refresh(token)).body).refresh_token_expires_in, undefined, 'Production: no end');
    } finally {
      oauth.options.testing = false;
      delete oauth.options.consentSeconds;
    }
  });

  it('a TLS certificate from another CA: no answer, an error code (the secret never sent)', async () => {
    const other = await createTestCa(join(tmp, 'other'), { name: 'other' });
    const reply = await sys.postForm(`${oauth.base}/token`, { client_id: CLIENT }, other.caPem);
    assert.equal(reply.status, 0);
    assert.ok(reply.errorCode, JSON.stringify(reply));
    assert.equal(oauth.requests.filter((r) => r.path === '/token' && r.grantType === undefined).length, 0);
  });

  it('authorization code with PKCE (S256): consent redirects with code and state; the verifier is checked', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const redirect = 'http://127.0.0.1:45678/';
    const url = new URL(`${oauth.base}/auth`);
    for (const [k, v] of Object.entries({
      client_id: CLIENT,
      redirect_uri: redirect,
      response_type: 'code',
      scope: 'https://mail.google.com/',
      state: 'st4te',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }))
      url.searchParams.set(k, v);
    const { request } = await import('node:https');
    const location = await new Promise<string>((resolve, reject) =>
      request(url, { ca: ca.caPem }, (res) => {
        res.resume();
        resolve(res.headers.location ?? '');
      })
        .on('error', reject)
        .end(),
    );
    const back = new URL(location);
    assert.equal(back.origin + back.pathname, redirect);
    assert.equal(back.searchParams.get('state'), 'st4te');
    const code = back.searchParams.get('code') ?? '';
    const exchange = (codeVerifier: string) =>
      sys.postForm(
        `${oauth.base}/token`,
        {
          client_id: CLIENT,
          client_secret: SECRET,
          grant_type: 'authorization_code',
          code,
          code_verifier: codeVerifier,
          redirect_uri: redirect,
        },
        ca.caPem,
      );
    assert.match((await exchange(randomBytes(32).toString('base64url'))).body, /Invalid code verifier/);
    const ok = await exchange(verifier);
    assert.equal(ok.status, 200, ok.body);
    assert.ok(JSON.parse(ok.body).refresh_token);
    assert.match((await exchange(verifier)).body, /invalid_grant/, 'a code is used once');
  });
});
