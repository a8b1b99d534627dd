// apply: carry out a Plan as a transaction — back up, write atomically,
// one postconf batch, postmap, `postfix check`, reload; on any failure put
// the backup back and reload the old configuration (certbot's reverter).
import { WizardError } from '../errors.js';
import { compiledMapPaths, needsPostmap } from '../postfix/maps.js';
import { parseMapReference, postconfEditArgs } from '../postfix/postconf.js';
import { checkCommand, reloadCommand } from '../postfix/service.js';
import type { System } from '../system/types.js';
import { t } from '../ui/messages.js';
import { createBackup, restoreBackup, type Backup } from './backup.js';
import type { Context } from './context.js';
import type { Plan, PostfixFacts } from './types.js';

export interface ApplyResult {
  backup: Backup;
}

type Step = { name: string; run: () => Promise<void> };

export async function apply(ctx: Pick<Context, 'sys' | 'ui' | 'options'>, postfix: PostfixFacts, plan: Plan): Promise<ApplyResult> {
  const { sys } = ctx;
  const progress = ctx.ui.progress(t('apply.backup'));
  let backup: Backup;
  try {
    backup = await createBackup(sys, ctx.options.backupDir, plan.touches, 'setup');
  } catch (error) {
    progress.stop(t('apply.failed'), 'failed');
    throw new WizardError('backup-failed', t('apply.backupFailed', { dir: ctx.options.backupDir, reason: (error as Error).message }), t('apply.backupFailedFix'));
  }
  const steps: Step[] = [
    ...plan.files.map((file) => ({
      name: t('apply.step.write', { path: file.path }),
      run: () => sys.writeFileAtomic(file.path, file.content, { mode: file.mode, uid: 0, gid: 0 }),
    })),
    ...(plan.settings.length > 0
      ? [{ name: t('apply.step.postconf'), run: () => mustRun(sys, 'postconf', postconfEditArgs(postfix.isDefaultInstance ? undefined : postfix.configDir, Object.fromEntries(plan.settings.map((s) => [s.name, s.to])))) }]
      : []),
    ...plan.commands.map((command) => ({ name: `${command.file} ${command.args.join(' ')}`, run: () => mustRun(sys, command.file, command.args) })),
    { name: t('apply.step.mapModes'), run: () => tightenCompiledMaps(sys, plan) },
    { name: t('apply.step.check'), run: () => runService(sys, checkCommand(postfix)) },
    { name: t('apply.step.reload'), run: () => runService(sys, reloadCommand(postfix, postfix.running)) },
  ];
  for (const step of steps) {
    progress.update(step.name);
    try {
      await step.run();
    } catch (error) {
      progress.stop(t('apply.stepFailed', { step: step.name }), 'failed');
      await rollback(ctx, postfix, backup);
      throw new WizardError('apply-failed', t('apply.rolledBack', { step: step.name, reason: (error as Error).message }), t('apply.rolledBackFix', { dir: backup.dir }));
    }
  }
  progress.stop(t('apply.done'));
  return { backup };
}

async function rollback(ctx: Pick<Context, 'sys' | 'ui'>, postfix: PostfixFacts, backup: Backup): Promise<void> {
  try {
    await restoreBackup(ctx.sys, backup);
    if (postfix.running) await runService(ctx.sys, reloadCommand(postfix, true));
    ctx.ui.warn(t('apply.rollbackDone'));
  } catch (error) {
    ctx.ui.error(t('apply.rollbackFailed', { dir: backup.dir, reason: (error as Error).message }));
  }
}

async function mustRun(sys: System, file: string, args: string[]): Promise<void> {
  const result = await sys.exec(file, args);
  if (result.exitCode !== 0) {
    throw new Error(`${file} exited ${result.exitCode}: ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ')}`);
  }
}

function runService(sys: System, command: { file: string; args: string[] }): Promise<void> {
  return mustRun(sys, command.file, command.args);
}

// postmap gives the compiled map the source's mode, but a compiled map
// left from an earlier, careless setup may be wider: make sure.
async function tightenCompiledMaps(sys: System, plan: Plan): Promise<void> {
  for (const file of plan.files.filter((f) => f.secret)) {
    for (const command of plan.commands) {
      const ref = parseMapReference(command.args[command.args.length - 1] ?? '');
      if (!ref || ref.path !== file.path || !needsPostmap(ref.type)) continue;
      for (const compiled of compiledMapPaths(ref.type, ref.path)) {
        const info = await sys.fileInfo(compiled);
        if (info && (info.mode & 0o077) !== 0) await sys.chmod(compiled, 0o600);
      }
    }
  }
}
