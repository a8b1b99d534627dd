// The syslog daemon a release chroot lacks, as Debian's rsyslog would be: a socket at the chroot's
// /dev/log (a stream socket — glibc's syslog(3) falls back to SOCK_STREAM when a datagram connect is
// refused with EPROTOTYPE, and ends each message with a NUL), every message appended to the chroot's
// /var/log/mail.log as "TIMESTAMP HOST IDENT[PID]: MESSAGE". Needed where a program logs with syslog(3)
// itself rather than through Postfix: the sasl-xoauth2 plugin inside smtp(8), whose lines postlogd's
// maillog_file never sees.
import { appendFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';

export interface ChrootSyslog {
  /** Every line written so far, as in the chroot's /var/log/mail.log. */
  lines: string[];
  close(): Promise<void>;
}

/** "<22>Dec  8 01:10:00 postfix/smtp[42]: text" → "Dec  8 01:10:00 HOST postfix/smtp[42]: text". */
export function syslogLine(raw: string, host: string): string | undefined {
  const m = /^<\d+>(\w{3} [ \d]\d \d\d:\d\d:\d\d) (.*)$/s.exec(raw.replace(/\n+$/, ''));
  return m ? `${m[1]} ${host} ${m[2]}` : undefined;
}

export async function startChrootSyslog(root: string, host = 'sid'): Promise<ChrootSyslog> {
  const path = join(root, 'dev/log');
  const logFile = join(root, 'var/log/mail.log');
  await rm(path, { force: true });
  const lines: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    let pending = '';
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const parts = pending.split('\0');
      pending = parts.pop() ?? '';
      const written = parts.map((p) => syslogLine(p, host)).filter((l): l is string => l !== undefined);
      if (written.length === 0) return;
      lines.push(...written);
      appendFileSync(logFile, `${written.join('\n')}\n`);
    });
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen({ path, readableAll: true, writableAll: true }, resolve));
  return {
    lines,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
