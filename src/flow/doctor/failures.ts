// Failed deliveries: each deferred message in the queue (postqueue -j, with its reason) and the
// bounces logged since the last message that went out. Diagnosed with gmail/diagnose.ts, the table
// the test send uses.
import { diagnose, diagnoseDelivery } from '../../gmail/diagnose.js';
import { logCursor, postfixUids, readDeliveryLog, verifiedPids } from '../../postfix/delivery-log.js';
import { clientNotesFor, parseDeliveryLine, senderInLog, type DeliveryEvent } from '../../postfix/log.js';
import { signingAccount } from '../../postfix/sender-maps.js';
import { clientSaslFailed, oauthRefreshNotes, oauthSessionFor } from '../../postfix/xoauth2-log.js';
import type { Failure } from '../../postfix/problems/types.js';
import { readQueue, type QueueEntry } from '../../postfix/queue.js';
import type { System } from '../../system/types.js';
import type { PostfixFacts } from '../types.js';

/** How much of the log file's end is read: a day of a personal account's mail (500 recipients, a few lines each) fits. */
const logTailBytes = 2 << 20;
/** Postfix's delivery agents that deliver on this machine, not through the relay. */
const localAgents = ['local', 'virtual', 'pipe'];

export interface QueueAndLog {
  /** postqueue -j, read once; undefined when it could not be read (Postfix down, no permission). */
  queue: QueueEntry[] | undefined;
  /** The log's last day (journal) or bounded tail (file): Postfix's delivery lines, trusted as delivery-log.ts reads them. */
  logText: string;
  /** Whether the text comes from journald, which vouches for each line's writer and covers exactly the last 24 h. */
  fromJournal: boolean;
}

/**
 * The queue, once, and the recent log: what doctor's failures and check's counts are read from. `queue`:
 * a postqueue -j already under way (check starts it beside detect's postconf round).
 */
export async function readQueueAndLog(
  sys: System,
  postfix: PostfixFacts,
  queue?: Promise<QueueEntry[] | undefined>,
): Promise<QueueAndLog> {
  const [entries, logText] = await Promise.all([
    (queue ?? readQueue(sys, postfix)).catch(() => undefined), // unreadable: no queue facts
    recentLog(sys, postfix),
  ]);
  return { queue: entries, logText, fromJournal: postfix.log.kind === 'journal' };
}

export async function readFailures(
  sys: System,
  postfix: PostfixFacts,
  read?: QueueAndLog,
): Promise<{ failures: Failure[]; queueRead: boolean }> {
  const { queue, logText: text, fromJournal } = read ?? (await readQueueAndLog(sys, postfix));
  const failures: Failure[] = [];
  // Whose refresh Google refused: the account the message signs in as (the plugin's log line names none).
  const signer = (queueId: string, sender: string | undefined) =>
    signingAccount(
      postfix.passwordMap?.content,
      postfix.settings.relayhost?.trim() ?? '',
      (postfix.settings.smtp_sender_dependent_authentication ?? '').trim().toLowerCase() === 'yes',
      sender ?? senderInLog(text, queueId),
    );
  const withAccount = (failure: Failure, sender?: string): Failure => {
    if (failure.diagnosis !== 'oauth-consent-revoked') return failure;
    const account = signer(failure.queueId, sender);
    return account ? { ...failure, account } : failure;
  };
  for (const entry of queue ?? []) {
    if (entry.queueName !== 'deferred') continue;
    for (const r of entry.recipients) {
      if (!r.delayReason) continue;
      const { notes, signIn } = oauthNotes(text, entry.queueId, r.delayReason);
      const failure: Failure = {
        queueId: entry.queueId,
        status: 'deferred',
        reason: r.delayReason,
        diagnosis: diagnose([...notes, r.delayReason].join('\n')).code,
        ...signIn,
      };
      failures.push(withAccount(failure, entry.sender));
    }
  }
  const events = text
    .split('\n')
    .map(parseDeliveryLine)
    .filter((e): e is DeliveryEvent => e !== undefined);
  // What failed before the last message that went out is history; deferrals come from the queue when it can be read.
  // Delivered here (the bounce notice of a 550 5.4.5, to root's mailbox) is not out: it hid the bounce it reports.
  // "Went out" needs the test verdict's proof (postfix/verdict.ts): any local user can add a status=sent line to a
  // syslog file (logger -t postfix/smtp), so a line counts only if journald vouches for its writer or its pid is a
  // running Postfix daemon — and its message has left the queue.
  const outLines = events.filter((e) => e.status === 'sent' && !localAgents.includes(e.agent ?? ''));
  const proven = fromJournal ? undefined : await verifiedPids(sys, outLines, await postfixUids(sys, postfix));
  const queued = new Set((queue ?? []).map((e) => e.queueId));
  const lastSent = events
    .map(
      (e) =>
        outLines.includes(e) &&
        !queued.has(e.queueId) &&
        (proven === undefined || (e.pid !== undefined && proven.has(e.pid))),
    )
    .lastIndexOf(true);
  // A queued message being tried again right now (active, no delay reason): its last logged deferral says why it waits.
  const retrying = new Set((queue ?? []).filter((e) => e.queueName !== 'deferred').map((e) => e.queueId));
  const latest = new Map(
    events.filter((e) => retrying.has(e.queueId) && e.status === 'deferred').map((e) => [e.queueId, e]),
  );
  for (const event of [...events.slice(lastSent + 1), ...latest.values()]) {
    if (event.status === 'sent' || (event.status === 'deferred' && queue !== undefined && !latest.has(event.queueId)))
      continue;
    if (latest.has(event.queueId) && latest.get(event.queueId) !== event) continue;
    if (failures.some((f) => f.queueId === event.queueId && f.reason === event.reply)) continue;
    const oauth = oauthNotes(text, event.queueId, event.reply);
    const notes = [...oauth.notes, ...clientNotesFor(text, event.queueId, event.to || undefined)];
    const diagnosis = diagnoseDelivery(event, notes);
    if (diagnosis)
      failures.push(
        withAccount({
          queueId: event.queueId,
          status: event.status,
          reason: event.reply,
          diagnosis: diagnosis.code,
          ...oauth.signIn,
        }),
      );
  }
  return { failures, queueRead: queue !== undefined };
}

/**
 * The sasl-xoauth2 plugin's summary behind a failure: the one the same smtp process logged for this message
 * (the reason may then be the next address's, a refused ::1), else the log's latest when the reason is the
 * bare "bad protocol / cancel". signIn marks a SASL failure on this side, whether the plugin said why or not.
 */
function oauthNotes(
  text: string,
  queueId: string,
  reason: string,
): { notes: string[]; signIn: { signInFailed?: true } } {
  const session = oauthSessionFor(text, queueId);
  // The summary this message's smtp process logged; else (no "SASL authentication failed" line of its own) the log's latest.
  const notes = session.saslFailed ? session.notes : oauthRefreshNotes(text, reason);
  return { notes, signIn: session.saslFailed || clientSaslFailed(reason) ? { signInFailed: true } : {} };
}

async function recentLog(sys: System, postfix: PostfixFacts): Promise<string> {
  const cursor = await logCursor(sys, postfix);
  const start = Math.max(0, cursor.start - logTailBytes);
  const since = cursor.since - 24 * 3600;
  const text = await readDeliveryLog(sys, postfix, { start, since }, await postfixUids(sys, postfix)).catch(() => '');
  // A tail that starts mid-line: drop the partial first line.
  return start > 0 ? text.slice(text.indexOf('\n') + 1) : text;
}
