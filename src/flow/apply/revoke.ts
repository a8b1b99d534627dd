// remove --purge, for OAuth: the refresh tokens of the token files remove took out are revoked at
// Google's revocation endpoint, so that a copy (a backup, a stolen disk) is worth nothing. Where to
// send them is read from the plugin's root-owned config (the token file is postfix's to rewrite, so
// its token_endpoint could be anyone's); without it, Google's own. TLS verified (the config's
// ca_bundle_file, else the system's roots); the token travels in the POST body only.
import { revocationEndpoint } from '../../gmail/oauth.js';
import type { OauthRemovalFacts } from '../../postfix/xoauth2-files.js';
import { t } from '../../ui/messages.js';
import type { Context } from '../context.js';

const field = (text: string | undefined, key: string): string | undefined => {
  try {
    const value = (JSON.parse(text ?? '') as Record<string, unknown>)[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  } catch {
    return undefined;
  }
};

/** How many refresh tokens Google no longer accepts (revoked now, or already). */
export async function revokeRefreshTokens(
  ctx: Pick<Context, 'sys' | 'ui' | 'warnings'>,
  removal: OauthRemovalFacts,
): Promise<number> {
  const config = removal.configs.find((c) => c.path === '/etc/sasl-xoauth2.conf') ?? removal.configs[0];
  const url = revocationEndpoint(field(config?.content, 'token_endpoint'));
  const caPath = field(config?.content, 'ca_bundle_file');
  const ca = caPath ? await ctx.sys.readFile(caPath) : undefined;
  let revoked = 0;
  for (const token of removal.tokens) {
    const refresh = field(token.content, 'refresh_token');
    if (!refresh) continue;
    const reply = await ctx.sys.postForm(url, { token: refresh }, ca);
    // 400 invalid_token: Google no longer knows it (revoked or expired before): as good as revoked.
    if (reply.status === 200 || (reply.status === 400 && field(reply.body, 'error') === 'invalid_token')) {
      revoked++;
      continue;
    }
    const warning = t('remove.revokeFailed', {
      url,
      error: field(reply.body, 'error') ?? reply.errorCode ?? `HTTP ${reply.status}`,
    });
    ctx.ui.warn(warning);
    ctx.warnings.push(warning);
  }
  if (revoked > 0) ctx.ui.success(t('remove.revoked', { count: revoked, url }));
  return revoked;
}
