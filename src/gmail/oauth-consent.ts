// The consent of OAuth 2.0 for a "Desktop app" client, as data: Google's device flow does not allow
// Gmail's scope, so it is the authorization-code flow with PKCE (S256, RFC 7636), a `state` that ties
// the answer to this run, and a loopback redirect (http://127.0.0.1:PORT/, RFC 8252). Pure: the
// randomness comes in as bytes, no I/O, no sentences (codes; ui/ words them). The verifier and the
// code are secrets: they stay in memory, never in a URL but Google's own redirect.
import { createHash, randomBytes } from 'node:crypto';
import { gmailScope, type OauthClient } from './oauth.js';

/** What one consent keeps between the URL it prints and the answer it takes. */
export interface ConsentRequest {
  /** The PKCE code_verifier (43 characters of base64url): a secret, sent only with the code exchange. */
  verifier: string;
  state: string;
  redirectUri: string;
  /** The address the person opens in a browser. */
  url: string;
}

/** What came back to the redirect URI (by the listener or pasted): a code, a refusal, or not ours. */
export type ConsentAnswer =
  | { kind: 'code'; code: string }
  /** Google's error= (access_denied: the person pressed Cancel). */
  | { kind: 'denied'; error: string }
  /** state differs: the answer of another consent (an older tab, another run, or a forgery). */
  | { kind: 'state-mismatch' }
  /** Not an answer at all: no code, no error (a favicon request, a typo in a paste). */
  | { kind: 'not-an-answer' };

export const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

/** The loopback redirect for `port`: Google accepts any port on 127.0.0.1 for a Desktop client. */
export const loopbackRedirect = (port: number): string => `http://127.0.0.1:${port}/`;

export function consentRequest(
  client: OauthClient,
  port: number,
  account: string | undefined,
  random: (size: number) => Buffer = randomBytes,
): ConsentRequest {
  const verifier = random(32).toString('base64url');
  const state = random(16).toString('base64url');
  const redirectUri = loopbackRedirect(port);
  const url = new URL(client.authUri);
  const params: Record<string, string> = {
    client_id: client.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: gmailScope,
    code_challenge: s256(verifier),
    code_challenge_method: 'S256',
    state,
    // A refresh token every time: without prompt=consent Google gives one only at the first consent.
    access_type: 'offline',
    prompt: 'consent',
    ...(account ? { login_hint: account } : {}),
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return { verifier, state, redirectUri, url: url.toString() };
}

/** The query of the address the browser was sent to (from the listener, or pasted back whole or in part). */
export function readConsentAnswer(query: URLSearchParams, state: string): ConsentAnswer {
  const code = query.get('code');
  const error = query.get('error');
  if (!code && !error) return { kind: 'not-an-answer' };
  if (query.get('state') !== state) return { kind: 'state-mismatch' };
  if (error) return { kind: 'denied', error };
  return { kind: 'code', code: code! };
}

/**
 * What a person pastes: the whole address the browser ended on (http://127.0.0.1:PORT/?state=…&code=…),
 * or only its query. Anything with no code and no error is not an answer.
 */
export function readPastedAnswer(pasted: string, state: string): ConsentAnswer {
  const text = pasted.trim();
  const query = text.includes('?') ? text.slice(text.indexOf('?') + 1) : text;
  try {
    return readConsentAnswer(new URLSearchParams(query.split('#')[0]), state);
  } catch {
    return { kind: 'not-an-answer' };
  }
}

/** The token endpoint's form for the code: the verifier proves this run asked for it. */
export function codeExchangeForm(client: OauthClient, request: ConsentRequest, code: string): Record<string, string> {
  return {
    grant_type: 'authorization_code',
    code,
    code_verifier: request.verifier,
    redirect_uri: request.redirectUri,
    client_id: client.clientId,
    client_secret: client.clientSecret,
  };
}

/** The session is a remote shell: the browser is elsewhere, and reaches 127.0.0.1 here only through a forward. */
export function overSsh(env: Readonly<Record<string, string | undefined>>): boolean {
  return Boolean(env.SSH_CONNECTION || env.SSH_CLIENT);
}

/**
 * The command that forwards the port from the person's own machine: `ssh -L PORT:127.0.0.1:PORT user@host`,
 * with the user who logged in (SUDO_USER before USER) and the address this session's SSH reached.
 */
export function sshForwardCommand(env: Readonly<Record<string, string | undefined>>, port: number): string[] {
  const user = env.SUDO_USER || env.USER || 'user';
  const server = (env.SSH_CONNECTION ?? '').trim().split(/\s+/)[2] || 'host';
  return ['ssh', '-L', `${port}:127.0.0.1:${port}`, `${user}@${server}`];
}
