// After the password map changed (a switch of account or a new password) and
// the relay accepted the new login, mail that waited in the deferred queue
// because the old login failed can go now: `postqueue -f` asks Postfix to try
// it at once instead of at its next retry (minutes to hours away), and the
// person is told how many of those messages went out.
import { deliveryEventsFor } from '../../postfix/log.js';
import { flushQueue, readQueue } from '../../postfix/queue.js';
import { t } from '../../ui/messages.js';
import type { Context } from '../context.js';
import { logCursor, postfixUids, readDeliveryLog } from '../../postfix/delivery-log.js';
import type { PostfixFacts } from '../types.js';
import type { Plan } from '../../transaction/plan.js';
import type { System } from '../../system/types.js';

const pollMs = 500;
const longestWaitSeconds = 60;
const logGraceMs = 5_000;

export interface FlushResult {
  /** Messages that were in the deferred queue. */
  deferred: number;
  /** Of those, how many the relay accepted (status=sent) while we watched. */
  sent: number;
}

export async function flushDeferred(
  ctx: Pick<Context, 'sys' | 'ui' | 'options'>,
  postfix: PostfixFacts,
  plan: Plan,
): Promise<FlushResult | undefined> {
  const { sys, ui } = ctx;
  if (ctx.options.dryRun || !plan.files.some((f) => f.secret)) return undefined;
  const ids = await deferredIds(sys, postfix);
  if (ids.length === 0) return undefined;
  const cursor = await logCursor(sys, postfix);
  const uids = await postfixUids(sys, postfix);
  const hasLog = postfix.log.kind !== 'none';
  const readLog = () => readDeliveryLog(sys, postfix, cursor, uids);
  const progress = ui.progress(t('flush.running', { count: ids.length }));
  const flush = await flushQueue(sys, postfix);
  if (!flush.ok) {
    progress.stop(t('flush.failed', { reason: flush.reason }), 'failed');
    return { deferred: ids.length, sent: 0 };
  }
  const flushedAt = sys.now().getTime();
  const deadline = sys.now().getTime() + Math.min(ctx.options.waitSeconds, longestWaitSeconds) * 1000;
  let sent: string[] = [];
  for (;;) {
    const logText = await readLog();
    const verdicts = new Map(ids.map((id) => [id, deliveryEventsFor(logText, id).at(-1)?.status]));
    const queued = new Set(await deferredIds(sys, postfix, true));
    // A "sent" line counts only for a message that left the queue (postfix/verdict.ts); without a
    // log to read, a message that left the queue is counted as gone out.
    sent = ids.filter((id) => !queued.has(id) && (verdicts.get(id) === 'sent' || !hasLog));
    // A message that left the queue has its verdict logged a moment later (postlogd); wait a little for it.
    const graceOver = sys.now().getTime() >= flushedAt + logGraceMs;
    const settled = ids.every((id) => verdicts.get(id) !== undefined || (!queued.has(id) && (!hasLog || graceOver)));
    if (settled || sys.now().getTime() >= deadline) break;
    progress.update(t('flush.waiting', { sent: sent.length, count: ids.length }));
    await sys.sleep(pollMs);
  }
  progress.stop(
    t('flush.done', { sent: sent.length, count: ids.length }),
    sent.length === ids.length ? 'ok' : 'failed',
  );
  if (sent.length < ids.length) ui.warn(t('flush.notAll', { left: ids.length - sent.length }));
  return { deferred: ids.length, sent: sent.length };
}

/** Queue ids in the deferred queue (with `anyQueue`, in any queue: still waiting somewhere). */
async function deferredIds(sys: Pick<System, 'exec'>, postfix: PostfixFacts, anyQueue = false): Promise<string[]> {
  const queue = await readQueue(sys, postfix).catch(() => undefined); // unreadable: nothing to flush or wait for
  return (queue ?? []).filter((e) => anyQueue || e.queueName === 'deferred').map((e) => e.queueId);
}
