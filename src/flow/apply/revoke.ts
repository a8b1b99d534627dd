// Leaving OAuth (remove, remove --account of the OAuth account, setup switching to an app password or the
// relay by address, or to another OAuth account): the refresh tokens of the token files the change took
// out are revoked at Google's revocation endpoint, so that a copy (a backup, a stolen disk) is worth
// nothing. Called only once the transaction has committed: a rollback puts the token file back, and a
// token revoked before it would leave mail waiting on invalid_grant. --keep-token skips it.
// Where to send them is read from the plugin's root-owned config (the token file is postfix's to
// rewrite, so its token_endpoint could be anyone's); without it, Google's own. TLS verified (the
// config's ca_bundle_file, else the system's roots); the token travels in the POST body only, and no
// reply text that could echo it is shown.
import { revocationEndpoint } from '../../gmail/oauth.js';
import type { OauthRemovalFacts } from '../../postfix/xoauth2-files.js';
import { jsonString } from '../../postfix/json-string.js';
import { t } from '../../ui/messages.js';
import type { Context } from '../context.js';

/** What became of the refresh tokens the change took out (outcome.revocation). */
export interface Revocation {
  /** Google answered 200: the grant is gone. */
  revoked: number;
  /** Not confirmed (offline, an error, Google did not know it): a warning with the manual fix. */
  failed: number;
  /** --keep-token: left valid at Google on purpose. */
  kept: number;
}

/** The token files taken out that hold a refresh token: what there is to revoke. */
export function refreshTokensIn(removal: Pick<OauthRemovalFacts, 'tokens'>): string[] {
  return removal.tokens.map((token) => jsonString(token.content, 'refresh_token')).filter((r): r is string => !!r);
}

/** Revoke each refresh token of `removal.tokens` (read before the change: memory only), or keep them (--keep-token). */
export async function revokeRefreshTokens(
  ctx: Pick<Context, 'sys' | 'ui' | 'warnings' | 'options'>,
  removal: OauthRemovalFacts,
): Promise<Revocation | undefined> {
  const tokens = refreshTokensIn(removal);
  if (tokens.length === 0) return undefined;
  if (ctx.options.keepToken) {
    ctx.ui.info(t('remove.tokenKept', { count: tokens.length }));
    return { revoked: 0, failed: 0, kept: tokens.length };
  }
  const config = removal.configs.find((c) => c.path === '/etc/sasl-xoauth2.conf') ?? removal.configs[0];
  const url = revocationEndpoint(jsonString(config?.content, 'token_endpoint'));
  const caPath = jsonString(config?.content, 'ca_bundle_file');
  const ca = caPath ? await ctx.sys.readFile(caPath).catch(() => undefined) : undefined;
  let revoked = 0;
  for (const refresh of tokens) {
    const reply = await ctx.sys.postForm(url, { token: refresh }, ca);
    if (reply.status === 200) {
      revoked++;
      continue;
    }
    // Only an OAuth error code is shown (RFC 6749 5.2: a word), never the reply's other text.
    const error = /^[a-z_]{1,40}$/.test(jsonString(reply.body, 'error') ?? '')
      ? jsonString(reply.body, 'error')
      : undefined;
    // 400 invalid_token: Google does not know it (revoked or expired before): nothing to do, but not proven here.
    const warning =
      reply.status === 400 && error === 'invalid_token'
        ? t('remove.revokeUnknown', { url })
        : t('remove.revokeFailed', { url, error: error ?? reply.errorCode ?? `HTTP ${reply.status}` });
    ctx.ui.warn(warning);
    ctx.warnings.push(warning);
  }
  if (revoked > 0) ctx.ui.success(t('remove.revoked', { count: revoked, url }));
  return { revoked, failed: tokens.length - revoked, kept: 0 };
}
