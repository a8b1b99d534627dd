// The tail every writer but setup shares (remove, remove --account, restore, doctor --fix): the plan
// shown, --dry-run stops there, the person (or --yes) agrees, the transaction applies it, and the
// run records what changed (appliedOutcome turns that into the --json fields). Setup shows and asks in its own way (confirm-plan.ts), and reports
// what it changed with the same `changedBy`.
import type { CommandOutcome, Outcome } from '../../outcome.js';
import type { TransactionResult } from '../../transaction/transaction.js';
import type { Plan } from '../../transaction/plan.js';
import type { ShownPlan } from '../plan/plan-part.js';
import type { MessageKey } from '../../ui/messages.js';
import { renderPlan } from '../../ui/plan-view.js';
import { confirmOrYes } from '../ask/confirm.js';
import type { Context } from '../context.js';
import type { PostfixFacts } from '../types.js';
import { apply } from './apply.js';

export interface ApplyRequest {
  /** The title over the plan. */
  title: string;
  /** Said under the plan, before the question (remove --account: whose senders go where). */
  explain?: string;
  /** Shown instead of a plan with nothing to list (doctor: only a start of Postfix). */
  whenEmpty?: string;
  /** The yes/no question, and its answer when the person just presses Enter. */
  question: MessageKey;
  initialValue: boolean;
  /** Names the backup (apply.ts). */
  reason: string;
  startIfStopped?: boolean;
}

/** The plan only shown (--dry-run), or applied: the transaction's backup and what the plan changed. */
export type Applied = { dryRun: true } | { dryRun: false; backupId: string; changed: Outcome['changed'] };

export async function showConfirmApply(
  ctx: Pick<Context, 'sys' | 'ui' | 'options'>,
  postfix: PostfixFacts,
  plan: ShownPlan,
  request: ApplyRequest,
): Promise<Applied> {
  const { ui, options } = ctx;
  ui.note(renderPlan(plan) || (request.whenEmpty ?? ''), request.title);
  if (request.explain !== undefined) ui.info(request.explain);
  if (options.dryRun) return { dryRun: true };
  await confirmOrYes(ctx, request.question, request.initialValue);
  const done: TransactionResult = await apply(ctx, postfix, plan, request.reason, request.startIfStopped);
  return { dryRun: false, backupId: done.backup.id, changed: changedBy(plan) };
}

/** The --json fields of a plan shown or applied; `result`: the command's word once applied (none: it decides later). */
export function appliedOutcome(applied: Applied | undefined, result?: Outcome['result']): CommandOutcome {
  if (!applied) return {};
  if (applied.dryRun) return { result: 'dry-run' };
  return { ...(result ? { result } : {}), backupId: applied.backupId, changed: applied.changed };
}

/**
 * outcome.changed, from the plan alone: every main.cf and master.cf setting it sets or takes out,
 * every file it writes, deletes or makes root-only, and every command it runs (postconf included, in the transaction's order).
 */
export function changedBy(plan: Plan): Outcome['changed'] {
  const masterSettings = plan.masterSettings ?? [];
  const masterRemovals = plan.masterRemovals ?? [];
  return {
    settings: unique([
      ...plan.removeSettings,
      ...plan.settings.map((s) => s.name),
      ...masterSettings.map((m) => m.slice(0, m.indexOf('='))),
      ...masterRemovals,
    ]),
    files: unique([...plan.files.map((f) => f.path), ...plan.deletes, ...(plan.secretFixes ?? []).map((f) => f.path)]),
    commands: [
      ...plan.commands.map((c) => c.file),
      ...(plan.settings.length > 0 ? ['postconf -e'] : []),
      ...(plan.removeSettings.length > 0 ? ['postconf -X'] : []),
      ...(masterRemovals.length > 0 ? ['postconf -PX'] : []),
      ...(masterSettings.length > 0 ? ['postconf -P'] : []),
    ],
  };
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}
