// When Google ends an OAuth consent, end to end: the built CLI against a real private Postfix (Debian 12),
// the Gmail double accepting only the fake Google OAuth server's access tokens, and that server in
// Testing — each token answer says what is left of the consent (refresh_token_expires_in), here 2 days.
// setup records the end beside the saved settings; status shows it; doctor says oauth-consent-expiring;
// check is WARNING consent-expiring and its textfile has the consent's end; remove takes the record out.
// Debian 12 has no sasl-xoauth2: each run of the wizard gets the plugin's stand-in
// (test/support/plugin-stand-in.ts). No test message: the empty plugin cannot sign in.
import assert from 'node:assert/strict';
import { access, chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFakeGmail, type FakeGmail } from '../../support/fake-gmail.js';
import { startFakeOauth, type FakeOauth } from '../../support/fake-google-oauth.js';
import { assertOutcomeSchema } from '../../support/outcome-schema.js';
import { createPostfixInstance, postfixSkipReason, type PostfixInstance } from '../../support/postfix-instance.js';
import { createTestCa, type TestCa } from '../../support/test-ca.js';
import { pluginStandInSkip, preparePluginStandIn, wizardWithPlugin } from '../../support/plugin-stand-in.js';
import type { WizardRun } from '../../support/wizard-process.js';

const ACCOUNT = 'you@gmail.com';
const CLIENT = '42-consent.apps.googleusercontent.com';
const SECRET = 'GOCSPX-consent-end';
const twoDays = 2 * 86400;
const skip = postfixSkipReason() ?? pluginStandInSkip;

describe('the end of an OAuth consent in Testing: setup records it, status/doctor/check say it', { skip }, () => {
  let tmp: string;
  let ca: TestCa;
  let oauth: FakeOauth;
  let gmail: FakeGmail;
  let postfix: PostfixInstance;
  let refresh: string;
  let setupAt: number;
  before(async () => {
    tmp = await mkdtemp('/tmp/pgw-consent-end-');
    ca = await createTestCa(join(tmp, 'ca'));
    oauth = await startFakeOauth({
      cert: ca.certPem,
      key: ca.keyPem,
      clients: { [CLIENT]: { secret: SECRET } },
      testing: true,
      consentSeconds: twoDays,
    });
    gmail = await startFakeGmail({ cert: ca.certPem, key: ca.keyPem, accounts: {}, xoauth2: oauth.validAccessToken });
    postfix = await createPostfixInstance();
    await postfix.start();
    refresh = oauth.grant(CLIENT, ACCOUNT);
    for (const [name, text] of [
      ['client.json', oauth.clientJson(CLIENT)],
      ['token.json', JSON.stringify({ refresh_token: refresh })],
    ] as const) {
      await writeFile(join(tmp, name), text, { mode: 0o600 });
      await chmod(join(tmp, name), 0o600);
    }
    await preparePluginStandIn(tmp);
    await mkdir(join(tmp, 'prom'));
  });
  after(async () => {
    await postfix?.destroy();
    await gmail?.close();
    await oauth?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  /** The wizard with the plugin's stand-in. */
  const wizard = (args: string[]): Promise<WizardRun> => wizardWithPlugin(postfix, tmp, args, { secret: refresh });
  const json = (run: WizardRun) => {
    const outcome = JSON.parse(run.stdout);
    assertOutcomeSchema(outcome);
    return outcome;
  };
  const record = () => join(postfix.configDir, 'postfix-gmail-wizard.consent');

  it('setup: the end Google gave, recorded beside the saved settings (0644, no secret); the token file as the plugin keeps it', async () => {
    setupAt = Math.floor(Date.now() / 1000);
    const run = await wizard([
      '--account',
      ACCOUNT,
      '--auth',
      'oauth',
      '--relay',
      `localhost:${gmail.port}`,
      '--ca-file',
      ca.caPath,
      '--oauth-client',
      join(tmp, 'client.json'),
      '--oauth-token-file',
      join(tmp, 'token.json'),
      '--no-test',
      '--yes',
      '--json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.leaks, []);
    assert.match(run.stderr, /Testing/);
    const outcome = json(run);
    assert.ok(outcome.changed.files.includes(record()), JSON.stringify(outcome.changed));
    const text = await readFile(record(), 'utf8');
    assert.ok(!text.includes(refresh) && !text.includes(SECRET));
    const [entry] = JSON.parse(text).consents;
    const tokenFile = join(postfix.queueDir, 'sasl-xoauth2', `${ACCOUNT}.json`);
    assert.equal(entry.tokenFile, tokenFile);
    assert.equal(entry.account, ACCOUNT);
    assert.ok(Math.abs(entry.expiresAt - (setupAt + twoDays)) <= 5, `${entry.expiresAt} vs ${setupAt + twoDays}`);
    assert.equal((await stat(record())).mode & 0o777, 0o644);
    const token = JSON.parse(await readFile(tokenFile, 'utf8'));
    assert.deepEqual(Object.keys(token).sort(), [
      'access_token',
      'client_id',
      'client_secret',
      'expiry',
      'refresh_token',
      'token_endpoint',
    ]);
    assert.deepEqual(
      gmail.auths.map((a) => [a.method, a.accepted]),
      [['XOAUTH2', true]],
      'the pre-flight signed in with the fresh access token',
    );
  });

  it('status shows the end; doctor says oauth-consent-expiring with the command; check is WARNING consent-expiring', async () => {
    const end = JSON.parse(await readFile(record(), 'utf8')).consents[0].expiresAt as number;
    const iso = new Date(end * 1000).toISOString();
    const status = json(await wizard(['status', '--json']));
    assert.deepEqual(
      status.status.oauthTokens.map((t: { account: string; consentExpiry?: string }) => [t.account, t.consentExpiry]),
      [[ACCOUNT, iso]],
    );
    assert.ok(status.status.problems.some((p: { code: string }) => p.code === 'oauth-consent-expiring'));
    const text = await wizard(['status']);
    assert.match(
      text.stdout,
      new RegExp(`OAuth consent: you@gmail\\.com: Google ends it at ${iso.replace(/\./g, '\\.')}`),
    );

    const doctor = await wizard(['doctor', '--json']);
    const problems = json(doctor).doctor.problems as { code: string; severity: string; fix: string }[];
    const expiring = problems.find((p) => p.code === 'oauth-consent-expiring');
    assert.equal(expiring?.severity, 'warning', doctor.stdout);
    assert.match(expiring?.fix ?? '', /postfix-gmail-wizard --account you@gmail\.com --auth oauth/);
    assert.match(expiring?.fix ?? '', /Production/);

    const prom = join(tmp, 'prom');
    const check = await wizard(['check', '--textfile', prom]);
    assert.equal(check.code, 1, check.stdout);
    assert.match(check.stdout, /^GMAIL RELAY WARNING - Google ends the OAuth consent for you@gmail\.com at /);
    const checked = json(await wizard(['check', '--json']));
    assert.deepEqual(
      checked.check.problems.map((p: { code: string; state: string }) => [p.code, p.state]),
      [['consent-expiring', 'warning']],
    );
    const metrics = await readFile(join(prom, 'postfix_gmail_wizard.prom'), 'utf8');
    assert.match(
      metrics,
      new RegExp(
        `^postfix_gmail_wizard_oauth_consent_expiry_timestamp_seconds\\{account="you@gmail\\.com"\\} ${end}$`,
        'm',
      ),
    );
    assert.match(metrics, /^postfix_gmail_wizard_state 1$/m);
    // A day's threshold: two days left is no warning.
    const quiet = await wizard(['check', '--consent-days', '1']);
    assert.equal(quiet.code, 0, quiet.stdout);
  });

  it("remove takes the record out with the token file; nothing reached the machine's /etc", async () => {
    const run = await wizard(['remove', '--yes', '--json']);
    assert.equal(run.code, 0, run.stderr);
    await assert.rejects(access(record()), { code: 'ENOENT' });
    await assert.rejects(access(join(postfix.queueDir, 'sasl-xoauth2', `${ACCOUNT}.json`)), { code: 'ENOENT' });
    await assert.rejects(access('/etc/sasl-xoauth2.conf'), { code: 'ENOENT' });
  });
});
