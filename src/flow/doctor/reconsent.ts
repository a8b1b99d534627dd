// doctor --fix at a terminal, when Google refused the plugin's refresh (invalid_grant: a consent revoked
// or ended): the new consent is offered for that account, and a yes runs setup's own road for
// `--account A --auth oauth` (the consent in the browser, the pre-flight, the plan through the
// transaction, the flush), with the client the token file was written for — no client JSON again.
// Headless (--yes, no terminal, --json): nothing is offered; the problem's fix text says what to run.
import { clientFromTokenFile, type OauthClient } from '../../gmail/oauth.js';
import type { OauthFacts, Problem } from '../../postfix/problems/types.js';
import type { System } from '../../system/types.js';

export interface Reconsent {
  account: string;
  client: OauthClient;
}

/** The account whose consent ended, and its client; undefined when none, or when which one is not clear. */
export async function consentToRenew(
  sys: System,
  problems: readonly Problem[],
  oauth: OauthFacts | undefined,
): Promise<Reconsent | undefined> {
  if (!oauth) return undefined;
  const expired = problems.find((p) => p.code === 'oauth-consent-expired')?.vars?.account;
  // invalid_grant in the log names no account: only a single token file says whose it is.
  const revoked = problems.some((p) => p.code === 'oauth-consent-revoked') && oauth.tokens.length === 1;
  const account = typeof expired === 'string' ? expired : revoked ? oauth.tokens[0]!.account : undefined;
  const token = oauth.tokens.find((t) => t.account === account);
  if (!account || !token) return undefined;
  const client = clientFromTokenFile((await sys.readFile(token.path).catch(() => undefined)) ?? '');
  return client ? { account, client } : undefined;
}
