// npm run releases:oauth — OAuth 2.0 for real: Debian sid's Postfix (3.11) with experimental's
// sasl-xoauth2 plugin (test/releases/build-sid-xoauth2.sh, cached in /work/chroots/sid-xoauth2 or
// $PGW_SID_XOAUTH2), seen through an overlay, against the fake Google OAuth and the Gmail double on
// the host's loopback. It sets up with --oauth-token-file, sees a test message accepted over XOAUTH2,
// lets the access token expire at the fake (short lifetimes) and sees the next message go out all
// the same — the plugin refreshed the token itself and rewrote the file; an identical re-run changes
// nothing; a switch to an app password leaves nothing of OAuth and mail goes out over PLAIN, and the
// switch back goes out over XOAUTH2 again (issue 23); remove --purge takes the plugin's files out and revokes the refresh token at the fake.
// With --install: a copy of that chroot without the plugin, its pin or experimental
// (build-sid-no-xoauth2.sh, cached in /work/chroots/xinstall-sid or $PGW_SID_NO_XOAUTH2), where setup's
// --install must add the experimental source and pin and install sasl-xoauth2 from the real archive
// (deb.debian.org) before the same OAuth run goes on.
// Holds /tmp/pgw-port25.lock while the chroot's Postfix runs. Prints each step; exit 1 on the first failure.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDebianChroot, type DebianChroot } from '../support/debian-chroot.js';
import { clientDeleted, consentRevoked, type SidOauth } from './oauth-sid-consent.js';
import { chrootCaBroken } from './oauth-sid-chroot-ca.js';
import { pluginUnheard } from './oauth-sid-maillog.js';
import { ACCOUNT, APP_PASSWORD, switchToPasswordAndBack } from './oauth-sid-switch.js';
import { startFakeGmail } from '../support/fake-gmail.js';
import { startFakeOauth } from '../support/fake-google-oauth.js';
import { repoPath } from '../support/paths.js';
import { holdPort25 } from '../support/port25-lock.js';
import { createTestCa } from '../support/test-ca.js';

const CLIENT = '4242-sid.apps.googleusercontent.com';
const SECRET = 'GOCSPX-sid-client-secret';
const TTL = 20; // seconds an access token lives at the fake
const tokenPath = '/var/spool/postfix/sasl-xoauth2/you@gmail.com.json';
const chrootConfig = '/var/spool/postfix/etc/sasl-xoauth2.conf';
const chrootCa = '/var/spool/postfix/etc/ssl/pgw-test-ca.pem';
const say = (line: string) => process.stdout.write(`${line}\n`);

const install = process.argv.includes('--install');
const started = Date.now();
const withPlugin = execFileSync(
  'bash',
  [
    repoPath('test', 'releases', 'build-sid-xoauth2.sh'),
    ...(process.env.PGW_SID_XOAUTH2 ? [process.env.PGW_SID_XOAUTH2] : []),
  ],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
)
  .trim()
  .split('\n')
  .at(-1)!;
const template = install ? withoutPlugin(withPlugin) : withPlugin;
say(
  `sid chroot ${install ? 'without' : 'with'} sasl-xoauth2: ${template} (${Math.round((Date.now() - started) / 1000)} s)`,
);
const tmp = await mkdtemp('/tmp/pgw-oauth-sid-');
const ca = await createTestCa(join(tmp, 'ca'));
const oauth = await startFakeOauth({
  cert: ca.certPem,
  key: ca.keyPem,
  clients: { [CLIENT]: { secret: SECRET } },
  accessTtl: TTL,
});
const gmail = await startFakeGmail({
  cert: ca.certPem,
  key: ca.keyPem,
  accounts: { [ACCOUNT]: { password: APP_PASSWORD } },
  xoauth2: oauth.validAccessToken,
});
const release = await holdPort25();
let failed = false;
try {
  // sid's master.cf runs smtp unchrooted; the second machine sets chroot=y first (Debian 12's default),
  // where the plugin refreshes from inside the chroot. --install tries the unchrooted one only.
  for (const chrooted of install ? [false] : [false, true]) {
    if (!(await oneMachine(chrooted))) {
      failed = true;
      break;
    }
  }
} finally {
  release();
  await gmail.close();
  await oauth.close();
  await rm(tmp, { recursive: true, force: true });
}

/** Setup, the expiry, a re-run, status, (unchrooted: the consent revoked, the client deleted) and remove --purge. */
async function oneMachine(chrooted: boolean): Promise<boolean> {
  let machine: DebianChroot | undefined;
  try {
    machine = await createDebianChroot('sid', { template, syslog: true });
    const m = machine;
    // "localhost" is ::1 too, where the double does not listen: after a refused login Postfix would try
    // ::1 next and log its "Connection refused" as the reason, in an order that changes from run to run.
    await m.run(['postconf', '-e', 'inet_protocols=ipv4']);
    // As a person would: edit master.cf, restart (Debian's init script copies resolv.conf, hosts, … in).
    if (chrooted) await m.run(['postconf', '-F', 'smtp/unix/chroot=y']);
    await m.run(['/etc/init.d/postfix', 'restart']);
    const version = (await m.run(['postconf', '-h', 'mail_version'])).stdout.trim();
    const plugin = (await m.run(['dpkg-query', '-W', 'sasl-xoauth2'])).stdout.trim();
    const chroot = (await m.run(['postconf', '-F', 'smtp/unix/chroot'])).stdout.trim();
    say(`Postfix ${version}; ${plugin || 'no sasl-xoauth2'}; master.cf: ${chroot}`);
    assert.equal(Boolean(plugin), !install, install ? 'no plugin before --install' : 'the plugin is there');
    await copyFile(ca.caPath, join(m.root, 'etc/ssl/pgw-test-ca.pem'));
    oauth.options.clients[CLIENT] = { secret: SECRET }; // the first machine deleted it
    let refresh = oauth.grant(CLIENT, ACCOUNT);
    await writeFile(join(m.root, 'root/client.json'), oauth.clientJson(CLIENT), { mode: 0o600 });
    await writeFile(join(m.root, 'root/token.json'), JSON.stringify({ refresh_token: refresh }), { mode: 0o600 });
    const setupArgs = [
      '--account',
      ACCOUNT,
      '--auth',
      'oauth',
      '--oauth-client',
      '/root/client.json',
      '--oauth-token-file',
      '/root/token.json',
      '--relay',
      `localhost:${gmail.port}`,
      '--ca-file',
      '/etc/ssl/pgw-test-ca.pem',
      '--no-keychain',
      '--yes',
      '--json',
      '--wait',
      '60',
      ...(install ? ['--install'] : []),
    ];
    const wizard = async (args: string[], input?: string) => {
      const run = await m.wizard(args, input === undefined ? undefined : { input });
      const outcome = JSON.parse(run.stdout || '{}') as Record<string, any>;
      for (const secret of [SECRET, refresh, APP_PASSWORD])
        assert.ok(!`${run.stdout}${run.stderr}`.includes(secret), 'a secret in the output');
      return { ...run, outcome };
    };

    const setup = await wizard(setupArgs);
    assert.equal(setup.code, 0, `${setup.stderr}\n${setup.stdout}`);
    assert.equal(setup.outcome.result, 'delivered', setup.stdout);
    assert.equal(setup.outcome.auth, 'oauth');
    if (install) await sayInstalled(m, setup.stderr);
    const first = gmail.messages.at(-1);
    assert.equal(first?.user, ACCOUNT);
    assert.equal(gmail.auths.at(-1)?.method, 'XOAUTH2');
    say(
      `setup: ${setup.outcome.result}; the double got the test message over XOAUTH2 as ${first?.user} (${setup.outcome.test?.reply ?? ''})`,
    );
    const info = await stat(join(m.root, tokenPath));
    const passwd = await readFile(join(m.root, 'etc/passwd'), 'utf8');
    const postfixUid = Number(/^postfix:x:(\d+):/m.exec(passwd)?.[1]);
    assert.equal(info.uid, postfixUid, "the token file is postfix's");
    assert.equal(info.mode & 0o777, 0o600);
    assert.equal((await stat(join(m.root, '/var/spool/postfix/sasl-xoauth2'))).mode & 0o777, 0o700);
    const config = await stat(join(m.root, 'etc/sasl-xoauth2.conf'));
    assert.ok(
      !(await readFile(join(m.root, 'etc/sasl-xoauth2.conf'), 'utf8')).includes(SECRET),
      'no secret in the 0644 config',
    );
    say(
      `token file ${tokenPath}: uid ${info.uid} (postfix), mode 0${(info.mode & 0o777).toString(8)}; /etc/sasl-xoauth2.conf mode 0${(config.mode & 0o777).toString(8)}, no secret in it`,
    );
    const steps: SidOauth = { m, oauth, account: ACCOUNT, client: CLIENT, tokenPath, setupArgs, wizard, say };
    if (chrooted) {
      await saysChrootCopies(m);
      await chrootCaBroken(steps, chrootCa, '/etc/ssl/pgw-test-ca.pem');
    }
    const map =
      (await m.run(['postmap', '-q', `[localhost]:${gmail.port}`, 'lmdb:/etc/postfix/sasl_passwd'])).stdout.trim() ||
      (await m.run(['sh', '-c', 'grep -v "^#" /etc/postfix/sasl_passwd'])).stdout.trim();
    say(
      `map entry: ${map}; smtp_sasl_mechanism_filter = ${(await m.run(['postconf', '-h', 'smtp_sasl_mechanism_filter'])).stdout.trim()}`,
    );

    const before = JSON.parse(await readFile(join(m.root, tokenPath), 'utf8')) as Record<string, string>;
    // Wait for the event, not a time: the fake says the access token in the file is no longer valid.
    const expiredAt = Date.now();
    while (oauth.validAccessToken(before.access_token ?? '') !== undefined)
      await new Promise((r) => setTimeout(r, 250));
    say(`the access token in the file expired at the fake after ${Math.round((Date.now() - expiredAt) / 1000)} s`);
    const refreshesBefore = oauth.requests.filter((r) => r.grantType === 'refresh_token').length;
    const again = await wizard(['test', '--json', '--wait', '60']);
    assert.equal(again.code, 0, `${again.stderr}\n${again.stdout}`);
    assert.equal(again.outcome.result ?? again.outcome.test?.result, 'delivered', again.stdout);
    const after = JSON.parse(await readFile(join(m.root, tokenPath), 'utf8')) as Record<string, string>;
    assert.notEqual(after.access_token, before.access_token, 'the plugin rewrote the token file');
    assert.ok(oauth.validAccessToken(after.access_token ?? ''), 'with a token the fake issued');
    assert.equal(after.refresh_token, refresh);
    const refreshes = oauth.requests.filter((r) => r.grantType === 'refresh_token').length - refreshesBefore;
    say(
      `after the expiry: test message delivered; the plugin refreshed (${refreshes} refresh at the fake) and rewrote the token file (expiry ${before.expiry} → ${after.expiry})`,
    );

    const rerun = await wizard([...setupArgs, '--no-test']);
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.deepEqual(
      rerun.outcome.changed,
      { settings: [], files: [], commands: [] },
      JSON.stringify(rerun.outcome.changed),
    );
    say('an identical re-run changed nothing (the token file the plugin rewrote was left alone)');

    if (!chrooted) refresh = await switchToPasswordAndBack(gmail, m, wizard, setupArgs, refresh, oauth, CLIENT);

    const status = await wizard(['status', '--json']);
    say(
      `status: auth ${status.outcome.status?.auth}, tokens ${JSON.stringify(status.outcome.status?.oauthTokens)}, problems ${JSON.stringify((status.outcome.status?.problems ?? []).map((p: { code: string }) => p.code))}`,
    );

    if (!chrooted) {
      const { invalidGrant } = await consentRevoked(steps, refresh);
      const { invalidClient, client } = await clientDeleted(steps);
      await pluginUnheard(steps, client);
      // PGW_XOAUTH2_CAPTURE=DIR keeps what was logged, as test/fixtures/postfix-output/ holds it.
      const capture = process.env.PGW_XOAUTH2_CAPTURE;
      if (capture) {
        await writeFile(join(capture, 'maillog-xoauth2-invalid-grant.log'), `${invalidGrant.join('\n')}\n`);
        await writeFile(join(capture, 'maillog-xoauth2-invalid-client.log'), `${invalidClient.join('\n')}\n`);
      }
    }

    const removed = await wizard(['remove', '--purge', '--yes', '--json']);
    assert.equal(removed.code, 0, `${removed.stderr}\n${removed.stdout}`);
    const inChroot = chrooted ? [chrootConfig, chrootCa] : [];
    for (const path of [tokenPath, '/var/spool/postfix/sasl-xoauth2', '/etc/sasl-xoauth2.conf', ...inChroot])
      assert.equal(await stat(join(m.root, path)).catch(() => undefined), undefined, `${path} is gone`);
    assert.equal((await m.run(['postconf', '-n', 'smtp_sasl_mechanism_filter'])).stdout.trim(), '');
    assert.ok(
      oauth.requests.some((r) => r.path === '/revoke' && r.ok),
      'revoked at the fake',
    );
    const refused = await m.run(['sh', '-c', 'true']);
    assert.equal(refused.code, 0);
    say(
      'remove --purge: the token file, its directory, the plugin config and the mechanism filter are gone; the refresh token was revoked at the fake',
    );
    return true;
  } catch (error) {
    say(`FAILED: ${(error as Error).stack ?? error}`);
    if (machine) say((await machine.run(['sh', '-c', 'tail -n 40 /var/log/mail.log'])).stdout);
    return false;
  } finally {
    await machine?.destroy();
  }
}

/** smtp chrooted: the plugin's config and the CA bundle its libcurl trusts are inside the chroot too. */
async function saysChrootCopies(m: DebianChroot): Promise<void> {
  const config = JSON.parse(await readFile(join(m.root, chrootConfig), 'utf8')) as Record<string, string>;
  assert.equal(config.ca_bundle_file, '/etc/ssl/pgw-test-ca.pem', 'the config names the bundle');
  assert.equal(
    await readFile(join(m.root, chrootCa), 'utf8'),
    await readFile(join(m.root, config.ca_bundle_file), 'utf8'),
  );
  const map = await readFile(join(m.root, 'etc/postfix/sasl_passwd'), 'utf8');
  assert.match(map, /you@gmail\.com:\/sasl-xoauth2\/you@gmail\.com\.json/, 'the path as smtp sees it in its chroot');
  say(
    `smtp chrooted: ${chrootConfig} (ca_bundle_file ${config.ca_bundle_file}) and ${chrootCa}, a copy of it, are in the chroot`,
  );
}

/** The plugin came from experimental through the wizard's source and pin, and nothing else did. */
async function sayInstalled(m: DebianChroot, printed: string): Promise<void> {
  const installed = (await m.run(['dpkg-query', '-W', 'sasl-xoauth2'])).stdout.trim();
  const source = await readFile(join(m.root, 'etc/apt/sources.list.d/experimental.list'), 'utf8');
  const pin = await readFile(join(m.root, 'etc/apt/preferences.d/sasl-xoauth2'), 'utf8');
  assert.match(source, /^deb http:\/\/deb\.debian\.org\/debian experimental main$/m);
  assert.match(pin, /Package: \*\nPin: release a=experimental\nPin-Priority: 1\n/);
  assert.match(pin, /Package: sasl-xoauth2\nPin: release a=experimental\nPin-Priority: 500\n/);
  const policy = (await m.run(['apt-cache', 'policy', 'sasl-xoauth2'])).stdout;
  assert.ok(installed.startsWith('sasl-xoauth2\t'), `sasl-xoauth2 installed: ${installed}`);
  say(`setup printed on stderr:\n${printed.trimEnd()}`);
  say(`--install: ${installed} from experimental, through the wizard's source and pin:`);
  say(policy.trimEnd());
}

function withoutPlugin(from: string): string {
  const script = repoPath('test', 'releases', 'build-sid-no-xoauth2.sh');
  const args = [script, from, ...(process.env.PGW_SID_NO_XOAUTH2 ? [process.env.PGW_SID_NO_XOAUTH2] : [])];
  return execFileSync('bash', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
    .trim()
    .split('\n')
    .at(-1)!;
}

say(`${failed ? 'FAILED' : 'passed'} in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(failed ? 1 : 0);
