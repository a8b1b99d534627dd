// `test`: send a test message through the configuration as it is, and follow it.
import { configuredSenderAccounts } from '../flow/ask/accounts.js';
import { askRecipient } from '../flow/ask/ask.js';
import type { Context } from '../flow/context.js';
import { describeFacts } from '../flow/detect/describe.js';
import { detect } from '../flow/detect/detect.js';
import { requirePostfix } from '../flow/detect/requirements.js';
import type { PostfixFacts } from '../flow/types.js';
import { reportTest, saveLastTest } from '../flow/verify/summary.js';
import { sendTestMessage } from '../flow/verify/verify.js';
import { ExitCode, type ExitCodeValue, UsageError, WizardError } from '../errors.js';
import { checkAccount } from '../gmail/credentials.js';
import { parseRelayhost } from '../gmail/relay.js';
import type { TestResult } from '../outcome.js';
import { accountForSender } from '../postfix/sender-maps.js';
import { inputText } from '../ui/input-text.js';
import { t } from '../ui/messages.js';
import type { Command } from './command.js';

interface TestRun {
  /** --from, checked. */
  from?: string;
  postfix?: PostfixFacts;
  result?: TestResult;
  exit?: ExitCodeValue;
}

export const test: Command<TestRun> = {
  start: () => ({}),
  steps: [checkFrom, examine, send, report],
  outcomeOf: ({ postfix, result, exit }) => ({
    ...(postfix
      ? {
          configDir: postfix.configDir,
          account: postfix.currentAccount,
          relay: postfix.settings.relayhost || undefined,
        }
      : {}),
    ...(result ? { test: result } : {}),
    ...(exit === undefined ? {} : { result: exit === ExitCode.ok ? 'delivered' : 'not-delivered' }),
  }),
  exitOf: ({ exit }) => exit ?? ExitCode.ok,
};

async function checkFrom(ctx: Context, run: TestRun): Promise<void> {
  if (ctx.options.from === undefined) return;
  const given = checkAccount(ctx.options.from);
  if (!given.ok)
    throw new UsageError(
      'invalid-sender',
      t('accounts.fromInvalid', { problem: inputText(given.problem) }),
      t('accounts.fromFix'),
    );
  run.from = given.value;
}

async function examine(ctx: Context, run: TestRun): Promise<void> {
  const facts = await detect(ctx.sys, ctx.options.configDir);
  ctx.ui.info(describeFacts(facts));
  run.postfix = requirePostfix(facts);
  // Without a relay the message would go straight to the recipient's MX (port 25, which OP25B blocks):
  // that tests nothing the wizard set up.
  if (!run.postfix.settings.relayhost)
    throw new WizardError('not-configured', t('test.notConfigured'), t('test.notConfiguredFix'));
}

async function send(ctx: Context, run: TestRun): Promise<void> {
  const postfix = run.postfix!;
  // --from: the envelope sender picks the account, as Postfix does (sender-maps.ts); the recipient defaults to that account.
  const through = run.from
    ? (accountForSender(configuredSenderAccounts(postfix), run.from) ?? postfix.currentAccount)
    : undefined;
  const from = run.from ?? postfix.currentAccount ?? `root@${postfix.settings.myhostname ?? 'localhost'}`;
  const mine = through ?? postfix.currentAccount;
  const to = ctx.options.to ? await askRecipient(ctx, from) : (mine ?? (await askRecipient(ctx, from)));
  const sent = await sendTestMessage(ctx, postfix, from, to);
  run.result = run.from && through ? { ...sent, from, account: through } : sent;
  await saveLastTest(ctx, run.result);
}

async function report(ctx: Context, run: TestRun): Promise<void> {
  run.exit = reportTest(ctx, run.result!, parseRelayhost(run.postfix!.settings.relayhost ?? '')?.host);
  ctx.ui.outro(run.exit === ExitCode.ok ? t('summary.done') : t('summary.notDelivered'));
}
