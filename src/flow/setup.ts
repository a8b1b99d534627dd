// The setup command: detect → ask → plan → confirm → apply → verify → summary.
import { CancelledError, ExitCode, UsageError, type ExitCodeValue } from '../errors.js';
import { loadTemplates } from '../system/templates.js';
import { t } from '../ui/messages.js';
import { renderPlan } from '../ui/plan-view.js';
import { apply } from './apply.js';
import { askAccount, askPassword, askRecipient, missingFlags, resolveCaFile, resolveRelay } from './ask.js';
import type { Context } from './context.js';
import { detect } from './detect.js';
import { describeFacts } from './describe.js';
import { keychainState, rememberPassword } from './keychain-step.js';
import { plan as makePlan } from './plan.js';
import { preflight } from './preflight.js';
import { relayProblems, requirePostfix, requireRoot } from './requirements.js';
import { equivalentCommand, reportTest, saveLastTest } from './summary.js';
import { planIsEmpty, type Answers } from './types.js';
import { sendTestMessage } from './verify.js';

export async function runSetup(ctx: Context): Promise<ExitCodeValue> {
  const { ui, options, sys, outcome } = ctx;
  ui.intro(t('setup.intro'));
  const detecting = ui.progress(t('detect.running'));
  const facts = await detect(sys, options.configDir);
  detecting.stop(describeFacts(facts));
  const postfix = requirePostfix(facts);
  const [problem] = relayProblems(facts, postfix);
  if (problem) throw problem;
  if (!options.dryRun) requireRoot(facts, ctx.argv);
  outcome.configDir = postfix.configDir;
  const relay = resolveRelay(ctx);
  const ca = await resolveCaFile(ctx, facts);
  const keychain = await keychainState(ctx);

  const storedFor = async (account: string | undefined) =>
    account && keychain.available && !options.passwordStdin && !options.passwordFile ? keychain.get(account) : undefined;
  if (!ui.interactive) {
    const missing = missingFlags(ctx, (await storedFor(options.account)) !== undefined);
    if (missing.length > 0) throw new UsageError('missing-answers', t('ask.missing', { flags: missing.join(', ') }), t('ask.missingFix'));
  }
  const account = await askAccount(ctx, postfix.currentAccount);
  outcome.account = account;
  outcome.relay = `${relay.host}:${relay.port}`;
  const stored = await storedFor(account);
  if (stored !== undefined) ui.info(t('keychain.using', { account }));
  let credential = await askPassword(ctx, stored);
  if (credential && !options.dryRun) credential = await preflight(ctx, relay, ca.pem, account, credential);
  const to = await askRecipient(ctx, account);
  const answers: Answers = { account, password: credential?.password, passwordSource: credential?.source, relay, caFile: ca.path, to };

  const plan = makePlan(facts, answers, await loadTemplates(['sasl_passwd']));
  outcome.changed = { settings: plan.settings.map((s) => s.name), files: plan.files.map((f) => f.path), commands: plan.commands.map((c) => c.file) };
  if (planIsEmpty(plan)) {
    ui.success(t('plan.nothing'));
    outcome.result = 'unchanged';
  } else {
    ui.note(renderPlan(plan), t('plan.title'));
    if (options.dryRun) {
      ui.outro(t('plan.dryRunDone'));
      outcome.result = 'dry-run';
      return ExitCode.ok;
    }
    if (!options.yes && !(await ui.confirm({ message: t('ask.confirm'), initialValue: true }))) {
      throw new CancelledError(t('cancelled'));
    }
    const { backup } = await apply(ctx, postfix, plan);
    outcome.backupId = backup.id;
    outcome.result = 'configured';
    ui.success(t('apply.summary', { count: plan.settings.length + plan.files.length, id: backup.id }));
  }
  if (options.dryRun) {
    ui.outro(t('plan.dryRunDone'));
    outcome.result = 'dry-run';
    return ExitCode.ok;
  }
  if (credential && credential.source !== 'keychain') outcome.keychain = await rememberPassword(ctx, keychain, account, credential.password);

  const wantTest = options.test && (!ui.interactive || !planIsEmpty(plan) || options.yes || (await ui.confirm({ message: t('ask.testAgain'), initialValue: true })));
  let exit: ExitCodeValue = ExitCode.ok;
  if (wantTest) {
    const result = await sendTestMessage(ctx, postfix, account, to);
    outcome.test = result;
    await saveLastTest(ctx, result);
    exit = reportTest(ctx, result);
    outcome.result = exit === ExitCode.ok ? 'delivered' : 'not-delivered';
  }
  if (ui.interactive) ui.info(t('summary.equivalent', { command: equivalentCommand(options, answers) }));
  ui.outro(exit === ExitCode.ok ? t('summary.done') : t('summary.notDelivered'));
  return exit;
}
