// remove --account's plan: one sender-dependent account out of the password map and the sender → relay
// map; the wizard's generic map, if it rewrote that account's local senders, sends them as the default again.
import { passwordMapCredential } from '../../postfix/password-map.js';
import type { SenderAccount } from '../../postfix/sender-maps.js';
import type { TemplateName } from '../../system/templates.js';
import type { LocalFacts, PostfixFacts } from '../types.js';
import { planSenderRelay } from './accounts-plan.js';
import { isOwnGenericMap, renderGenericMap } from './options-plan.js';
import { mapFile, type ShownPlan, shownPlan } from './plan-part.js';
import { passwordMapPath, renderPasswordMap, settingChanges } from './plan.js';
import { secretPaths } from './secret-files.js';
import { parseRelayhost } from '../../gmail/relay.js';

export function removeAccountPlan(
  postfix: PostfixFacts,
  local: LocalFacts,
  /** The sender-dependent accounts that stay. */
  remaining: readonly SenderAccount[],
  templates: Record<TemplateName, string>,
): ShownPlan {
  const relayhost = postfix.settings.relayhost?.trim() ?? '';
  const relay = parseRelayhost(relayhost);
  const stored = passwordMapCredential(postfix.passwordMap?.content ?? '', relayhost);
  // The command found both before it planned (remove-account.ts: examine).
  if (!relay || !stored) throw new Error('remove --account plans only for a relay whose map holds its account');
  const mapPath = passwordMapPath(postfix);
  const entry = { account: stored.account, password: stored.password, relay };
  const rest = [...remaining];
  const type = postfix.defaultMapType;
  const senders = planSenderRelay(postfix, rest, relayhost, templates.sender_relay);
  const passwordMap = mapFile(postfix, {
    type,
    path: mapPath,
    content: renderPasswordMap(templates.sasl_passwd, postfix, entry, rest),
    mode: 0o600,
    secret: true,
    shown: renderPasswordMap(templates.sasl_passwd, postfix, entry, rest, '********'),
    now: postfix.passwordMap,
    named: true,
  });
  // The wizard's generic map rewrote the account's local senders to it: they go back to the default account.
  const generic = isOwnGenericMap(local.settings.smtp_generic_maps, local)
    ? renderGenericMap(templates.generic, local, stored.account, type, rest)
    : undefined;
  return shownPlan(
    postfix.configDir,
    undefined,
    {
      settings: settingChanges(postfix, senders.settings),
      removeSettings: senders.removeSettings,
      touches: [`${postfix.configDir.replace(/\/+$/, '')}/main.cf`],
      secretFiles: secretPaths([{ type, path: mapPath }]),
    },
    passwordMap,
    { files: senders.files, deletes: senders.deletes, commands: senders.commands, touches: senders.touches },
    generic !== undefined && generic !== local.generic.content
      ? mapFile(postfix, { type, path: local.generic.path, content: generic, mode: 0o644, now: local.generic })
      : undefined,
  );
}
