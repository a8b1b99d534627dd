// --auth oauth in setup: where the token comes from, and the one road it takes from there. The two
// files are read and checked with the other flags, before anything is detected, asked or locked
// (exit 2 on bad input); in the ask phase the token — from --oauth-token-file, or from a consent in
// the browser (oauth-consent.ts: oauthSignIn) — goes through the same pre-flight (a fresh access
// token, XOAUTH2 at the relay), and the credential it proves goes to the plan (plan/oauth-plan.ts).
import { UsageError } from '../../errors.js';
import type { OauthClient, OauthCredential, OauthToken } from '../../gmail/oauth.js';
import type { Relay } from '../../gmail/relay.js';
import { t } from '../../ui/messages.js';
import type { Context } from '../context.js';
import { consentAtTerminal, oauthSignIn } from './oauth-consent.js';
import { oauthPreflight, readOauthClient, readOauthTokenFile } from './oauth-preflight.js';

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
  if (missing.length > 0 && !ctx.ui.interactive && !options.dryRun)
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
  if (consentAtTerminal(ctx)) return oauthSignIn(ctx, relay, caPem, account, to);
  // The files were read with the flags: given, so that they are not read twice.
  const given =
    inputs.client && inputs.token ? { client: inputs.client, refreshToken: inputs.token.refreshToken } : undefined;
  return oauthPreflight(ctx, relay, caPem, account, to, given);
}
