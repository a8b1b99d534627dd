// `remove`: take the relay configuration out again — the settings the wizard
// owns and its password map — after a backup; the rest of main.cf stays.
import { CancelledError, ExitCode, UsageError, type ExitCodeValue } from '../errors.js';
import { compiledMapPaths } from '../postfix/maps.js';
import { postconfRemoveArgs } from '../postfix/postconf.js';
import { t } from '../ui/messages.js';
import { createBackup } from './backup.js';
import type { Context } from './context.js';
import { detect } from './detect.js';
import { passwordMapPath } from './plan.js';
import { requirePostfix, requireRoot } from './requirements.js';
import { checkAndReload } from './service-step.js';

/** The main.cf parameters the wizard sets and remove takes out. */
export const ownedSettings = [
  'relayhost', 'smtp_sasl_auth_enable', 'smtp_sasl_password_maps', 'smtp_sasl_security_options',
  'smtp_sasl_tls_security_options', 'smtp_tls_security_level', 'smtp_tls_CAfile', 'smtp_tls_wrappermode',
];

export async function runRemove(ctx: Context): Promise<ExitCodeValue> {
  const { sys, ui, options, outcome } = ctx;
  const facts = await detect(sys, options.configDir);
  const postfix = requirePostfix(facts);
  requireRoot(facts, ctx.argv);
  const explicit = (await sys.exec('postconf', [...(postfix.isDefaultInstance ? [] : ['-c', postfix.configDir]), '-n', ...ownedSettings])).stdout;
  const settings = ownedSettings.filter((name) => new RegExp(`^${name} =`, 'm').test(explicit));
  const mapPath = passwordMapPath(postfix);
  const mapFiles = [mapPath, ...compiledMapPaths(postfix.passwordMap?.type ?? postfix.defaultMapType, mapPath)];
  const present = (await Promise.all(mapFiles.map(async (p) => ((await sys.fileInfo(p)) ? p : undefined)))).filter((p): p is string => !!p);
  if (settings.length === 0 && present.length === 0) {
    ui.success(t('remove.nothing'));
    outcome.result = 'unchanged';
    return ExitCode.ok;
  }
  ui.note([...settings.map((s) => `- ${s}`), ...present.map((p) => `- ${p}`)].join('\n'), t('remove.title'));
  if (!options.yes) {
    if (!ui.interactive) throw new UsageError('missing-answers', t('ask.missing', { flags: '--yes' }), t('ask.missingFix'));
    if (!(await ui.confirm({ message: t('remove.confirm'), initialValue: false }))) throw new CancelledError(t('cancelled'));
  }
  const backup = await createBackup(sys, options.backupDir, [`${postfix.configDir}/main.cf`, ...present], 'remove');
  if (settings.length > 0) {
    const result = await sys.exec('postconf', postconfRemoveArgs(postfix.isDefaultInstance ? undefined : postfix.configDir, settings));
    if (result.exitCode !== 0) throw new Error(`postconf -X failed: ${result.stderr.trim()}`);
  }
  for (const path of present) await sys.removeFile(path);
  await checkAndReload(ctx, postfix);
  outcome.result = 'removed';
  outcome.backupId = backup.id;
  outcome.changed = { settings, files: present, commands: ['postconf -X'] };
  ui.success(t('remove.done', { id: backup.id }));
  return ExitCode.ok;
}
