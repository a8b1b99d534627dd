// Before anything is planned: install what the relay cannot work without (flow/plan/install-plan.ts)
// — only with consent or --install. The install is a transaction (transaction/transaction.ts): the
// lock, package.use backed up and written, each command a journaled step; a failed command rolls
// package.use back. Long installs run under a spinner showing the latest output line; the whole
// output goes to a log file, whose tail a failure shows.
import { WizardError } from '../../errors.js';
import type { InstallCommand } from '../../distro/family.js';
import { packageUsePath } from '../../distro/gentoo.js';
import { postfixServiceCommand } from '../../distro/init.js';
import { reloadCommand } from '../../postfix/service.js';
import { backupId } from '../../transaction/backup.js';
import { runTransaction, TransactionError } from '../../transaction/transaction.js';
import { t } from '../../ui/messages.js';
import { failureText } from '../../ui/error-text.js';
import { CommandFailed } from '../../transaction/run-step.js';
import type { Context } from '../context.js';
import { planInstall, type InstallPlan } from '../plan/install-plan.js';
import { detect } from './detect.js';
import { dpkgRepairCommand, dpkgState } from '../../distro/dpkg-state.js';
import { requireRoot } from './requirements.js';
import type { HostFacts } from '../types.js';

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
  for (const file of plan.newFiles) {
    lines.push('', t('install.newFile', { path: file.path }));
    lines.push(
      ...file.content
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
  ctx: Pick<Context, 'sys' | 'ui' | 'options' | 'argv' | 'warnings'>,
  facts: HostFacts,
): Promise<HostFacts> {
  const { ui, options } = ctx;
  // --auth oauth: the sasl-xoauth2 plugin is installed with the rest, where a package exists.
  const oauth = options.auth === 'oauth' && !facts.saslPlugins.xoauth2;
  const templates = oauth
    ? await ctx.sys.loadTemplates(['apt_experimental_source', 'apt_experimental_pin'])
    : undefined;
  const plan = planInstall(facts, templates);
  // Debian: an earlier apt-get or dpkg cut off midway. An install would fail on it (refused below,
  // before apt-get says it its own puzzling way); without one it is still said, with its fix.
  const dpkg = facts.distro.name === 'debian' ? await dpkgState(ctx.sys) : undefined;
  const warnDpkg = () => {
    if (!dpkg?.interrupted) return;
    const text = `${t('install.dpkgInterruptedWarn')} ${t('install.dpkgInterruptedFix', { repair: dpkgRepairCommand, audit: dpkg.audit.join('\n') })}`;
    ui.warn(text);
    ctx.warnings.push(text);
  };
  if (!plan) {
    warnDpkg();
    return facts;
  }
  ui.note(describeInstall(plan), t('install.title'));
  if (options.dryRun) {
    warnDpkg();
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
  if (dpkg?.interrupted)
    throw new WizardError(
      'dpkg-interrupted',
      t('install.dpkgInterrupted'),
      t('install.dpkgInterruptedFix', { repair: dpkgRepairCommand, audit: dpkg.audit.join('\n') }),
    );
  await runInstall(ctx, plan, facts.distro.name === 'debian');
  const after = await detect(ctx.sys, options.configDir);
  await restartAfterInstall(ctx, plan, after);
  return after;
}

async function runInstall(
  ctx: Pick<Context, 'sys' | 'ui' | 'options'>,
  install: InstallPlan,
  dpkg: boolean,
): Promise<void> {
  const { sys, ui, options } = ctx;
  // One clock stamp for every file the wizard names by time (backups, journals, logs).
  const stamp = backupId(sys.now());
  const logPath = `${options.stateDir.replace(/\/+$/, '')}/logs/install-${stamp}.log`;
  ui.info(t('install.log', { path: logPath }));
  const edit = install.packageUse;
  if (edit && edit.path !== packageUsePath) await sys.mkdirp(packageUsePath, 0o755);
  // The transaction says which step begins; the commands are the plan's installs, in order.
  let running: { file: string; line: string; progress: ReturnType<typeof ui.progress> } | undefined;
  let started = 0;
  let shownAt = -Infinity;
  const done = () => running?.progress.stop(t('install.done', { command: running.line }));
  try {
    const { backup } = await runTransaction(sys, undefined, install.plan, {
      backupDir: options.backupDir,
      stateDir: options.stateDir,
      reason: 'install',
      startIfStopped: false,
      installLog: logPath,
      onStep: (step) => {
        if (step.code !== 'install') return;
        done();
        const command = install.commands[started++]!;
        const line = commandLine(command);
        running = { file: command.file, line, progress: ui.progress(t('install.running', { command: line })) };
        shownAt = -Infinity;
      },
      onInstallOutput: (text) => {
        const now = sys.now().getTime();
        if (!running || !text.trim() || now - shownAt < 250) return; // a few updates a second are plenty
        shownAt = now;
        running.progress.update(`${running.file}: ${text.trim().slice(0, 100)}`);
      },
    });
    done();
    // Backed up like every other file the wizard changes: `restore` can undo it.
    if (edit) ui.info(t('install.backedUp', { path: edit.path, id: backup.id }));
  } catch (error) {
    throw await installFailure(ctx, install, error, running, logPath, dpkg);
  }
}

/** The error a failed install ends the run with: the command and its exit code, the log's tail as the fix. */
async function installFailure(
  ctx: Pick<Context, 'sys' | 'ui' | 'options'>,
  install: InstallPlan,
  error: unknown,
  running: { line: string; progress: { stop: (text: string, state: 'failed') => void } } | undefined,
  logPath: string,
  dpkg: boolean,
): Promise<unknown> {
  const failed = (text: string) => (running ? running.progress.stop(text, 'failed') : ctx.ui.error(text));
  if (!(error instanceof TransactionError)) {
    failed(t('apply.failed'));
    return error;
  }
  if (error.code === 'backup-failed') {
    failed(t('apply.failed'));
    return new WizardError(
      'backup-failed',
      t('apply.backupFailed', { dir: ctx.options.backupDir, reason: failureText(error.failure) }),
      t('apply.backupFailedFix'),
    );
  }
  const command = running?.line ?? error.step?.target ?? '';
  const code = error.failure instanceof CommandFailed ? error.failure.exitCode : failureText(error.failure);
  failed(t('install.failed', { command, code }));
  if (error.rollback?.restoreError === undefined)
    for (const file of [...(install.packageUse ? [install.packageUse] : []), ...install.newFiles])
      ctx.ui.info(t('install.reverted', { path: file.path }));
  const tail = ((await ctx.sys.readFile(logPath)) ?? '').trimEnd().split('\n').slice(-15).join('\n');
  // apt-get or dpkg killed midway: apt's own next words would be a puzzle ("dpkg was interrupted"); say
  // what happened and the one command that finishes dpkg's work.
  const state = dpkg ? await dpkgState(ctx.sys) : undefined;
  if (state?.interrupted)
    return new WizardError(
      'dpkg-interrupted',
      t('install.dpkgCut', {
        command,
        code,
        path: logPath,
        undone: error.rollback?.restoreError === undefined ? t('install.dpkgCutUndone') : '',
      }).trimEnd(),
      t('install.dpkgInterruptedFix', { repair: dpkgRepairCommand, audit: state.audit.join('\n') }),
    );
  return new WizardError(
    'install-failed',
    t('install.failed', { command, code }),
    t('install.failedFix', { path: logPath, tail }),
  );
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
