// Showing the plan and asking for it. A person at a terminal sees the plan on
// one screen (ui/plan-summary.ts) and chooses Apply / Show the full diff /
// Cancel; --yes, --dry-run and headless runs print the full diff, as a log should.
import { CancelledError } from '../../errors.js';
import { t } from '../../ui/messages.js';
import { renderSummary } from '../../ui/plan-summary.js';
import { renderPlan } from '../../ui/plan-view.js';
import type { Context } from '../context.js';
import type { Answers } from '../types.js';
import type { ShownPlan } from './plan-part.js';

type Ctx = Pick<Context, 'ui' | 'options'>;

const asking = (ctx: Ctx) => ctx.ui.interactive && !ctx.options.yes && !ctx.options.dryRun;

export function showPlan(ctx: Ctx, plan: ShownPlan, answers: Answers): void {
  if (!asking(ctx)) {
    ctx.ui.note(renderPlan(plan), t('plan.title'));
    return;
  }
  ctx.ui.note(renderSummary(plan, { testTo: ctx.options.test ? answers.to : undefined }), t('plan.title'));
}

/** Resolves when the plan may be applied; throws CancelledError when the person says no. */
export async function confirmPlan(ctx: Ctx, plan: ShownPlan, answers: Answers): Promise<void> {
  if (!asking(ctx)) return;
  for (;;) {
    const choice = await ctx.ui.select<'apply' | 'diff' | 'cancel'>({
      message: t('ask.confirm'),
      options: [
        { value: 'apply', label: t('tui.apply') },
        { value: 'diff', label: t('tui.showDiff') },
        { value: 'cancel', label: t('tui.cancel') },
      ],
      initialValue: 'apply',
    });
    if (choice === 'apply') return;
    if (choice === 'cancel') throw new CancelledError(t('cancelled'));
    ctx.ui.note(renderPlan(plan), t('tui.diffTitle'));
    // The summary again, so the question never stands under the tail of a long diff alone.
    showPlan(ctx, plan, answers);
  }
}
