// The consent as data (gmail/oauth-consent.ts): the authorization address with PKCE S256 and state,
// the answer read from the redirect or a pasted address, the code exchange's form, and SSH's forward.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  codeExchangeForm,
  consentRequest,
  overSsh,
  readConsentAnswer,
  readPastedAnswer,
  sshForwardCommand,
} from '../../../src/gmail/oauth-consent.js';

const client = {
  clientId: '42-x.apps.googleusercontent.com',
  clientSecret: 'GOCSPX-secret',
  authUri: 'https://accounts.google.com/o/oauth2/auth',
  tokenUri: 'https://oauth2.googleapis.com/token',
};

describe('gmail/oauth-consent', () => {
  it('the address: code flow to the loopback redirect, Gmail scope, S256 of the verifier, state, a refresh token', () => {
    const request = consentRequest(client, 40123, 'you@example.org');
    const url = new URL(request.url);
    const q = url.searchParams;
    assert.equal(`${url.origin}${url.pathname}`, client.authUri);
    assert.equal(q.get('client_id'), client.clientId);
    assert.equal(q.get('redirect_uri'), 'http://127.0.0.1:40123/');
    assert.equal(request.redirectUri, 'http://127.0.0.1:40123/');
    assert.equal(q.get('response_type'), 'code');
    assert.equal(q.get('scope'), 'https://mail.google.com/');
    assert.equal(q.get('code_challenge_method'), 'S256');
    assert.equal(q.get('code_challenge'), createHash('sha256').update(request.verifier).digest('base64url'));
    assert.equal(q.get('state'), request.state);
    assert.equal(q.get('access_type'), 'offline');
    assert.equal(q.get('prompt'), 'consent');
    assert.equal(q.get('login_hint'), 'you@example.org');
    assert.match(request.verifier, /^[A-Za-z0-9_-]{43}$/, 'RFC 7636: 43 to 128 unreserved characters');
    assert.ok(request.state.length >= 22);
    assert.ok(!request.url.includes(request.verifier), 'the verifier never travels in the address');
    assert.ok(!request.url.includes(client.clientSecret));
  });

  it('each request draws its own verifier and state', () => {
    const a = consentRequest(client, 1, undefined);
    const b = consentRequest(client, 1, undefined);
    assert.notEqual(a.verifier, b.verifier);
    assert.notEqual(a.state, b.state);
    assert.equal(new URL(a.url).searchParams.get('login_hint'), null);
  });

  it('the redirect: a code with the right state, a refusal, another consent, or nothing', () => {
    const q = (s: string) => new URLSearchParams(s);
    assert.deepEqual(readConsentAnswer(q('state=S&code=4/0Ax&scope=x'), 'S'), { kind: 'code', code: '4/0Ax' });
    assert.deepEqual(readConsentAnswer(q('state=T&code=4/0Ax'), 'S'), { kind: 'state-mismatch' });
    assert.deepEqual(readConsentAnswer(q('code=4/0Ax'), 'S'), { kind: 'state-mismatch' });
    assert.deepEqual(readConsentAnswer(q('state=S&error=access_denied'), 'S'), {
      kind: 'denied',
      error: 'access_denied',
    });
    assert.deepEqual(readConsentAnswer(q('state=T&error=access_denied'), 'S'), { kind: 'state-mismatch' });
    assert.deepEqual(readConsentAnswer(q(''), 'S'), { kind: 'not-an-answer' });
  });

  it('pasted: the whole address, only its query, with spaces or a fragment; anything else is no answer', () => {
    const full = 'http://127.0.0.1:40123/?state=S&code=4%2F0Ax&scope=https%3A%2F%2Fmail.google.com%2F';
    assert.deepEqual(readPastedAnswer(full, 'S'), { kind: 'code', code: '4/0Ax' });
    assert.deepEqual(readPastedAnswer(`  ${full}#\n`, 'S'), { kind: 'code', code: '4/0Ax' });
    assert.deepEqual(readPastedAnswer('state=S&code=abc', 'S'), { kind: 'code', code: 'abc' });
    assert.deepEqual(readPastedAnswer(full.replace('state=S', 'state=X'), 'S'), { kind: 'state-mismatch' });
    assert.deepEqual(readPastedAnswer('4/0Ax', 'S'), { kind: 'not-an-answer' });
    assert.deepEqual(readPastedAnswer('', 'S'), { kind: 'not-an-answer' });
  });

  it('the exchange sends the code with the verifier and the same redirect address', () => {
    const request = consentRequest(client, 40123, undefined);
    assert.deepEqual(codeExchangeForm(client, request, 'C'), {
      grant_type: 'authorization_code',
      code: 'C',
      code_verifier: request.verifier,
      redirect_uri: 'http://127.0.0.1:40123/',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
  });

  it('over SSH (SSH_CONNECTION or SSH_CLIENT): the forward names the user who logged in and the address SSH reached', () => {
    assert.equal(overSsh({}), false);
    assert.equal(overSsh({ SSH_CLIENT: '192.0.2.7 50000 22' }), true);
    const env = { SSH_CONNECTION: '192.0.2.7 50000 198.51.100.4 22', USER: 'root', SUDO_USER: 'ana' };
    assert.equal(overSsh(env), true);
    assert.deepEqual(sshForwardCommand(env, 40123), ['ssh', '-L', '40123:127.0.0.1:40123', 'ana@198.51.100.4']);
    assert.deepEqual(sshForwardCommand({ SSH_CLIENT: 'x' }, 5), ['ssh', '-L', '5:127.0.0.1:5', 'user@host']);
  });
});
