// OAuth beside sender-dependent accounts: Postfix's smtp_sasl_mechanism_filter is one setting for the
// smtp transport, every account's login included. OAuth needs it at xoauth2 (sasl-xoauth2 reads the
// map's "password" as a token file's path), and a password account's login through XOAUTH2 fails —
// so one account on OAuth and another on a password would leave one of them unable to sign in. Both
// ways are refused before any login or consent, nothing changed (exit 2). A transport of its own per
// way (master.cf, sender_dependent_default_transport_maps) would lift this; it is not built.
import { UsageError } from '../../errors.js';
import { signInInUse } from '../../postfix/sign-in.js';
import { t } from '../../ui/messages.js';
import type { PostfixFacts } from '../types.js';
import { configuredSenderAccounts, defaultAccount } from './accounts.js';

/** `oauth`: the default account is set up with OAuth in this run; `senders`: this run adds a sender-dependent account. */
export function refuseMixedSignIn(
  postfix: PostfixFacts,
  run: { oauth: boolean; account: string; senders?: readonly string[] },
): void {
  // The menu's "add an account" under --auth oauth (the flags refuse --senders with it already).
  if (run.oauth && run.senders)
    throw new UsageError('oauth-with-senders', t('options.sendersWithAuthOauth'), t('options.sendersWithAuthOauthFix'));
  if (run.oauth) {
    const others = configuredSenderAccounts(postfix)
      .map((a) => a.account)
      .filter((a) => a !== run.account);
    if (others.length > 0)
      throw new UsageError(
        'oauth-with-senders',
        t('authOauth.sendersConfigured', { accounts: others.join(', ') }),
        t('authOauth.sendersConfiguredFix'),
      );
  }
  if (run.senders && !run.oauth && signInInUse(postfix.settings) === 'oauth') {
    const account = defaultAccount(postfix) ?? '';
    throw new UsageError(
      'oauth-with-senders',
      t('authOauth.defaultUsesOauth', { account, adding: run.account }),
      t('authOauth.defaultUsesOauthFix', { account, adding: run.account }),
    );
  }
}
