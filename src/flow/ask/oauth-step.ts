// --auth oauth in setup: where the token comes from, and the one road it takes from there. The two
// files are read and checked with the other flags, before anything is detected, asked or locked
// (exit 2 on bad input); in the ask phase the token — from --oauth-token-file, or from a consent in
// the browser (browser-consent.ts: consentInBrowser) — goes through the same pre-flight (a fresh access
// token, XOAUTH2 at the relay), and the credential it proves goes to the plan (plan/oauth-plan.ts).
import { UsageError } from '../../errors.js';
import type { OauthClient, OauthCredential, OauthToken } from '../../gmail/oauth.js';
import type { Relay } from '../../gmail/relay.js';
import { t } from '../../ui/messages.js';
import type { Context } from '../context.js';
import { consentInBrowser } from './browser-consent.js';
import { oauthCredential, readOauthClient, readOauthTokenFile } from './oauth-preflight.js';

/** What --oauth-client and --oauth-token-file gave, checked; secrets, in memory only. */
export interface OauthInputs {
  client?: OauthClient;
  token?: OauthToken;
}

/** Before anything else: without a terminal both files are needed; each given file is read and checked now. */
export async function checkOauthFlags(ctx: Pick<Context, 'sys' | 'ui' | 'options'>): Promise<OauthInputs | undefined> {
  const { options } = ctx;
  if (options.auth !== 'oauth') return undefined;
  const missing = [
    ...(options.oauthClient ? [] : ['--oauth-client FILE']),
    ...(options.oauthTokenFile ? [] : ['--oauth-token-file FILE']),
  ];
  // The consent needs a person at a browser; --dry-run without the files still shows what would be written.
  // A token file is always for a client: the one it was given to.
  const headless = !ctx.ui.interactive && !options.dryRun;
  if (missing.length > 0 && (headless || options.oauthTokenFile !== undefined))
    throw new UsageError(
      'missing-answers',
      t('ask.missing', { flags: missing.join(', ') }),
      t('authOauth.headlessFix'),
    );
  return {
    ...(options.oauthClient ? { client: await readOauthClient(ctx, options.oauthClient) } : {}),
    ...(options.oauthTokenFile ? { token: await readOauthTokenFile(ctx, options.oauthTokenFile) } : {}),
  };
}

/**
 * The token (given, or from a consent), proved by the pre-flight. undefined only in --dry-run, which
 * contacts nothing: the plan then shows the token file with placeholders.
 */
export async function askOauth(
  ctx: Context,
  inputs: OauthInputs,
  relay: Relay,
  caPem: string,
  account: string,
  to: string,
): Promise<OauthCredential | undefined> {
  if (ctx.options.dryRun) return undefined;
  if (inputs.token) {
    // Both files were read with the flags (checkOauthFlags wants the client with the token).
    if (!inputs.client) throw new Error('--oauth-token-file without --oauth-client passed checkOauthFlags');
    return oauthCredential(ctx, inputs.client, inputs.token, relay, caPem, account, to);
  }
  // At a terminal without --oauth-token-file: the consent in the browser, then the same road.
  const consented = await consentInBrowser(ctx, inputs.client, account, caPem);
  const proved = await oauthCredential(ctx, consented.client, consented.token, relay, caPem, account, to);
  // The code exchange said Testing even if the refresh did not: the 7 days are said once.
  if (consented.testing && !proved.testing) ctx.ui.warn(t('authOauth.testing'));
  return consented.testing ? { ...proved, testing: true } : proved;
}
