// The consent stops working under the real sasl-xoauth2 plugin (npm run releases:oauth): the fake
// token endpoint refuses the plugin's refresh as Google does — 400 invalid_grant (a revoked or expired
// consent) or 401 invalid_client (the OAuth client was deleted) —; the next message waits, `doctor` and
// `check` name the cause from the lines the plugin and Postfix really logged, and the fix a person makes
// (a new consent; a new client and consent) makes mail go out again.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DebianChroot, RunResult } from '../support/debian-chroot.js';
import type { FakeOauth } from '../support/fake-google-oauth.js';

export interface SidOauth {
  m: DebianChroot;
  oauth: FakeOauth;
  account: string;
  client: string;
  tokenPath: string;
  setupArgs: string[];
  wizard(args: string[]): Promise<RunResult & { outcome: Record<string, any> }>;
  say(line: string): void;
}

/** Waits until the plugin's own clock says the access token in the file expired (its `expiry`, seconds). */
export async function tokenExpired(s: SidOauth): Promise<void> {
  const file = JSON.parse(await readFile(join(s.m.root, s.tokenPath), 'utf8')) as { expiry?: string };
  const expiry = Number(file.expiry ?? 0) * 1000;
  while (Date.now() <= expiry + 1000) await new Promise((r) => setTimeout(r, 250));
}

/** A test message that must wait: the lines logged for it, doctor's codes and check's line. */
async function deferredAndNamed(s: SidOauth, expected: string, answered: string): Promise<string[]> {
  const from = s.m.syslog!.lines.length;
  const asked = s.oauth.requests.length;
  const sent = await s.wizard(['test', '--json', '--wait', '30']);
  assert.notEqual(sent.code, 0, `the test message went out:\n${sent.stdout}`);
  const refreshes = s.oauth.requests.slice(asked).filter((r) => r.grantType === 'refresh_token');
  assert.ok(refreshes.length > 0, "the plugin's refresh reached the fake");
  assert.ok(
    refreshes.every((r) => r.error === answered),
    `the fake answered ${answered}: ${JSON.stringify(refreshes)}`,
  );
  const logged = s.m.syslog!.lines.slice(from);
  s.say(
    `test: exit ${sent.code}, ${sent.outcome.result ?? sent.outcome.test?.result}; the real plugin and Postfix logged:`,
  );
  for (const line of logged.filter((l) => /sasl|SASL|status=deferred/.test(l))) s.say(`  ${line}`);
  const doctor = await s.wizard(['doctor', '--json']);
  const codes = (doctor.outcome.doctor?.problems ?? []).map((p: { code: string }) => p.code);
  s.say(`doctor: exit ${doctor.code}, problems ${JSON.stringify(codes)}`);
  const check = await s.m.wizard(['check']);
  s.say(`check: exit ${check.code}: ${check.stdout.split('\n')[0]}`);
  assert.ok(codes.includes(expected), `doctor names ${expected}: ${doctor.stdout}`);
  assert.equal(check.code, 2, check.stdout);
  assert.match(check.stdout, new RegExp(`^GMAIL RELAY CRITICAL - .*\\[${expected}\\]`));
  return logged;
}

/** Flushes the queue and waits (on the log) until it is empty: the waiting message went out too. */
export async function queueDrains(s: SidOauth): Promise<void> {
  await s.m.run(['postqueue', '-f']);
  for (let i = 0; i < 240; i++) {
    const queue = (await s.m.run(['postqueue', '-j'])).stdout.trim();
    if (queue === '') return;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail('the waiting message never left');
}

export async function consentRevoked(s: SidOauth, refresh: string): Promise<{ invalidGrant: string[] }> {
  s.oauth.revoke(refresh);
  await tokenExpired(s);
  s.say('the consent was revoked at the fake and the access token expired');
  const invalidGrant = await deferredAndNamed(s, 'oauth-consent-revoked', 'invalid_grant');
  const fresh = s.oauth.grant(s.client, s.account);
  await writeFile(join(s.m.root, 'root/token.json'), JSON.stringify({ refresh_token: fresh }), { mode: 0o600 });
  const again = await s.wizard(s.setupArgs);
  assert.equal(again.code, 0, `${again.stderr}\n${again.stdout}`);
  assert.equal(again.outcome.result, 'delivered', again.stdout);
  await queueDrains(s);
  s.say('a new consent (--oauth-token-file with a fresh token): setup delivered, and the waiting message left');
  return { invalidGrant };
}

export async function clientDeleted(s: SidOauth): Promise<{ invalidClient: string[]; client: string }> {
  const secret = s.oauth.options.clients[s.client]!.secret;
  delete s.oauth.options.clients[s.client];
  await tokenExpired(s);
  s.say('the OAuth client was deleted at the fake and the access token expired');
  // The plugin's one line (its summary) is the same as for invalid_grant: only its full trace, which
  // holds the client secret and the refresh token, has Google's answer. Doctor names the consent.
  const invalidClient = await deferredAndNamed(s, 'oauth-consent-revoked', 'invalid_client');
  const client = `${s.client.split('.')[0]}-new.apps.googleusercontent.com`;
  s.oauth.options.clients[client] = { secret: `${secret}-new` };
  await writeFile(join(s.m.root, 'root/client-new.json'), s.oauth.clientJson(client), { mode: 0o600 });
  const fresh = s.oauth.grant(client, s.account);
  await writeFile(join(s.m.root, 'root/token.json'), JSON.stringify({ refresh_token: fresh }), { mode: 0o600 });
  const args = s.setupArgs.map((a) => (a === '/root/client.json' ? '/root/client-new.json' : a));
  const again = await s.wizard(args);
  assert.equal(again.code, 0, `${again.stderr}\n${again.stdout}`);
  assert.equal(again.outcome.result, 'delivered', again.stdout);
  await queueDrains(s);
  s.say('a new client JSON and a new consent: setup delivered, and the waiting message left');
  return { invalidClient, client };
}
