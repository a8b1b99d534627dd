// doctor --fix at a terminal, when Google refused the plugin's refresh (invalid_grant: a consent revoked
// or ended): the new consent is offered for each account whose refresh was refused, and a yes runs setup's own road for
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

/**
 * The accounts whose consent ended or Google refused, each with its client: oauth-consent-expired names its
 * account; oauth-consent-revoked the accounts its waiting messages sign in as (the plugin's log line names
 * none), or, where that is not known, the only token file. Only accounts with a token file here.
 */
export async function consentsToRenew(
  sys: System,
  problems: readonly Problem[],
  oauth: OauthFacts | undefined,
): Promise<Reconsent[]> {
  if (!oauth) return [];
  const named = (code: string, key: string) =>
    problems
      .filter((p) => p.code === code)
      .flatMap((p) => (typeof p.vars?.[key] === 'string' ? String(p.vars[key]).split(' ') : []));
  const revoked = problems.some((p) => p.code === 'oauth-consent-revoked');
  const refused = named('oauth-consent-revoked', 'accounts');
  const unknownWhose = revoked && refused.length === 0 && oauth.tokens.length === 1 ? [oauth.tokens[0]!.account] : [];
  const accounts = [...new Set([...named('oauth-consent-expired', 'account'), ...refused, ...unknownWhose])];
  const renewals: Reconsent[] = [];
  for (const account of accounts) {
    const token = oauth.tokens.find((t) => t.account === account.toLowerCase());
    if (!token) continue;
    const client = clientFromTokenFile((await sys.readFile(token.path).catch(() => undefined)) ?? '');
    if (client) renewals.push({ account, client });
  }
  return renewals;
}
