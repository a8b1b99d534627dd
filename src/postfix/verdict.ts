// Which delivery line to believe. A log line is only a claim: a syslog file takes lines from anyone
// (`logger -t 'postfix/smtp[1]' …`), and an unprivileged `postlog -t postfix/smtp …` writes into
// maillog_file too (postlog.c sanitizes the tag, nothing more; its pid is its own). Postfix's queue is
// not theirs to write: a message still in it (postqueue -j) has not reached its end, whatever a line
// says. So a final verdict (sent, bounced, expired) counts only once the queue id has left the queue,
// and where lines disagree, the one logged by a process that really is a Postfix daemon wins; with
// no such proof, the one that is not "sent" (a false alarm costs a retry, a false "delivered" costs mail).
import type { DeliveryEvent } from './log.js';

const finalStatuses = new Set(['sent', 'bounced', 'expired']);

/**
 * The verdict for one message: undefined while nothing final may be believed yet.
 * `verified`: pids known to belong to a Postfix daemon (alive, right program, right uid).
 */
export function believedVerdict(
  events: readonly DeliveryEvent[],
  stillQueued: boolean,
  verified: ReadonlySet<string>,
): DeliveryEvent | undefined {
  const finals = events.filter((e) => finalStatuses.has(e.status));
  if (finals.length === 0 || stillQueued) return undefined;
  const proven = finals.filter((e) => e.pid !== undefined && verified.has(e.pid));
  const candidates = proven.length > 0 ? proven : finals;
  return candidates.find((e) => e.status !== 'sent') ?? candidates[0];
}

/** Final lines that claim more than the queue allows: a message still queued, yet "sent". */
export function hasFinalClaim(events: readonly DeliveryEvent[]): boolean {
  return events.some((e) => finalStatuses.has(e.status));
}
