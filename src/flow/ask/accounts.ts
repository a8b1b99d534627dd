// Several Gmail accounts on one machine (issue 15): the default account (the relay's entry in the
// password map) sends for every sender; --senders adds an account for some envelope senders only.
// Everything here is checked before the pre-flight login, so a bad list exits 2 with nothing sent.
import { UsageError } from '../../errors.js';
import { checkAccount } from '../../gmail/credentials.js';
import { relayhostValue, type Relay } from '../../gmail/relay.js';
import { passwordMapCredential } from '../../postfix/password-map.js';
import { parseSenderList, sendersTaken, type SenderAccount } from '../../postfix/sender-maps.js';
import { t } from '../../ui/messages.js';
import { currentSenderAccounts } from '../plan/accounts-plan.js';
import { passwordMapPath } from '../plan/plan.js';
import type { PostfixFacts } from '../types.js';

const listProblem = {
  empty: 'accounts.sendersEmpty',
  invalid: 'accounts.sendersInvalid',
  duplicate: 'accounts.sendersDuplicate',
} as const;

/** A --senders list (or one typed in the menu), or a usage error naming the bad entry. */
export function parseSendersOrThrow(text: string): string[] {
  const parsed = parseSenderList(text);
  if (parsed.ok) return parsed.value;
  const message = t(listProblem[parsed.problem], { entry: parsed.entry });
  if (parsed.problem === 'duplicate') throw new UsageError('duplicate-sender', message, t('accounts.sendersFix'));
  throw new UsageError('invalid-senders', message, t('accounts.sendersFix'));
}

/** The problem with a typed list, for a prompt's validate (undefined: fine). */
export function sendersProblem(text: string): string | undefined {
  const parsed = parseSenderList(text);
  return parsed.ok ? undefined : t(listProblem[parsed.problem], { entry: parsed.entry });
}

export function checkGivenSenders(ctx: { options: { senders?: string } }): string[] | undefined {
  return ctx.options.senders === undefined ? undefined : parseSendersOrThrow(ctx.options.senders);
}

/** The sender-dependent accounts configured now. */
export function configuredSenderAccounts(postfix: PostfixFacts): SenderAccount[] {
  return currentSenderAccounts(postfix, passwordMapPath(postfix));
}

/** The default account: the one the wizard's map holds for the relayhost. */
export function defaultAccount(postfix: PostfixFacts): string | undefined {
  const content = postfix.passwordMap?.path === passwordMapPath(postfix) ? postfix.passwordMap.content : undefined;
  const found = content ? passwordMapCredential(content, postfix.settings.relayhost?.trim() ?? '') : undefined;
  return found && checkAccount(found.account).ok ? found.account : undefined;
}

/** --senders for `account` fits what is configured: a default exists, it is not the default, no sender is another's, one relay. */
export function checkSendersFit(
  postfix: PostfixFacts,
  relay: Relay,
  account: string,
  senders: readonly string[],
): void {
  const current = defaultAccount(postfix);
  if (!current)
    throw new UsageError('no-default-account', t('accounts.noDefault'), t('accounts.noDefaultFix', { account }));
  if (current === account)
    throw new UsageError('senders-default-account', t('accounts.isDefault', { account }), t('accounts.isDefaultFix'));
  const relayhost = postfix.settings.relayhost?.trim() ?? '';
  if (relayhost !== relayhostValue(relay))
    throw new UsageError(
      'senders-other-relay',
      t('accounts.otherRelay', { current: relayhost, relay: relayhostValue(relay) }),
      t('accounts.otherRelayFix'),
    );
  const taken = sendersTaken(configuredSenderAccounts(postfix), account, senders);
  if (taken)
    throw new UsageError(
      'sender-taken',
      t('accounts.senderTaken', taken),
      t('accounts.senderTakenFix', { account: taken.account }),
    );
}

/**
 * A new relay for the default account while sender-dependent accounts exist: their stored passwords were
 * typed for the current relay, and their senders follow the relayhost (sender_relay) — the change would
 * send them to a server they were never meant for. Refused (exit 2) before any password is asked.
 */
export function checkRelayKeepsSenders(postfix: PostfixFacts, relay: Relay, account: string): void {
  const current = postfix.settings.relayhost?.trim() ?? '';
  if (current === '' || current === relayhostValue(relay)) return;
  const others = configuredSenderAccounts(postfix).filter((a) => a.account !== account);
  if (others.length === 0) return;
  const accounts = others.map((a) => a.account).join(', ');
  throw new UsageError(
    'relay-change-senders',
    t('accounts.relayChangeSenders', { accounts, current, relay: relayhostValue(relay) }),
    t('accounts.relayChangeSendersFix', { account: others[0]!.account }),
  );
}

/** The password the map holds for a sender-dependent account — only for the relay it is configured with. */
export function storedSenderPassword(postfix: PostfixFacts, relay: Relay, account: string): string | undefined {
  if ((postfix.settings.relayhost?.trim() ?? '') !== relayhostValue(relay)) return undefined;
  return configuredSenderAccounts(postfix).find((a) => a.account === account)?.password;
}
