// The OAuth consent's redirect target: a one-shot HTTP listener on 127.0.0.1 only (never a wildcard
// address: nobody else on the network may answer in the browser's place), on a free port the kernel
// picks. It answers GET requests to the one expected path; the caller's `judge` decides whether a query
// is the answer (taken: the wait ends, the listener closes after its reply), a refusal (a wrong state:
// the refused page, and the wait goes on — any user of the machine can see the port and send one, and
// must not be able to end the run), or nothing (a favicon, a stray request: 404, still listening). The
// query holds the authorization code: it is handed to the caller, never logged.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type LoopbackVerdict = 'take' | 'refuse' | 'ignore';

export interface LoopbackPages {
  /** The page the browser shows once the answer is taken: "go back to the terminal". */
  taken: string;
  refused: string;
  ignored: string;
}

export interface LoopbackListener {
  port: number;
  /** The first query judged 'take'; never settles if closed before. */
  answer: Promise<{ verdict: 'take'; query: URLSearchParams }>;
  /** Stops listening and drops every connection; safe to call twice. */
  close(): Promise<void>;
}

const page = (res: ServerResponse, status: number, html: string) => {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // The code is in this page's address: no referrer to anything, no framing.
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    connection: 'close',
  });
  res.end(html);
};

export async function listenLoopback(
  path: string,
  judge: (query: URLSearchParams) => LoopbackVerdict,
  pages: LoopbackPages,
): Promise<LoopbackListener> {
  let settle: (value: { verdict: 'take'; query: URLSearchParams }) => void = () => {};
  const answer = new Promise<{ verdict: 'take'; query: URLSearchParams }>((resolve) => {
    settle = resolve;
  });
  let done = false;
  let closing: Promise<void> | undefined;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const verdict = done || req.method !== 'GET' || url.pathname !== path ? 'ignore' : judge(url.searchParams);
    if (verdict === 'ignore') return page(res, 404, pages.ignored);
    if (verdict === 'refuse') return page(res, 400, pages.refused);
    done = true;
    page(res, 200, pages.taken);
    // Closed once the browser has the page: the one answer is in, nothing else may come.
    res.on('finish', () => void close());
    settle({ verdict, query: url.searchParams });
  });
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return { port: (server.address() as AddressInfo).port, answer, close };
}
