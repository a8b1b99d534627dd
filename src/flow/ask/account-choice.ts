// Which account, with which password: the ask phase's credential half.
//   1. flags first (--account, --to, --password-stdin/--password-file), checked before anything else;
//      the test goes to the account unless --to says otherwise (never asked);
//   2. headless: --account, and the password from the flags, the keychain, or (same account) the map;
//      a stored password only for the relay (host and port) it was stored for — for any other relay
//      it must be given again, so a stored password never reaches a server it was not meant for;
//   3. interactive re-run: the current account (read from the password map, its password never
//      shown), the accounts the keychain knows, and a choice: keep and re-test, switch to a stored
//      account without retyping, or add a new one (with nothing stored to switch to, the address
//      prompt pre-filled with the current account is that choice);
//   4. the pre-flight login, asking again for a password the relay refuses.
import { UsageError } from '../../errors.js';
import { checkAccount } from '../../gmail/credentials.js';
import { passwordMapCredential } from '../../postfix/password-map.js';
import { relayhostValue, type Relay } from '../../gmail/relay.js';
import { t } from '../../ui/messages.js';
import type { SelectOption } from '../../ui/ui.js';
import { askAccount, checkGivenInputs, missingFlags, promptPassword, usableStored, type Credential } from './ask.js';
import type { Context } from '../context.js';
import { keychainReasonText, type KeychainState } from './keychain-step.js';
import { preflight } from './preflight.js';
import type { PostfixFacts } from '../types.js';
import { checkSendersFit, configuredSenderAccounts, sendersProblem, parseSendersOrThrow, storedSenderPassword } from './accounts.js';

export interface ChosenCredentials {
  account: string;
  /** undefined only in --dry-run when no password was given or stored. */
  credential?: Credential;
  to: string;
  /** keep | switch | new | given (from --account); senders: an account for some senders; remove: take `account` out (no credential). */
  choice: 'keep' | 'switch' | 'new' | 'given' | 'senders' | 'remove';
  /** --senders (or typed in the menu): `account` serves only these envelope senders. */
  senders?: string[];
}

type Ctx = Pick<Context, 'sys' | 'ui' | 'options' | 'readStdin' | 'outcome'>;

export async function askCredentials(ctx: Ctx, postfix: PostfixFacts, relay: Relay, caPem: string, keychain: KeychainState, givenSenders?: string[]): Promise<ChosenCredentials> {
  const { ui, options } = ctx;
  const given = await checkGivenInputs(ctx);
  const inMap = currentCredential(postfix, relay);
  const fromMap = (account: string): Credential | undefined => {
    const password = usableStored(account === inMap?.account ? inMap.password : storedSenderPassword(postfix, relay, account));
    return password === undefined ? undefined : { password, source: 'map' };
  };
  const fromKeychain = async (account: string): Promise<Credential | undefined> => {
    const stored = await keychain.get(account, relay);
    const password = usableStored(stored);
    if (stored !== undefined && password === undefined) ui.warn(t('keychain.unusable', { account }));
    return password === undefined ? undefined : { password, source: 'keychain' };
  };

  let account: string;
  let choice: ChosenCredentials['choice'] = 'given';
  let credential = given.credential;
  let senders = givenSenders;
  if (!ui.interactive) {
    if (given.account !== undefined && !credential) credential = (await fromKeychain(given.account)) ?? fromMap(given.account);
    const missing = missingFlags(ctx, credential !== undefined);
    if (missing.length > 0) {
      const why = [whyNoStoredPassword(keychain, given.account, credential), otherRelayNote(postfix, relay, given.account, credential)];
      throw new UsageError('missing-answers', [t('ask.missing', { flags: missing.join(', ') }), ...why].filter(Boolean).join(' '), t('ask.missingFix'));
    }
    account = given.account!;
  } else if (given.account !== undefined) {
    account = given.account;
    credential ??= (await fromKeychain(account)) ?? fromMap(account);
  } else {
    // Offered only if it is an address: a hand-written map may hold anything before the colon.
    const current = postfix.currentAccount && checkAccount(postfix.currentAccount).ok ? postfix.currentAccount : undefined;
    ({ account, choice, senders = givenSenders } = await chooseAccount(ctx, current, relay, keychain, postfix));
    if (choice === 'remove') return { account, to: account, choice };
    if (!credential) {
      credential = choice === 'keep' ? (fromMap(account) ?? (await fromKeychain(account))) : ((await fromKeychain(account)) ?? fromMap(account));
    }
  }
  ctx.outcome.account = account;
  if (credential?.source === 'keychain') ui.info(t('keychain.using', { account }));
  if (credential?.source === 'map') ui.info(t('choice.usingMap', { account }));
  if (!credential && ui.interactive) {
    const note = otherRelayNote(postfix, relay, account, credential);
    if (note) ui.info(note);
    credential = await promptPassword(ctx);
  }
  if (senders) checkSendersFit(postfix, relay, account, senders);
  if (credential && !options.dryRun) credential = await preflight(ctx, relay, caPem, account, credential);
  // Not asked: the account itself is right for nearly everyone; the plan shows it, --to changes it.
  const to = given.to ?? account;
  return { account, credential, to, choice, ...(senders ? { senders } : {}) };
}

/** The account (and, in memory only, the password) the password map holds for exactly this relay. */
export function currentCredential(postfix: PostfixFacts, relay: Relay): { account: string; password: string } | undefined {
  const content = postfix.passwordMap?.content;
  if (!content) return undefined;
  const found = passwordMapCredential(content, relayhostValue(relay));
  return found && checkAccount(found.account).ok ? found : undefined;
}

type Chosen = { account: string; choice: 'keep' | 'switch' | 'new' | 'senders' | 'remove'; senders?: string[] };

async function chooseAccount(ctx: Pick<Context, 'ui'>, current: string | undefined, relay: Relay, keychain: KeychainState, postfix: PostfixFacts): Promise<Chosen> {
  const { ui } = ctx;
  // The keychain may hold anything another program put under our service name: offer addresses only.
  const extras = current ? configuredSenderAccounts(postfix).filter((a) => checkAccount(a.account).ok && a.account !== current) : [];
  const stored = (await keychain.accounts(relay)).filter((a) => checkAccount(a).ok);
  const others = stored.filter((a) => a !== current && !extras.some((e) => e.account === a));
  if (current) ui.info(t('choice.current', { account: current }));
  if (others.length === 0 && extras.length === 0) {
    // Nothing to switch to: the address prompt, pre-filled with the current account, is the choice
    // (Enter keeps it and tests it again; another address adds that account).
    if (current) ui.info(t('choice.keepOrType', { account: current }));
    const account = await askAccount(ctx, current);
    return { account, choice: account === current ? 'keep' : 'new' };
  }
  const options: SelectOption<string>[] = [];
  if (current) {
    options.push({ value: 'keep', label: t('choice.keep', { account: current }), hint: stored.includes(current) ? t('choice.hintStored') : undefined });
  }
  for (const account of others) {
    options.push({ value: `switch:${account}`, label: t('choice.switch', { account }), hint: t('choice.hintStored') });
  }
  options.push({ value: 'new', label: t('choice.new') });
  if (current) {
    options.push({ value: 'senders', label: t('accounts.choiceSenders') });
    for (const extra of extras) options.push({ value: `remove:${extra.account}`, label: t('accounts.choiceRemove', { account: extra.account, senders: extra.senders.join(', ') }) });
  }
  const picked = await ui.select({ message: t('choice.question'), options, initialValue: options[0]?.value });
  if (picked === 'keep' && current) return { account: current, choice: 'keep' };
  if (picked.startsWith('switch:')) return { account: picked.slice('switch:'.length), choice: 'switch' };
  if (picked.startsWith('remove:')) return { account: picked.slice('remove:'.length), choice: 'remove' };
  if (picked === 'senders') {
    const account = await askAccount(ctx);
    const typed = await ui.text({ message: t('accounts.askSenders'), placeholder: 'billing@company.example,@company.example', initialValue: extras.find((e) => e.account === account)?.senders.join(','), validate: sendersProblem });
    return { account, choice: 'senders', senders: parseSendersOrThrow(typed) };
  }
  return { account: await askAccount(ctx), choice: 'new' };
}

/** The relay changes and the map's password belongs to the old one: say why it is asked for again. */
function otherRelayNote(postfix: PostfixFacts, relay: Relay, account: string | undefined, credential: Credential | undefined): string {
  const was = postfix.settings.relayhost?.trim() ?? '';
  const now = relayhostValue(relay);
  if (!account || credential || account !== postfix.currentAccount || !was || was === now) return '';
  return t('relaypw.otherRelay', { account, was, now });
}

/** Why a headless run without a password flag could not use a stored one: said, so nobody guesses. */
function whyNoStoredPassword(keychain: KeychainState, account: string | undefined, credential: Credential | undefined): string {
  if (!account || credential || keychain.reason === 'disabled') return '';
  if (!keychain.available) return t('keychain.noStoredPassword', { account, reason: keychainReasonText(keychain) });
  return t('keychain.noneFor', { account });
}
