import { randomBytes } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { SMTPConnection, SMTPConnectionOptions } from 'smtp-server/lib/smtp-connection.js';

export interface FakeGmailOptions {
  cert: string;
  key: string;
  /** true: TLS from the first byte (smtp.gmail.com:465); false (default): STARTTLS (port 587). */
  implicitTls?: boolean;
  /** Known accounts; `reply` makes AUTH fail with that Gmail reply even with the right password. */
  accounts: Record<string, { password: string; reply?: '535' | '534' | '454' }>;
  port?: number;
  /** The loopback address to listen on (default 127.0.0.1; another 127.x.y.z plays another server). */
  address?: string;
  /**
   * Read at each command, so a test may change it while the fake runs: answer RCPT TO or the end of
   * DATA with this reply instead of accepting ({ code: 550, text: gmailReplies.noSuchUser }), or
   * never answer the end of DATA ('stall', a relay that hangs). `mail`: answer MAIL FROM so (a 421
   * closes the connection, as Gmail's "Try again later, closing connection" does).
   */
  refuse?: { mail?: FakeReply; rcpt?: FakeReply; data?: FakeReply | 'stall' };
  /**
   * Google Workspace's SMTP relay service (smtp-relay.gmail.com): mail without AUTH is taken from the
   * client addresses in `allowed` (read at each MAIL FROM, so a test may change it), inside TLS only;
   * any other address gets Google's "550 5.7.1 Invalid credentials for relay [ADDRESS]".
   */
  relay?: { allowed: string[] };
  /** XOAUTH2: the account an access token is valid for (the fake OAuth server's validAccessToken); absent: none is. */
  xoauth2?: (accessToken: string) => string | undefined;
  /**
   * Gmail's daily sending limit, per signed-in user, in recipients (read at each message, so a test may
   * set it while the fake runs): a message that would pass it is refused at the end of DATA with
   * 550 5.4.5, as Gmail does.
   */
  dailyLimit?: number;
}
export interface FakeReply {
  code: number;
  text: string;
}
export interface AuthAttempt {
  user: string;
  password: string;
  method: string;
  secure: boolean;
  accepted: boolean;
}
export interface ReceivedMessage {
  user: string | undefined;
  secure: boolean;
  mailFrom: string;
  rcptTo: string[];
  raw: string;
  /** Lower-cased header names, first value, unfolded. */
  headers: Record<string, string>;
}
export interface FakeGmail {
  port: number;
  host: '127.0.0.1';
  auths: AuthAttempt[];
  messages: ReceivedMessage[];
  /** Resolves with the next message not yet returned by an earlier call (the first call: messages[0]). */
  waitForMessage(timeoutMs?: number): Promise<ReceivedMessage>;
  close(): Promise<void>;
}

// Gmail's replies, verbatim; %ID% becomes a per-connection id. "\n" separates the lines of a
// multi-line reply: smtp-server turns control characters in a string reply into spaces and writes
// a multi-line reply only for an array, so the send() wrapper below splits on "\n".
const GMAIL = {
  '535':
    '5.7.8 Username and Password not accepted. For more information, go to\n5.7.8  https://support.google.com/mail/?p=BadCredentials %ID% - gsmtp',
  '534':
    '5.7.9 Application-specific password required. For more information, go to\n5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor %ID% - gsmtp',
  '454': '4.7.0 Too many login attempts, please try again later. %ID% - gsmtp',
  authRequired:
    '5.7.0 Authentication Required. For more information, go to\n5.7.0  https://support.google.com/mail/?p=WantAuthError %ID% - gsmtp',
  startTlsFirst: '5.7.0 Must issue a STARTTLS command first. %ID% - gsmtp',
  unknownMechanism: '5.7.4 Unrecognized authentication type. %ID% - gsmtp',
} as const;
/** Gmail's refusals of a message, verbatim (%ID% as above), for FakeGmailOptions.refuse. */
export const gmailReplies = {
  noSuchUser:
    "5.1.1 The email account that you tried to reach does not exist. Please try\n5.1.1 double-checking the recipient's email address for typos or\n5.1.1 unnecessary spaces. For more information, go to\n5.1.1  https://support.google.com/mail/?p=NoSuchUser %ID% - gsmtp",
  temporary: '4.3.0 Temporary System Problem.  Try again later (10). %ID% - gsmtp',
  /** 550, at the end of DATA: the account's daily sending limit (a bounce). */
  dailyLimit:
    '5.4.5 Daily user sending limit exceeded. For more information on Gmail\n5.4.5 sending limits go to\n5.4.5  https://support.google.com/a/answer/166852 %ID% - gsmtp',
  /** 421, at MAIL FROM, and the connection closed: Gmail slowing an account down. */
  tryAgainLater: '4.7.0 Try again later, closing connection. (MAIL) %ID% - gsmtp',
  /** 550, at MAIL FROM on smtp-relay.gmail.com: the client's address is in no relay rule (%ADDR%: that address). */
  relayDenied:
    "5.7.1 Invalid credentials for relay [%ADDR%]. The IP address you've\n5.7.1 registered in your G Suite SMTP Relay service doesn't match domain of\n5.7.1 the account this email is being sent from. If you are trying to relay\n5.7.1 mail from a domain that isn't registered under your G Suite account\n5.7.1 or has empty envelope-from, you must configure your mail server\n5.7.1 either to use SMTP AUTH to identify the sending domain or to present\n5.7.1 one of your domain names in the HELO or EHLO command. For more\n5.7.1 information, please visit\n5.7.1  https://support.google.com/a/answer/6140680#invalidcred %ID% - gsmtp",
} as const;
const refusal = (reply: FakeReply) => Object.assign(new Error(reply.text), { responseCode: reply.code });

// Gmail's EHLO on 587, in its order: before STARTTLS no AUTH, after it (and on 465) the real
// mechanism list, so a client must choose among them. CHUNKING is advertised as Gmail does;
// neither Postfix's smtp client nor nodemailer sends BDAT (smtp-server would not take it).
const EHLO_PLAIN = [
  'SIZE 35882577',
  '8BITMIME',
  'STARTTLS',
  'ENHANCEDSTATUSCODES',
  'PIPELINING',
  'CHUNKING',
  'SMTPUTF8',
];
const GMAIL_MECHANISMS = ['LOGIN', 'PLAIN', 'XOAUTH2', 'PLAIN-CLIENTTOKEN', 'OAUTHBEARER', 'XOAUTH'];
const EHLO_SECURE = [
  'SIZE 35882577',
  '8BITMIME',
  `AUTH ${GMAIL_MECHANISMS.join(' ')}`,
  'ENHANCEDSTATUSCODES',
  'PIPELINING',
  'CHUNKING',
  'SMTPUTF8',
];
/** Token mechanisms smtp-server has no handler for: with no OAuth token we know, Gmail refuses them (535). */
const TOKEN_ONLY = new Set(['PLAIN-CLIENTTOKEN', 'OAUTHBEARER', 'XOAUTH']);
/** Gmail's reply to a bad XOAUTH2 token: this challenge, then 535 after the client's empty line. */
const XOAUTH2_ERROR = { status: '400', schemes: 'Bearer', scope: 'https://mail.google.com/' };
const OK_BY_CONTEXT: Record<string, string> = {
  MAIL_FROM_OK: '2.1.0 OK %ID% - gsmtp',
  RCPT_TO_OK: '2.1.5 OK %ID% - gsmtp',
};

const gsmtpId = () => `${randomBytes(6).toString('hex')}sm${Math.floor(Math.random() * 1e7)}`;

type AuthHandler = (command: Buffer, callback: () => void) => void;

/** Rewrites one connection's replies into Gmail's (smtp-server's own texts are hard-coded). */
function speakLikeGmail(conn: SMTPConnection, auths: AuthAttempt[]): void {
  const id = gsmtpId();
  const withAuth = conn as unknown as { handler_AUTH: AuthHandler };
  const handleAuth = withAuth.handler_AUTH.bind(conn);
  withAuth.handler_AUTH = (command, callback) => {
    const [, method = ''] = command.toString().trim().split(/\s+/);
    if (!conn.secure || !TOKEN_ONLY.has(method.toUpperCase()) || conn.session.user)
      return handleAuth(command, callback);
    auths.push({ user: '', password: '', method: method.toUpperCase(), secure: true, accepted: false });
    conn.send(535, GMAIL['535'].replaceAll('%ID%', id).split('\n'));
    callback();
  };
  const send = conn.send.bind(conn);
  conn.send = (code, data, context) => {
    if (code === 538 || code === 530) [code, data] = [530, conn.secure ? GMAIL.authRequired : GMAIL.startTlsFirst];
    else if (code === 235) data = '2.7.0 Accepted';
    else if (code === 504 && data === 'Error: Unrecognized authentication type') data = GMAIL.unknownMechanism;
    else if (code === 535 && data === 'Error: Username and Password not accepted')
      data = GMAIL['535']; // after XOAUTH2's challenge
    else if (code === 220 && data === 'Ready to start TLS') data = '2.0.0 Ready to start TLS';
    else if (typeof context === 'string' && OK_BY_CONTEXT[context]) data = OK_BY_CONTEXT[context];
    // EHLO: smtp-server's own list (AUTH before STARTTLS too, its order) becomes Gmail's.
    else if (code === 250 && Array.isArray(data)) {
      const features = conn.secure
        ? EHLO_SECURE.filter((l) => !(conn.session.user && l.startsWith('AUTH ')))
        : EHLO_PLAIN;
      data = [data[0]!, ...features];
    }
    if (typeof data === 'string') data = data.replaceAll('%ID%', id);
    send(code, typeof data === 'string' && data.includes('\n') ? data.split('\n') : data, context);
  };
}

class GmailLikeServer extends SMTPServer {
  override connect(socket: Socket, socketOptions?: SMTPConnectionOptions | null): void {
    super.connect(socket, socketOptions);
    // The greeting goes out later (after a 100 ms early-talker delay), so wrapping here is in time.
    const conn = [...this.connections].at(-1);
    if (conn) speakLikeGmail(conn, this.auths);
  }

  auths: AuthAttempt[] = [];
}

function parseHeaders(raw: string): Record<string, string> {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    if (colon > 0 && !(name in headers)) headers[name] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Starts a Gmail double on 127.0.0.1 (port 0 = any free port). It never talks to the real Gmail. */
export async function startFakeGmail(opts: FakeGmailOptions): Promise<FakeGmail> {
  const auths: AuthAttempt[] = [];
  const messages: ReceivedMessage[] = [];
  const server = new GmailLikeServer({
    name: 'smtp.gmail.com',
    banner: '%ID% - gsmtp',
    heloResponse: '%s at your service, %s',
    secure: opts.implicitTls ?? false,
    key: opts.key,
    cert: opts.cert,
    authMethods: ['PLAIN', 'LOGIN', 'XOAUTH2'], // the others Gmail offers are answered in speakLikeGmail
    allowInsecureAuth: false,
    authOptional: opts.relay !== undefined,
    hideENHANCEDSTATUSCODES: true, // the replies above carry Gmail's own enhanced codes
    hideDSN: true,
    hideREQUIRETLS: true,
    size: 35882577,
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 500,
    onAuth(auth, session, callback) {
      const user = auth.username ?? '';
      if (auth.method === 'XOAUTH2') {
        // Valid only if the fake OAuth server issued it, for this very account, and it has not expired.
        const accepted = opts.xoauth2?.(auth.accessToken ?? '') === user && user !== '';
        auths.push({ user, password: '', method: auth.method, secure: session.secure, accepted });
        return accepted ? callback(null, { user }) : callback(null, { data: XOAUTH2_ERROR });
      }
      const password = auth.password ?? '';
      const account = opts.accounts[user];
      const reply = account?.password !== password ? '535' : account.reply;
      auths.push({ user, password, method: auth.method, secure: session.secure, accepted: !reply });
      if (!reply) return callback(null, { user });
      callback(Object.assign(new Error(GMAIL[reply]), { responseCode: Number(reply) }));
    },
    onMailFrom(_address, session, callback) {
      const relay = opts.relay;
      if (relay && !session.user) {
        if (!session.secure) return callback(refusal({ code: 530, text: GMAIL.startTlsFirst }));
        const address = session.remoteAddress.replace(/^::ffff:/, '');
        if (!relay.allowed.includes(address))
          return callback(refusal({ code: 550, text: gmailReplies.relayDenied.replaceAll('%ADDR%', address) }));
      }
      callback(opts.refuse?.mail ? refusal(opts.refuse.mail) : undefined);
    },
    onRcptTo(_address, _session, callback) {
      callback(opts.refuse?.rcpt ? refusal(opts.refuse.rcpt) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const refuse = opts.refuse?.data;
        if (refuse === 'stall') return;
        if (refuse) return callback(refusal(refuse));
        const raw = Buffer.concat(chunks).toString('utf8');
        const { mailFrom, rcptTo } = session.envelope;
        const user = typeof session.user === 'string' ? session.user : undefined;
        const used = messages.filter((m) => m.user === user).reduce((n, m) => n + m.rcptTo.length, 0);
        if (opts.dailyLimit !== undefined && used + rcptTo.length > opts.dailyLimit)
          return callback(refusal({ code: 550, text: gmailReplies.dailyLimit }));
        messages.push({
          user,
          secure: session.secure,
          mailFrom: mailFrom ? mailFrom.address : '',
          rcptTo: rcptTo.map((r) => r.address),
          raw,
          headers: parseHeaders(raw),
        });
        callback(null, `2.0.0 OK  ${Math.floor(Date.now() / 1000)} %ID% - gsmtp`);
      });
    },
  });
  server.auths = auths;
  server.on('error', () => {}); // a client hanging up mid-handshake is part of the tests

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port ?? 0, opts.address ?? '127.0.0.1', () => resolve());
  });
  let delivered = 0;
  return {
    port: (server.server.address() as AddressInfo).port,
    host: '127.0.0.1',
    auths,
    messages,
    async waitForMessage(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length <= delivered) {
        if (Date.now() > deadline) {
          const tried = auths.map(({ user, accepted }) => `${user}: ${accepted ? 'accepted' : 'refused'}`);
          throw new Error(
            `fake Gmail: no message within ${timeoutMs} ms (AUTH attempts: ${tried.join(', ') || 'none'})`,
          );
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      return messages[delivered++]!;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
