// `remove`: take the relay configuration out again — the settings the wizard
// owns and its password map — as a transaction; the rest of main.cf stays.
// The relay options go too (options-plan.ts): the generic map, root's alias,
// and the main.cf values the wizard replaced (inet_interfaces, …) put back.
import { ExitCode, type ExitCodeValue } from '../errors.js';
import { compiledMapPaths } from '../postfix/maps.js';
import { readExplicitSettings } from '../postfix/postconf.js';
import { loadTemplates } from '../system/templates.js';
import { t } from '../ui/messages.js';
import { renderPlan } from '../ui/plan-view.js';
import { apply } from './apply.js';
import { confirmOrYes } from './confirm.js';
import type { Context } from './context.js';
import { detect } from './detect.js';
import { readLocalFacts } from './local-facts.js';
import { optionRemoval } from './options-plan.js';
import { offerPurge } from './purge.js';
import { passwordMapPath, settingChanges } from './plan.js';
import { requirePostfix, requireRoot } from './requirements.js';
import { removeAccount } from './remove-account.js';
import { senderRelayRemoval } from './accounts-plan.js';
import { planIsEmpty, type Plan } from './types.js';

/** The main.cf parameters the wizard sets and remove takes out. */
export const ownedSettings = [
  'relayhost', 'smtp_sasl_auth_enable', 'smtp_sasl_password_maps', 'smtp_sasl_tls_security_options', 'smtp_tls_security_level', 'smtp_tls_CAfile', 'smtp_tls_wrappermode',
];

export async function runRemove(ctx: Context): Promise<ExitCodeValue> {
  const { sys, ui, options, outcome } = ctx;
  if (options.account !== undefined) {
    const removed = await removeAccount(ctx, options.account);
    if (removed !== 'all') return removed;
  }
  const facts = await detect(sys, options.configDir);
  const postfix = requirePostfix(facts);
  if (!options.dryRun) requireRoot(facts, ctx.argv);
  const explicit = await readExplicitSettings(sys, postfix.isDefaultInstance ? undefined : postfix.configDir);
  const local = await readLocalFacts(sys, postfix);
  const extra = optionRemoval(postfix, local, await loadTemplates(['saved_settings']));
  // Values the wizard recorded before changing them go back (options-plan.ts); a parameter it set
  // without such a record (a setup by an older version) is taken out, Postfix's default applies.
  const putBack = new Set([...Object.keys(extra.settings), ...extra.removeSettings]);
  // smtp_sasl_security_options is no longer set; the value older versions wrote (noanonymous) goes, a person's own stays.
  const oldSasl = explicit.smtp_sasl_security_options === 'noanonymous' && !putBack.has('smtp_sasl_security_options') ? ['smtp_sasl_security_options'] : [];
  // The sender-dependent accounts' settings and relay map go too (only where they name the wizard's map).
  const senders = senderRelayRemoval(postfix);
  const removeSettings = [...ownedSettings.filter((name) => name in explicit && !putBack.has(name)), ...oldSasl, ...extra.removeSettings, ...senders.removeSettings];
  const settings = settingChanges(postfix, extra.settings, { ...postfix.settings, ...local.settings });
  const mapPath = passwordMapPath(postfix);
  const mapFiles = [mapPath, ...compiledMapPaths(postfix.passwordMap?.type ?? postfix.defaultMapType, mapPath)];
  const mapDeletes = (await Promise.all(mapFiles.map(async (p) => ((await sys.fileInfo(p)) ? p : undefined)))).filter((p): p is string => !!p);
  const deletes = [...mapDeletes, ...senders.deletes, ...extra.deletes];
  const mainCf = `${postfix.configDir.replace(/\/+$/, '')}/main.cf`;
  const plan: Plan = {
    configDir: postfix.configDir, settings, removeSettings, files: extra.files, deletes, commands: extra.commands,
    touches: [...new Set([mainCf, ...deletes, ...extra.touches])], ...(extra.restart && postfix.running ? { restart: true } : {}),
  };
  if (planIsEmpty(plan)) {
    ui.success(t('remove.nothing'));
    outcome.result = 'unchanged';
    return ExitCode.ok;
  }
  ui.note(renderPlan(plan), t('remove.title'));
  if (options.dryRun) {
    outcome.result = 'dry-run';
    return ExitCode.ok;
  }
  await confirmOrYes(ctx, 'remove.confirm', false);
  const { backup } = await apply(ctx, postfix, plan, 'remove');
  outcome.result = 'removed';
  outcome.backupId = backup.id;
  outcome.changed = {
    settings: [...removeSettings, ...settings.map((s) => s.name)],
    files: [...deletes, ...extra.files.map((f) => f.path)],
    commands: [...(removeSettings.length > 0 ? ['postconf -X'] : []), ...(settings.length > 0 ? ['postconf -e'] : []), ...extra.commands.map((c) => c.file)],
  };
  ui.success(t('remove.done', { id: backup.id }));
  await offerPurge(ctx, mapFiles);
  return ExitCode.ok;
}
