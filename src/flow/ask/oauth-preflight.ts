// OAuth 2.0's pre-flight, before anything is written: read --oauth-client and --oauth-token-file
// (secret files: root-only, checked like --password-file), get a fresh access token from the
// client's token_uri (TLS verified against the relay's trust anchors: --ca-file applies here too),
// then log in at the relay with XOAUTH2 and try MAIL FROM/RCPT TO before RSET. Google's answers
// (invalid_grant: the consent was revoked or expired; invalid_client) become the fix to apply.
// The client secret, refresh and access tokens stay in memory: never printed, never in argv/env.
import { UsageError, WizardError } from '../../errors.js';
import {
  consentInTesting,
  earliestEnd,
  type OauthClient,
  type OauthCredential,
  type OauthToken,
  type OauthProblem,
  parseOauthClient,
  parseOauthToken,
  parseTokenReply,
} from '../../gmail/oauth.js';
import type { Relay } from '../../gmail/relay.js';
import type { System } from '../../system/types.js';
import { type MessageKey, t } from '../../ui/messages.js';
import type { Context } from '../context.js';
import { preflightEnvelope } from './relay-preflight.js';

export type { OauthCredential };

async function readSecretJson(sys: System, flag: string, path: string): Promise<string> {
  const file = await sys.readSecretFile(path);
  if (file.problem || file.text === undefined) {
    throw new UsageError(
      'unsafe-oauth-file',
      t('authOauth.fileRefused', { flag, path, problem: file.problem ?? 'unreadable' }),
      t('authOauth.fileRefusedFix', { flag }),
    );
  }
  return file.text;
}

const problemText: Record<OauthProblem, MessageKey> = {
  'client-not-json': 'authOauth.client-not-json',
  'client-not-installed': 'authOauth.client-not-installed',
  'client-missing-field': 'authOauth.client-missing-field',
  'client-bad-uri': 'authOauth.client-bad-uri',
  'token-not-json': 'authOauth.token-not-json',
  'token-no-refresh': 'authOauth.token-no-refresh',
};

/** The token endpoint's refusals a person can act on, each with its cause and fix. */
const refusalText: Record<string, { cause: MessageKey; fix: MessageKey }> = {
  invalid_grant: { cause: 'authOauth.invalid_grant.cause', fix: 'authOauth.invalid_grant.fix' },
  invalid_client: { cause: 'authOauth.invalid_client.cause', fix: 'authOauth.invalid_client.fix' },
  unauthorized_client: { cause: 'authOauth.unauthorized_client.cause', fix: 'authOauth.unauthorized_client.fix' },
  unreachable: { cause: 'authOauth.unreachable.cause', fix: 'authOauth.unreachable.fix' },
  other: { cause: 'authOauth.other.cause', fix: 'authOauth.other.fix' },
};

function refuseInput(flag: string, path: string, problem: OauthProblem, field = ''): never {
  throw new UsageError('invalid-oauth-file', t(problemText[problem], { flag, path, field }), t('authOauth.inputFix'));
}

/** --oauth-client's Desktop client, read and checked (exit 2 on bad input, nothing changed). */
export async function readOauthClient(ctx: Pick<Context, 'sys'>, path: string): Promise<OauthClient> {
  const client = parseOauthClient(await readSecretJson(ctx.sys, '--oauth-client', path));
  if (!client.ok) refuseInput('--oauth-client', path, client.problem, client.field);
  return client.value;
}

/**
 * --oauth-token-file's token (a refresh_token at least), read and checked (exit 2 on bad input). When
 * the consent ends: refresh_token_expires_at as it is; refresh_token_expires_in alone (the token
 * endpoint's answer saved as it came) counted from the file's last change, when it was saved.
 */
export async function readOauthTokenFile(ctx: Pick<Context, 'sys'>, path: string): Promise<OauthToken> {
  const token = parseOauthToken(await readSecretJson(ctx.sys, '--oauth-token-file', path));
  if (!token.ok) refuseInput('--oauth-token-file', path, token.problem);
  const { consentExpiresIn, ...value } = token.value;
  if (consentExpiresIn === undefined) return value;
  const saved = (await ctx.sys.fileInfo(path))?.mtimeMs ?? ctx.sys.now().getTime();
  return { ...value, consentExpiresAt: Math.floor(saved / 1000) + consentExpiresIn };
}

/** --oauth-client and --oauth-token-file, read and checked (exit 2 on bad input, nothing changed). */
export async function readOauthInputs(
  ctx: Pick<Context, 'sys' | 'options'>,
): Promise<{ client: OauthClient; refreshToken: string }> {
  const { oauthClient, oauthTokenFile } = ctx.options;
  if (!oauthClient || !oauthTokenFile)
    throw new UsageError(
      'missing-answers',
      t('ask.missing', { flags: ['--oauth-client FILE', '--oauth-token-file FILE'].join(', ') }),
      t('ask.missingFix'),
    );
  const client = await readOauthClient(ctx, oauthClient);
  const token = await readOauthTokenFile(ctx, oauthTokenFile);
  return { client, refreshToken: token.refreshToken };
}

/** A fresh access token for `refreshToken`, or the explained refusal (exit 1). */
export async function refreshAccessToken(
  ctx: Pick<Context, 'sys' | 'ui'>,
  client: OauthClient,
  refreshToken: string,
  caPem: string,
): Promise<Omit<OauthCredential, 'client' | 'refreshToken'>> {
  const progress = ctx.ui.progress(t('authOauth.refreshing', { endpoint: new URL(client.tokenUri).host }));
  const reply = await ctx.sys.postForm(
    client.tokenUri,
    {
      client_id: client.clientId,
      client_secret: client.clientSecret,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    },
    caPem,
  );
  const parsed = reply.status === 0 ? undefined : parseTokenReply(reply.status, reply.body);
  if (!parsed?.ok) {
    const error = parsed?.error ?? reply.errorCode ?? 'ESOCKET';
    progress.stop(t('authOauth.refreshFailed', { error }), 'failed');
    const key = parsed === undefined ? 'unreachable' : error in refusalText ? error : 'other';
    const text = refusalText[key]!;
    throw new WizardError(
      `oauth-${key.replaceAll('_', '-')}`,
      `${t(text.cause, { error, endpoint: client.tokenUri })} ${t('preflight.nothingChanged')}`,
      t(text.fix),
    );
  }
  progress.stop(t('authOauth.refreshed'));
  // Google's refresh_token_expires_in counts what is left of the consent from this answer.
  const left = parsed.refreshTokenExpiresIn;
  return {
    accessToken: parsed.accessToken,
    expiry: Math.floor(Date.now() / 1000) + parsed.expiresIn,
    testing: consentInTesting(parsed),
    ...(left !== undefined ? { consentExpiresAt: Math.floor(ctx.sys.now().getTime() / 1000) + left } : {}),
  };
}

/**
 * The pre-flight of a token however it came (a consent in the browser, --oauth-token-file): a fresh
 * access token from the client's token_uri, then XOAUTH2 at the relay with the envelope tried.
 */
export async function oauthCredential(
  ctx: Pick<Context, 'sys' | 'ui'>,
  client: OauthClient,
  token: OauthToken,
  relay: Relay,
  caPem: string,
  account: string,
  to: string,
): Promise<OauthCredential> {
  const fresh = await refreshAccessToken(ctx, client, token.refreshToken, caPem);
  // Said before the login, so that a refusal does not hide it: in Testing the consent ends in 7 days.
  if (fresh.testing) ctx.ui.warn(t('authOauth.testing'));
  await preflightEnvelope(ctx, relay, caPem, {
    from: account,
    to,
    xoauth2: { user: account, accessToken: fresh.accessToken },
  });
  const consentExpiresAt = earliestEnd(token.consentExpiresAt, fresh.consentExpiresAt);
  return {
    client,
    refreshToken: token.refreshToken,
    ...fresh,
    ...(consentExpiresAt !== undefined ? { consentExpiresAt } : {}),
  };
}

/** The whole OAuth pre-flight from the two files: read them, then oauthCredential. */
export async function oauthPreflight(
  ctx: Pick<Context, 'sys' | 'ui' | 'options'>,
  relay: Relay,
  caPem: string,
  account: string,
  to: string,
): Promise<OauthCredential> {
  const { client, refreshToken } = await readOauthInputs(ctx);
  return oauthCredential(ctx, client, { refreshToken }, relay, caPem, account, to);
}
