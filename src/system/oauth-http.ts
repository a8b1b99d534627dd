// The wizard's one HTTP conversation: a form POST to an OAuth endpoint (token, revocation), TLS
// verified against the same trust anchors as the relay (--ca-file applies to these endpoints too).
// The client secret, the refresh token and the code travel in the body only, never in the URL,
// the arguments or the environment of a child; the reply is returned, never logged.
import type { HttpReply } from './types.js';

const timeoutMs = 20_000;

export async function postForm(url: string, form: Record<string, string>, ca?: string): Promise<HttpReply> {
  const target = new URL(url);
  const body = new URLSearchParams(form).toString();
  const { request } = target.protocol === 'https:' ? await import('node:https') : await import('node:http');
  return new Promise((resolve) => {
    const req = request(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          accept: 'application/json',
        },
        ...(target.protocol === 'https:' ? { ca, rejectUnauthorized: true, minVersion: 'TLSv1.2' as const } : {}),
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e: NodeJS.ErrnoException) => resolve({ status: 0, body: '', errorCode: e.code ?? 'ESOCKET' }));
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (e: NodeJS.ErrnoException) =>
      resolve({ status: 0, body: '', errorCode: e.code ?? 'ESOCKET', errorMessage: e.message }),
    );
    req.end(body);
  });
}
