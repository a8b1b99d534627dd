// "Go ahead?" — answered by --yes, by the person at the terminal, or, with
// neither, refused with the flag that would have answered it (exit 2).
import { CancelledError, UsageError } from '../../errors.js';
import { t, type MessageKey } from '../../ui/messages.js';
import type { Context } from '../context.js';

export async function confirmOrYes(
  ctx: Pick<Context, 'ui' | 'options'>,
  question: MessageKey,
  initialValue: boolean,
  whenHeadless?: UsageError,
): Promise<void> {
  if (ctx.options.yes) return;
  if (!ctx.ui.interactive)
    throw whenHeadless ?? new UsageError('missing-answers', t('ask.missing', { flags: '--yes' }), t('ask.missingFix'));
  if (!(await ctx.ui.confirm({ message: t(question), initialValue }))) throw new CancelledError(t('cancelled'));
}
