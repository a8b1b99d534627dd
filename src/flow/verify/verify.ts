// verify: hand a test message to the local Postfix over SMTP (as the classic
// recipe did with telnet), take the queue id from "250 … queued as ID", and
// follow that id until the relay accepts it, or the reason it did not is known.
import { randomBytes } from 'node:crypto';
import { diagnose, diagnoseDelivery } from '../../gmail/diagnose.js';
import { clientNotesFor, deliveryEventsFor, queueIdFromResponse, type DeliveryEvent } from '../../postfix/log.js';
import { oauthSessionFor } from '../../postfix/xoauth2-log.js';
import { readQueue, type QueueEntry } from '../../postfix/queue.js';
import { believedVerdict, hasFinalClaim } from '../../postfix/verdict.js';
import type { System } from '../../system/types.js';
import { WizardError } from '../../errors.js';
import { t } from '../../ui/messages.js';
import type { Context } from '../context.js';
import { logCursor, postfixUids, readDeliveryLog, verifiedPids } from '../../postfix/delivery-log.js';
import type { TestResult } from '../../outcome.js';
import type { PostfixFacts } from '../types.js';
import type { Progress } from '../../ui/ui.js';

// The log is read often (cheap, and it has the verdict first); the queue
// (a postqueue process) every few rounds for its state and delay reason, and whenever a line
// claims a final verdict, which counts only once the queue agrees (postfix/verdict.ts).
const pollMs = 50;
const queueEvery = 6;

export async function sendTestMessage(
  ctx: Pick<Context, 'sys' | 'ui' | 'options'>,
  postfix: PostfixFacts,
  from: string,
  to: string,
): Promise<TestResult> {
  const { sys } = ctx;
  const listener = postfix.listener;
  if (!listener) throw new WizardError('no-smtpd-listener', t('verify.noListener'), t('verify.noListenerFix'));
  const cursor = await logCursor(sys, postfix);
  const uids = await postfixUids(sys, postfix);
  const progress = ctx.ui.progress(t('verify.submitting', { host: listener.host, port: listener.port }));
  let response: string;
  try {
    const hostname = postfix.settings.myhostname || 'localhost';
    ({ response } = await sys.submitLocal({
      host: listener.host,
      port: listener.port,
      from,
      to,
      subject: t('verify.subject', { host: hostname }),
      text: t('verify.body', { host: hostname, time: sys.now().toISOString() }),
      messageId: `<pgw-${randomBytes(8).toString('hex')}@${hostname}>`,
    }));
  } catch (error) {
    progress.stop(t('verify.submitFailed'), 'failed');
    const e = error as { response?: string; message?: string };
    throw new WizardError(
      'submit-failed',
      t('verify.submitFailedDetail', {
        host: listener.host,
        port: listener.port,
        reason: e.response ?? e.message ?? '',
      }),
      t('verify.submitFailedFix'),
    );
  }
  const queueId = queueIdFromResponse(response);
  if (!queueId) {
    progress.stop(t('verify.noQueueId', { response }), 'failed');
    return { to, status: 'unknown', reply: response };
  }
  progress.update(t('verify.queued', { id: queueId }));
  // Ctrl-C (or an SSH hangup) while it waits ends the wait, not the run at once: the configuration is in
  // place and the message stays queued, which the run's ending says (exit 3), not "nothing changed" (130).
  const signals = sys.holdSignals();
  try {
    return await follow(ctx, postfix, { progress, queueId, to, cursor, uids, stopped: signals.interrupted });
  } finally {
    signals.release();
  }
}

async function follow(
  ctx: Pick<Context, 'sys' | 'options'>,
  postfix: PostfixFacts,
  run: {
    progress: Progress;
    queueId: string;
    to: string;
    cursor: Awaited<ReturnType<typeof logCursor>>;
    uids: Awaited<ReturnType<typeof postfixUids>>;
    stopped: () => string | undefined;
  },
): Promise<TestResult> {
  const { sys } = ctx;
  const { progress, queueId, to, cursor, uids } = run;
  const deadline = sys.now().getTime() + ctx.options.waitSeconds * 1000;
  for (let round = 0; sys.now().getTime() < deadline; round++) {
    if (run.stopped()) {
      progress.stop(t('verify.stopped', { id: queueId }), 'failed');
      return { to, queueId, status: 'queued' };
    }
    const logText = await readDeliveryLog(sys, postfix, cursor, uids);
    const events = deliveryEventsFor(logText, queueId);
    // A final line is only a claim until the queue agrees (postfix/verdict.ts): ask it now.
    const claim = hasFinalClaim(events);
    const entry =
      claim || round % queueEvery === queueEvery - 1 || postfix.log.kind === 'none'
        ? await queueEntry(sys, postfix, queueId)
        : undefined;
    const final =
      claim && entry && !entry.queued
        ? believedVerdict(events, false, await verifiedPids(sys, events, uids))
        : undefined;
    const deferred = events.find((e) => e.status === 'deferred');
    const verdict = final ?? (claim ? undefined : deferred);
    if (verdict) {
      progress.stop(
        verdict.status === 'sent'
          ? t('verify.sent', { id: queueId })
          : t('verify.notSent', { id: queueId, status: verdict.status }),
        verdict.status === 'sent' ? 'ok' : 'failed',
      );
      // The plugin's summary the same smtp process logged for this message (a refused ::1 may be the reason).
      const notes = [...oauthSessionFor(logText, queueId).notes, ...clientNotesFor(logText, queueId, to)];
      return resultFromEvent(to, queueId, verdict, notes);
    }
    // No log to read (log kind none): a message gone from the queue is all there is to know.
    if (postfix.log.kind === 'none' && entry && !entry.queued) {
      progress.stop(t('verify.leftQueue', { id: queueId }), 'failed');
      return { to, queueId, status: 'unknown' };
    }
    const reason = entry?.entry?.recipients.find((r) => r.delayReason)?.delayReason;
    if (entry?.entry && reason) {
      progress.stop(t('verify.notSent', { id: queueId, status: 'deferred' }), 'failed');
      return { to, queueId, status: 'deferred', reply: reason, diagnosis: diagnose(reason).code };
    }
    if (entry) progress.update(t('verify.waiting', { id: queueId, queue: entry.entry?.queueName ?? '—' }));
    await sys.sleep(claim ? pollMs * queueEvery : pollMs);
  }
  progress.stop(t('verify.timedOut', { id: queueId, seconds: ctx.options.waitSeconds }), 'failed');
  return { to, queueId, status: 'queued' };
}

function resultFromEvent(to: string, queueId: string, event: DeliveryEvent, notes: string[]): TestResult {
  return {
    to,
    queueId,
    status: event.status,
    dsn: event.dsn,
    relay: event.relay,
    reply: event.reply,
    diagnosis: diagnoseDelivery(event, notes)?.code,
  };
}

/** The message's queue entry; `queued` stays true when the queue could not be read (nothing is believed then). */
async function queueEntry(
  sys: System,
  postfix: PostfixFacts,
  queueId: string,
): Promise<{ queued: boolean; entry?: QueueEntry }> {
  const queue = await readQueue(sys, postfix);
  if (!queue) return { queued: true };
  const entry = queue.find((e) => e.queueId === queueId);
  return { queued: entry !== undefined, entry };
}
