// OAuth → app password → OAuth on the real sasl-xoauth2 plugin (npm run releases:oauth; issue 23). Leaving
// OAuth revokes the old refresh token at Google (the fake), so coming back takes a new consent (a new token).
import assert from 'node:assert/strict';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DebianChroot } from '../support/debian-chroot.js';
import type { FakeGmail } from '../support/fake-gmail.js';
import type { FakeOauth } from '../support/fake-google-oauth.js';

export const ACCOUNT = 'you@gmail.com';
export const APP_PASSWORD = 'sidappasswordxyz';
const tokenPath = '/var/spool/postfix/sasl-xoauth2/you@gmail.com.json';
const say = (line: string) => process.stdout.write(`${line}\n`);

/**
 * Issue 23: OAuth → app password on the real plugin leaves nothing of OAuth (token file, its
 * directory, both configs, the filter) and mail goes out with the password; back to OAuth, it goes
 * out over XOAUTH2 again. Mail must flow both times: the Gmail double records each login's method.
 */
export async function switchToPasswordAndBack(
  gmail: FakeGmail,
  m: DebianChroot,
  wizard: (args: string[], input?: string) => Promise<{ code: number; stdout: string; stderr: string; outcome: any }>,
  setupArgs: string[],
  refresh: string,
  oauth: FakeOauth,
  client: string,
): Promise<string> {
  const passwordArgs = ['--account', ACCOUNT, '--auth', 'app-password', '--relay', `localhost:${gmail.port}`];
  const rest = ['--ca-file', '/etc/ssl/pgw-test-ca.pem', '--no-keychain', '--yes', '--json', '--wait', '60'];
  const before = gmail.messages.length;
  const switched = await wizard([...passwordArgs, ...rest, '--password-stdin'], `${APP_PASSWORD}\n`);
  assert.equal(switched.code, 0, `${switched.stderr}\n${switched.stdout}`);
  assert.equal(switched.outcome.auth, 'app-password');
  assert.equal(switched.outcome.result, 'delivered', switched.stdout);
  assert.equal(gmail.messages.length, before + 1);
  assert.equal(gmail.auths.at(-1)?.method, 'PLAIN', 'Postfix signed in with the password (PLAIN)');
  assert.equal(gmail.auths.at(-1)?.accepted, true);
  for (const path of [tokenPath, '/var/spool/postfix/sasl-xoauth2', '/etc/sasl-xoauth2.conf'])
    assert.equal(await stat(join(m.root, path)).catch(() => undefined), undefined, `${path} is gone`);
  assert.equal((await m.run(['postconf', '-n', 'smtp_sasl_mechanism_filter'])).stdout.trim(), '');
  const map = await m.run(['sh', '-c', 'grep -v "^#" /etc/postfix/sasl_passwd']);
  assert.ok(map.stdout.includes(`${ACCOUNT}:${APP_PASSWORD}`), 'the map holds the password');
  const leftover = await m.run(['sh', '-c', `grep -rl '${refresh}' /etc /var/spool/postfix || true`]);
  assert.equal(leftover.stdout.trim(), '', 'no refresh token left outside the backups');
  say(
    'OAuth → app password: delivered over PLAIN with the password; the token file, its directory, /etc/sasl-xoauth2.conf and the mechanism filter are gone',
  );
  // Leaving OAuth revoked the old refresh token at Google (the fake): coming back takes a new consent.
  assert.ok(
    oauth.revocations.some((r) => r.token === refresh),
    'the switch revoked the old refresh token at the fake',
  );
  const fresh = oauth.grant(client, ACCOUNT);
  await writeFile(join(m.root, 'root/token.json'), JSON.stringify({ refresh_token: fresh }), { mode: 0o600 });
  const back = await wizard(setupArgs.filter((a) => a !== '--install'));
  assert.equal(back.code, 0, `${back.stderr}\n${back.stdout}`);
  assert.equal(back.outcome.result, 'delivered', back.stdout);
  assert.equal(gmail.auths.at(-1)?.method, 'XOAUTH2');
  const after = await m.run(['sh', '-c', 'grep -v "^#" /etc/postfix/sasl_passwd']);
  assert.ok(!after.stdout.includes(APP_PASSWORD), 'the password left the map');
  assert.equal((await m.run(['postconf', '-h', 'smtp_sasl_mechanism_filter'])).stdout.trim(), 'xoauth2');
  say(
    'app password → OAuth (a new consent: the switch revoked the old one): delivered over XOAUTH2 again; the password left the map',
  );
  return fresh;
}
