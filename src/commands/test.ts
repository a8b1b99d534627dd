// `test`: send a test message through the configuration as it is, and follow it.
import { ExitCode, WizardError, type ExitCodeValue } from '../errors.js';
import { t } from '../ui/messages.js';
import { askRecipient } from '../flow/ask/ask.js';
import type { Context } from '../flow/context.js';
import { detect } from '../flow/detect/detect.js';
import { describeFacts } from '../flow/detect/describe.js';
import { requirePostfix } from '../flow/detect/requirements.js';
import { reportTest, saveLastTest } from '../flow/verify/summary.js';
import { sendTestMessage } from '../flow/verify/verify.js';

export async function runTest(ctx: Context): Promise<ExitCodeValue> {
  const { ui, sys, options, outcome } = ctx;
  const facts = await detect(sys, options.configDir);
  ui.info(describeFacts(facts));
  const postfix = requirePostfix(facts);
  outcome.configDir = postfix.configDir;
  outcome.account = postfix.currentAccount;
  outcome.relay = postfix.settings.relayhost || undefined;
  // Without a relay the message would go straight to the recipient's MX (port 25, which OP25B blocks):
  // that tests nothing the wizard set up.
  if (!postfix.settings.relayhost) throw new WizardError('not-configured', t('test.notConfigured'), t('test.notConfiguredFix'));
  const from = postfix.currentAccount ?? `root@${postfix.settings.myhostname ?? 'localhost'}`;
  const to = options.to ? await askRecipient(ctx, from) : postfix.currentAccount ?? (await askRecipient(ctx, from));
  const result = await sendTestMessage(ctx, postfix, from, to);
  outcome.test = result;
  await saveLastTest(ctx, result);
  const exit = reportTest(ctx, result);
  outcome.result = exit === ExitCode.ok ? 'delivered' : 'not-delivered';
  ui.outro(exit === ExitCode.ok ? t('summary.done') : t('summary.notDelivered'));
  return exit;
}
