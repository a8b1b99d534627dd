// `remove`: take the relay configuration out again — the settings the wizard
// owns and its password map — as a transaction; the rest of main.cf stays.
import { CancelledError, ExitCode, UsageError, type ExitCodeValue } from '../errors.js';
import { compiledMapPaths } from '../postfix/maps.js';
import { readExplicitSettings } from '../postfix/postconf.js';
import { t } from '../ui/messages.js';
import { renderPlan } from '../ui/plan-view.js';
import { apply } from './apply.js';
import type { Context } from './context.js';
import { detect } from './detect.js';
import { passwordMapPath } from './plan.js';
import { requirePostfix, requireRoot } from './requirements.js';
import { planIsEmpty, type Plan } from './types.js';

/** The main.cf parameters the wizard sets and remove takes out. */
export const ownedSettings = [
  'relayhost', 'smtp_sasl_auth_enable', 'smtp_sasl_password_maps', 'smtp_sasl_security_options',
  'smtp_sasl_tls_security_options', 'smtp_tls_security_level', 'smtp_tls_CAfile', 'smtp_tls_wrappermode',
];

export async function runRemove(ctx: Context): Promise<ExitCodeValue> {
  const { sys, ui, options, outcome } = ctx;
  const facts = await detect(sys, options.configDir);
  const postfix = requirePostfix(facts);
  if (!options.dryRun) requireRoot(facts, ctx.argv);
  const explicit = await readExplicitSettings(sys, postfix.isDefaultInstance ? undefined : postfix.configDir);
  const removeSettings = ownedSettings.filter((name) => name in explicit);
  const mapPath = passwordMapPath(postfix);
  const mapFiles = [mapPath, ...compiledMapPaths(postfix.passwordMap?.type ?? postfix.defaultMapType, mapPath)];
  const deletes = (await Promise.all(mapFiles.map(async (p) => ((await sys.fileInfo(p)) ? p : undefined)))).filter((p): p is string => !!p);
  const mainCf = `${postfix.configDir.replace(/\/+$/, '')}/main.cf`;
  const plan: Plan = { configDir: postfix.configDir, settings: [], removeSettings, files: [], deletes, commands: [], touches: [mainCf, ...deletes] };
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
  if (!options.yes) {
    if (!ui.interactive) throw new UsageError('missing-answers', t('ask.missing', { flags: '--yes' }), t('ask.missingFix'));
    if (!(await ui.confirm({ message: t('remove.confirm'), initialValue: false }))) throw new CancelledError(t('cancelled'));
  }
  const { backup } = await apply(ctx, postfix, plan, 'remove');
  outcome.result = 'removed';
  outcome.backupId = backup.id;
  outcome.changed = { settings: removeSettings, files: deletes, commands: ['postconf -X'] };
  ui.success(t('remove.done', { id: backup.id }));
  return ExitCode.ok;
}
