// Leaving OAuth revokes the refresh token at Google, end to end: the built CLI against a real private
// Postfix (Debian 12), the Gmail double, and the fake Google OAuth server, whose revocation endpoint
// records what it received. A remove that `postfix check` refuses rolls back and revokes nothing; a remove
// that succeeds revokes the token (form body `token=…` only; never in any process's argv or environment,
// nor in the output or --json) and Google then refuses it; setup switching to an app password revokes the
// old token after its change; with the OAuth server gone, remove warns with the manual fix and exits 0.
// The plugin's stand-in and the /etc overlay: test/support/plugin-stand-in.ts (Debian 12 has no
// sasl-xoauth2); nothing on the machine changes.
import assert from 'node:assert/strict';
import { access, chmod, copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFakeGmail, type FakeGmail } from '../../support/fake-gmail.js';
import { startFakeOauth, type FakeOauth } from '../../support/fake-google-oauth.js';
import { assertOutcomeSchema } from '../../support/outcome-schema.js';
import { createPostfixInstance, postfixSkipReason, type PostfixInstance } from '../../support/postfix-instance.js';
import { createTestCa, type TestCa } from '../../support/test-ca.js';
import { pluginStandInSkip, preparePluginStandIn, wizardWithPlugin } from '../../support/plugin-stand-in.js';
import type { WizardRun } from '../../support/wizard-process.js';
import { createRealSystem } from '../../../src/system/real-system.js';

const ACCOUNT = 'you@gmail.com';
const PW = 'revoketestpassxy';
const CLIENT = '42-revoke.apps.googleusercontent.com';
const SECRET = 'GOCSPX-revoke-e2e';
const skip = postfixSkipReason() ?? pluginStandInSkip;

describe('leaving OAuth revokes the refresh token, after the change only (real Postfix)', { skip }, () => {
  let tmp: string;
  let ca: TestCa;
  let oauth: FakeOauth;
  let gmail: FakeGmail;
  let postfix: PostfixInstance;
  const tokenFile = () => join(postfix.queueDir, 'sasl-xoauth2', `${ACCOUNT}.json`);

  before(async () => {
    tmp = await mkdtemp('/tmp/pgw-revoke-');
    ca = await createTestCa(join(tmp, 'ca'));
    oauth = await startFakeOauth({ cert: ca.certPem, key: ca.keyPem, clients: { [CLIENT]: { secret: SECRET } } });
    gmail = await startFakeGmail({
      cert: ca.certPem,
      key: ca.keyPem,
      accounts: { [ACCOUNT]: { password: PW } },
      xoauth2: oauth.validAccessToken,
    });
    postfix = await createPostfixInstance();
    await postfix.start();
    await preparePluginStandIn(tmp);
    await writeFile(join(tmp, 'client.json'), oauth.clientJson(CLIENT), { mode: 0o600 });
    // `postfix check` refused once (the marker file says it fired), then the real one: a rollback.
    await copyFile('/usr/sbin/postfix', join(tmp, 'postfix.real'));
    await writeFile(
      join(tmp, 'postfix-wrapper'),
      `#!/bin/sh\ncase " $* " in *" check "*) if [ ! -e "${tmp}/fired" ]; then : > "${tmp}/fired"; echo "postfix: fatal: injected fault" >&2; exit 1; fi;; esac\nexec "${tmp}/postfix.real" "$@"\n`,
    );
    await chmod(join(tmp, 'postfix-wrapper'), 0o755);
  });
  after(async () => {
    await postfix?.destroy();
    await gmail?.close();
    await oauth?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  /** The wizard with the plugin's stand-in; `failCheck`: postfix check refused once. */
  const wizard = (args: string[], secret: string, more: { failCheck?: boolean; stdin?: string } = {}) =>
    wizardWithPlugin(postfix, tmp, args, {
      secret,
      ...(more.stdin !== undefined ? { stdin: more.stdin } : {}),
      ...(more.failCheck ? { mounts: ['mount --bind "$0/postfix-wrapper" /usr/sbin/postfix'] } : {}),
    });
  const json = (run: WizardRun) => {
    const outcome = JSON.parse(run.stdout);
    assertOutcomeSchema(outcome);
    return outcome;
  };
  /** A new consent (the headless road: a token file from it), set up through the wizard. */
  const onOauth = async (): Promise<string> => {
    const refresh = oauth.grant(CLIENT, ACCOUNT);
    await writeFile(join(tmp, 'token.json'), JSON.stringify({ refresh_token: refresh }), { mode: 0o600 });
    const run = await wizard(
      [
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
      ],
      refresh,
    );
    assert.equal(run.code, 0, run.stderr);
    await access(tokenFile());
    return refresh;
  };
  /** Google's answer to a refresh with `refresh` now (the plugin's next refresh would get the same). */
  const refreshStatus = async (refresh: string) =>
    (
      await createRealSystem().postForm(
        `${oauth.base}/token`,
        { grant_type: 'refresh_token', refresh_token: refresh, client_id: CLIENT, client_secret: SECRET },
        ca.caPem,
      )
    ).status;
  const noSecretIn = (run: WizardRun, secret: string) => {
    assert.deepEqual(run.leaks, [], 'not in any argv or environment while the wizard ran');
    assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret), 'not in the output or --json');
  };

  it('remove that postfix check refuses: rolled back, the token file back, nothing revoked, the token still valid', async () => {
    const refresh = await onOauth();
    const run = await wizard(['remove', '--yes', '--json'], refresh, { failCheck: true });
    assert.equal(run.code, 1, run.stdout);
    await access(join(tmp, 'fired'));
    await access(tokenFile());
    assert.deepEqual(oauth.revocations, []);
    assert.equal(json(run).revocation, undefined);
    assert.equal(await refreshStatus(refresh), 200);
    noSecretIn(run, refresh);
  });

  it('remove: the token file gone, then its refresh token revoked (form body token=… only); Google refuses it after', async () => {
    // The token file the rolled-back remove left.
    const refresh = (JSON.parse(await readFile(tokenFile(), 'utf8')) as { refresh_token: string }).refresh_token;
    const run = await wizard(['remove', '--yes', '--json'], refresh);
    assert.equal(run.code, 0, run.stderr);
    await assert.rejects(access(tokenFile()), { code: 'ENOENT' });
    assert.deepEqual(oauth.revocations, [
      { fields: ['token'], token: refresh, contentType: 'application/x-www-form-urlencoded' },
    ]);
    assert.deepEqual(json(run).revocation, { revoked: 1, failed: 0, kept: 0 });
    assert.equal(await refreshStatus(refresh), 400, 'invalid_grant from now on');
    noSecretIn(run, refresh);
  });

  it('setup switching to an app password revokes the old refresh token once its change is done', async () => {
    const refresh = await onOauth();
    const before = oauth.revocations.length;
    const run = await wizard(
      [
        '--account',
        ACCOUNT,
        '--auth',
        'app-password',
        '--password-stdin',
        '--relay',
        `localhost:${gmail.port}`,
        '--ca-file',
        ca.caPath,
        '--no-test',
        '--yes',
        '--json',
      ],
      refresh,
      { stdin: `${PW}\n` },
    );
    assert.equal(run.code, 0, run.stderr);
    await assert.rejects(access(tokenFile()), { code: 'ENOENT' });
    assert.deepEqual(
      oauth.revocations.slice(before).map((r) => r.token),
      [refresh],
    );
    assert.deepEqual(json(run).revocation, { revoked: 1, failed: 0, kept: 0 });
    assert.equal(await refreshStatus(refresh), 400);
    noSecretIn(run, refresh);
  });

  it('remove with the revocation endpoint unreachable: a warning with the manual fix, exit 0, the relay removed', async () => {
    const refresh = await onOauth();
    await oauth.close();
    const run = await wizard(['remove', '--yes', '--json'], refresh);
    assert.equal(run.code, 0, run.stderr);
    await assert.rejects(access(tokenFile()), { code: 'ENOENT' });
    const outcome = json(run);
    assert.deepEqual(outcome.revocation, { revoked: 0, failed: 1, kept: 0 });
    assert.ok(
      outcome.warnings.some((w: string) => /ECONNREFUSED.*https:\/\/myaccount\.google\.com\/permissions/.test(w)),
      JSON.stringify(outcome.warnings),
    );
    noSecretIn(run, refresh);
  });
});
