// The pre-flight that goes further than a login: connect, TLS (verified as Postfix will verify
// it), optionally AUTH XOAUTH2, then MAIL FROM and RCPT TO — and RSET, so nothing is sent. Google
// Workspace's relay service decides by the client's address only at MAIL FROM ("550 5.7.1 Invalid
// credentials for relay [ADDRESS]"), which a bare login (nodemailer's verify) never reaches.
// Written on node:net/node:tls because nodemailer offers no envelope without DATA.
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { EnvelopeCheck, EnvelopeCheckResult, SmtpEndpoint } from './types.js';

const stepTimeoutMs = 15_000;

interface Reply {
  code: number;
  text: string;
}

/** Reads SMTP replies (multi-line ones joined with "\n") off a socket, one at a time. */
class ReplyReader {
  private buffer = '';
  private lines: string[] = [];
  private waiting?: { resolve: (r: Reply) => void; reject: (e: Error) => void };
  private failure?: Error;

  constructor(socket: Socket | TLSSocket) {
    this.attach(socket);
  }

  attach(socket: Socket | TLSSocket): void {
    socket.on('data', (chunk: Buffer) => {
      this.buffer += chunk.toString('utf8');
      let end = this.buffer.indexOf('\n');
      while (end >= 0) {
        this.lines.push(this.buffer.slice(0, end).replace(/\r$/, ''));
        this.buffer = this.buffer.slice(end + 1);
        end = this.buffer.indexOf('\n');
      }
      this.deliver();
    });
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(Object.assign(new Error('Connection closed'), { code: 'ECONNRESET' })));
  }

  fail(error: Error): void {
    this.failure ??= error;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(this.failure);
  }

  private deliver(): void {
    const last = this.lines.findIndex((l) => /^\d{3}(?: |$)/.test(l));
    if (last < 0 || !this.waiting) return;
    const lines = this.lines.splice(0, last + 1);
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting.resolve({ code: Number(lines.at(-1)!.slice(0, 3)), text: lines.join('\n') });
  }

  next(what: string): Promise<Reply> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const timer = setTimeout(
        () => this.fail(Object.assign(new Error(`${what}: timed out`), { code: 'ETIMEDOUT' })),
        stepTimeoutMs,
      );
      this.waiting = {
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.deliver();
    });
  }
}

class Refused extends Error {
  constructor(readonly reply: Reply) {
    super(reply.text);
  }
}

export async function checkEnvelope(
  endpoint: SmtpEndpoint,
  check: EnvelopeCheck,
  clientName: string,
): Promise<EnvelopeCheckResult> {
  const net = await import('node:net');
  const tls = await import('node:tls');
  const tlsOptions = {
    servername: net.isIP(endpoint.host) ? undefined : endpoint.host,
    ca: endpoint.ca,
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2' as const,
  };
  let socket: Socket | TLSSocket | undefined;
  let stage: EnvelopeCheckResult['stage'] = 'connect';
  try {
    socket = await new Promise<Socket | TLSSocket>((resolve, reject) => {
      const s = endpoint.implicitTls
        ? tls.connect({ host: endpoint.host, port: endpoint.port, ...tlsOptions }, () => resolve(s))
        : net.connect({ host: endpoint.host, port: endpoint.port }, () => resolve(s));
      s.once('error', reject);
      s.setTimeout(stepTimeoutMs, () =>
        s.destroy(Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' })),
      );
    });
    socket.setTimeout(0);
    const reader = new ReplyReader(socket);
    // want: the codes that let the talk go on; any other reply ends it (null: the caller decides).
    const say = async (line: string, want: number[] | null, what = line.split(' ', 1)[0]!): Promise<Reply> => {
      socket!.write(`${line}\r\n`);
      const reply = await reader.next(what);
      if (want && !want.includes(reply.code)) throw new Refused(reply);
      return reply;
    };
    stage = 'greeting';
    const greeting = await reader.next('Greeting never received');
    if (greeting.code !== 220) throw new Refused(greeting);
    let ehlo = await say(`EHLO ${clientName}`, [250]);
    if (!endpoint.implicitTls) {
      stage = 'tls';
      if (!/^250[ -]STARTTLS\b/im.test(ehlo.text)) throw new Error('STARTTLS not offered');
      await say('STARTTLS', [220]);
      const plain = socket as Socket;
      plain.removeAllListeners('data');
      socket = await new Promise<TLSSocket>((resolve, reject) => {
        const s = tls.connect({ socket: plain, ...tlsOptions }, () => resolve(s));
        s.once('error', reject);
      });
      reader.attach(socket);
      ehlo = await say(`EHLO ${clientName}`, [250]);
    }
    if (check.xoauth2) {
      stage = 'auth';
      if (!/^250[ -]AUTH\b.*\bXOAUTH2\b/im.test(ehlo.text)) throw new Error('no mechanism available: XOAUTH2');
      const { user, accessToken } = check.xoauth2;
      const initial = Buffer.from(`user=${user}\u0001auth=Bearer ${accessToken}\u0001\u0001`).toString('base64');
      const reply = await say(`AUTH XOAUTH2 ${initial}`, [235, 334], 'AUTH');
      // 334: the server's JSON error as a challenge; an empty line ends the exchange with its 535.
      if (reply.code === 334) {
        const challenge = Buffer.from(reply.text.slice(4), 'base64').toString('utf8');
        const final = await say('', null, 'AUTH');
        if (final.code !== 235) throw new Refused({ ...final, text: `${final.text}\n${challenge}` });
      }
    }
    stage = 'mail';
    await say(`MAIL FROM:<${check.from}>`, [250], 'MAIL');
    stage = 'rcpt';
    await say(`RCPT TO:<${check.to}>`, [250, 251], 'RCPT');
    stage = 'reset';
    await say('RSET', [250]);
    socket.write('QUIT\r\n');
    return { ok: true };
  } catch (error) {
    if (error instanceof Refused) {
      return { ok: false, stage, response: error.reply.text, responseCode: error.reply.code };
    }
    const e = error as NodeJS.ErrnoException;
    return { ok: false, stage, response: e.message, errorCode: e.code };
  } finally {
    socket?.destroy();
  }
}
