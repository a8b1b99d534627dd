// `test`: send a test message through the configuration as it is, and follow it.
import { parseRelayhost } from '../gmail/relay.js';
import { ExitCode, UsageError, WizardError, type ExitCodeValue } from '../errors.js';
import { t } from '../ui/messages.js';
import { askRecipient } from '../flow/ask/ask.js';
import type { Context } from '../flow/context.js';
import { detect } from '../flow/detect/detect.js';
import { describeFacts } from '../flow/detect/describe.js';
import { requirePostfix } from '../flow/detect/requirements.js';
import { reportTest, saveLastTest } from '../flow/verify/summary.js';
import { sendTestMessage } from '../flow/verify/verify.js';
import { checkAccount } from '../gmail/credentials.js';
import { accountForSender } from '../postfix/sender-maps.js';
import { configuredSenderAccounts } from '../flow/ask/accounts.js';
import { inputText } from '../ui/input-text.js';

export async function runTest(ctx: Context): Promise<ExitCodeValue> {
  const { ui, sys, options, outcome } = ctx;
  const given = options.from === undefined ? undefined : checkAccount(options.from);
  if (given && !given.ok)
    throw new UsageError(
      'invalid-sender',
      t('accounts.fromInvalid', { problem: inputText(given.problem) }),
      t('accounts.fromFix'),
    );
  const facts = await detect(sys, options.configDir);
  ui.info(describeFacts(facts));
  const postfix = requirePostfix(facts);
  outcome.configDir = postfix.configDir;
  outcome.account = postfix.currentAccount;
  outcome.relay = postfix.settings.relayhost || undefined;
  // Without a relay the message would go straight to the recipient's MX (port 25, which OP25B blocks):
  // that tests nothing the wizard set up.
  if (!postfix.settings.relayhost)
    throw new WizardError('not-configured', t('test.notConfigured'), t('test.notConfiguredFix'));
  // --from: the envelope sender picks the account, as Postfix does (sender-maps.ts); the recipient defaults to that account.
  const through = given?.ok
    ? (accountForSender(configuredSenderAccounts(postfix), given.value) ?? postfix.currentAccount)
    : undefined;
  const from = given?.ok
    ? given.value
    : (postfix.currentAccount ?? `root@${postfix.settings.myhostname ?? 'localhost'}`);
  const mine = through ?? postfix.currentAccount;
  const to = options.to ? await askRecipient(ctx, from) : (mine ?? (await askRecipient(ctx, from)));
  const sent = await sendTestMessage(ctx, postfix, from, to);
  const result = given?.ok && through ? { ...sent, from, account: through } : sent;
  outcome.test = result;
  await saveLastTest(ctx, result);
  const exit = reportTest(ctx, result, parseRelayhost(postfix.settings.relayhost)?.host);
  outcome.result = exit === ExitCode.ok ? 'delivered' : 'not-delivered';
  ui.outro(exit === ExitCode.ok ? t('summary.done') : t('summary.notDelivered'));
  return exit;
}
