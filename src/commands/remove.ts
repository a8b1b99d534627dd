// `remove`: take the relay configuration out again — the settings the wizard
// owns and its password map — as a transaction; the rest of main.cf stays.
// The relay options go too (options-plan.ts): the generic map, root's alias,
// and the main.cf values the wizard replaced (inet_interfaces, …) put back,
// with the master.cf `-o` values and table entries its TLS fixes took out (plan/putback.ts).
import { ExitCode } from '../errors.js';
import type { CommandOutcome } from '../outcome.js';
import type { PostfixFacts } from '../flow/types.js';
import { runSteps, type Command } from './command.js';
import { t, type MessageKey } from '../ui/messages.js';
import { type Applied, appliedOutcome, showConfirmApply } from '../flow/apply/apply-plan.js';
import type { Context } from '../flow/context.js';
import { detect } from '../flow/detect/detect.js';
import { offerPurge, type Purged } from '../flow/apply/purge.js';
import { requirePostfix, requireRoot } from '../flow/detect/requirements.js';
import type { PutBackSkip, PutBackSkipCode } from '../flow/plan/putback.js';
import { removePlan } from '../flow/plan/remove-plan.js';
import { readRemoveFacts } from '../flow/detect/remove-facts.js';
import { planIsEmpty } from '../transaction/plan.js';
import type { ShownPlan } from '../flow/plan/plan-part.js';
import { removeAccount, type RemoveAccountRun } from './remove-account.js';
import { type Revocation, refreshTokensIn, revokeRefreshTokens } from '../flow/apply/revoke.js';
import type { OauthRemovalFacts } from '../postfix/xoauth2-files.js';

interface RemoveRun {
  /** remove --account: that account's own run (remove-account.ts). */
  account?: RemoveAccountRun;
  postfix?: PostfixFacts;
  plan?: ShownPlan;
  /** The password map and its compiled forms: what makes a backup or keychain entry worth purging. */
  mapFiles: string[];
  /** The warnings about a person's edits since the setup, which stay. */
  skipped: string[];
  applied?: Applied;
  purged?: Purged;
  /** sasl-xoauth2's token files remove takes out: their refresh tokens are revoked once it is done (memory only). */
  oauth?: OauthRemovalFacts;
  revocation?: Revocation;
}

export const remove: Command<RemoveRun> = {
  start: (ctx) => ({
    ...(ctx.options.account === undefined ? {} : { account: removeAccount.start(ctx) }),
    mapFiles: [],
    skipped: [],
  }),
  steps: [oneAccount, examine, planRemove, sayWhatStays, applyRemove, revokeTokens, purge],
  outcomeOf,
  exitOf: () => ExitCode.ok,
};

function outcomeOf(run: RemoveRun): CommandOutcome {
  if (run.account && !run.account.whole) return removeAccount.outcomeOf(run.account);
  return {
    ...(run.plan && planIsEmpty(run.plan) ? { result: 'unchanged' as const } : appliedOutcome(run.applied, 'removed')),
    ...(run.purged ? { purged: run.purged } : {}),
    ...(run.revocation ? { revocation: run.revocation } : {}),
  };
}

/** --account: one sender-dependent account goes; the default, alone, is the whole remove that follows. */
async function oneAccount(ctx: Context, run: RemoveRun): Promise<'stop' | undefined> {
  if (!run.account) return undefined;
  await runSteps(ctx, removeAccount, run.account);
  return run.account.whole ? undefined : 'stop';
}

async function examine(ctx: Context, run: RemoveRun): Promise<void> {
  const facts = await detect(ctx.sys, ctx.options.configDir);
  const postfix = requirePostfix(facts);
  if (!ctx.options.dryRun) requireRoot(facts, ctx.argv);
  run.postfix = postfix;
}

async function planRemove(ctx: Context, run: RemoveRun): Promise<void> {
  const postfix = run.postfix!;
  const facts = await readRemoveFacts(ctx.sys, postfix);
  const planned = removePlan(postfix, facts, await ctx.sys.loadTemplates(['saved_settings']));
  run.plan = planned.plan;
  run.mapFiles = planned.mapFiles;
  if (facts.oauth) run.oauth = facts.oauth;
  run.skipped = planned.skipped.map(skipText);
}

/** A person's edit since the setup stays: said before the plan, and in --json. */
async function sayWhatStays(ctx: Context, run: RemoveRun): Promise<'stop' | undefined> {
  for (const warning of run.skipped) {
    ctx.ui.warn(warning);
    ctx.warnings.push(warning);
  }
  if (!planIsEmpty(run.plan!)) return undefined;
  ctx.ui.success(t('remove.nothing'));
  return 'stop';
}

async function applyRemove(ctx: Context, run: RemoveRun): Promise<'stop' | undefined> {
  run.applied = await showConfirmApply(ctx, run.postfix!, run.plan!, {
    title: t('remove.title'),
    ...revokeAhead(ctx, run),
    question: 'remove.confirm',
    initialValue: false,
    reason: 'remove',
  });
  if (run.applied.dryRun) return 'stop';
  ctx.ui.success(t('remove.done', { id: run.applied.backupId }));
  return undefined;
}

/** Said with the plan, before the question: what happens at Google once the removal is done. */
function revokeAhead(ctx: Context, run: RemoveRun): { explain?: string } {
  const count = run.oauth ? refreshTokensIn(run.oauth).length : 0;
  if (count === 0) return {};
  return { explain: t(ctx.options.keepToken ? 'remove.revokeSkipped' : 'remove.revokeAhead', { count }) };
}

/**
 * Only here, after the transaction committed (a rollback ended the command before this step): the token
 * files are gone, so their refresh tokens are revoked (not with --keep-token). The backups keep the dead
 * tokens: a restore of one brings a revoked token back, and doctor's oauth-consent-revoked offers a new consent.
 */
async function revokeTokens(ctx: Context, run: RemoveRun): Promise<void> {
  if (run.oauth) run.revocation = await revokeRefreshTokens(ctx, run.oauth);
}

async function purge(ctx: Context, run: RemoveRun): Promise<void> {
  run.purged = await offerPurge(ctx, run.mapFiles);
  if (ctx.options.purge && run.revocation)
    run.purged = { backups: [], accounts: 0, ...run.purged, revoked: run.revocation.revoked };
}

const skipKeys: Record<PutBackSkipCode, MessageKey> = {
  'master-changed': 'putback.masterChanged',
  'master-service-gone': 'putback.masterServiceGone',
  'table-changed': 'putback.tableChanged',
  'table-gone': 'putback.tableGone',
};

function skipText(skip: PutBackSkip): string {
  return t(skipKeys[skip.code], { where: skip.where, key: skip.key, value: skip.value, now: skip.now ?? '' });
}
