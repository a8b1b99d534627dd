// Check and reload Postfix after files were changed outside a plan
// (restore, remove): the same commands apply uses.
import { WizardError } from '../errors.js';
import { checkCommand, reloadCommand } from '../postfix/service.js';
import { t } from '../ui/messages.js';
import type { Context } from './context.js';
import type { PostfixFacts } from './types.js';

export async function checkAndReload(ctx: Pick<Context, 'sys'>, postfix: PostfixFacts): Promise<void> {
  for (const command of [checkCommand(postfix), ...(postfix.running ? [reloadCommand(postfix, true)] : [])]) {
    const result = await ctx.sys.exec(command.file, command.args);
    if (result.exitCode !== 0) {
      throw new WizardError('reload-failed', t('service.failed', { command: [command.file, ...command.args].join(' '), reason: (result.stderr || result.stdout).trim() }), t('service.failedFix'));
    }
  }
}
