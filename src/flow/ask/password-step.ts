// Which password: the ask phase's second half, once the relay is settled (workspace.ts).
//   1. --password-stdin / --password-file (read with the other flags, account-choice.ts);
//   2. else a stored one, only for the relay (host and port) it was stored for — the keychain, or the
//      password map when the account stays — so a stored password never reaches a server it was not
//      meant for; headless without any: every missing flag listed at once;
//   3. else the masked prompt;
//   4. the one pre-flight login (preflight.ts), asking again for a password the relay refuses.
import { UsageError } from '../../errors.js';
import { defaultRelay, isWorkspaceRelay, relayhostValue, type Relay } from '../../gmail/relay.js';
import { t } from '../../ui/messages.js';
import { missingFlags, promptPassword, usableStored } from './ask.js';
import { currentCredential, type ChosenAccount } from './account-choice.js';
import { storedSenderPassword } from './accounts.js';
import type { Context } from '../context.js';
import { keychainReasonText } from '../../ui/keychain-text.js';
import type { KeychainState } from '../keychain/keychain-state.js';
import { preflight } from './preflight.js';
import type { Credential, PostfixFacts } from '../types.js';

type Ctx = Pick<Context, 'sys' | 'ui' | 'options'>;

/** The credential the pre-flight accepted; undefined only in --dry-run with no password given or stored. */
export async function askPassword(
  ctx: Ctx,
  postfix: PostfixFacts,
  relay: Relay,
  caPem: string,
  keychain: KeychainState,
  chosen: ChosenAccount,
): Promise<Credential | undefined> {
  const { ui, options } = ctx;
  const { account } = chosen;
  let credential = chosen.given ?? (await storedCredential(ctx, postfix, relay, keychain, chosen));
  if (!ui.interactive) {
    const missing = missingFlags(ctx, credential !== undefined);
    if (missing.length > 0) {
      const why = [
        whyNoStoredPassword(keychain, account, credential),
        otherRelayNote(postfix, relay, account, credential),
      ];
      throw new UsageError(
        'missing-answers',
        [t('ask.missing', { flags: missing.join(', ') }), ...why].filter(Boolean).join(' '),
        t('ask.missingFix'),
      );
    }
  }
  if (credential?.source === 'keychain') ui.info(t('keychain.using', { account }));
  if (credential?.source === 'map') ui.info(t('choice.usingMap', { account }));
  if (!credential && ui.interactive) {
    const note =
      otherRelayNote(postfix, relay, account, credential) || (await storedForGmailOnly(keychain, account, relay));
    if (note) ui.info(note);
    credential = await promptPassword(ctx);
  }
  return credential && !options.dryRun ? preflight(ctx, relay, caPem, account, credential) : credential;
}

/** The keychain's or the map's password for this account at this relay; keeping the account prefers the map. */
async function storedCredential(
  ctx: Pick<Ctx, 'ui'>,
  postfix: PostfixFacts,
  relay: Relay,
  keychain: KeychainState,
  chosen: ChosenAccount,
): Promise<Credential | undefined> {
  const { account } = chosen;
  const fromMap = (): Credential | undefined => {
    const inMap = currentCredential(postfix, relay);
    const password = usableStored(
      account === inMap?.account ? inMap.password : storedSenderPassword(postfix, relay, account),
    );
    return password === undefined ? undefined : { password, source: 'map' };
  };
  const fromKeychain = async (): Promise<Credential | undefined> => {
    const stored = await keychain.get(account, relay);
    const password = usableStored(stored);
    if (stored !== undefined && password === undefined) ctx.ui.warn(t('keychain.unusable', { account }));
    return password === undefined ? undefined : { password, source: 'keychain' };
  };
  return chosen.choice === 'keep' ? (fromMap() ?? (await fromKeychain())) : ((await fromKeychain()) ?? fromMap());
}

/** The relay changes and the map's password belongs to the old one: say why it is asked for again. */
function otherRelayNote(
  postfix: PostfixFacts,
  relay: Relay,
  account: string,
  credential: Credential | undefined,
): string {
  const was = postfix.settings.relayhost?.trim() ?? '';
  const now = relayhostValue(relay);
  if (credential || account !== postfix.currentAccount || !was || was === now) return '';
  return t('relaypw.otherRelay', { account, was, now });
}

/** Workspace's relay chosen, and the keychain's password is smtp.gmail.com's: it is not offered here, say so. */
async function storedForGmailOnly(keychain: KeychainState, account: string, relay: Relay): Promise<string> {
  if (!isWorkspaceRelay(relay) || (await keychain.get(account, { ...relay, host: defaultRelay.host })) === undefined)
    return '';
  return t('relaypw.otherRelayHost', { account, host: relay.host });
}

/** Why a headless run without a password flag could not use a stored one: said, so nobody guesses. */
function whyNoStoredPassword(keychain: KeychainState, account: string, credential: Credential | undefined): string {
  if (credential || keychain.reason === 'disabled') return '';
  if (!keychain.available) return t('keychain.noStoredPassword', { account, reason: keychainReasonText(keychain) });
  return t('keychain.noneFor', { account });
}
