// setup's ask phase, in the order the person meets it. The relay is settled before the password is
// asked — its port and implicit TLS first (relay-options.ts), Workspace's relay once the account is
// known (workspace.ts) — so the password is looked up for the relay it will be used with and the
// pre-flight login runs once (password-step.ts). A TLS table the wizard cannot fix stops the run
// before any password is asked for.
import { relayhostValue, type Relay } from '../../gmail/relay.js';
import { instanceDir } from '../../postfix/postconf.js';
import { readTlsFacts, type TlsFacts } from '../../postfix/tls-overrides.js';
import { postfixTrustAnchors } from '../../postfix/trust-anchors.js';
import { t } from '../../ui/messages.js';
import type { Context } from '../context.js';
import { refuseUnfixableTls } from '../plan/tls-fixes.js';
import type { Answers, HostFacts, PostfixFacts } from '../types.js';
import { askAccountChoice } from './account-choice.js';
import { checkRelayKeepsSenders, checkSendersFit, configuredSenderAccounts, defaultAccount } from './accounts.js';
import { preflightEnvelope } from './relay-preflight.js';
import { UsageError } from '../../errors.js';
import { resolveCaFile } from './ask.js';
import { keychainState, type KeychainState } from '../keychain/keychain-state.js';
import { askPassword } from './password-step.js';
import { offerOtherWays } from './auth-choice.js';
import { askOauth, type OauthInputs } from './oauth-step.js';
import { readOauthFileFacts } from '../../postfix/xoauth2-files.js';
import { chooseRelay, withRelayOptions } from './relay-options.js';
import { settleWorkspaceRelay } from './workspace.js';
import { refuseMixedSignIn } from './mixed-sign-in.js';

export type SetupAnswers =
  | { kind: 'answers'; answers: Answers; tls: TlsFacts; keychain: KeychainState }
  /** The re-run menu's "remove this sender-dependent account": no answers, another command's work. */
  | { kind: 'remove-account'; account: string };

/** What the ask phase has settled so far: a run an error ends (a refused login) still says which account and relay. */
export interface Settled {
  account?: string;
  relay?: string;
  /** How Postfix signs in (the JSON outcome's auth). */
  auth?: 'app-password' | 'oauth' | 'none';
}

export async function askSetupAnswers(
  ctx: Context,
  facts: HostFacts,
  postfix: PostfixFacts,
  givenSenders: string[] | undefined,
  settled: Settled = {},
  oauthInputs: OauthInputs = {},
): Promise<SetupAnswers> {
  const { ui, sys } = ctx;
  const tlsFor = async (relay: Relay): Promise<TlsFacts> => {
    const found = await readTlsFacts(sys, instanceDir(postfix), relayhostValue(relay), postfix.tlsReading);
    refuseUnfixableTls(found);
    return found;
  };
  const asked = await chooseRelay(ctx, postfix);
  let tls = await tlsFor(asked);
  const ca = await resolveCaFile(ctx, facts);
  const keychain = await keychainState(ctx);
  const chosen = await askAccountChoice(ctx, postfix, asked, keychain, givenSenders);
  const { account, to, senders } = chosen;
  if (chosen.choice === 'remove') return { kind: 'remove-account', account };
  settled.account = account;
  await offerOtherWays(ctx, postfix, account);
  const noLogin = ctx.options.auth === 'none';
  const oauth = ctx.options.auth === 'oauth';
  const relay = noLogin ? asked : await settleWorkspaceRelay(ctx, postfix, account, asked);
  settled.relay = `${relay.host}:${relay.port}`;
  settled.auth = noLogin ? 'none' : oauth ? 'oauth' : 'app-password';
  if (tls.nexthop !== relayhostValue(relay)) tls = await tlsFor(relay);
  // One account on OAuth and another on a password cannot share Postfix's mechanism filter (mixed-sign-in.ts).
  refuseMixedSignIn(postfix, { oauth, account, ...(senders ? { senders } : {}) });
  if (senders) checkSendersFit(postfix, relay, account, senders);
  else checkRelayKeepsSenders(postfix, relay, account);
  // The pre-flight trusts what Postfix will trust: the CA file plus smtp_tls_CApath (and OpenSSL's defaults if appended).
  const anchors = await postfixTrustAnchors(sys, ca.pem, tls.main, tls.chrootDir);
  if (noLogin) refuseSenderAccounts(postfix);
  if (noLogin && !ctx.options.dryRun) await preflightEnvelope(ctx, relay, anchors, { from: account, to });
  // OAuth: a token (given or from a consent), proved at the relay; its files' places read from this Postfix.
  const oauthAnswer = oauth
    ? {
        credential: await askOauth(ctx, oauthInputs, relay, anchors, account, to),
        files: await readOauthFileFacts(sys, postfix, tls.chrootDir, account, ca),
        ...(ctx.options.caFile ? { caBundle: ctx.options.caFile } : {}),
      }
    : undefined;
  const credential = noLogin || oauth ? undefined : await askPassword(ctx, postfix, relay, anchors, keychain, chosen);
  const previous = defaultAccount(postfix);
  if (senders) ui.info(t('accounts.added', { account, senders: senders.join(', '), default: previous ?? '' }));
  else if (previous && previous !== account) ui.warn(t('accounts.replacesDefault', { account, previous }));
  // After the login: IPv4 preference, sender identity, loopback-only (relay-options.ts).
  const answers = await withRelayOptions(ctx, postfix, {
    account,
    credential,
    relay,
    ...(noLogin ? { auth: 'none' as const } : {}),
    ...(oauthAnswer ? { auth: 'oauth' as const, oauth: oauthAnswer } : {}),
    caFile: ca.path,
    to,
    ...(senders ? { senders } : {}),
    ...(chosen.choice === 'keep' ? { retest: true as const } : {}),
  });
  return { kind: 'answers', answers, tls, keychain };
}

/** --auth none: the sender-dependent accounts' logins would go with the SASL settings. */
function refuseSenderAccounts(postfix: PostfixFacts): void {
  const accounts = configuredSenderAccounts(postfix).map((a) => a.account);
  if (accounts.length === 0) return;
  throw new UsageError(
    'auth-none-with-senders',
    t('authNone.sendersConfigured', { accounts: accounts.join(', ') }),
    t('authNone.sendersConfiguredFix'),
  );
}
