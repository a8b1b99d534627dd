// Google's OAuth 2.0 endpoints, faked on loopback (HTTPS with the test CA): an authorization endpoint
// that consents at once and redirects to the client's loopback address with code and state; a token
// endpoint that exchanges a code only with the PKCE verifier (S256) it was issued for, refreshes, and
// answers Google's errors (invalid_grant, invalid_client); a revocation endpoint; access tokens with
// a lifetime a test chooses (seconds), so that expiry happens during a test. It never contacts Google.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface FakeOauthOptions {
  cert: string;
  key: string;
  clients: Record<string, { secret: string }>;
  /** Access-token lifetime in seconds (Google: 3599). Read at each issue, so a test may change it. */
  accessTtl?: number;
  /** The consent screen is in Testing: refresh tokens come with refresh_token_expires_in (7 days). */
  testing?: boolean;
  /**
   * In Testing, how long a consent lasts (seconds; Google: 7 days). Each answer says what is left of it,
   * as Google's does, and once it has ended a refresh is refused with invalid_grant.
   */
  consentSeconds?: number;
  /** The account the authorization endpoint consents for. */
  account?: string;
  /** The fake's clock (ms), so that a test makes an access token expire without waiting. */
  now?: () => number;
}

interface Grant {
  clientId: string;
  account: string;
  scope: string;
  revoked: boolean;
  /** When the consent was given (the fake's clock, ms). */
  at: number;
}

export interface FakeOauth {
  port: number;
  /** https://localhost:PORT — the fake's base address. */
  base: string;
  /** A Desktop-app client JSON as Google Cloud's console downloads it, for `clientId`. */
  clientJson(clientId: string): string;
  /** Issues a refresh token as if a consent had been given earlier (the headless path). */
  grant(clientId: string, account: string, scope?: string): string;
  /** The account an access token was issued for, if it is valid now (issued here, not expired, not revoked). */
  validAccessToken(token: string): string | undefined;
  revoke(refreshToken: string): void;
  /** What came in, in order: endpoint, grant type and the error answered (never a secret). */
  requests: { path: string; grantType?: string; ok: boolean; error?: string }[];
  /** What the revocation endpoint received, in order: the form's field names and its token (a test's own secret). */
  revocations: { fields: string[]; token: string; contentType: string }[];
  options: FakeOauthOptions;
  close(): Promise<void>;
}

const token = (prefix: string) => `${prefix}${randomBytes(24).toString('base64url')}`;
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

export async function startFakeOauth(options: FakeOauthOptions): Promise<FakeOauth> {
  const grants = new Map<string, Grant>(); // refresh token → grant
  const codes = new Map<string, { grant: Grant; challenge: string; redirectUri: string; used: boolean }>();
  const access = new Map<string, { refresh: string; expiresAt: number }>();
  const requests: FakeOauth['requests'] = [];
  const revocations: FakeOauth['revocations'] = [];
  const now = () => (options.now ?? Date.now)();

  const issueAccess = (refresh: string) => {
    const accessToken = token('ya29.');
    const ttl = options.accessTtl ?? 3599;
    access.set(accessToken, { refresh, expiresAt: now() + ttl * 1000 });
    return { access_token: accessToken, expires_in: ttl, scope: grants.get(refresh)!.scope, token_type: 'Bearer' };
  };
  /** Testing: the seconds left of the grant's consent (refresh_token_expires_in); undefined in Production. */
  const consentLeft = (grant: Grant): number | undefined =>
    options.testing ? (options.consentSeconds ?? 604799) - Math.floor((now() - grant.at) / 1000) : undefined;
  const ends = (grant: Grant) => {
    const left = consentLeft(grant);
    return left === undefined ? {} : { refresh_token_expires_in: left };
  };
  const send = (res: ServerResponse, status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, code: string, description: string) =>
    send(res, status, { error: code, error_description: description });

  const authorize = (url: URL, res: ServerResponse) => {
    const q = url.searchParams;
    const clientId = q.get('client_id') ?? '';
    const redirect = q.get('redirect_uri') ?? '';
    const ok =
      options.clients[clientId] &&
      /^http:\/\/127\.0\.0\.1:\d+\/?$/.test(redirect) &&
      q.get('response_type') === 'code' &&
      q.get('code_challenge_method') === 'S256' &&
      (q.get('code_challenge') ?? '').length >= 43;
    requests.push({ path: '/auth', ok: Boolean(ok) });
    if (!ok) return error(res, 400, 'invalid_request', 'Bad authorization request');
    const grant = {
      clientId,
      account: options.account ?? 'someone@example.org',
      scope: q.get('scope') ?? '',
      revoked: false,
      at: now(),
    };
    const code = token('4/0A');
    codes.set(code, { grant, challenge: q.get('code_challenge')!, redirectUri: redirect, used: false });
    const to = new URL(redirect);
    to.searchParams.set('code', code);
    to.searchParams.set('scope', grant.scope);
    if (q.get('state') !== null) to.searchParams.set('state', q.get('state')!);
    res.writeHead(302, { location: to.toString() });
    res.end();
  };

  const tokenEndpoint = (form: URLSearchParams, res: ServerResponse) => {
    const grantType = form.get('grant_type') ?? '';
    const client = options.clients[form.get('client_id') ?? ''];
    const fail = (status: number, code: string, description: string) => {
      requests.push({ path: '/token', grantType, ok: false, error: code });
      error(res, status, code, description);
    };
    if (!client || client.secret !== form.get('client_secret')) return fail(401, 'invalid_client', 'Unauthorized');
    if (grantType === 'authorization_code') {
      const entry = codes.get(form.get('code') ?? '');
      if (!entry || entry.used || entry.redirectUri !== form.get('redirect_uri'))
        return fail(400, 'invalid_grant', 'Malformed auth code.');
      if (s256(form.get('code_verifier') ?? '') !== entry.challenge)
        return fail(400, 'invalid_grant', 'Invalid code verifier.');
      entry.used = true;
      const refresh = token('1//0g');
      grants.set(refresh, entry.grant);
      requests.push({ path: '/token', grantType, ok: true });
      return send(res, 200, { ...issueAccess(refresh), refresh_token: refresh, ...ends(entry.grant) });
    }
    if (grantType === 'refresh_token') {
      const grant = grants.get(form.get('refresh_token') ?? '');
      const left = grant && consentLeft(grant);
      if (!grant || grant.revoked || grant.clientId !== form.get('client_id') || (left !== undefined && left <= 0))
        return fail(400, 'invalid_grant', 'Token has been expired or revoked.');
      requests.push({ path: '/token', grantType, ok: true });
      return send(res, 200, { ...issueAccess(form.get('refresh_token')!), ...ends(grant) });
    }
    return fail(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType}`);
  };

  const revoke = (refresh: string) => {
    const grant = grants.get(refresh);
    if (grant) grant.revoked = true;
    for (const [a, v] of access) if (v.refresh === refresh) access.delete(a);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://localhost');
    if (req.method === 'GET' && url.pathname === '/auth') return authorize(url, res);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      if (req.method === 'POST' && url.pathname === '/token') return tokenEndpoint(form, res);
      if (req.method === 'POST' && url.pathname === '/revoke') {
        const known = grants.has(form.get('token') ?? '');
        revocations.push({
          fields: [...form.keys()],
          token: form.get('token') ?? '',
          contentType: req.headers['content-type'] ?? '',
        });
        requests.push({ path: '/revoke', ok: known });
        if (!known) return error(res, 400, 'invalid_token', 'Token expired or revoked');
        revoke(form.get('token')!);
        return send(res, 200, {});
      }
      error(res, 404, 'not_found', url.pathname);
    });
  };

  const server = createServer({ cert: options.cert, key: options.key }, handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const base = `https://localhost:${port}`;
  return {
    port,
    base,
    options,
    requests,
    revocations,
    clientJson: (clientId) =>
      JSON.stringify({
        installed: {
          client_id: clientId,
          project_id: 'pgw-test',
          auth_uri: `${base}/auth`,
          token_uri: `${base}/token`,
          auth_provider_x509_cert_url: `${base}/certs`,
          client_secret: options.clients[clientId]?.secret ?? '',
          redirect_uris: ['http://localhost'],
        },
      }),
    grant(clientId, account, scope = 'https://mail.google.com/') {
      const refresh = token('1//0g');
      grants.set(refresh, { clientId, account, scope, revoked: false, at: now() });
      return refresh;
    },
    validAccessToken(accessToken) {
      const entry = access.get(accessToken);
      const grant = entry && grants.get(entry.refresh);
      if (!entry || !grant || grant.revoked || entry.expiresAt <= now()) return undefined;
      return grant.scope.split(' ').includes('https://mail.google.com/') ? grant.account : undefined;
    },
    revoke,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
