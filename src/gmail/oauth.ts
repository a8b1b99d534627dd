// OAuth 2.0 for Gmail's XOAUTH2, as data: the "Desktop app" client JSON Google Cloud's console
// downloads, the token file the sasl-xoauth2 plugin reads and rewrites, and the token endpoint's
// answers. Pure: no I/O, no sentences (problem codes; ui/ words them). Every value here but the
// client id is a secret: it stays in memory and in root- or postfix-only files.

export interface OauthClient {
  clientId: string;
  clientSecret: string;
  authUri: string;
  tokenUri: string;
}

/** What a consent leaves: the refresh token, and the access token of the moment. */
export interface OauthToken {
  refreshToken: string;
  accessToken?: string;
  /** Seconds since the epoch when accessToken expires (the plugin's "expiry"). */
  expiry?: number;
  /** Epoch seconds when Google ends the consent itself (a consent screen in Testing: 7 days). */
  consentExpiresAt?: number;
  /** A token file's refresh_token_expires_in without an absolute time: counted from the file's mtime by the caller. */
  consentExpiresIn?: number;
}

/** What a pre-flight proved (a fresh access token the relay accepted), in memory only, on its way to the token file. */
export interface OauthCredential {
  client: OauthClient;
  refreshToken: string;
  accessToken: string;
  /** Epoch seconds. */
  expiry: number;
  /** The consent screen is in Testing: Google ends this consent after 7 days. */
  testing: boolean;
  /** Epoch seconds when the consent ends, the earliest that anything told (undefined: no end known). */
  consentExpiresAt?: number;
}

export type OauthProblem =
  | 'client-not-json'
  | 'client-not-installed'
  | 'client-missing-field'
  | 'client-bad-uri'
  | 'token-not-json'
  | 'token-no-refresh';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: OauthProblem; field?: string };

/** doctor, status and check warn this long before a consent ends (check --consent-days changes it). */
export const consentWarnSecondsDefault = 3 * 86400;

/** Gmail's scope: the only one XOAUTH2 at smtp.gmail.com accepts. */
export const gmailScope = 'https://mail.google.com/';
export const googleRevokeUri = 'https://oauth2.googleapis.com/revoke';

/**
 * Where a refresh token is revoked: beside the token endpoint (Google's token_uri
 * https://oauth2.googleapis.com/token has its revocation at /revoke of the same origin; a test's fake
 * too). `tokenEndpoint` must come from a root-owned file (the plugin's config); without one, Google's.
 */
export function revocationEndpoint(tokenEndpoint: string | undefined): string {
  if (!tokenEndpoint || !usableEndpoint(tokenEndpoint)) return googleRevokeUri;
  return new URL('/revoke', tokenEndpoint).toString();
}

function json(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const str = (o: Record<string, unknown>, key: string): string | undefined =>
  typeof o[key] === 'string' && (o[key] as string).trim() !== '' ? (o[key] as string).trim() : undefined;

/** Only https endpoints (http on loopback, where a test's fake server listens). */
export function usableEndpoint(uri: string): boolean {
  try {
    const url = new URL(uri);
    return (
      url.protocol === 'https:' ||
      (url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname))
    );
  } catch {
    return false;
  }
}

/** The console's download: {"installed": {client_id, client_secret, auth_uri, token_uri, …}}. */
export function parseOauthClient(text: string): Parsed<OauthClient> {
  const root = json(text);
  if (!root) return { ok: false, problem: 'client-not-json' };
  const installed = root.installed;
  if (!installed || typeof installed !== 'object') return { ok: false, problem: 'client-not-installed' };
  const o = installed as Record<string, unknown>;
  const fields = { clientId: 'client_id', clientSecret: 'client_secret', authUri: 'auth_uri', tokenUri: 'token_uri' };
  const out: Partial<OauthClient> = {};
  for (const [name, key] of Object.entries(fields) as [keyof OauthClient, string][]) {
    const value = str(o, key);
    if (value === undefined) return { ok: false, problem: 'client-missing-field', field: key };
    out[name] = value;
  }
  for (const key of ['auth_uri', 'token_uri'])
    if (!usableEndpoint(str(o, key)!)) return { ok: false, problem: 'client-bad-uri', field: key };
  return { ok: true, value: out as OauthClient };
}

/** A token from an earlier consent: the plugin's own file, or the token endpoint's answer (refresh_token at least). */
export function parseOauthToken(text: string): Parsed<OauthToken> {
  const root = json(text);
  if (!root) return { ok: false, problem: 'token-not-json' };
  const refreshToken = str(root, 'refresh_token');
  if (!refreshToken) return { ok: false, problem: 'token-no-refresh' };
  const accessToken = str(root, 'access_token');
  const expiry = Number(root.expiry);
  const endsAt = epochSeconds(root.refresh_token_expires_at);
  const endsIn = Number(root.refresh_token_expires_in);
  return {
    ok: true,
    value: {
      refreshToken,
      ...(accessToken ? { accessToken } : {}),
      ...(expiry > 0 ? { expiry } : {}),
      ...(endsAt !== undefined ? { consentExpiresAt: endsAt } : endsIn > 0 ? { consentExpiresIn: endsIn } : {}),
    },
  };
}

/** refresh_token_expires_at: epoch seconds (a number or a string of digits), or an ISO 8601 time. */
function epochSeconds(value: unknown): number | undefined {
  if (typeof value === 'number') return value > 0 ? Math.floor(value) : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) || undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : undefined;
}

/** The earliest of the consent ends known (each source may know none). */
export function earliestEnd(...ends: (number | undefined)[]): number | undefined {
  const known = ends.filter((e): e is number => e !== undefined && e > 0);
  return known.length > 0 ? Math.min(...known) : undefined;
}

/** The token endpoint's answer to a refresh or a code exchange. */
export type TokenReply =
  | { ok: true; accessToken: string; expiresIn: number; refreshToken?: string; refreshTokenExpiresIn?: number }
  | { ok: false; error: string; description?: string; status: number };

export function parseTokenReply(status: number, body: string): TokenReply {
  const o = json(body) ?? {};
  const accessToken = str(o, 'access_token');
  const expiresIn = Number(o.expires_in);
  if (status === 200 && accessToken && expiresIn > 0) {
    const refreshToken = str(o, 'refresh_token');
    const left = Number(o.refresh_token_expires_in);
    return {
      ok: true,
      accessToken,
      expiresIn,
      ...(refreshToken ? { refreshToken } : {}),
      ...(left > 0 ? { refreshTokenExpiresIn: left } : {}),
    };
  }
  return {
    ok: false,
    status,
    error: str(o, 'error') ?? (status === 200 ? 'invalid_response' : `http_${status}`),
    ...(str(o, 'error_description') ? { description: str(o, 'error_description') } : {}),
  };
}

/**
 * The token file as sasl-xoauth2 reads it: refresh_token, access_token, expiry (a string of epoch
 * seconds, as the plugin writes it); client_id, client_secret and token_endpoint in the file too, so
 * it works whichever config file the plugin finds (the file's values override the config's).
 */
export function tokenFileContent(
  client: OauthClient,
  token: Required<Pick<OauthToken, 'refreshToken' | 'accessToken' | 'expiry'>>,
): string {
  const file = {
    access_token: token.accessToken,
    refresh_token: token.refreshToken,
    expiry: String(token.expiry),
    client_id: client.clientId,
    client_secret: client.clientSecret,
    token_endpoint: client.tokenUri,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Google grants a Testing-mode consent for 7 days: its refresh token comes with refresh_token_expires_in. */
export function consentInTesting(reply: TokenReply): boolean {
  return reply.ok && reply.refreshTokenExpiresIn !== undefined;
}

/** Google's authorization endpoint: the token file keeps no auth_uri (the plugin never needs one). */
export const googleAuthUri = 'https://accounts.google.com/o/oauth2/auth';

/**
 * The client an account's token file was written for (client_id, client_secret, token_endpoint, as
 * templates/xoauth2_token.ejs writes them): enough for a new consent without the client JSON again.
 * undefined when a field is missing or an endpoint is not usable.
 */
export function clientFromTokenFile(text: string, authUri = googleAuthUri): OauthClient | undefined {
  const o = json(text);
  if (!o) return undefined;
  const clientId = str(o, 'client_id');
  const clientSecret = str(o, 'client_secret');
  const tokenUri = str(o, 'token_endpoint');
  if (!clientId || !clientSecret || !tokenUri || !usableEndpoint(tokenUri) || !usableEndpoint(authUri))
    return undefined;
  return { clientId, clientSecret, authUri, tokenUri };
}
