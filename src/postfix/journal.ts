// Postfix's lines from the journal, believed only when journald vouches for who wrote them.
// `journalctl -o json` gives one object per line. SYSLOG_IDENTIFIER and MESSAGE are what the sender
// wrote — `logger -t 'postfix/smtp[1]' '…status=sent…'` by any user sets both — but _UID, _PID and
// _COMM are added by journald from the sending process's credentials and cannot be set by it
// (systemd.journal-fields(7), "Trusted Journal Fields").

/** The programs Postfix's delivery agents and queue manager run as (_COMM: the executable's name). */
const postfixCommands = ['smtp', 'lmtp', 'error', 'local', 'virtual', 'qmgr', 'pipe', 'discard', 'bounce'];

/**
 * The entries written by a Postfix daemon running as one of `trustedUids` (root, mail_owner), as
 * "postfix/smtp[pid]: message" lines the log parsers read; every other entry is left out.
 */
export function trustedJournalLines(output: string, trustedUids: readonly number[]): string {
  const lines: string[] = [];
  for (const text of output.split('\n')) {
    if (!text.trim()) continue;
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(text) as Record<string, unknown>;
    } catch {
      continue;
    }
    const { SYSLOG_IDENTIFIER: ident, MESSAGE: message, _UID: uid, _PID: pid, _COMM: comm } = entry;
    if (typeof ident !== 'string' || typeof message !== 'string' || typeof pid !== 'string') continue;
    if (typeof comm !== 'string' || !postfixCommands.includes(comm)) continue;
    if (typeof uid !== 'string' || !trustedUids.includes(Number(uid))) continue;
    lines.push(`${ident}[${pid}]: ${message}`);
  }
  return lines.join('\n');
}

/** The uid of a user in /etc/passwd text, or undefined. */
export function uidOf(passwd: string, user: string): number | undefined {
  const line = passwd.split('\n').find((l) => l.split(':')[0] === user);
  const uid = Number(line?.split(':')[2]);
  return line && Number.isInteger(uid) ? uid : undefined;
}
