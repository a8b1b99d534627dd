// Switching how an account signs in, through main() on the recording fake (Debian 12: smtp chrooted
// in /var/spool/postfix): nothing of the old way stays. OAuth → app password: the token file (a
// refresh token), its directory, the plugin configs in /etc and the chroot, the XOAUTH2 filter go (a
// filter of the person's own comes back); app password → OAuth or the relay by address: the password
// leaves the map and the keychain; OAuth → relay by address → back. OAuth beside a password account
// is refused (one mechanism filter for every account), exit 2, nothing written.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FakeSystem } from '../../support/fake-system.js';
import { oauthHeadless, oauthMachine, oauthSecrets } from '../../support/oauth-machine.js';
import { runCli } from '../../support/run-cli.js';

const { ACCOUNT, REFRESH } = oauthSecrets;
const PW = 'abcdefghijklmnop';
const dir = '/var/spool/postfix/sasl-xoauth2';
const token = `${dir}/ops@gmail.com.json`;
const configs = ['/etc/sasl-xoauth2.conf', '/var/spool/postfix/etc/sasl-xoauth2.conf'];
const MAP = '/etc/postfix/sasl_passwd';
const password = ['--account', ACCOUNT, '--auth', 'app-password', '--password-stdin', '--yes', '--no-test', '--json'];
const mainCf = (sys: FakeSystem) => sys.text('/etc/postfix/main.cf') ?? '';
const oauthLeft = (sys: FakeSystem) =>
  [token, ...configs].filter((p) => sys.files.has(p)).concat(sys.dirs.has(dir) ? [dir] : []);

function machine(): FakeSystem {
  const sys = oauthMachine();
  sys.authResult = (user, given) =>
    user === ACCOUNT && given === PW ? { ok: true } : { ok: false, errorCode: 'EAUTH', responseCode: 535 };
  return sys;
}

async function onOauth(sys: FakeSystem): Promise<void> {
  const run = await runCli(sys, [...oauthHeadless, '--json']);
  assert.equal(run.exit, 0, run.stderr);
  assert.deepEqual(oauthLeft(sys).sort(), [token, ...configs, dir].sort(), 'OAuth set up');
}

describe('setup: switching how Postfix signs in leaves nothing of the old way', () => {
  it('OAuth → app password: token file, its directory, both plugin configs and the XOAUTH2 filter go; the map holds the password', async () => {
    const sys = machine();
    await onOauth(sys);
    const run = await runCli(sys, password, { stdin: `${PW}\n` });
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(run.json?.auth, 'app-password');
    assert.deepEqual(oauthLeft(sys), [], 'no token file, no plugin config, no token directory');
    assert.doesNotMatch(mainCf(sys), /smtp_sasl_mechanism_filter/);
    assert.match(sys.text(MAP) ?? '', new RegExp(`^\\[smtp\\.gmail\\.com\\]:587 ops@gmail\\.com:${PW}$`, 'm'));
    // The refresh token lives on only in the root-only backup.
    for (const [path, file] of sys.files)
      if (file.content.toString().includes(REFRESH))
        assert.ok(path.includes('/backups/') || path.startsWith('/root/'), path);
    assert.equal(sys.authChecks.at(-1)?.password, PW, 'the pre-flight logged in with the password');
  });

  it("OAuth → app password: a filter of the person's own from before the wizard comes back", async () => {
    const sys = machine();
    sys.put('/etc/postfix/main.cf', `${mainCf(sys)}smtp_sasl_mechanism_filter = plain, login\n`);
    await onOauth(sys);
    assert.match(mainCf(sys), /^smtp_sasl_mechanism_filter = xoauth2$/m);
    const run = await runCli(sys, password, { stdin: `${PW}\n` });
    assert.equal(run.exit, 0, run.stderr);
    assert.match(mainCf(sys), /^smtp_sasl_mechanism_filter = plain, login$/m);
  });

  it('app password → OAuth: the password leaves the map and the keychain', async () => {
    const sys = machine();
    const first = await runCli(sys, password, { stdin: `${PW}\n` });
    assert.equal(first.exit, 0, first.stderr);
    assert.equal(sys.secrets.get(ACCOUNT), PW, 'stored in the keychain');
    const run = await runCli(sys, [...oauthHeadless, '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(sys.secrets.has(ACCOUNT), false, 'the keychain entry is gone');
    assert.match(run.stdout + run.stderr, /keychain was taken out/);
    assert.doesNotMatch(sys.text(MAP) ?? '', new RegExp(PW));
    assert.match(sys.text(MAP) ?? '', /ops@gmail\.com:\/sasl-xoauth2\/ops@gmail\.com\.json$/m);
  });

  it('OAuth → relay by address → app password: no SASL leftovers, then the login settings back', async () => {
    const sys = machine();
    await onOauth(sys);
    const none = await runCli(sys, ['--account', ACCOUNT, '--auth', 'none', '--yes', '--no-test', '--json']);
    assert.equal(none.exit, 0, none.stderr);
    assert.deepEqual(oauthLeft(sys), []);
    assert.doesNotMatch(mainCf(sys), /^smtp_sasl_/m, 'no login settings, no login cache');
    assert.equal(sys.files.has(MAP), false);
    const back = await runCli(sys, password, { stdin: `${PW}\n` });
    assert.equal(back.exit, 0, back.stderr);
    assert.match(mainCf(sys), /^smtp_sasl_auth_enable = yes$/m);
    assert.match(mainCf(sys), /^smtp_sasl_password_maps = hash:\/etc\/postfix\/sasl_passwd$/m);
    assert.match(mainCf(sys), /^smtp_sasl_auth_cache_time = 1d$/m, 'the login cache back with the login');
    assert.doesNotMatch(mainCf(sys), /smtp_sasl_mechanism_filter/);
    assert.match(sys.text(MAP) ?? '', new RegExp(`ops@gmail\\.com:${PW}$`, 'm'));
  });

  it('app password → relay by address: the keychain entry goes; → OAuth again: its files and filter come back', async () => {
    const sys = machine();
    assert.equal((await runCli(sys, password, { stdin: `${PW}\n` })).exit, 0);
    const none = await runCli(sys, ['--account', ACCOUNT, '--auth', 'none', '--yes', '--no-test', '--json']);
    assert.equal(none.exit, 0, none.stderr);
    assert.equal(sys.secrets.has(ACCOUNT), false);
    assert.equal(sys.files.has(MAP), false);
    await onOauth(sys);
    assert.match(mainCf(sys), /^smtp_sasl_mechanism_filter = xoauth2$/m);
    assert.match(mainCf(sys), /^smtp_sasl_auth_enable = yes$/m);
  });

  it("OAuth for another default account: the old account's token file goes, the plugin configs stay", async () => {
    const sys = machine();
    await onOauth(sys);
    const other = oauthHeadless.map((a) => (a === ACCOUNT ? 'two@gmail.com' : a));
    const run = await runCli(sys, [...other, '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(sys.files.has(token), false, "the old account's refresh token is not left behind");
    assert.ok(sys.files.has(`${dir}/two@gmail.com.json`));
    for (const conf of configs) assert.ok(sys.files.has(conf), conf);
    assert.match(mainCf(sys), /^smtp_sasl_mechanism_filter = xoauth2$/m);
  });
});

describe('setup: OAuth beside a password account is refused (one mechanism filter for all)', () => {
  const B = 'other@gmail.com';
  const addB = ['--account', B, '--senders', 'b@example.org', '--password-stdin', '--yes', '--no-test', '--json'];

  it('--senders with --auth oauth: exit 2 before anything is read', async () => {
    const sys = machine();
    const run = await runCli(sys, [...oauthHeadless, '--senders', 'b@example.org', '--json']);
    assert.equal(run.exit, 2);
    assert.match(run.json?.error?.message ?? '', /smtp_sasl_mechanism_filter/);
    assert.equal(sys.writes.length, 0);
  });

  it('a password account added beside an OAuth default: exit 2, nothing written, no login tried', async () => {
    const sys = machine();
    await onOauth(sys);
    const writes = sys.writes.length;
    const checks = sys.authChecks.length;
    const run = await runCli(sys, addB, { stdin: `${PW}\n` });
    assert.equal(run.exit, 2, run.stderr);
    assert.equal(run.json?.error?.code, 'oauth-with-senders');
    assert.match(run.json?.error?.fix ?? '', /--auth app-password/);
    assert.equal(sys.writes.length, writes);
    assert.equal(sys.authChecks.length, checks);
  });

  it('the default switched to OAuth while a sender-dependent account uses a password: exit 2, nothing written', async () => {
    const sys = machine();
    sys.authResult = () => ({ ok: true });
    assert.equal((await runCli(sys, password, { stdin: `${PW}\n` })).exit, 0);
    assert.equal((await runCli(sys, addB, { stdin: 'qrstuvwxyzabcdef\n' })).exit, 0);
    const writes = sys.writes.length;
    const run = await runCli(sys, [...oauthHeadless, '--json']);
    assert.equal(run.exit, 2, run.stderr);
    assert.equal(run.json?.error?.code, 'oauth-with-senders');
    assert.match(run.json?.error?.message ?? '', /other@gmail\.com/);
    assert.equal(sys.writes.length, writes);
    assert.equal(sys.envelopeChecks.length, 0, 'no XOAUTH2 login tried');
  });
});
