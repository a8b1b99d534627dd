// The setup command: detect → ask → plan → confirm → apply → verify → summary.
import { ExitCode, WizardError, type ExitCodeValue } from '../errors.js';
import { t } from '../ui/messages.js';
import { apply } from '../flow/apply/apply.js';
import { changedBy } from '../flow/apply/apply-plan.js';
import { checkGivenAddresses, resolveRelay } from '../flow/ask/ask.js';
import { askSetupAnswers } from '../flow/ask/setup-answers.js';
import type { Context } from '../flow/context.js';
import { detect } from '../flow/detect/detect.js';
import { offerInstall } from '../flow/detect/install.js';
import { describeFacts } from '../flow/detect/describe.js';
import { rememberPassword } from '../flow/ask/keychain-step.js';
import { flushDeferred } from '../flow/verify/flush-deferred.js';
import { plan as makePlan } from '../flow/plan/plan.js';
import { confirmPlan, showPlan } from '../flow/plan/confirm-plan.js';
import { checkGivenRootAlias } from '../flow/ask/relay-options.js';
import { relayProblems, requirePostfix, requireRoot } from '../flow/detect/requirements.js';
import { equivalentWords, reportTest, saveLastTest } from '../flow/verify/summary.js';
import { planIsEmpty } from '../transaction/plan.js';
import { sendTestMessage } from '../flow/verify/verify.js';
import { checkGivenSenders } from '../flow/ask/accounts.js';
import { testSender } from '../postfix/sender-maps.js';

/** Malformed flag values are usage errors (exit 2), reported before anything is read, asked or locked. */
export function checkSetupFlags(ctx: Pick<Context, 'options'>): void {
  checkGivenAddresses(ctx);
  resolveRelay(ctx);
  checkGivenRootAlias(ctx);
  if (ctx.options.auth === 'oauth')
    throw new WizardError('oauth-unavailable', t('authOauth.unavailable'), t('authOauth.unavailableFix'));
}

export async function runSetup(ctx: Context): Promise<ExitCodeValue> {
  const { ui, options, sys, outcome } = ctx;
  checkSetupFlags(ctx);
  const givenSenders = checkGivenSenders(ctx);
  const detecting = ui.progress(t('detect.running'));
  const detected = await detect(sys, options.configDir);
  detecting.stop(describeFacts(detected));
  const facts = await offerInstall(ctx, detected);
  const postfix = requirePostfix(facts);
  const [problem] = relayProblems(facts, postfix);
  if (problem) throw problem;
  if (!options.dryRun) requireRoot(facts, ctx.argv);
  outcome.configDir = postfix.configDir;
  const asked = await askSetupAnswers(ctx, facts, postfix, givenSenders);
  if (asked.kind === 'remove-account') {
    const removed = await (await import('./remove-account.js')).removeAccount(ctx, asked.account);
    return removed === 'all' ? ExitCode.ok : removed; // the menu offers only sender-dependent accounts
  }
  const { answers, tls, keychain } = asked;
  const { account, credential, relay, senders, to } = answers;

  const plan = makePlan(
    { ...facts, postfix: { ...postfix, tls } },
    answers,
    await sys.loadTemplates(['sasl_passwd', 'generic', 'saved_settings', 'sender_relay']),
  );
  const fixed = (plan.secretFixes ?? []).map((f) => f.path);
  outcome.changed = changedBy(plan);
  const replaced = plan.settings.find((s) => s.name === 'relayhost' && s.from);
  if (replaced) ui.warn(t('plan.relayhostReplaced', { from: replaced.from, to: replaced.to }));
  if (planIsEmpty(plan)) {
    ui.success(t('plan.nothing'));
    outcome.result = 'unchanged';
  } else {
    showPlan(ctx, plan, answers);
  }
  if (options.dryRun) {
    ui.outro(t('plan.dryRunDone'));
    outcome.result = 'dry-run';
    return ExitCode.ok;
  }
  if (!planIsEmpty(plan)) {
    await confirmPlan(ctx, plan, answers);
    const { backup } = await apply(ctx, postfix, plan);
    outcome.backupId = backup.id;
    outcome.result = 'configured';
    ui.success(
      t('apply.summary', {
        count:
          plan.settings.length + plan.removeSettings.length + plan.files.length + plan.deletes.length + fixed.length,
        id: backup.id,
      }),
    );
  }
  // Remembered for the relay it was accepted by.
  if (credential) outcome.keychain = await rememberPassword(ctx, keychain, account, relay, credential);
  const flushed = await flushDeferred(ctx, postfix, plan);
  if (flushed) outcome.flushed = flushed;

  const wantTest =
    options.test &&
    (!ui.interactive ||
      !planIsEmpty(plan) ||
      options.yes ||
      (await ui.confirm({ message: t('ask.testAgain'), initialValue: true })));
  let exit: ExitCodeValue = ExitCode.ok;
  if (wantTest) {
    // --senders: the test goes out from the first listed sender, so it takes the new account's way.
    const from = senders ? (testSender(senders) ?? account) : account;
    const result = { ...(await sendTestMessage(ctx, postfix, from, to)), ...(senders ? { from, account } : {}) };
    outcome.test = result;
    await saveLastTest(ctx, result);
    exit = reportTest(ctx, result, relay.host);
    outcome.result = exit === ExitCode.ok ? 'delivered' : 'not-delivered';
  }
  if (ui.interactive) ui.command(t('tui.equivalent'), equivalentWords(options, answers));
  ui.outro(exit === ExitCode.ok ? t('summary.done') : t('summary.notDelivered'));
  return exit;
}
