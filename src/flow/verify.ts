// verify: hand a test message to the local Postfix over SMTP (as the classic
// recipe did with telnet), take the queue id from "250 … queued as ID", and
// follow that id until the relay accepts it, or the reason it did not is known.
import { randomBytes } from 'node:crypto';
import { diagnose, diagnoseDelivery } from '../gmail/diagnose.js';
import { clientNotesFor, deliveryEventsFor, queueIdFromResponse, type DeliveryEvent } from '../postfix/log.js';
import { postconfArgs } from '../postfix/postconf.js';
import { parseQueueJson } from '../postfix/queue.js';
import type { System } from '../system/types.js';
import { WizardError } from '../errors.js';
import { t } from '../ui/messages.js';
import type { Context } from './context.js';
import type { TestResult } from './outcome.js';
import type { PostfixFacts } from './types.js';

// The log is read often (cheap, and it has the verdict first); the queue
// (a postqueue process) only every few rounds, for its state and delay reason.
const pollMs = 50;
const queueEvery = 6;

export async function sendTestMessage(ctx: Pick<Context, 'sys' | 'ui' | 'options'>, postfix: PostfixFacts, from: string, to: string): Promise<TestResult> {
  const { sys } = ctx;
  const listener = postfix.listener;
  if (!listener) throw new WizardError('no-smtpd-listener', t('verify.noListener'), t('verify.noListenerFix'));
  const logStart = postfix.log.kind === 'file' ? ((await sys.fileInfo(postfix.log.path))?.size ?? 0) : 0;
  const since = Math.floor(sys.now().getTime() / 1000) - 1;
  const progress = ctx.ui.progress(t('verify.submitting', { host: listener.host, port: listener.port }));
  let response: string;
  try {
    const hostname = postfix.settings.myhostname || 'localhost';
    ({ response } = await sys.submitLocal({
      host: listener.host, port: listener.port, from, to,
      subject: t('verify.subject', { host: hostname }),
      text: t('verify.body', { host: hostname, time: sys.now().toISOString() }),
      messageId: `<pgw-${randomBytes(8).toString('hex')}@${hostname}>`,
    }));
  } catch (error) {
    progress.stop(t('verify.submitFailed'), 'failed');
    const e = error as { response?: string; message?: string };
    throw new WizardError('submit-failed', t('verify.submitFailedDetail', { host: listener.host, port: listener.port, reason: e.response ?? e.message ?? '' }), t('verify.submitFailedFix'));
  }
  const queueId = queueIdFromResponse(response);
  if (!queueId) {
    progress.stop(t('verify.noQueueId', { response }), 'failed');
    return { to, status: 'unknown', reply: response };
  }
  progress.update(t('verify.queued', { id: queueId }));
  const deadline = sys.now().getTime() + ctx.options.waitSeconds * 1000;
  for (let round = 0; sys.now().getTime() < deadline; round++) {
    const logText = await readLog(sys, postfix, logStart, since);
    const events = deliveryEventsFor(logText, queueId);
    const final = events.find((e) => e.status !== 'deferred') ?? events[0];
    if (final) {
      progress.stop(final.status === 'sent' ? t('verify.sent', { id: queueId }) : t('verify.notSent', { id: queueId, status: final.status }), final.status === 'sent' ? 'ok' : 'failed');
      return resultFromEvent(to, queueId, final, clientNotesFor(logText, queueId, to));
    }
    if (round % queueEvery === queueEvery - 1 || postfix.log.kind === 'none') {
      const entry = await queueEntry(sys, postfix, queueId);
      const reason = entry?.recipients.find((r) => r.delayReason)?.delayReason;
      if (entry && reason) {
        progress.stop(t('verify.notSent', { id: queueId, status: 'deferred' }), 'failed');
        return { to, queueId, status: 'deferred', reply: reason, diagnosis: diagnose(reason).code };
      }
      progress.update(t('verify.waiting', { id: queueId, queue: entry?.queueName ?? '—' }));
    }
    await sys.sleep(pollMs);
  }
  progress.stop(t('verify.timedOut', { id: queueId, seconds: ctx.options.waitSeconds }), 'failed');
  return { to, queueId, status: 'queued' };
}

function resultFromEvent(to: string, queueId: string, event: DeliveryEvent, notes: string[]): TestResult {
  return { to, queueId, status: event.status, dsn: event.dsn, relay: event.relay, reply: event.reply, diagnosis: diagnoseDelivery(event, notes)?.code };
}

async function queueEntry(sys: System, postfix: PostfixFacts, queueId: string) {
  const result = await sys.exec('postqueue', postconfArgs(postfix.isDefaultInstance ? undefined : postfix.configDir, '-j'));
  if (result.exitCode !== 0) return undefined;
  return parseQueueJson(result.stdout).find((e) => e.queueId === queueId);
}

/** Postfix's log since the message was submitted: the file's new bytes, or journald's lines. */
async function readLog(sys: System, postfix: PostfixFacts, logStart: number, since: number): Promise<string> {
  if (postfix.log.kind === 'file') return sys.readFrom(postfix.log.path, logStart);
  if (postfix.log.kind === 'journal') {
    const daemons = ['smtp', 'relay', 'error', 'local', 'lmtp', 'virtual', 'qmgr'];
    const result = await sys.exec('journalctl', ['--no-pager', '-o', 'short', `--since=@${since}`, ...daemons.map((d) => `SYSLOG_IDENTIFIER=postfix/${d}`)]);
    return result.stdout;
  }
  return '';
}
