// Before anything is planned: install what the relay cannot work without —
// Postfix, the SASL PLAIN/LOGIN plugins, a map type's plugin, or (Gentoo) a
// Postfix rebuilt with USE="sasl ssl" — only with consent or --install. Long
// installs run under a spinner showing the latest output line; the whole
// output goes to a log file. A failed install stops the wizard with the log's
// tail, and undoes the one file it may have written (package.use).
import { WizardError } from '../../errors.js';
import type { InstallCommand } from '../../distro/family.js';
import { emergePostfix, missingUseFlags, packageUseEdit, packageUsePath } from '../../distro/gentoo.js';
import { postfixServiceCommand } from '../../distro/init.js';
import { reloadCommand } from '../../postfix/service.js';
import { t } from '../../ui/messages.js';
import type { Context } from '../context.js';
import { backupId, createBackup } from '../../transaction/backup.js';
import { detect } from './detect.js';
import { requireRoot } from './requirements.js';
import type { HostFacts } from '../types.js';

export interface InstallPlan {
  /** Why, in the user's words, one line each. */
  reasons: string[];
  /** Gentoo: the package.use file to write (whole new content) before emerge. */
  packageUse?: { path: string; content: string; previous?: string };
  commands: InstallCommand[];
  /** Postfix itself is new: start it afterwards through the init system. */
  installsPostfix: boolean;
}

/** What must be installed for the relay to work here; undefined when nothing (or nothing the wizard knows how to). */
export function planInstall(facts: HostFacts): InstallPlan | undefined {
  const family = facts.distro;
  if (!family.install) return undefined; // macOS, unknown systems: requirements name the manual steps
  const reasons: string[] = [];
  const packages: string[] = [];
  let packageUse: InstallPlan['packageUse'];
  let rebuild: InstallCommand | undefined;
  if (facts.gentoo) {
    const missing = missingUseFlags(facts.gentoo);
    if (missing.length > 0) {
      reasons.push(
        facts.gentoo.installed ? t('install.why.useFlags', { flags: missing.join(' ') }) : t('install.why.gentooNew'),
      );
      packageUse = packageUseEdit(facts.gentoo, t('install.packageUseComment'));
      rebuild = emergePostfix(Boolean(facts.gentoo.installed));
    }
  } else if (!facts.postfix) {
    reasons.push(t('install.why.postfix'));
    packages.push(family.postfixPackage);
  }
  // On Gentoo, postfix[sasl] pulls in cyrus-sasl with every mechanism.
  if (!facts.saslPlugins.plain && !facts.saslPlugins.login && family.saslPackages.length > 0 && !rebuild) {
    reasons.push(t('install.why.sasl'));
    packages.push(...family.saslPackages);
  }
  const mapType = facts.postfix?.defaultMapType;
  const mapPackage = mapType ? family.mapTypePackages?.[mapType] : undefined;
  if (mapType && mapPackage && !facts.postfix?.mapTypes.includes(mapType)) {
    reasons.push(t('install.why.mapType', { type: mapType, package: mapPackage }));
    packages.push(mapPackage);
  }
  if (packages.length === 0 && !rebuild) return undefined;
  const commands = packages.length > 0 ? [...(family.beforeInstall?.(packages) ?? []), family.install(packages)] : [];
  if (rebuild) commands.push(rebuild);
  return { reasons, packageUse, commands, installsPostfix: !facts.postfix };
}

export function describeInstall(plan: InstallPlan): string {
  const lines = plan.reasons.map((r) => `• ${r}`);
  if (plan.packageUse) {
    lines.push(
      '',
      t(plan.packageUse.previous === undefined ? 'install.newFile' : 'install.appendFile', {
        path: plan.packageUse.path,
      }),
    );
    lines.push(
      ...plan.packageUse.content
        .slice(plan.packageUse.previous?.length ?? 0)
        .trimEnd()
        .split('\n')
        .map((l) => `+ ${l}`),
    );
  }
  lines.push('', t('install.commands'), ...plan.commands.map((c) => `  ${commandLine(c)}`));
  return lines.join('\n');
}

/** Offer the install (or do it, with --install); returns the facts as they are afterwards. */
export async function offerInstall(
  ctx: Pick<Context, 'sys' | 'ui' | 'options' | 'argv'>,
  facts: HostFacts,
): Promise<HostFacts> {
  const { ui, options } = ctx;
  const plan = planInstall(facts);
  if (!plan) return facts;
  ui.note(describeInstall(plan), t('install.title'));
  if (options.dryRun) {
    ui.info(t('install.dryRun'));
    return facts;
  }
  if (
    !options.install &&
    !(ui.interactive && (await ui.confirm({ message: t('install.confirm'), initialValue: true })))
  ) {
    ui.info(t('install.notDone'));
    return facts;
  }
  requireRoot(facts, ctx.argv);
  await runInstall(ctx, plan);
  const after = await detect(ctx.sys, options.configDir);
  await restartAfterInstall(ctx, plan, after);
  return after;
}

async function runInstall(ctx: Pick<Context, 'sys' | 'ui' | 'options'>, plan: InstallPlan): Promise<void> {
  const { sys, ui } = ctx;
  // One clock stamp for every file the wizard names by time (backups, journals, logs).
  const stamp = backupId(sys.now());
  const logPath = `${ctx.options.stateDir.replace(/\/+$/, '')}/logs/install-${stamp}.log`;
  ui.info(t('install.log', { path: logPath }));
  const edit = plan.packageUse;
  if (edit) {
    // Backed up like every other file the wizard changes: `restore` can undo it.
    const backup = await createBackup(sys, ctx.options.backupDir, [edit.path], 'install');
    ui.info(t('install.backedUp', { path: edit.path, id: backup.id }));
    if (edit.path !== packageUsePath) await sys.mkdirp(packageUsePath, 0o755);
    await sys.writeFileAtomic(edit.path, edit.content, { mode: 0o644 });
  }
  for (const command of plan.commands) {
    const line = commandLine(command);
    const progress = ui.progress(t('install.running', { command: line }));
    let shownAt = -Infinity;
    const result = await sys.execLogged(command.file, command.args, {
      env: command.env,
      input: command.input,
      logPath,
      onLine: (text) => {
        const now = sys.now().getTime();
        if (!text.trim() || now - shownAt < 250) return; // a few updates a second are plenty
        shownAt = now;
        progress.update(`${command.file}: ${text.trim().slice(0, 100)}`);
      },
    });
    if (result.exitCode === 0) {
      progress.stop(t('install.done', { command: line }));
      continue;
    }
    progress.stop(t('install.failed', { command: line, code: result.exitCode }), 'failed');
    if (edit) {
      if (edit.previous === undefined) await sys.removeFile(edit.path);
      else await sys.writeFileAtomic(edit.path, edit.previous, { mode: 0o644 });
      ui.info(t('install.reverted', { path: edit.path }));
    }
    const tail = ((await sys.readFile(logPath)) ?? '').trimEnd().split('\n').slice(-15).join('\n');
    throw new WizardError(
      'install-failed',
      t('install.failed', { command: line, code: result.exitCode }),
      t('install.failedFix', { path: logPath, tail }),
    );
  }
}

// A running Postfix's smtp processes keep the SASL mechanism list they
// started with: reload after plugins (or a rebuilt Postfix) arrive. A Postfix
// that was just installed is started the distribution's way.
async function restartAfterInstall(
  ctx: Pick<Context, 'sys' | 'ui'>,
  plan: InstallPlan,
  facts: HostFacts,
): Promise<void> {
  const postfix = facts.postfix;
  if (!postfix || (plan.installsPostfix && postfix.running) || (!plan.installsPostfix && !postfix.running)) return;
  const verb = postfix.running ? 'reload' : 'start';
  const command = postfix.isDefaultInstance
    ? postfixServiceCommand(facts.init ?? 'none', verb)
    : reloadCommand(postfix, postfix.running);
  ctx.ui.step(t(verb === 'reload' ? 'install.reloading' : 'install.starting', { command: commandLine(command) }));
  const result = await ctx.sys.exec(command.file, command.args);
  if (result.exitCode === 0) postfix.running = true;
  else
    ctx.ui.warn(
      t('install.serviceFailed', { command: commandLine(command), reason: (result.stderr || result.stdout).trim() }),
    );
}

function commandLine(command: InstallCommand): string {
  const env = Object.entries(command.env ?? {})
    .map(([k, v]) => `${k}=${v} `)
    .join('');
  const input = command.input ? ` <<< '${command.input.trimEnd()}'` : '';
  return `${env}${[command.file, ...command.args].join(' ')}${input}`;
}
