// What went out through the relay in a window of time, from the delivery lines the verdict reads
// (delivery-log.ts): one "status=sent" line per recipient — the unit Gmail's daily limit counts —
// with the envelope sender qmgr logged for the message (the sender picks the account, sender-maps.ts).
import { parseDeliveryLine, splitLogLine } from './log.js';

/** Delivery agents that deliver on this machine, not through the relay. */
const localAgents = ['local', 'virtual', 'pipe', 'discard'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TRADITIONAL = /^(?<mon>[A-Z][a-z]{2}) +(?<day>\d{1,2}) (?<h>\d\d):(?<m>\d\d):(?<s>\d\d)/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)/;
const FROM = /^(?<id>[0-9A-Za-z]{6,}): from=<(?<from>[^>]*)>/;

export interface SentRecipient {
  queueId: string;
  to: string;
  /** The envelope sender qmgr logged for the message; undefined when its line is outside what was read. */
  sender?: string;
  /** Seconds since the epoch; undefined for a line without a time stamp (journal lines are read by time already). */
  time?: number;
}

/**
 * The time a syslog line was written, in seconds. The traditional stamp ("Dec  7 18:58:09") has no year
 * and is local time: the year is the one that does not put the line more than a day in the future.
 */
export function lineTime(line: string, now: Date): number | undefined {
  const iso = ISO.exec(line);
  if (iso) return Math.floor(Date.parse(iso[0]) / 1000);
  const g = TRADITIONAL.exec(line)?.groups;
  if (!g) return undefined;
  const month = months.indexOf(g.mon ?? '');
  if (month < 0) return undefined;
  const at = (year: number) =>
    new Date(year, month, Number(g.day), Number(g.h), Number(g.m), Number(g.s)).getTime() / 1000;
  const year = now.getFullYear();
  const stamp = at(year);
  return stamp > now.getTime() / 1000 + 86400 ? at(year - 1) : stamp;
}

/** Every recipient the relay accepted since `since` (seconds); lines without a stamp count as inside the window. */
export function sentSince(logText: string, since: number, now: Date): SentRecipient[] {
  const senders = new Map<string, string>();
  const sent: SentRecipient[] = [];
  for (const line of logText.split('\n')) {
    const { message, program } = splitLogLine(line);
    if (program?.endsWith('/qmgr')) {
      const from = FROM.exec(message)?.groups;
      if (from) senders.set(from.id ?? '', from.from ?? '');
      continue;
    }
    const event = parseDeliveryLine(line);
    if (event?.status !== 'sent' || localAgents.includes(event.agent ?? '') || event.relay === 'none') continue;
    const time = lineTime(line, now);
    if (time !== undefined && time < since) continue;
    const sender = senders.get(event.queueId);
    sent.push({
      queueId: event.queueId,
      to: event.to,
      ...(sender !== undefined ? { sender } : {}),
      ...(time !== undefined ? { time } : {}),
    });
  }
  return sent;
}
