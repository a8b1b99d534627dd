// A browser for OAuth consent tests: opens the authorization address the wizard printed (at the fake
// Google OAuth server, HTTPS with the test CA), takes its redirect, and either follows it to the
// wizard's loopback listener (the browser on the same machine, or through an SSH forward) or stops
// there and hands back the address it ended on (the browser that cannot reach it: paste-back).
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';

export interface Page {
  status: number;
  body: string;
  location?: string;
}

export function fetchPage(url: string, ca?: string): Promise<Page> {
  const target = new URL(url);
  const get = target.protocol === 'https:' ? httpsGet : httpGet;
  return new Promise((resolve, reject) => {
    const req = get(target, target.protocol === 'https:' ? { ca } : {}, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          ...(res.headers.location ? { location: res.headers.location } : {}),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** The consent given at the fake: the address it redirects to (http://127.0.0.1:PORT/?code=…&state=…). */
export async function consentRedirect(authUrl: string, ca: string): Promise<string> {
  const page = await fetchPage(authUrl, ca);
  if (page.status !== 302 || !page.location) throw new Error(`the authorization endpoint answered ${page.status}`);
  return page.location;
}

/** The address pulled out of text the wizard showed: the first https address with code_challenge. */
export function authUrlIn(text: string): string | undefined {
  return /https:\/\/\S+code_challenge=\S+/.exec(text)?.[0];
}
