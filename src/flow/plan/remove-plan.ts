// remove's plan (commands/remove.ts shows, confirms and applies it).
import { ownHardening } from '../../postfix/hardening.js';
import { passwordMapFiles } from '../../postfix/wizard-files.js';
import type { TemplateName } from '../../system/templates.js';
import type { PostfixFacts, RemoveFacts } from '../types.js';
import { senderRelayRemoval } from './accounts-plan.js';
import { optionRemoval, parseSaved } from './options-plan.js';
import { passwordMapPath, settingChanges } from './plan.js';
import { planPutBack, type PutBackSkip } from './putback.js';
import { oauthRemovalPiece } from './oauth-removal.js';
import { type ShownPlan, shownPlan } from './plan-part.js';

/** The main.cf parameters the wizard sets and remove takes out. */
export const ownedSettings = [
  'relayhost',
  'smtp_sasl_auth_enable',
  'smtp_sasl_password_maps',
  'smtp_sasl_tls_security_options',
  'smtp_tls_security_level',
  'smtp_tls_CAfile',
  'smtp_tls_wrappermode',
];

/**
 * What remove changes: the settings the wizard owns and its password map taken out, the relay options'
 * values put back (options-plan.ts), the master.cf `-o` values and table entries its TLS fixes took out
 * put back (putback.ts), the sender-dependent accounts' map and settings gone; `skipped`: a person's
 * edits since, which stay.
 */
export function removePlan(
  postfix: PostfixFacts,
  facts: RemoveFacts,
  templates: Record<TemplateName, string>,
): { plan: ShownPlan; mapFiles: string[]; skipped: PutBackSkip[] } {
  const { explicit, local, record } = facts;
  const extra = optionRemoval(postfix, local, templates);
  const back = planPutBack(postfix, record, facts.putBack);
  // Values the wizard recorded before changing them go back (options-plan.ts); a parameter it set
  // without such a record (a setup by an older version) is taken out, Postfix's default applies.
  // A recorded value that is still in place (a hand-made relay's own, equal to the wizard's) stays as it is.
  const putBack = new Set([
    ...Object.keys(extra.settings),
    ...extra.removeSettings,
    ...parseSaved(local.saved.content).keys(),
  ]);
  // smtp_sasl_security_options is no longer set; the value older versions wrote (noanonymous) goes, a person's own stays.
  const mapPath = passwordMapPath(postfix);
  // Only while the wizard's setup is in place (its record, or main.cf naming its map): a second
  // remove must not take out what the first one put back (a Debian smtp_tls_security_level = may).
  const configured =
    local.saved.content !== undefined ||
    (explicit.smtp_sasl_password_maps ?? '').split(/[\s,]+/).some((ref) => ref.endsWith(`:${mapPath}`));
  const oldSasl =
    configured && explicit.smtp_sasl_security_options === 'noanonymous' && !putBack.has('smtp_sasl_security_options')
      ? ['smtp_sasl_security_options']
      : [];
  const owned = configured ? ownedSettings.filter((name) => name in explicit && !putBack.has(name)) : [];
  // The sender-dependent accounts' settings and relay map go too (only where they name the wizard's map).
  const senders = senderRelayRemoval(postfix);
  const hardened = configured ? ownHardening(postfix, explicit).filter((name) => !putBack.has(name)) : [];
  const removeSettings = [...owned, ...hardened, ...oldSasl, ...extra.removeSettings, ...senders.removeSettings];
  const settings = settingChanges(postfix, extra.settings, { ...postfix.settings, ...local.settings });
  const mapFiles = passwordMapFiles(postfix);
  const mapDeletes = mapFiles.filter((path) => facts.existing.includes(path));
  const deletes = [...mapDeletes, ...senders.deletes, ...extra.deletes];
  const plan = shownPlan(
    postfix.configDir,
    undefined,
    {
      settings,
      removeSettings,
      files: extra.files,
      deletes,
      commands: extra.commands,
      touches: extra.touches,
      restart: extra.restart && postfix.running,
    },
    {
      files: back.files,
      commands: back.commands,
      touches: back.touches,
      ...(back.masterSettings.length > 0 ? { masterSettings: back.masterSettings } : {}),
    },
    facts.oauth && oauthRemovalPiece(facts.oauth, explicit),
  );
  return { plan, mapFiles, skipped: back.skipped };
}
