// The wizard's two SMTP conversations, both through nodemailer (loaded on
// first use): the pre-flight AUTH against the relay, and handing the test
// message to the local Postfix, as the classic recipe did by hand. And a
// bare reachability probe of the relay, per address family, before either.
import type {
  AddressProbe,
  AuthCheckResult,
  EnvelopeCheck,
  EnvelopeCheckResult,
  HttpReply,
  RelayProbe,
  SmtpEndpoint,
  SubmitRequest,
  SubmitResult,
} from './types.js';

const timeouts = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

export async function checkSmtpAuth(
  endpoint: SmtpEndpoint,
  user: string,
  pass: string,
  clientName: string,
): Promise<AuthCheckResult> {
  const { createTransport } = await import('nodemailer');
  const transport = createTransport({
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.implicitTls,
    // Without TLS the password would cross the network in the clear: insist.
    requireTLS: !endpoint.implicitTls,
    name: clientName,
    auth: { user, pass },
    // Verify the chain and that the certificate names endpoint.host; on
    // failure nodemailer closes before AUTH, so the password is never sent.
    tls: { ca: endpoint.ca, servername: endpoint.host, rejectUnauthorized: true, minVersion: 'TLSv1.2' },
    ...timeouts,
  });
  try {
    await transport.verify();
    return { ok: true };
  } catch (error) {
    // nodemailer reports socket-level causes as ESOCKET with the real one in originalCode.
    const e = error as {
      message?: string;
      response?: string;
      responseCode?: number;
      code?: string;
      originalCode?: string;
    };
    return {
      ok: false,
      response: e.response ?? e.message,
      responseCode: e.responseCode,
      errorCode: e.originalCode ?? e.code,
    };
  } finally {
    transport.close();
  }
}

/** A form POST to an OAuth endpoint (oauth-http.ts, loaded on first use). */
export async function postForm(url: string, form: Record<string, string>, ca?: string): Promise<HttpReply> {
  return (await import('./oauth-http.js')).postForm(url, form, ca);
}

/** The envelope pre-flight (smtp-talk.ts, loaded on first use). */
export async function checkEnvelope(
  endpoint: SmtpEndpoint,
  check: EnvelopeCheck,
  clientName: string,
): Promise<EnvelopeCheckResult> {
  return (await import('./smtp-talk.js')).checkEnvelope(endpoint, check, clientName);
}

export async function submitLocal(request: SubmitRequest): Promise<SubmitResult> {
  const { createTransport } = await import('nodemailer');
  // Loopback hop to our own Postfix: no AUTH, and no STARTTLS (a snakeoil
  // certificate there would only make the hop fail, and it never leaves the host).
  const transport = createTransport({
    host: request.host,
    port: request.port,
    secure: false,
    ignoreTLS: true,
    ...timeouts,
  });
  try {
    const info = await transport.sendMail({
      from: request.from,
      to: request.to,
      subject: request.subject,
      text: request.text,
      messageId: request.messageId,
      envelope: { from: request.from, to: [request.to] },
    });
    return { response: info.response };
  } finally {
    transport.close();
  }
}

export async function probeRelay(
  host: string,
  port: number,
  options: { timeoutMs: number; tls?: boolean },
): Promise<RelayProbe> {
  const { lookup } = await import('node:dns/promises');
  let found: { address: string; family: number }[];
  try {
    found = await lookup(host, { all: true });
  } catch (error) {
    return { lookupError: (error as NodeJS.ErrnoException).code ?? 'ENOTFOUND', addresses: [] };
  }
  const targets = [4, 6].map((family) => found.find((a) => a.family === family)).filter((a) => a !== undefined);
  const addresses = await Promise.all(
    targets.map((a) => connectOnce(a.address, a.family === 6 ? 6 : 4, port, options.timeoutMs)),
  );
  const reachable = addresses.find((a) => a.ok);
  const implicitTls =
    options.tls && reachable ? await tlsAtOnce(reachable.address, host, port, options.timeoutMs) : undefined;
  return { addresses, ...(implicitTls === undefined ? {} : { implicitTls }) };
}

async function connectOnce(address: string, family: 4 | 6, port: number, timeoutMs: number): Promise<AddressProbe> {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const socket = connect({ host: address, port, family });
    const done = (ok: boolean, errorCode?: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ family, address, ok, ...(errorCode ? { errorCode } : {}) });
    };
    const timer = setTimeout(() => done(false, 'ETIMEDOUT'), timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('error', (error: NodeJS.ErrnoException) => done(false, error.code ?? 'ESOCKET'));
  });
}

// A server that speaks STARTTLS greets in plain text ("220 …"), which breaks a
// TLS handshake at once; one that speaks implicit TLS completes it. Nothing
// else is said on this connection, so not verifying the certificate here is
// harmless: the pre-flight login verifies it before any password is sent.
async function tlsAtOnce(address: string, host: string, port: number, timeoutMs: number): Promise<boolean> {
  const { connect } = await import('node:tls');
  const { isIP } = await import('node:net');
  return new Promise((resolve) => {
    const socket = connect({
      host: address,
      port,
      servername: isIP(host) ? undefined : host,
      rejectUnauthorized: false,
    });
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('secureConnect', () => done(true));
    socket.once('error', () => done(false));
  });
}
