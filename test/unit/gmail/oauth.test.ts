// The OAuth data (gmail/oauth.ts): the console's client JSON, a token file, the token endpoint's replies.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  clientFromTokenFile,
  consentInTesting,
  earliestEnd,
  parseOauthClient,
  parseOauthToken,
  parseTokenReply,
  tokenFileContent,
} from '../../../src/gmail/oauth.js';

const desktop = {
  installed: {
    client_id: '123-abc.apps.googleusercontent.com',
    project_id: 'relay-1',
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
    client_secret: 'GOCSPX-secret',
    redirect_uris: ['http://localhost'],
  },
};

describe('gmail/oauth', () => {
  it('reads a Desktop-app client; refuses a web client, a missing field, a non-https endpoint', () => {
    const ok = parseOauthClient(JSON.stringify(desktop));
    assert.deepEqual(ok, {
      ok: true,
      value: {
        clientId: '123-abc.apps.googleusercontent.com',
        clientSecret: 'GOCSPX-secret',
        authUri: 'https://accounts.google.com/o/oauth2/auth',
        tokenUri: 'https://oauth2.googleapis.com/token',
      },
    });
    assert.deepEqual(parseOauthClient(JSON.stringify({ web: desktop.installed })), {
      ok: false,
      problem: 'client-not-installed',
    });
    const { client_secret: _, ...noSecret } = desktop.installed;
    assert.deepEqual(parseOauthClient(JSON.stringify({ installed: noSecret })), {
      ok: false,
      problem: 'client-missing-field',
      field: 'client_secret',
    });
    const plain = { installed: { ...desktop.installed, token_uri: 'http://oauth.example/token' } };
    assert.equal(parseOauthClient(JSON.stringify(plain)).ok, false);
    assert.deepEqual(parseOauthClient('{not json'), { ok: false, problem: 'client-not-json' });
  });

  it('reads a token file: refresh_token at least, the plugin its expiry as a string', () => {
    assert.deepEqual(parseOauthToken('{"refresh_token":"1//r","access_token":"ya29.a","expiry":"1700000000"}'), {
      ok: true,
      value: { refreshToken: '1//r', accessToken: 'ya29.a', expiry: 1700000000 },
    });
    assert.deepEqual(parseOauthToken('{"access_token":"ya29.a"}'), { ok: false, problem: 'token-no-refresh' });
  });

  it("reads when a token file's consent ends: refresh_token_expires_at (epoch or ISO) before refresh_token_expires_in", () => {
    const value = (o: object) => {
      const parsed = parseOauthToken(JSON.stringify({ refresh_token: '1//r', ...o }));
      assert.ok(parsed.ok);
      return parsed.value;
    };
    assert.equal(value({ refresh_token_expires_at: 1800000000 }).consentExpiresAt, 1800000000);
    assert.equal(value({ refresh_token_expires_at: '1800000000' }).consentExpiresAt, 1800000000);
    assert.equal(value({ refresh_token_expires_at: '2027-01-15T00:00:00Z' }).consentExpiresAt, 1799971200);
    assert.deepEqual(value({ refresh_token_expires_in: 604799 }), { refreshToken: '1//r', consentExpiresIn: 604799 });
    assert.deepEqual(
      value({ refresh_token_expires_at: 1800000000, refresh_token_expires_in: 604799 }).consentExpiresAt,
      1800000000,
    );
    for (const junk of [{ refresh_token_expires_at: 'soon' }, { refresh_token_expires_in: -5 }, {}])
      assert.deepEqual(value(junk), { refreshToken: '1//r' }, JSON.stringify(junk));
    assert.equal(earliestEnd(undefined, 20, 10), 10);
    assert.equal(earliestEnd(undefined, undefined), undefined);
  });

  it("the token endpoint's replies: success, Testing's refresh_token_expires_in, Google's errors", () => {
    const ok = parseTokenReply(200, '{"access_token":"ya29.x","expires_in":3599,"token_type":"Bearer"}');
    assert.deepEqual(ok, { ok: true, accessToken: 'ya29.x', expiresIn: 3599 });
    assert.equal(consentInTesting(ok), false);
    const testing = parseTokenReply(
      200,
      '{"access_token":"ya29.x","expires_in":3599,"refresh_token_expires_in":604799}',
    );
    assert.equal(consentInTesting(testing), true);
    assert.deepEqual(
      parseTokenReply(400, '{"error":"invalid_grant","error_description":"Token has been expired or revoked."}'),
      { ok: false, status: 400, error: 'invalid_grant', description: 'Token has been expired or revoked.' },
    );
    assert.deepEqual(parseTokenReply(502, '<html>'), { ok: false, status: 502, error: 'http_502' });
  });

  it('the token file the plugin reads: its three fields, and the client so any config file will do', () => {
    const client = parseOauthClient(JSON.stringify(desktop));
    assert.ok(client.ok);
    const file = JSON.parse(
      tokenFileContent(client.value, { refreshToken: '1//r', accessToken: 'ya29.a', expiry: 1700000000 }),
    );
    assert.deepEqual(file, {
      access_token: 'ya29.a',
      refresh_token: '1//r',
      expiry: '1700000000',
      client_id: '123-abc.apps.googleusercontent.com',
      client_secret: 'GOCSPX-secret',
      token_endpoint: 'https://oauth2.googleapis.com/token',
    });
  });

  it("clientFromTokenFile: the token file's client comes back for a new consent; incomplete or unusable: none", () => {
    const client = {
      clientId: '42.apps',
      clientSecret: 'GOCSPX-s',
      authUri: 'https://a.example/auth',
      tokenUri: 'https://t.example/token',
    };
    const text = tokenFileContent(client, { refreshToken: '1//r', accessToken: 'ya29.a', expiry: 1700000000 });
    assert.deepEqual(clientFromTokenFile(text, client.authUri), client);
    assert.equal(clientFromTokenFile(text)?.authUri, 'https://accounts.google.com/o/oauth2/auth');
    assert.equal(
      clientFromTokenFile(JSON.stringify({ client_id: '42.apps', token_endpoint: 'https://t.example/token' })),
      undefined,
    );
    assert.equal(clientFromTokenFile(text.replace('https://t.example/token', 'http://t.example/token')), undefined);
    assert.equal(clientFromTokenFile('not json'), undefined);
  });
});
