// Leaving OAuth revokes the old refresh token at Google (flow/apply/revoke.ts), through main() on the
// recording fake (Debian 12, oauth-machine.ts): remove and setup's switch to an app password revoke it
// only once the transaction committed (the token file already gone when the POST is made), never after
// a rollback or a dry run; --keep-token keeps it; a failed revocation (offline, invalid_token) is a
// warning with the manual fix and exit 0; the token is in the POST body only — never in argv, env,
// output or --json.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FakeSystem } from '../../support/fake-system.js';
import { oauthHeadless, oauthMachine, oauthSecrets } from '../../support/oauth-machine.js';
import { runCli } from '../../support/run-cli.js';

const { ACCOUNT, REFRESH, SECRET } = oauthSecrets;
const tokenPath = '/var/spool/postfix/sasl-xoauth2/ops@gmail.com.json';
const REVOKE = 'https://oauth2.googleapis.com/revoke';
const PW = 'abcdefghijklmnop';

/** OAuth set up; each POST to the revocation endpoint records whether the token file was still there. */
async function onOauth(): Promise<{
  sys: FakeSystem;
  revokes: { form: Record<string, string>; fileThere: boolean }[];
}> {
  const sys = oauthMachine();
  sys.authResult = (user, given) =>
    user === ACCOUNT && given === PW ? { ok: true } : { ok: false, errorCode: 'EAUTH', responseCode: 535 };
  const run = await runCli(sys, oauthHeadless);
  assert.equal(run.exit, 0, run.stderr);
  const revokes: { form: Record<string, string>; fileThere: boolean }[] = [];
  const answer = sys.postResult;
  sys.postResult = (url, form) => {
    if (url === REVOKE) revokes.push({ form, fileThere: sys.files.has(tokenPath) });
    return answer(url, form);
  };
  return { sys, revokes };
}

function assertNoSecret(sys: FakeSystem, ...texts: string[]): void {
  for (const secret of [REFRESH, SECRET]) {
    for (const call of sys.calls) {
      assert.ok(!call.args.join(' ').includes(secret), `secret in argv of ${call.file}`);
      assert.ok(!JSON.stringify(call.env ?? {}).includes(secret), `secret in env of ${call.file}`);
    }
    for (const text of texts) assert.ok(!text.includes(secret), `secret in output: ${text.slice(0, 300)}`);
  }
}

/** `postfix check` refuses the new configuration once: the transaction rolls back. */
function failCheckOnce(sys: FakeSystem): void {
  const real = sys.handlers.get('postfix')!;
  let failed = false;
  sys.on('postfix', (args, options) => {
    if (!failed && args.includes('check')) {
      failed = true;
      return { exitCode: 1, stdout: '', stderr: 'postfix/postfix-script: fatal: injected fault' };
    }
    return real(args, options);
  });
}

describe('leaving OAuth revokes the refresh token, once the change is done', () => {
  it('remove: revoked after the token file is gone, the token in the POST body only; --json says revocation', async () => {
    const { sys, revokes } = await onOauth();
    const run = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.deepEqual(revokes, [{ form: { token: REFRESH }, fileThere: false }]);
    assert.deepEqual(run.json?.revocation, { revoked: 1, failed: 0, kept: 0 });
    assert.equal(run.json?.purged, undefined, 'no --purge: the backups stay');
    assert.match(run.stderr + run.stdout, /Revoked 1 OAuth refresh token/);
    assertNoSecret(sys, run.stdout, run.stderr);
  });

  it('remove, interactive: the plan says the token will be revoked before the question', async () => {
    const { sys } = await onOauth();
    const run = await runCli(sys, ['remove', '--dry-run']);
    assert.equal(run.exit, 0, run.stderr);
    assert.match(
      run.stdout + run.stderr,
      /Once this change is done, the 1 OAuth refresh token\(s\) it takes out are revoked/,
    );
    assert.equal(sys.posts.filter((p) => p.url === REVOKE).length, 0, 'a dry run revokes nothing');
  });

  it('remove --keep-token: nothing sent; said, and --json says kept', async () => {
    const { sys, revokes } = await onOauth();
    const run = await runCli(sys, ['remove', '--keep-token', '--yes', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.deepEqual(revokes, []);
    assert.deepEqual(run.json?.revocation, { revoked: 0, failed: 0, kept: 1 });
    assert.match(run.stderr + run.stdout, /myaccount\.google\.com\/permissions/);
  });

  it('remove, offline: a warning with the manual fix, exit 0, the change stays done', async () => {
    const { sys } = await onOauth();
    const answer = sys.postResult;
    sys.postResult = (url, form) =>
      url === REVOKE
        ? { status: 0, body: '', errorCode: 'ECONNREFUSED', errorMessage: String(form.token) }
        : answer(url, form);
    const run = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(sys.files.has(tokenPath), false);
    assert.deepEqual(run.json?.revocation, { revoked: 0, failed: 1, kept: 0 });
    const warning = run.json?.warnings.find((w) => /revoke/.test(w)) ?? '';
    assert.match(warning, /ECONNREFUSED/);
    assert.match(warning, /https:\/\/myaccount\.google\.com\/permissions/);
    assertNoSecret(sys, run.stdout, run.stderr);
  });

  it('remove, Google no longer knows the token (400 invalid_token): a warning with the manual fix, exit 0', async () => {
    const { sys } = await onOauth();
    const answer = sys.postResult;
    sys.postResult = (url, form) =>
      url === REVOKE
        ? { status: 400, body: '{"error":"invalid_token","error_description":"Token expired or revoked"}' }
        : answer(url, form);
    const run = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.deepEqual(run.json?.revocation, { revoked: 0, failed: 1, kept: 0 });
    assert.ok(run.json?.warnings.some((w) => /invalid_token.*myaccount\.google\.com\/permissions/.test(w)));
  });

  it('remove --account of the OAuth account (alone: the whole relay) revokes it too', async () => {
    const { sys, revokes } = await onOauth();
    const run = await runCli(sys, ['remove', '--account', ACCOUNT, '--yes', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.deepEqual(revokes, [{ form: { token: REFRESH }, fileThere: false }]);
    assert.deepEqual(run.json?.revocation, { revoked: 1, failed: 0, kept: 0 });
  });

  it('an endpoint whose error answer echoes the token: only an OAuth error word is ever shown', async () => {
    const { sys } = await onOauth();
    const answer = sys.postResult;
    sys.postResult = (url, form) =>
      url === REVOKE ? { status: 500, body: JSON.stringify({ error: `bad ${form.token}` }) } : answer(url, form);
    const run = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.ok(
      run.json?.warnings.some((w) => /\(HTTP 500\)/.test(w)),
      JSON.stringify(run.json?.warnings),
    );
    assertNoSecret(sys, run.stdout, run.stderr);
  });

  it('remove rolled back (postfix check refused): the token file is back and nothing was revoked', async () => {
    const { sys, revokes } = await onOauth();
    failCheckOnce(sys);
    const run = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(run.exit, 1, run.stdout);
    assert.equal(sys.files.has(tokenPath), true, 'rolled back');
    assert.deepEqual(revokes, []);
    assert.equal(run.json?.revocation, undefined);
  });

  it('setup OAuth → app password: the old token revoked once applied; a rollback revokes nothing', async () => {
    const argv = ['--account', ACCOUNT, '--auth', 'app-password', '--password-stdin', '--yes', '--no-test', '--json'];
    const failing = await onOauth();
    failCheckOnce(failing.sys);
    const refused = await runCli(failing.sys, argv, { stdin: `${PW}\n` });
    assert.equal(refused.exit, 1, refused.stdout);
    assert.equal(failing.sys.files.has(tokenPath), true);
    assert.deepEqual(failing.revokes, []);

    const { sys, revokes } = await onOauth();
    const run = await runCli(sys, argv, { stdin: `${PW}\n` });
    assert.equal(run.exit, 0, run.stderr);
    assert.deepEqual(revokes, [{ form: { token: REFRESH }, fileThere: false }]);
    assert.deepEqual(run.json?.revocation, { revoked: 1, failed: 0, kept: 0 });
    assertNoSecret(sys, run.stdout, run.stderr);
  });

  it('setup again on the same OAuth account revokes nothing (its grant is the new token too); --keep-token on a switch keeps it', async () => {
    const { sys, revokes } = await onOauth();
    const again = await runCli(sys, [...oauthHeadless, '--json']);
    assert.equal(again.exit, 0, again.stderr);
    assert.equal(again.json?.revocation, undefined);
    const none = await runCli(sys, [
      '--account',
      ACCOUNT,
      '--auth',
      'none',
      '--keep-token',
      '--yes',
      '--no-test',
      '--json',
    ]);
    assert.equal(none.exit, 0, none.stderr);
    assert.equal(sys.files.has(tokenPath), false);
    assert.deepEqual(revokes, []);
    assert.deepEqual(none.json?.revocation, { revoked: 0, failed: 0, kept: 1 });
  });
});
