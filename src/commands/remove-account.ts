// `remove --account ADDR`: take one sender-dependent account out — its entries in the password map
// and the sender → relay map — as a transaction; its senders go out through the default account again.
// The default account stays while others depend on it (refused, with the fix); alone, it is `remove`.
import { ExitCode, UsageError } from '../errors.js';
import type { Relay } from '../gmail/relay.js';
import type { SenderAccount } from '../postfix/sender-maps.js';
import type { PostfixFacts } from '../flow/types.js';
import type { Purged } from '../flow/apply/purge.js';
import type { ShownPlan } from '../flow/plan/plan-part.js';
import type { Command } from './command.js';
import { parseRelayhost } from '../gmail/relay.js';
import { passwordMapCredential } from '../postfix/password-map.js';
import { t } from '../ui/messages.js';
import { removeAccountPlan } from '../flow/plan/remove-account-plan.js';
import { configuredSenderAccounts, defaultAccount } from '../flow/ask/accounts.js';
import { type Applied, appliedOutcome, showConfirmApply } from '../flow/apply/apply-plan.js';
import type { Context } from '../flow/context.js';
import { detect } from '../flow/detect/detect.js';
import { keychainKey, keychainState } from '../flow/keychain/keychain-state.js';
import { readLocalFacts } from '../flow/detect/local-facts.js';
import { requirePostfix, requireRoot } from '../flow/detect/requirements.js';

export interface RemoveAccountRun {
  /** The account named (--account, or the re-run menu's choice). */
  wanted: string;
  postfix?: PostfixFacts;
  /** The account is the default and nothing else is configured: the whole `remove` applies. */
  whole?: boolean;
  target?: SenderAccount;
  /** The default account, which the target's senders go out through again. */
  stays?: string;
  relay?: Relay;
  plan?: ShownPlan;
  applied?: Applied;
  purged?: Purged;
}

export const removeAccount: Command<RemoveAccountRun> = {
  start: (ctx) => ({ wanted: ctx.options.account ?? '' }),
  steps: [examine, planRemoval, applyRemoval, purgeKeychainEntry],
  outcomeOf: (run) =>
    run.target
      ? {
          configDir: run.postfix?.configDir,
          account: run.target.account,
          ...appliedOutcome(run.applied, 'removed'),
          ...(run.purged ? { purged: run.purged } : {}),
        }
      : {},
  exitOf: () => ExitCode.ok,
};

/** Which account goes: a sender-dependent one; the default only when it is alone (then `remove` does it all). */
async function examine(ctx: Context, run: RemoveAccountRun): Promise<'stop' | undefined> {
  const { wanted: account } = run;
  const facts = await detect(ctx.sys, ctx.options.configDir);
  const postfix = requirePostfix(facts);
  const wanted = account.trim().toLowerCase();
  const extras = configuredSenderAccounts(postfix);
  const current = defaultAccount(postfix);
  const target = extras.find((a) => a.account.toLowerCase() === wanted);
  if (!target) {
    if (current?.toLowerCase() !== wanted)
      throw new UsageError('unknown-account', t('accounts.removeUnknown', { account }), t('accounts.removeUnknownFix'));
    if (extras.length > 0)
      throw new UsageError(
        'remove-default-account',
        t('accounts.removeDefault', { account, others: extras.map((a) => a.account).join(', ') }),
        t('accounts.removeDefaultFix'),
      );
    run.whole = true;
    return 'stop';
  }
  if (!ctx.options.dryRun) requireRoot(facts, ctx.argv);
  const relayhost = postfix.settings.relayhost?.trim() ?? '';
  const relay = parseRelayhost(relayhost);
  const stored = passwordMapCredential(postfix.passwordMap?.content ?? '', relayhost);
  if (!relay || !stored)
    throw new UsageError('unknown-account', t('accounts.removeUnknown', { account }), t('accounts.removeUnknownFix'));
  run.postfix = postfix;
  run.relay = relay;
  run.stays = stored.account;
  run.target = target;
}

async function planRemoval(ctx: Context, run: RemoveAccountRun): Promise<void> {
  const postfix = run.postfix!;
  const local = await readLocalFacts(ctx.sys, postfix);
  const templates = await ctx.sys.loadTemplates(['sasl_passwd', 'sender_relay', 'generic']);
  const remaining = configuredSenderAccounts(postfix).filter((a) => a.account !== run.target!.account);
  run.plan = removeAccountPlan(postfix, local, remaining, templates);
}

async function applyRemoval(ctx: Context, run: RemoveAccountRun): Promise<'stop' | undefined> {
  const target = run.target!;
  const stays = run.stays!;
  run.applied = await showConfirmApply(ctx, run.postfix!, run.plan!, {
    title: t('accounts.removeTitle', { account: target.account }),
    explain: t('accounts.removeConfirm', {
      account: target.account,
      senders: target.senders.join(', '),
      default: stays,
    }),
    question: 'remove.confirm',
    initialValue: false,
    reason: 'remove',
  });
  if (run.applied.dryRun) return 'stop';
  ctx.ui.success(t('accounts.removed', { account: target.account, id: run.applied.backupId, default: stays }));
  return undefined;
}

/** --purge: only this account's keychain entry; the backups hold the default account's password too (`remove --purge` for those). */
async function purgeKeychainEntry(ctx: Context, run: RemoveAccountRun): Promise<void> {
  if (!ctx.options.purge) return;
  const target = run.target!;
  const keychain = await keychainState(ctx);
  const removed =
    keychain.available && (await keychain.keychain?.remove(keychainKey(target.account, run.relay!)).catch(() => false))
      ? 1
      : 0;
  run.purged = { backups: [], accounts: removed };
  ctx.ui.info(t('accounts.purged', { account: target.account, count: removed }));
}
