// The wizard's two SMTP conversations, both through nodemailer (loaded on
// first use): the pre-flight AUTH against the relay, and handing the test
// message to the local Postfix, as the classic recipe did by hand.
import type { AuthCheckResult, SmtpEndpoint, SubmitRequest, SubmitResult } from './types.js';

const timeouts = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

export async function checkSmtpAuth(endpoint: SmtpEndpoint, user: string, pass: string, clientName: string): Promise<AuthCheckResult> {
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
    const e = error as { message?: string; response?: string; responseCode?: number; code?: string; originalCode?: string };
    return { ok: false, response: e.response ?? e.message, responseCode: e.responseCode, errorCode: e.originalCode ?? e.code };
  } finally {
    transport.close();
  }
}

export async function submitLocal(request: SubmitRequest): Promise<SubmitResult> {
  const { createTransport } = await import('nodemailer');
  // Loopback hop to our own Postfix: no AUTH, and no STARTTLS (a snakeoil
  // certificate there would only make the hop fail, and it never leaves the host).
  const transport = createTransport({ host: request.host, port: request.port, secure: false, ignoreTLS: true, ...timeouts });
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
