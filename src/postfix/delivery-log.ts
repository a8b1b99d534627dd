// Reading Postfix's delivery lines for verify and flush-deferred: the new part of the log file, or
// the journal's entries that journald says a Postfix daemon wrote (postfix/journal.ts), and which
// claimed pids really are Postfix daemons (postfix/verdict.ts says why that matters).
import type { System } from '../system/types.js';
import { uidOf, trustedJournalLines } from './journal.js';
import type { DeliveryEvent } from './log.js';
import { readSettings, type Settings, instanceDir } from './postconf.js';

/** The facts about an instance this reader needs (flow's PostfixFacts has them). */
export interface LogSource {
  configDir: string;
  isDefaultInstance: boolean;
  settings: Settings;
  log: { kind: 'file'; path: string } | { kind: 'journal' } | { kind: 'none' };
}

export interface LogCursor {
  /** Bytes of the log file before the message was submitted. */
  start: number;
  /** Seconds since the epoch, for journalctl --since. */
  since: number;
}

const daemons = ['smtp', 'relay', 'error', 'local', 'lmtp', 'virtual', 'qmgr'];

export async function logCursor(sys: System, postfix: LogSource): Promise<LogCursor> {
  const start = postfix.log.kind === 'file' ? ((await sys.fileInfo(postfix.log.path))?.size ?? 0) : 0;
  return { start, since: Math.floor(sys.now().getTime() / 1000) - 1 };
}

/** root and mail_owner: the uids Postfix's daemons run as. */
export async function postfixUids(sys: System, postfix: LogSource): Promise<number[]> {
  const owner =
    postfix.settings.mail_owner ??
    (await readSettings(sys, instanceDir(postfix), ['mail_owner']).catch(() => ({}) as Record<string, string>))
      .mail_owner ??
    'postfix';
  const uid = uidOf((await sys.readFile('/etc/passwd').catch(() => undefined)) ?? '', owner);
  return uid === undefined ? [0] : [0, uid];
}

/** Postfix's log since the cursor: the file's new bytes, or the journal's entries from Postfix itself. */
export async function readDeliveryLog(
  sys: System,
  postfix: LogSource,
  cursor: LogCursor,
  uids: readonly number[],
): Promise<string> {
  if (postfix.log.kind === 'file') return sys.readFrom(postfix.log.path, cursor.start);
  if (postfix.log.kind !== 'journal') return '';
  const result = await sys.exec('journalctl', [
    '--no-pager',
    '-o',
    'json',
    `--since=@${cursor.since}`,
    ...daemons.map((d) => `SYSLOG_IDENTIFIER=postfix/${d}`),
  ]);
  return trustedJournalLines(result.stdout, uids);
}

/** The claimed pids that belong to a running Postfix daemon (the program a delivery agent runs as, a Postfix uid). */
export async function verifiedPids(
  sys: System,
  events: readonly DeliveryEvent[],
  uids: readonly number[],
): Promise<Set<string>> {
  const verified = new Set<string>();
  for (const pid of new Set(events.map((e) => e.pid).filter((p): p is string => p !== undefined))) {
    const info = await sys.processInfo(Number(pid));
    if (info && uids.includes(info.uid) && ['smtp', 'lmtp', 'error', 'local', 'virtual', 'qmgr'].includes(info.comm))
      verified.add(pid);
  }
  return verified;
}
