// Which account: the ask phase's first half (the password is password-step.ts's, asked once the
// relay is settled — workspace.ts — so it is looked up for the relay it will be used with).
//   1. flags first (--account, --to, --password-stdin/--password-file), checked before anything else;
//      the test goes to the account unless --to says otherwise (never asked);
//   2. headless: --account, or the list of every missing flag at once;
//   3. interactive re-run: the current account (read from the password map, its password never
//      shown), the accounts the keychain knows, and a choice: keep and re-test, switch to a stored
//      account without retyping, or add a new one (with nothing stored to switch to, the address
//      prompt pre-filled with the current account is that choice).
import { UsageError } from '../../errors.js';
import { checkAccount } from '../../gmail/credentials.js';
import { passwordMapCredential } from '../../postfix/password-map.js';
import { relayhostValue, type Relay } from '../../gmail/relay.js';
import { t } from '../../ui/messages.js';
import type { SelectOption } from '../../ui/ui.js';
import { askAccount, checkGivenInputs, missingFlags } from './ask.js';
import type { Context } from '../context.js';
import type { KeychainState } from '../keychain/keychain-state.js';
import type { Credential, PostfixFacts } from '../types.js';
import { configuredSenderAccounts, sendersProblem, parseSendersOrThrow } from './accounts.js';

export interface ChosenAccount {
  account: string;
  to: string;
  /** keep | switch | new | given (from --account); senders: an account for some senders; remove: take `account` out. */
  choice: 'keep' | 'switch' | 'new' | 'given' | 'senders' | 'remove';
  /** --senders (or typed in the menu): `account` serves only these envelope senders. */
  senders?: string[];
  /** The password --password-stdin / --password-file gave, read and checked with the other flags. */
  given?: Credential;
}

type Ctx = Pick<Context, 'sys' | 'ui' | 'options' | 'readStdin' | 'warnings'>;

export async function askAccountChoice(
  ctx: Ctx,
  postfix: PostfixFacts,
  relay: Relay,
  keychain: KeychainState,
  givenSenders?: string[],
): Promise<ChosenAccount> {
  const given = await checkGivenInputs(ctx);
  // Not asked: the account itself is right for nearly everyone; the plan shows it, --to changes it.
  const chosen = (account: string, choice: ChosenAccount['choice'], senders = givenSenders): ChosenAccount => {
    return {
      account,
      to: given.to ?? account,
      choice,
      ...(senders ? { senders } : {}),
      ...(given.credential ? { given: given.credential } : {}),
    };
  };
  if (given.account !== undefined) return chosen(asConfigured(postfix, given.account), 'given');
  if (!ctx.ui.interactive) {
    throw new UsageError(
      'missing-answers',
      t('ask.missing', { flags: missingFlags(ctx, given.credential !== undefined).join(', ') }),
      t('ask.missingFix'),
    );
  }
  // Offered only if it is an address: a hand-written map may hold anything before the colon.
  const current =
    postfix.currentAccount && checkAccount(postfix.currentAccount).ok ? postfix.currentAccount : undefined;
  const picked = await chooseAccount(ctx, current, relay, keychain, postfix);
  return picked.choice === 'remove'
    ? { account: picked.account, to: picked.account, choice: 'remove' }
    : chosen(picked.account, picked.choice, picked.senders ?? givenSenders);
}

/** The account (and, in memory only, the password) the password map holds for exactly this relay. */
export function currentCredential(
  postfix: PostfixFacts,
  relay: Relay,
): { account: string; password: string } | undefined {
  const content = postfix.passwordMap?.content;
  if (!content) return undefined;
  const found = passwordMapCredential(content, relayhostValue(relay));
  return found && checkAccount(found.account).ok ? found : undefined;
}

type Chosen = { account: string; choice: 'keep' | 'switch' | 'new' | 'senders' | 'remove'; senders?: string[] };

async function chooseAccount(
  ctx: Pick<Context, 'ui'>,
  current: string | undefined,
  relay: Relay,
  keychain: KeychainState,
  postfix: PostfixFacts,
): Promise<Chosen> {
  const { ui } = ctx;
  // The keychain may hold anything another program put under our service name: offer addresses only.
  const extras = current
    ? configuredSenderAccounts(postfix).filter((a) => checkAccount(a.account).ok && a.account !== current)
    : [];
  const stored = (await keychain.accounts(relay)).filter((a) => checkAccount(a).ok);
  const others = stored.filter((a) => a !== current && !extras.some((e) => e.account === a));
  if (current) ui.info(t('choice.current', { account: current }));
  if (others.length === 0 && extras.length === 0) {
    // Nothing to switch to: the address prompt, pre-filled with the current account, is the choice
    // (Enter keeps it and tests it again; another address adds that account).
    if (current) ui.info(t('choice.keepOrType', { account: current }));
    const account = asConfigured(postfix, await askAccount(ctx, current));
    return { account, choice: account === current ? 'keep' : 'new' };
  }
  const options: SelectOption<string>[] = [];
  if (current) {
    options.push({
      value: 'keep',
      label: t('choice.keep', { account: current }),
      hint: stored.includes(current) ? t('choice.hintStored') : undefined,
    });
  }
  for (const account of others) {
    options.push({ value: `switch:${account}`, label: t('choice.switch', { account }), hint: t('choice.hintStored') });
  }
  // With a current account, a new one takes its place for every sender: "add" would say it stays.
  options.push({ value: 'new', label: current ? t('choice.instead', { account: current }) : t('choice.new') });
  if (current) {
    options.push({ value: 'senders', label: t('accounts.choiceSenders') });
    for (const extra of extras)
      options.push({
        value: `remove:${extra.account}`,
        label: t('accounts.choiceRemove', { account: extra.account, senders: extra.senders.join(', ') }),
      });
  }
  const picked = await ui.select({ message: t('choice.question'), options, initialValue: options[0]?.value });
  if (picked === 'keep' && current) return { account: current, choice: 'keep' };
  if (picked.startsWith('switch:')) return { account: picked.slice('switch:'.length), choice: 'switch' };
  if (picked.startsWith('remove:')) return { account: picked.slice('remove:'.length), choice: 'remove' };
  if (picked === 'senders') {
    const account = await askAccount(ctx);
    const typed = await ui.text({
      message: t('accounts.askSenders'),
      placeholder: 'billing@company.example,@company.example',
      initialValue: extras.find((e) => e.account === account)?.senders.join(','),
      validate: sendersProblem,
    });
    return { account, choice: 'senders', senders: parseSendersOrThrow(typed) };
  }
  return { account: asConfigured(postfix, await askAccount(ctx)), choice: 'new' };
}

/**
 * Google's addresses ignore letter case: Someone@Gmail.com typed (or given with --account) for an
 * account Postfix already has is that account, in the spelling its files hold, with its password.
 */
function asConfigured(postfix: PostfixFacts, account: string): string {
  const known = [postfix.currentAccount, ...configuredSenderAccounts(postfix).map((a) => a.account)];
  return known.find((k) => k !== undefined && k.toLowerCase() === account.toLowerCase()) ?? account;
}
