// setup --auth oauth through main() on the recording fake (Debian 12: smtp chrooted in
// /var/spool/postfix): the flags checked before anything is read, the plugin checked before the
// pre-flight, the pre-flight's refusals (nothing written), and the plan: the token file where the
// chrooted smtp reads it (postfix's, 0600, in a 0700 directory of postfix's), the plugin's config in
// /etc and in the chroot (no secret in it), the XOAUTH2 filter, the map entry naming the token as
// smtp sees it; a re-run changes nothing; no secret in argv, env, output or --json.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FakeSystem } from '../../support/fake-system.js';
import { oauthArgs, oauthHeadless, oauthMachine, oauthPlugin, oauthSecrets } from '../../support/oauth-machine.js';
import { runCli } from '../../support/run-cli.js';

const { ACCOUNT, CLIENT_ID, SECRET, REFRESH, ACCESS, TOKEN_URI } = oauthSecrets;
const tokenPath = '/var/spool/postfix/sasl-xoauth2/ops@gmail.com.json';
const args = oauthArgs;
const headless = oauthHeadless;

function assertNoOauthSecret(sys: FakeSystem, ...texts: string[]): void {
  for (const secret of [SECRET, REFRESH, ACCESS]) {
    for (const call of sys.calls) {
      assert.ok(!call.args.join(' ').includes(secret), `secret in argv of ${call.file}`);
      assert.ok(!JSON.stringify(call.env ?? {}).includes(secret), `secret in env of ${call.file}`);
    }
    for (const text of texts) assert.ok(!text.includes(secret), `secret in output: ${text.slice(0, 300)}`);
  }
}

describe('setup --auth oauth (headless, --oauth-token-file)', () => {
  it('writes the token where the chrooted smtp reads it, the plugin config without a secret, the XOAUTH2 filter and the map entry', async () => {
    const sys = oauthMachine();
    const run = await runCli(sys, [...headless, '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(run.json?.auth, 'oauth');
    const token = sys.files.get(tokenPath);
    assert.ok(token, 'token file written');
    assert.deepEqual([token.mode, token.uid, token.gid], [0o600, 104, 111]);
    assert.deepEqual(sys.dirOwners.get('/var/spool/postfix/sasl-xoauth2'), { mode: 0o700, uid: 104, gid: 111 });
    const written = JSON.parse(sys.text(tokenPath) ?? '') as Record<string, string>;
    assert.equal(written.refresh_token, REFRESH);
    assert.equal(written.access_token, ACCESS);
    assert.equal(written.client_secret, SECRET);
    assert.equal(written.token_endpoint, TOKEN_URI);
    for (const conf of ['/etc/sasl-xoauth2.conf', '/var/spool/postfix/etc/sasl-xoauth2.conf']) {
      const text = sys.text(conf) ?? '';
      assert.match(text, new RegExp(`"client_id": "${CLIENT_ID}"`), conf);
      assert.match(text, /"client_secret": ""/, conf);
      assert.match(text, /"ca_bundle_file": "\/etc\/ssl\/certs\/ca-certificates\.crt"/, conf);
      assert.equal(sys.files.get(conf)?.mode, 0o644);
    }
    // The plugin's libcurl refreshes from inside smtp's chroot: the bundle it names is copied in.
    const caCopy = '/var/spool/postfix/etc/ssl/certs/ca-certificates.crt';
    assert.equal(sys.text(caCopy), sys.text('/etc/ssl/certs/ca-certificates.crt'));
    assert.equal(sys.files.get(caCopy)?.mode, 0o644);
    assert.match(sys.text('/etc/postfix/main.cf') ?? '', /^smtp_sasl_mechanism_filter = xoauth2$/m);
    assert.match(
      sys.text('/etc/postfix/sasl_passwd') ?? '',
      /^\[smtp\.gmail\.com\]:587 ops@gmail\.com:\/sasl-xoauth2\/ops@gmail\.com\.json$/m,
    );
    const xoauth2 = sys.envelopeChecks.at(-1)?.check.xoauth2;
    assert.deepEqual(xoauth2, { user: ACCOUNT, accessToken: ACCESS });
    assertNoOauthSecret(sys, run.stdout, run.stderr);
    for (const [path, file] of sys.files)
      if (file.content.toString().includes(SECRET))
        assert.ok([tokenPath, '/root/client.json'].includes(path) || path.includes('/backups/'), path);
  });

  it('a re-run with the same token changes nothing, though the plugin rewrote the access token', async () => {
    const sys = oauthMachine();
    assert.equal((await runCli(sys, headless)).exit, 0);
    // The plugin refreshed: a new access token and expiry in the same file.
    const rewritten = JSON.parse(sys.text(tokenPath) ?? '') as Record<string, string>;
    sys.put(
      tokenPath,
      JSON.stringify({ ...rewritten, access_token: 'ya29.plugin', expiry: '1999999999' }),
      0o600,
      104,
      111,
    );
    const writes = sys.writes.length;
    const again = await runCli(sys, [...headless, '--json']);
    assert.equal(again.exit, 0, again.stderr);
    assert.equal(again.json?.result, 'unchanged', JSON.stringify(again.json?.changed));
    assert.equal(sys.writes.length, writes);
  });

  it('remove takes the token file, its directory, the plugin configs and the filter out; --purge revokes the refresh token', async () => {
    const sys = oauthMachine();
    assert.equal((await runCli(sys, headless)).exit, 0);
    const run = await runCli(sys, ['remove', '--purge', '--yes', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    for (const path of [
      tokenPath,
      '/etc/sasl-xoauth2.conf',
      '/var/spool/postfix/etc/sasl-xoauth2.conf',
      '/var/spool/postfix/etc/ssl/certs/ca-certificates.crt',
    ])
      assert.equal(sys.files.has(path), false, path);
    assert.equal((await sys.fileInfo('/var/spool/postfix/sasl-xoauth2')) === undefined, true, 'the directory is gone');
    assert.doesNotMatch(sys.text('/etc/postfix/main.cf') ?? '', /smtp_sasl_mechanism_filter/);
    const revoke = sys.posts.at(-1);
    assert.equal(revoke?.url, 'https://oauth2.googleapis.com/revoke');
    assert.deepEqual(revoke?.form, { token: REFRESH });
    assert.equal(run.json?.purged?.revoked, 1);
    assertNoOauthSecret(sys, run.stdout, run.stderr);
    assert.equal(
      [...sys.files.keys()].filter((p) => p.includes('/backups/') && p.includes('sasl-xoauth2/')).join(' ') !== '',
      false,
      'the backups holding the token file were purged too',
    );
  });

  it("restore of the setup's backup after remove brings the token file back, postfix's, in its 0700 directory", async () => {
    const sys = oauthMachine();
    assert.equal((await runCli(sys, headless)).exit, 0);
    const removed = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(removed.exit, 0, removed.stderr);
    assert.equal(sys.files.has(tokenPath), false);
    const backup = removed.json?.backupId ?? '';
    const restored = await runCli(sys, ['restore', backup, '--yes', '--json']);
    assert.equal(restored.exit, 0, restored.stderr);
    const token = sys.files.get(tokenPath);
    assert.deepEqual([token?.mode, token?.uid, token?.gid], [0o600, 104, 111]);
    assert.deepEqual(sys.dirOwners.get('/var/spool/postfix/sasl-xoauth2'), { mode: 0o700, uid: 104, gid: 111 });
    assert.match(sys.text('/etc/postfix/main.cf') ?? '', /^smtp_sasl_mechanism_filter = xoauth2$/m);
  });

  it('status and doctor: a token file smtp cannot rewrite, and the plugin gone, each with its code', async () => {
    const sys = oauthMachine();
    assert.equal((await runCli(sys, headless)).exit, 0);
    const codes = async (command: string) => {
      const run = await runCli(sys, [command, '--json', ...(command === 'doctor' ? ['--offline'] : [])]);
      const json = run.json as unknown as { problems?: { code: string }[]; status?: { problems?: { code: string }[] } };
      return (json.problems ?? json.status?.problems ?? []).map((p) => p.code);
    };
    assert.ok(!(await codes('status')).some((c) => c.startsWith('oauth-')));
    const status = await runCli(sys, ['status', '--json']);
    const tokens = (status.json as unknown as { status: { oauthTokens?: { path: string; expiry?: string }[] } }).status
      .oauthTokens;
    assert.equal(tokens?.[0]?.path, tokenPath);
    assert.match(tokens?.[0]?.expiry ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.match(
      (await runCli(sys, ['status'])).stdout,
      /OAuth token: .*ops@gmail\.com\.json \(access token valid until/,
    );
    sys.put(tokenPath, sys.text(tokenPath) ?? '', 0o644, 0, 0);
    assert.ok((await codes('status')).includes('oauth-token-unwritable'));
    sys.files.delete(oauthPlugin);
    assert.ok((await codes('status')).includes('oauth-plugin-missing'));
  });

  it("doctor: the CA bundle missing from smtp's chroot (the plugin could not verify Google there) is oauth-chroot-ca-stale; a re-run copies it back", async () => {
    const sys = oauthMachine();
    assert.equal((await runCli(sys, headless)).exit, 0);
    const caCopy = '/var/spool/postfix/etc/ssl/certs/ca-certificates.crt';
    sys.files.delete(caCopy);
    const doctor = await runCli(sys, ['doctor', '--json']);
    const problems = doctor.json?.doctor?.problems ?? [];
    assert.ok(problems.length > 0, `${doctor.stderr}${doctor.stdout}`);
    const missing = problems.find((p) => p.code === 'oauth-chroot-ca-stale');
    assert.ok(!problems.some((p) => p.code === 'oauth-plugin-missing'), JSON.stringify(problems));
    assert.ok(missing, JSON.stringify(problems));
    assert.match(missing.evidence.join(' '), /ca-certificates\.crt: missing \(smtp runs chrooted\)/);
    assert.equal((await runCli(sys, headless)).exit, 0);
    assert.equal(sys.text(caCopy), sys.text('/etc/ssl/certs/ca-certificates.crt'));
  });

  it('remove keeps a sasl-xoauth2.conf a person wrote', async () => {
    const sys = oauthMachine();
    assert.equal((await runCli(sys, headless)).exit, 0);
    sys.put('/etc/sasl-xoauth2.conf', '{"client_id": "mine", "client_secret": "theirs"}\n', 0o600);
    const run = await runCli(sys, ['remove', '--yes']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(sys.files.has('/etc/sasl-xoauth2.conf'), true);
    assert.equal(sys.files.has(tokenPath), false);
  });

  it('the plugin missing on Debian 12: exit 1 before the pre-flight, naming sasl-xoauth2; nothing written', async () => {
    const sys = oauthMachine({ plugin: false });
    const run = await runCli(sys, [...headless, '--json']);
    assert.equal(run.exit, 1);
    assert.equal(run.json?.error?.code, 'oauth-plugin-missing');
    assert.match(run.json?.error?.message ?? '', /sasl-xoauth2/);
    assert.match(run.json?.error?.fix ?? '', /github\.com\/tarickb\/sasl-xoauth2/);
    assert.equal(sys.posts.length, 0, 'no token endpoint contacted');
    assert.equal(sys.writes.length, 0);
  });

  it('invalid_grant: worded as a revoked or expired consent with the fix; exit 1, nothing written', async () => {
    const sys = oauthMachine();
    sys.put('/root/token.json', JSON.stringify({ refresh_token: '1//revoked' }), 0o600);
    const run = await runCli(sys, [...headless, '--json']);
    assert.equal(run.exit, 1);
    assert.equal(run.json?.error?.code, 'oauth-invalid-grant');
    assert.match(run.json?.error?.message ?? '', /revoked, expired/);
    assert.match(run.json?.error?.fix ?? '', /consent again/);
    assert.equal(sys.writes.length, 0);
    assert.equal(sys.envelopeChecks.length, 0);
  });

  const refusals: [string, (sys: FakeSystem) => void, string[], RegExp][] = [
    [
      'a missing token file',
      () => {},
      ['--oauth-token-file', '/root/none.json'],
      /not a file root may read a secret from \(missing\)/,
    ],
    ['a token file others can write', (s) => s.put('/root/token.json', '{}', 0o666), [], /\(writable\)/],
    ['a token file owned by another user', (s) => s.put('/root/token.json', '{}', 0o600, 1000), [], /\(owner\)/],
    ['a client that is not JSON', (s) => s.put('/root/client.json', 'nope', 0o600), [], /is not JSON/],
    ['a "web" client', (s) => s.put('/root/client.json', '{"web":{}}', 0o600), [], /not a "Desktop app" client/],
    [
      'a token without refresh_token',
      (s) => s.put('/root/token.json', '{"access_token":"x"}', 0o600),
      [],
      /holds no refresh_token/,
    ],
  ];
  for (const [name, spoil, extra, message] of refusals) {
    it(`${name}: exit 2 on stderr with the fix, before anything is read or locked`, async () => {
      const sys = oauthMachine();
      spoil(sys);
      const argv = extra.length > 0 ? [...args, ...extra, '--yes'] : headless;
      const run = await runCli(sys, argv);
      assert.equal(run.exit, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.equal(sys.writes.length, 0);
      assert.equal(sys.posts.length, 0);
      assert.ok(!sys.calls.some((c) => c.file === 'postconf'), 'nothing detected');
    });
  }

  it('without a terminal and without --oauth-token-file: exit 2 naming the flag', async () => {
    const sys = oauthMachine();
    const run = await runCli(sys, [...args, '--yes']);
    assert.equal(run.exit, 2);
    assert.match(run.stderr, /--oauth-token-file FILE/);
  });
});
