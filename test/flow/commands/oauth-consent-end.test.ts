// When Google ends an OAuth consent (a consent screen in Testing: refresh_token_expires_in), through
// main() on the recording fake: setup records the end in the config dir's consent record (the plugin's
// token file keeps only the plugin's fields); status shows it; doctor and check warn within 3 days
// (check: --consent-days) and alarm once it has passed; a re-run keeps it; a consent in Production
// takes it out; --oauth-token-file's own end counts; remove takes the record out, restore brings it back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FakeSystem } from '../../support/fake-system.js';
import { oauthHeadless, oauthMachine, oauthSecrets } from '../../support/oauth-machine.js';
import { runCli } from '../../support/run-cli.js';

const record = '/etc/postfix/postfix-gmail-wizard.consent';
const tokenPath = '/var/spool/postfix/sasl-xoauth2/ops@gmail.com.json';
const week = 604799;
const day = 86400;

const ends = (sys: FakeSystem) => {
  const text = sys.text(record);
  return text === undefined
    ? undefined
    : (JSON.parse(text) as { consents: { tokenFile: string; expiresAt: number }[] });
};
const codes = async (sys: FakeSystem, command: 'doctor' | 'check' | 'status') => {
  const run = await runCli(sys, [command, '--json']);
  const json = run.json as unknown as {
    doctor?: { problems: { code: string }[] };
    status?: { problems?: { code: string }[] };
    check?: { problems: { code: string }[] };
  };
  return {
    exit: run.exit,
    codes: (json.doctor?.problems ?? json.status?.problems ?? json.check?.problems ?? []).map((p) => p.code),
  };
};

describe('the end of an OAuth consent (a consent screen in Testing)', () => {
  it("setup records it beside the saved settings (0644, root, no secret); the token file stays the plugin's", async () => {
    const sys = oauthMachine({ consentSeconds: week });
    const run = await runCli(sys, [...oauthHeadless, '--json']);
    assert.equal(run.exit, 0, run.stderr);
    const now = Math.floor(sys.clock / 1000);
    const written = ends(sys);
    assert.equal(written?.consents.length, 1);
    assert.equal(written?.consents[0]?.tokenFile, tokenPath);
    assert.ok(Math.abs((written?.consents[0]?.expiresAt ?? 0) - (now + week)) <= 2, JSON.stringify(written));
    const file = sys.files.get(record);
    assert.deepEqual([file?.mode, file?.uid], [0o644, 0]);
    for (const secret of [oauthSecrets.REFRESH, oauthSecrets.SECRET, oauthSecrets.ACCESS])
      assert.ok(!(sys.text(record) ?? '').includes(secret));
    assert.deepEqual(Object.keys(JSON.parse(sys.text(tokenPath) ?? '{}')).sort(), [
      'access_token',
      'client_id',
      'client_secret',
      'expiry',
      'refresh_token',
      'token_endpoint',
    ]);
    assert.ok(run.json?.changed.files.includes(record), JSON.stringify(run.json?.changed));
  });

  it('status shows it; doctor and check say nothing a week before, warn within 3 days, alarm after it', async () => {
    const sys = oauthMachine({ consentSeconds: week });
    assert.equal((await runCli(sys, oauthHeadless)).exit, 0);
    const status = await runCli(sys, ['status', '--json']);
    const tokens = (
      status.json as unknown as { status: { oauthTokens: { account: string; consentExpiry?: string }[] } }
    ).status.oauthTokens;
    assert.equal(tokens[0]?.account, 'ops@gmail.com');
    assert.equal(tokens[0]?.consentExpiry, new Date((ends(sys)?.consents[0]?.expiresAt ?? 0) * 1000).toISOString());
    assert.match((await runCli(sys, ['status'])).stdout, /OAuth consent: ops@gmail\.com: Google ends it at 20\d\d-/);
    assert.match(
      (await runCli(sys, ['status', '--lang', 'ja'])).stdout,
      /OAuth の同意: ops@gmail\.com: .* に Google が終了します/,
    );
    assert.deepEqual(await codes(sys, 'check'), { exit: 0, codes: [] });
    assert.ok(!(await codes(sys, 'doctor')).codes.some((c) => c.startsWith('oauth-consent')));
    // --consent-days 7 warns already.
    const early = await runCli(sys, ['check', '--consent-days', '7']);
    assert.equal(early.exit, 1, early.stdout);
    assert.match(early.stdout, /^GMAIL RELAY WARNING - Google ends the OAuth consent for ops@gmail\.com at /);
    sys.clock += 5 * day * 1000;
    assert.deepEqual(await codes(sys, 'check'), { exit: 1, codes: ['consent-expiring'] });
    assert.ok((await codes(sys, 'doctor')).codes.includes('oauth-consent-expiring'));
    assert.ok((await codes(sys, 'status')).codes.includes('oauth-consent-expiring'));
    const doctor = await runCli(sys, ['doctor']);
    assert.match(doctor.stdout, /postfix-gmail-wizard --account ops@gmail\.com --auth oauth/);
    assert.match(doctor.stdout, /Production/);
    sys.clock += 3 * day * 1000;
    assert.deepEqual(await codes(sys, 'check'), { exit: 2, codes: ['consent-expired'] });
    assert.ok((await codes(sys, 'doctor')).codes.includes('oauth-consent-expired'));
    const text = await runCli(sys, ['check']);
    assert.match(text.stdout, /^GMAIL RELAY CRITICAL - Google ended the OAuth consent for ops@gmail\.com/);
  });

  it('a re-run with the same token changes nothing (Google counts what is left; the earliest end stands)', async () => {
    const sys = oauthMachine({ consentSeconds: week });
    assert.equal((await runCli(sys, oauthHeadless)).exit, 0);
    const first = sys.text(record);
    sys.clock += 3600_000; // an hour on; this machine's double still says a whole week
    const again = await runCli(sys, [...oauthHeadless, '--json']);
    assert.equal(again.exit, 0, again.stderr);
    assert.equal(again.json?.result, 'unchanged', JSON.stringify(again.json?.changed));
    assert.equal(sys.text(record), first);
  });

  it("a consent screen in Production: no record; a new consent there takes the Testing one's end out", async () => {
    const production = oauthMachine();
    assert.equal((await runCli(production, oauthHeadless)).exit, 0);
    assert.equal(production.files.has(record), false);
    assert.match((await runCli(production, ['status'])).stdout, /OAuth consent: ops@gmail\.com: no end recorded/);
    const sys = oauthMachine({ consentSeconds: week });
    assert.equal((await runCli(sys, oauthHeadless)).exit, 0);
    assert.ok(sys.files.has(record));
    // The same refresh token, and the refresh says no end: the end recorded stands (Google still ends it).
    const answers = production.postResult;
    sys.postResult = answers;
    assert.equal((await runCli(sys, oauthHeadless)).exit, 0);
    assert.ok(sys.files.has(record));
    // A new consent, given with the screen published: its token file is rewritten and the end goes.
    sys.postResult = (url, form) =>
      answers(
        url,
        form.refresh_token === '1//new-production-consent' ? { ...form, refresh_token: oauthSecrets.REFRESH } : form,
      );
    sys.put('/root/token.json', JSON.stringify({ refresh_token: '1//new-production-consent' }), 0o600);
    const renewed = await runCli(sys, [...oauthHeadless, '--json']);
    assert.equal(renewed.exit, 0, renewed.stderr);
    assert.equal(sys.files.has(record), false);
    assert.ok(renewed.json?.changed.files.includes(record), JSON.stringify(renewed.json?.changed));
  });

  it("--oauth-token-file's refresh_token_expires_at (earlier than Google's count) is the end; _in counts from the file's mtime", async () => {
    const sys = oauthMachine({ consentSeconds: week });
    const now = Math.floor(sys.clock / 1000);
    sys.put(
      '/root/token.json',
      JSON.stringify({ refresh_token: oauthSecrets.REFRESH, refresh_token_expires_at: now + day }),
      0o600,
    );
    assert.equal((await runCli(sys, oauthHeadless)).exit, 0);
    assert.equal(ends(sys)?.consents[0]?.expiresAt, now + day);
    const other = oauthMachine();
    const saved = Math.floor(other.clock / 1000);
    other.put(
      '/root/token.json',
      JSON.stringify({ refresh_token: oauthSecrets.REFRESH, refresh_token_expires_in: 2 * day }),
      0o600,
    );
    other.clock += day * 1000;
    assert.equal((await runCli(other, oauthHeadless)).exit, 0);
    assert.equal(ends(other)?.consents[0]?.expiresAt, saved + 2 * day);
  });

  it('remove takes the record out with the token file; restore of that backup brings it back', async () => {
    const sys = oauthMachine({ consentSeconds: week });
    assert.equal((await runCli(sys, oauthHeadless)).exit, 0);
    const written = sys.text(record);
    const removed = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(removed.exit, 0, removed.stderr);
    assert.equal(sys.files.has(record), false);
    const restored = await runCli(sys, ['restore', removed.json?.backupId ?? '', '--yes', '--json']);
    assert.equal(restored.exit, 0, restored.stderr);
    assert.equal(sys.text(record), written);
  });

  it('switching from OAuth to an app password takes the record out with the token file', async () => {
    const sys = oauthMachine({ consentSeconds: week });
    sys.authResult = (user, given) =>
      user === oauthSecrets.ACCOUNT && given === 'abcdefghijklmnop'
        ? { ok: true }
        : { ok: false, errorCode: 'EAUTH', responseCode: 535 };
    assert.equal((await runCli(sys, oauthHeadless)).exit, 0);
    assert.ok(sys.files.has(record));
    const args = [
      '--account',
      oauthSecrets.ACCOUNT,
      '--auth',
      'app-password',
      '--password-stdin',
      '--yes',
      '--no-test',
    ];
    const run = await runCli(sys, [...args, '--json'], { stdin: 'abcdefghijklmnop\n' });
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(sys.files.has(tokenPath), false);
    assert.equal(sys.files.has(record), false);
  });

  it('--dry-run shows no record and writes none', async () => {
    const sys = oauthMachine({ consentSeconds: week });
    const run = await runCli(sys, [...oauthHeadless.filter((a) => a !== '--yes'), '--dry-run']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(sys.files.has(record), false);
  });
});
