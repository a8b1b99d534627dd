// Readers for Postfix log lines: syslog (/var/log/mail.log), maillog_file, journalctl's short and
// short-iso formats, RFC 3339 stamps and container logs with a level word in front all end the same
// way, "<syslog_name>/<daemon>[pid]: <message>", so only that tail is parsed.

export type DeliveryStatus = 'sent' | 'deferred' | 'bounced' | 'expired';

export interface DeliveryEvent {
  queueId: string;
  /** Recipient; empty for the expiry line, which names only the sender. */
  to: string;
  /** "host[address]:port", or "none" when no server was reached. */
  relay: string;
  /** Enhanced status code, e.g. "4.7.8"; empty for the expiry line. */
  dsn: string;
  status: DeliveryStatus;
  /** The text in parentheses after status=…, e.g. Gmail's reply or "connect to …: Connection refused". */
  reply: string;
  /** The address before alias/virtual rewriting (orig_to=). */
  origTo?: string;
  /** The daemon that logged it: "smtp", "error", "local", "qmgr", … ("error" means a refusing transport). */
  agent?: string;
  /** The process id in the line's prefix (what the line claims; see postfix/verdict.ts). */
  pid?: string;
}

// Short ids are upper-case hex. Long ids (enable_long_queue_ids) are 10 characters of time (which may
// hold a 'z' themselves), 'z', then the inode without 'z': 4jc3Wz3DnPzJ9FT. Neither form can be
// "warning", "error" or "NOQUEUE", the words that also stand before a colon in Postfix logs.
const QUEUE_ID = '(?:[0-9A-F]{6,}|[0-9A-Za-z]{10,}z[0-9A-Za-y]*)';
const PREFIX = /(?:^|\s)(?<program>[\w.-]+(?:\/[\w.-]+)+)\[(?<pid>\d+)\]:\s+/;
const DELIVERY = new RegExp(
  `^(?<id>${QUEUE_ID}): to=<(?<to>[^>]*)>,(?: orig_to=<(?<orig>[^>]*)>,)? relay=(?<relay>[^,]+),` +
    `.*? dsn=(?<dsn>\\d\\.\\d{1,3}\\.\\d{1,3}), status=(?<status>sent|deferred|bounced|expired)\\b(?<rest>.*)$`,
);
const EXPIRED = new RegExp(`^(?<id>${QUEUE_ID}): from=<[^>]*>, status=expired, (?<reply>returned to sender)\\s*$`);
const QUEUED_AS = new RegExp(`\\bqueued as (${QUEUE_ID})\\b`);
// Client-side SASL trouble; smtpd's lines about its own clients are left out by agent below.
const SASL_NOTE =
  /SASL authentication fail|No worthy mechs|no mechanism available|smtp_sasl_password_maps|sasl_passwd/i;
// What the SMTP client logs, without a queue id, just before its verdict on a message.
const CLIENT_NOTE =
  /^(?:warning: |error: |fatal: |(?:server )?certificate verification failed|SSL_connect error|connect to |host \S+ (?:greeted me|replied to HELO)|SASL authentication failed)/;

export interface LogLine {
  message: string;
  program?: string;
  pid?: string;
}

/** Splits off the "… postfix/smtp[123]: " prefix; a line without one is taken as a bare message. */
export function splitLogLine(line: string): LogLine {
  const text = line.replace(/\r$/, '');
  const match = PREFIX.exec(text);
  if (!match?.groups || match.index === undefined) return { message: text.trim() };
  return {
    message: text.slice(match.index + match[0].length).trim(),
    program: match.groups.program,
    pid: match.groups.pid,
  };
}

export function parseDeliveryLine(line: string): DeliveryEvent | undefined {
  const { message, program, pid } = splitLogLine(line);
  const agent = program?.split('/').pop();
  const expired = EXPIRED.exec(message)?.groups;
  if (expired) {
    const event: DeliveryEvent = {
      queueId: expired.id ?? '',
      to: '',
      relay: 'none',
      dsn: '',
      status: 'expired',
      reply: expired.reply ?? '',
    };
    if (agent) event.agent = agent;
    if (pid) event.pid = pid;
    return event;
  }
  const g = DELIVERY.exec(message)?.groups;
  if (!g) return undefined;
  const event: DeliveryEvent = {
    queueId: g.id ?? '',
    to: g.to ?? '',
    relay: g.relay ?? '',
    dsn: g.dsn ?? '',
    status: g.status as DeliveryStatus,
    reply: replyText(g.rest ?? ''),
  };
  if (g.orig !== undefined) event.origTo = g.orig;
  if (agent) event.agent = agent;
  if (pid) event.pid = pid;
  return event;
}

/** Every delivery verdict logged for one queue id, oldest first. */
export function deliveryEventsFor(logText: string, queueId: string): DeliveryEvent[] {
  const events: DeliveryEvent[] = [];
  for (const line of logText.split('\n')) {
    if (!line.includes(queueId)) continue;
    const event = parseDeliveryLine(line);
    if (event?.queueId === queueId) events.push(event);
  }
  return events;
}

/** The queue id in an SMTP DATA reply such as "250 2.0.0 Ok: queued as 6DE0620C117". */
export function queueIdFromResponse(response: string): string | undefined {
  return QUEUED_AS.exec(response)?.[1];
}

/**
 * SASL complaints of the SMTP client ("No worthy mechs found", "cannot authenticate … no mechanism
 * available", password map errors) that explain a vague delivery line. With a queue id: only from
 * the first line that names it on, and not those that name another message.
 */
export function saslWarningsSince(logText: string, queueId?: string): string[] {
  const found: string[] = [];
  let started = queueId === undefined;
  for (const line of logText.split('\n')) {
    if (!started && queueId !== undefined && line.includes(queueId)) started = true;
    if (!started) continue;
    const { message, program } = splitLogLine(line);
    if (!SASL_NOTE.test(message) || isServerSide(program) || parseDeliveryLine(line)) continue;
    const owner = ownerQueueId(message);
    if (owner !== undefined && queueId !== undefined && owner !== queueId) continue;
    const note = stripQueueId(message);
    if (!found.includes(note)) found.push(note);
  }
  return found;
}

/** The envelope sender qmgr logged for `queueId` (`ID: from=<addr>, size=…`), the last such line; undefined when none. */
export function senderInLog(logText: string, queueId: string): string | undefined {
  if (!/^[0-9A-Za-z]+$/.test(queueId)) return undefined;
  const from = new RegExp(`^${queueId}: from=<([^>]*)>, size=`);
  let sender: string | undefined;
  for (const line of logText.split('\n')) {
    const { message, program } = splitLogLine(line);
    const found = program?.endsWith('/qmgr') ? from.exec(message) : null;
    if (found) sender = found[1];
  }
  return sender;
}

/**
 * The lines the delivery process logged without a queue id right before its latest verdict on this
 * message (for one recipient when `to` is given): certificate failures, TLS library errors,
 * per-address connect errors, SASL warnings. "Server certificate not verified" says what; these say why.
 */
export function clientNotesFor(logText: string, queueId: string, to?: string): string[] {
  let notes: string[] = [];
  const pending = new Map<string, string[]>();
  for (const line of logText.split('\n')) {
    const { message, pid } = splitLogLine(line);
    if (pid === undefined) continue;
    const event = parseDeliveryLine(line);
    if (event) {
      if (event.queueId === queueId && (to === undefined || event.to === to)) notes = [...new Set(pending.get(pid))];
      pending.delete(pid);
    } else if (CLIENT_NOTE.test(stripQueueId(message))) {
      const owner = ownerQueueId(message);
      if (owner === undefined || owner === queueId)
        pending.set(pid, [...(pending.get(pid) ?? []), stripQueueId(message)]);
    }
  }
  return notes;
}

function replyText(rest: string): string {
  // The reply is everything between the first "(" and the line's last ")"; a reply may itself hold
  // parentheses, "(in reply to RCPT TO command)", and syslog may have cut a long line short.
  const open = rest.indexOf('(');
  if (open < 0) return rest.replace(/^,\s*/, '').trim();
  const inner = rest.slice(open + 1).trimEnd();
  return inner.endsWith(')') ? inner.slice(0, -1) : inner;
}

export function ownerQueueId(message: string): string | undefined {
  return new RegExp(`^(?:warning: )?(${QUEUE_ID}): `).exec(message)?.[1];
}

export function stripQueueId(message: string): string {
  return message.replace(new RegExp(`^(warning: )?${QUEUE_ID}: `), '$1');
}

function isServerSide(program: string | undefined): boolean {
  return program !== undefined && /\/(?:smtpd|postscreen)$/.test(program);
}
