// The setup command: detect → ask → plan → confirm → apply → verify → summary.
import { ExitCode, type ExitCodeValue } from '../errors.js';
import type { CommandOutcome, TestResult } from '../outcome.js';
import type { HostFacts, PostfixFacts } from '../flow/types.js';
import type { FlushResult } from '../flow/verify/flush-deferred.js';
import { runSteps, type Command } from './command.js';
import { removeAccount, type RemoveAccountRun } from './remove-account.js';
import type { ShownPlan } from '../flow/plan/plan-part.js';
import { t } from '../ui/messages.js';
import { apply } from '../flow/apply/apply.js';
import { changedBy } from '../flow/apply/apply-plan.js';
import { checkGivenAddresses, resolveRelay } from '../flow/ask/ask.js';
import { askSetupAnswers, type SetupAnswers, type Settled } from '../flow/ask/setup-answers.js';
import type { Context } from '../flow/context.js';
import { detect } from '../flow/detect/detect.js';
import { offerInstall } from '../flow/detect/install.js';
import { describeFacts } from '../flow/detect/describe.js';
import { rememberPassword } from '../flow/ask/keychain-step.js';
import { flushDeferred } from '../flow/verify/flush-deferred.js';
import { forgetRefusedLogin } from '../postfix/auth-cache.js';
import { instanceDir } from '../postfix/postconf.js';
import { plan as buildSetupPlan } from '../flow/plan/plan.js';
import { confirmPlan, showPlan } from '../flow/plan/confirm-plan.js';
import { checkGivenRootAlias } from '../flow/ask/relay-options.js';
import { relayProblems, requirePostfix, requireRoot } from '../flow/detect/requirements.js';
import { equivalentWords, reportTest, saveLastTest, signInFilesText } from '../flow/verify/summary.js';
import { sudoUser } from '../system/sudo-user.js';
import { planIsEmpty } from '../transaction/plan.js';
import { sendTestMessage } from '../flow/verify/verify.js';
import { checkGivenSenders } from '../flow/ask/accounts.js';
import { withAuthChoice } from '../flow/ask/auth-choice.js';
import { testSender } from '../postfix/sender-maps.js';
import { checkOauthFlags, type OauthInputs } from '../flow/ask/oauth-step.js';
import { requireXoauth2Plugin } from '../flow/detect/xoauth2-plugin.js';
import { readOauthFilesIn } from '../postfix/xoauth2-files.js';
import { parseRelayhost } from '../gmail/relay.js';
import { forgetPasswords } from '../flow/ask/keychain-step.js';
import { type Revocation, refreshTokensIn, revokeRefreshTokens } from '../flow/apply/revoke.js';
import type { OauthRemovalFacts } from '../postfix/xoauth2-files.js';

/** Malformed flag values are usage errors (exit 2), reported before anything is read, asked or locked. */
export function checkSetupFlags(ctx: Pick<Context, 'options'>): void {
  checkGivenAddresses(ctx);
  resolveRelay(ctx);
  checkGivenRootAlias(ctx);
}

interface SetupRun {
  /** --senders, checked before anything is read. */
  givenSenders?: string[];
  /** --oauth-client and --oauth-token-file, read and checked before anything else (secrets: memory only). */
  oauthInputs?: OauthInputs;
  facts?: HostFacts;
  postfix?: PostfixFacts;
  /** What the ask phase settled before it ended (an error may end it). */
  settled: Settled;
  asked?: Extract<SetupAnswers, { kind: 'answers' }>;
  /** The re-run menu's "remove this sender-dependent account": remove --account's run. */
  removal?: RemoveAccountRun;
  plan?: ShownPlan;
  /** The token files the plan takes out (OAuth left, or another account's): revoked once applied (memory only). */
  leftTokens?: OauthRemovalFacts;
  revocation?: Revocation;
  /** The transaction's backup, once the plan is applied. */
  backupId?: string;
  keychain?: string;
  flushed?: FlushResult;
  test?: TestResult;
  exit?: ExitCodeValue;
  dryRun: boolean;
}

export const setup: Command<SetupRun> = {
  start: (ctx) => ({ settled: {}, dryRun: ctx.options.dryRun }),
  steps: [
    checkFlags,
    examine,
    ask,
    removeChosenAccount,
    makePlan,
    dryRunEnds,
    applyPlan,
    revokeLeftTokens,
    rememberThePassword,
    forgetTheOldPassword,
    forgetTheRefusal,
    flushTheQueue,
    sendTest,
    finish,
  ],
  outcomeOf,
  exitOf: (run) => (run.removal ? removeAccount.exitOf(run.removal) : (run.exit ?? ExitCode.ok)),
};

function outcomeOf(run: SetupRun): CommandOutcome {
  if (run.removal) return removeAccount.outcomeOf(run.removal);
  const { plan, test } = run;
  const result: CommandOutcome['result'] = test
    ? run.exit === ExitCode.ok
      ? 'delivered'
      : 'not-delivered'
    : plan && run.dryRun
      ? 'dry-run'
      : run.backupId
        ? 'configured'
        : plan && planIsEmpty(plan)
          ? 'unchanged'
          : undefined;
  return {
    ...(result ? { result } : {}),
    configDir: run.postfix?.configDir,
    account: run.settled.account,
    relay: run.settled.relay,
    auth: run.settled.auth,
    ...(plan ? { changed: changedBy(plan) } : {}),
    backupId: run.backupId,
    keychain: run.keychain,
    flushed: run.flushed,
    ...(run.revocation ? { revocation: run.revocation } : {}),
    test,
  };
}

async function checkFlags(ctx: Context, run: SetupRun): Promise<void> {
  checkSetupFlags(ctx);
  run.givenSenders = checkGivenSenders(ctx);
  // doctor's new consent comes with the client the token file keeps: the flags add to it, never drop it.
  const given = await checkOauthFlags(ctx);
  run.oauthInputs = given ? { ...run.oauthInputs, ...given } : run.oauthInputs;
}

/** Read the machine, offer to install what is missing, and refuse a machine the relay cannot work on. */
async function examine(ctx: Context, run: SetupRun): Promise<void> {
  const detecting = ctx.ui.progress(t('detect.running'));
  const detected = await detect(ctx.sys, ctx.options.configDir);
  detecting.stop(describeFacts(detected));
  const facts = await offerInstall(ctx, detected);
  const postfix = requirePostfix(facts);
  const [problem] = relayProblems(facts, postfix);
  if (problem) throw problem;
  // Before anything costly is asked (a consent, a login): OAuth cannot work without the plugin.
  if (ctx.options.auth === 'oauth') requireXoauth2Plugin(facts);
  if (!ctx.options.dryRun) requireRoot(facts, ctx.argv);
  run.facts = facts;
  run.postfix = postfix;
}

async function ask(ctx: Context, run: SetupRun): Promise<void> {
  // A way chosen at the question (auth-choice.ts) runs the ask phase again as if --auth had said it;
  // OAuth's plugin is offered for install as --install would (where a package exists), then checked,
  // before any consent is asked for.
  const asked = await withAuthChoice(
    ctx,
    () => askSetupAnswers(ctx, run.facts!, run.postfix!, run.givenSenders, run.settled, run.oauthInputs),
    async () => {
      run.facts = await offerInstall(ctx, run.facts!);
      run.postfix = requirePostfix(run.facts);
      requireXoauth2Plugin(run.facts);
    },
  );
  if (asked.kind === 'answers') run.asked = asked;
  else run.removal = { ...removeAccount.start(ctx), wanted: asked.account };
}

async function removeChosenAccount(ctx: Context, run: SetupRun): Promise<'stop' | undefined> {
  if (!run.removal) return undefined;
  // The menu offers only sender-dependent accounts, so the whole `remove` is never what follows.
  await runSteps(ctx, removeAccount, run.removal);
  return 'stop';
}

async function makePlan(ctx: Context, run: SetupRun): Promise<void> {
  const { answers, tls } = run.asked!;
  // The token files there now: a switch of the way of signing in takes out what no account uses any more.
  const oauthFiles = await readOauthFilesIn(ctx.sys, run.postfix!.settings.queue_directory, run.postfix!);
  const plan = buildSetupPlan(
    { ...run.facts!, postfix: { ...run.postfix!, tls, oauthFiles } },
    answers,
    await ctx.sys.loadTemplates([
      'sasl_passwd',
      'generic',
      'saved_settings',
      'sender_relay',
      'monitor_cron',
      'monitor_service',
      'monitor_timer',
      'sasl_xoauth2_conf',
      'xoauth2_token',
      'oauth_consent',
    ]),
  );
  run.plan = plan;
  // The same token file signing in again keeps its token: a revocation would end the new consent's grant too.
  const keep = answers.oauth?.files.tokenPath;
  const left = { ...oauthFiles, tokens: oauthFiles.tokens.filter((token) => token.path !== keep) };
  if (refreshTokensIn(left).length > 0) run.leftTokens = left;
  const replaced = plan.settings.find((s) => s.name === 'relayhost' && s.from);
  if (replaced) ctx.ui.warn(t('plan.relayhostReplaced', { from: replaced.from, to: replaced.to }));
  if (planIsEmpty(plan)) ctx.ui.success(t('plan.nothing'));
  else showPlan(ctx, plan, answers);
  const count = run.leftTokens ? refreshTokensIn(run.leftTokens).length : 0;
  if (count > 0) ctx.ui.info(t(ctx.options.keepToken ? 'remove.revokeSkipped' : 'remove.revokeAhead', { count }));
}

async function dryRunEnds(ctx: Context, run: SetupRun): Promise<'stop' | undefined> {
  if (!run.dryRun) return undefined;
  ctx.ui.outro(t('plan.dryRunDone'));
  return 'stop';
}

async function applyPlan(ctx: Context, run: SetupRun): Promise<void> {
  const plan = run.plan!;
  if (planIsEmpty(plan)) return;
  await confirmPlan(ctx, plan, run.asked!.answers);
  const { backup } = await apply(ctx, run.postfix!, plan);
  run.backupId = backup.id;
  const fixed = plan.secretFixes ?? [];
  const count =
    plan.settings.length + plan.removeSettings.length + plan.files.length + plan.deletes.length + fixed.length;
  ctx.ui.success(t('apply.summary', { count, id: backup.id }));
}

/**
 * The token files the plan took out: their refresh tokens revoked at Google, only now that the transaction
 * committed (a failure rolled back and ended the command before this step, the token file back in place).
 */
async function revokeLeftTokens(ctx: Context, run: SetupRun): Promise<void> {
  if (run.leftTokens && run.backupId) run.revocation = await revokeRefreshTokens(ctx, run.leftTokens);
}

/** Remembered for the relay it was accepted by. */
async function rememberThePassword(ctx: Context, run: SetupRun): Promise<void> {
  const { answers, keychain } = run.asked!;
  if (answers.credential)
    run.keychain = await rememberPassword(ctx, keychain, answers.account, answers.relay, answers.credential);
}

/** OAuth or the relay by address from now on: the app password stored for the account is no longer kept. */
async function forgetTheOldPassword(ctx: Context, run: SetupRun): Promise<void> {
  const { answers, keychain } = run.asked!;
  if (answers.auth === undefined || !run.backupId) return;
  const before = parseRelayhost(run.postfix!.settings.relayhost ?? '');
  const relays = [answers.relay, ...(before ? [before] : [])];
  const forgotten = await forgetPasswords(keychain, answers.account, relays);
  if (forgotten > 0) ctx.ui.info(t('keychain.forgotten', { account: answers.account }));
}

/** The login was just proved: a refusal Postfix remembers for it must not keep the mail waiting for a day. */
async function forgetTheRefusal(ctx: Context, run: SetupRun): Promise<void> {
  const { answers } = run.asked!;
  if (!answers.credential || !run.plan) return;
  await forgetRefusedLogin(ctx.sys, instanceDir(run.postfix!), answers.relay.host, answers.account);
}

async function flushTheQueue(ctx: Context, run: SetupRun): Promise<void> {
  run.flushed = await flushDeferred(ctx, run.postfix!, run.plan!);
}

async function sendTest(ctx: Context, run: SetupRun): Promise<void> {
  const { ui, options } = ctx;
  const { account, senders, to, relay } = run.asked!.answers;
  const wanted =
    options.test &&
    (!ui.interactive ||
      !planIsEmpty(run.plan!) ||
      options.yes ||
      run.asked!.answers.retest ||
      (await ui.confirm({ message: t('ask.testAgain'), initialValue: true })));
  if (!wanted) return;
  // --senders: the test goes out from the first listed sender, so it takes the new account's way.
  const from = senders ? (testSender(senders) ?? account) : account;
  const result = { ...(await sendTestMessage(ctx, run.postfix!, from, to)), ...(senders ? { from, account } : {}) };
  run.test = result;
  await saveLastTest(ctx, result);
  run.exit = reportTest(ctx, result, relay.host);
}

async function finish(ctx: Context, run: SetupRun): Promise<void> {
  if (ctx.ui.interactive) {
    // The wizard runs as root; a person who started it with sudo types sudo again.
    const viaSudo = sudoUser(ctx.sys.env()) !== undefined;
    ctx.ui.command(t('tui.equivalent'), equivalentWords(ctx.options, run.asked!.answers, viaSudo));
    const files = signInFilesText(ctx.options, run.asked!.answers, viaSudo);
    if (files) ctx.ui.info(files);
  }
  ctx.ui.outro((run.exit ?? ExitCode.ok) === ExitCode.ok ? t('summary.done') : t('summary.notDelivered'));
}
