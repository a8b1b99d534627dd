// smtp chrooted under the real sasl-xoauth2 plugin (npm run releases:oauth): its libcurl verifies the
// token endpoint with the copy of the CA bundle setup put inside the chroot. The copy gone (as before the
// wizard copied it) — the plugin logs curl's "Problem with the SSL CA cert"; the copy stale (another CA's,
// as after the original changed) — curl cannot verify the endpoint. Each time the next message waits,
// doctor names the copy (oauth-chroot-ca-stale; the first time also oauth-ca-unreadable from the plugin's
// own line, not a revoked consent), and doctor --fix copies the bundle in again: the waiting mail goes out.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestCa } from '../support/test-ca.js';
import { queueDrains, type SidOauth, tokenExpired } from './oauth-sid-consent.js';

/** The copy removed, then another CA's certificate in its place; `original` is the bundle outside the chroot. */
export async function chrootCaBroken(s: SidOauth, copy: string, original: string): Promise<void> {
  await rm(join(s.m.root, copy));
  const missing = await refreshFails(s, `without ${copy}`);
  assert.ok(
    missing.logged.some((l) => /TokenStore::Refresh: http error: Problem with the SSL CA cert/.test(l)),
    missing.logged.join('\n'),
  );
  for (const code of ['oauth-chroot-ca-stale', 'oauth-ca-unreadable'])
    assert.ok(missing.codes.includes(code), `doctor names ${code}: ${missing.codes}`);
  assert.ok(!missing.codes.includes('oauth-consent-revoked'), 'not called a revoked consent');
  await fixedByDoctor(s, copy, original);

  const dir = await mkdtemp(join(tmpdir(), 'pgw-other-ca-'));
  try {
    await writeFile(join(s.m.root, copy), (await createTestCa(dir, { name: 'other' })).caPem);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const stale = await refreshFails(s, `${copy} not the same as ${original} (another CA's)`);
  assert.ok(
    stale.logged.some((l) => /TokenStore::Refresh: http error: SSL certificate verification failed/.test(l)),
    stale.logged.join('\n'),
  );
  for (const code of ['oauth-chroot-ca-stale', 'oauth-ca-unreadable'])
    assert.ok(stale.codes.includes(code), `doctor names ${code}: ${stale.codes}`);
  assert.ok(!stale.codes.includes('oauth-consent-revoked'), 'not called a revoked consent');
  await fixedByDoctor(s, copy, original);
}

/** The access token expired, a test message that must wait with no refresh reaching the fake; what was logged; doctor's codes. */
async function refreshFails(s: SidOauth, what: string): Promise<{ logged: string[]; codes: string[] }> {
  await tokenExpired(s);
  const from = s.m.syslog!.lines.length;
  const asked = s.oauth.requests.length;
  const sent = await s.wizard(['test', '--json', '--wait', '30']);
  assert.notEqual(sent.code, 0, `the test message went out (${what}):\n${sent.stdout}`);
  const refreshes = s.oauth.requests.slice(asked).filter((r) => r.grantType === 'refresh_token');
  assert.equal(refreshes.length, 0, 'no refresh reached the fake: libcurl could not verify it');
  const logged = s.m.syslog!.lines.slice(from);
  s.say(`${what}: test exit ${sent.code}, no refresh reached the fake; the real plugin and Postfix logged:`);
  for (const line of logged.filter((l) => /sasl|SASL|status=deferred/.test(l))) s.say(`  ${line}`);
  const doctor = await s.wizard(['doctor', '--json']);
  const problems = (doctor.outcome.doctor?.problems ?? []) as { code: string; severity: string; evidence: string[] }[];
  s.say(
    `doctor: exit ${doctor.code}, ${problems.map((p) => `${p.code} (${p.severity}: ${p.evidence.join('; ')})`).join(', ')}`,
  );
  // The map's "password" is the token file's path: doctor must not try it at the relay (a false login-refused).
  assert.ok(!problems.some((p) => p.code === 'login-refused'), 'no login tried with the token path');
  return { logged, codes: problems.map((p) => p.code) };
}

async function fixedByDoctor(s: SidOauth, copy: string, original: string): Promise<void> {
  const fix = await s.wizard(['doctor', '--fix', '--yes', '--json']);
  const fixed: string[] = fix.outcome.doctor?.fixed ?? [];
  assert.ok(fixed.includes('oauth-chroot-ca-stale'), `doctor --fix: ${fix.stdout}\n${fix.stderr}`);
  assert.equal(await readFile(join(s.m.root, copy), 'utf8'), await readFile(join(s.m.root, original), 'utf8'));
  await queueDrains(s);
  s.say(
    `doctor --fix copied ${original} into the chroot again (backup ${fix.outcome.backupId}): the waiting message left`,
  );
}
