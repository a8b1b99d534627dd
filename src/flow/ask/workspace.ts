// The last relay question, asked once the account is known and before its password is: a Google
// Workspace account (not @gmail.com) may send through its domain's SMTP relay service,
// smtp-relay.gmail.com, instead of smtp.gmail.com. Settling the relay here means the password is
// looked up (keychain, map) for the relay it will be used with, and the pre-flight runs once.
import { isConsumerGmail } from '../../gmail/credentials.js';
import { defaultRelay, isWorkspaceRelay, workspaceRelayHost, type Relay } from '../../gmail/relay.js';
import { t } from '../../ui/messages.js';
import type { Context } from '../context.js';
import type { PostfixFacts } from '../types.js';

/** The relay for `account`: `relay` itself, or Workspace's relay when the person picks it (interactive only). */
export async function settleWorkspaceRelay(
  ctx: Pick<Context, 'ui' | 'options'>,
  postfix: Pick<PostfixFacts, 'currentAccount'>,
  account: string,
  relay: Relay,
): Promise<Relay> {
  const { ui, options } = ctx;
  if (isWorkspaceRelay(relay)) {
    ui.info(t('workspace.rule', { host: workspaceRelayHost }));
    return relay;
  }
  // Asked only when nothing decided it: no --relay, a Workspace address, and not a re-run of the same account.
  if (
    !ui.interactive ||
    options.relay !== undefined ||
    isConsumerGmail(account) ||
    relay.host !== defaultRelay.host ||
    postfix.currentAccount === account
  )
    return relay;
  const domain = account.slice(account.lastIndexOf('@') + 1);
  ui.note(t('workspace.explain', { domain, host: workspaceRelayHost }), t('workspace.title'));
  const pick = await ui.select({
    message: t('workspace.question'),
    options: [
      { value: 'gmail', label: t('workspace.keep', { host: defaultRelay.host }) },
      { value: 'relay', label: t('workspace.switch', { host: workspaceRelayHost }) },
    ],
    initialValue: 'gmail',
  });
  return pick === 'relay' ? { ...relay, host: workspaceRelayHost } : relay;
}
