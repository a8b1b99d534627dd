// The one reader of Postfix's queue: `postqueue -j` (Postfix ≥ 3.1, one JSON object per queued message
// per line) run and parsed; and `postqueue -f`, the flush.
// Field names and meanings: postqueue(1), "JSON OBJECT FORMAT".
import type { System } from '../system/types.js';
import { instanceDir, postconfArgs, type PostfixInstance } from './postconf.js';

export type QueueName = 'incoming' | 'active' | 'deferred' | 'hold' | 'maildrop';

export interface QueueRecipient {
  address: string;
  /** Why delivery to this recipient was deferred (the text a deferred log line has in parentheses). */
  delayReason?: string;
}

export interface QueueEntry {
  queueId: string;
  // postqueue(1) documents these five; the `string` keeps a future name from breaking the parse.
  queueName: QueueName | (string & {});
  /** Seconds since the epoch. */
  arrivalTime: number;
  sender: string;
  recipients: QueueRecipient[];
  messageSize?: number;
  /** Set by `postsuper -e`: returned to the sender at the next delivery attempt. */
  forcedExpire?: boolean;
}

export class PostqueueParseError extends Error {
  constructor(
    readonly lineNumber: number,
    problem: string,
    readonly lineText: string,
  ) {
    super(`postqueue -j output, line ${lineNumber}: ${problem}: ${abbreviate(lineText)}`);
    this.name = 'PostqueueParseError';
  }
}

/** Parses the whole stdout of `postqueue -j`; blank lines (and an empty queue) are fine. */
export function parseQueueJson(stdout: string): QueueEntry[] {
  const entries: QueueEntry[] = [];
  stdout.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    entries.push(parseQueueLine(line, index + 1));
  });
  return entries;
}

/** The entry for one queue id, if the message is still queued. */
export function findQueueEntry(entries: readonly QueueEntry[], queueId: string): QueueEntry | undefined {
  return entries.find((entry) => entry.queueId === queueId);
}

function parseQueueLine(line: string, lineNumber: number): QueueEntry {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new PostqueueParseError(lineNumber, 'not a JSON object', line);
  }
  const fail = (problem: string): never => {
    throw new PostqueueParseError(lineNumber, problem, line);
  };
  if (!isRecord(value)) return fail('not a JSON object');

  const queueId = value.queue_id;
  const queueName = value.queue_name;
  const arrivalTime = value.arrival_time;
  const sender = value.sender;
  const recipients = value.recipients;
  if (typeof queueId !== 'string' || queueId === '') return fail('"queue_id" is missing');
  if (typeof queueName !== 'string') return fail('"queue_name" is missing');
  if (typeof arrivalTime !== 'number') return fail('"arrival_time" is not a number');
  // The null sender (bounces) is the empty string.
  if (typeof sender !== 'string') return fail('"sender" is missing');
  if (!Array.isArray(recipients)) return fail('"recipients" is not a list');

  const entry: QueueEntry = {
    queueId,
    queueName,
    arrivalTime,
    sender,
    recipients: recipients.map((r: unknown) => parseRecipient(r) ?? fail('a recipient has no "address"')),
  };
  const size = value.message_size;
  if (typeof size === 'number') entry.messageSize = size;
  const forced = value.forced_expire;
  if (typeof forced === 'boolean') entry.forcedExpire = forced;
  return entry;
}

function parseRecipient(value: unknown): QueueRecipient | undefined {
  if (!isRecord(value) || typeof value.address !== 'string') return undefined;
  const recipient: QueueRecipient = { address: value.address };
  const reason = value.delay_reason;
  if (typeof reason === 'string') recipient.delayReason = reason;
  return recipient;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function abbreviate(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** The one reader of the queue: `postqueue -j` parsed; undefined when it cannot be read (Postfix down, no permission). */
export async function readQueue(
  sys: Pick<System, 'exec'>,
  postfix: PostfixInstance,
): Promise<QueueEntry[] | undefined> {
  // postqueue(1) takes -c like postconf.
  const result = await sys.exec('postqueue', postconfArgs(instanceDir(postfix), '-j'));
  return result.exitCode === 0 ? parseQueueJson(result.stdout) : undefined;
}

/** `postqueue -f`: every queued message tried again now, not at its next retry; when it fails, the last line it wrote. */
export async function flushQueue(
  sys: Pick<System, 'exec'>,
  postfix: PostfixInstance,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const result = await sys.exec('postqueue', postconfArgs(instanceDir(postfix), '-f'));
  return result.exitCode === 0
    ? { ok: true }
    : { ok: false, reason: (result.stderr || result.stdout).trim().split('\n').slice(-1)[0] ?? '' };
}
