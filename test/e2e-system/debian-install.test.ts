// The machine's own Postfix, for real, on a throwaway Debian: the built CLI
// with --install puts back what is missing (Postfix purged; libsasl2-modules
// removed) and the test message reaches a fake Gmail. This reconfigures and
// purges the system's Postfix, so it runs only where the environment says the
// machine is a throwaway one (PGW_THROWAWAY_MACHINE=1, as .ci/run sets), and
// it leaves Postfix and libsasl2-modules installed "Local only" as
// test/install-deps.sh does, because later tests use them.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startFakeGmail, type FakeGmail } from '../support/fake-gmail.js';
import { repoPath } from '../support/paths.js';
import { createTestCa, type TestCa } from '../support/test-ca.js';
import { runWizard } from '../support/wizard-process.js';

const execFileP = promisify(execFile);
const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'qwertyuiopasdfgh';
const TO = 'friend@example.com';
const MAILLOG = '/var/log/postfix-e2e-system.log';
const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

function skipReason(): string | undefined {
  if (process.env.PGW_THROWAWAY_MACHINE !== '1')
    return "reconfigures and purges this machine's own Postfix: runs only with PGW_THROWAWAY_MACHINE=1 (a throwaway machine, as in CI)";
  if (process.getuid?.() !== 0) return 'needs root';
  if (!existsSync('/usr/bin/apt-get') || !/^ID=debian$/m.test(safeRead('/etc/os-release')))
    return 'needs Debian with apt-get';
  return undefined;
}
function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

async function sh(file: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  try {
    const { stdout, stderr } = await execFileP(file, args, { env, maxBuffer: 32 << 20 });
    return stdout + stderr;
  } catch (error) {
    const e = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`${file} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}
const installed = async (pkg: string) =>
  (await sh('dpkg-query', ['-W', '-f=${Status}', pkg]).catch(() => '')).includes('install ok installed');
const postfixRunning = async () =>
  existsSync('/usr/sbin/postfix') &&
  (await sh('postfix', ['status']).then(
    () => true,
    () => false,
  ));
const stopPostfix = async () => {
  if (await postfixRunning()) await sh('postfix', ['stop']);
};
const saslPlugins = async () =>
  (await readdir('/usr/lib/x86_64-linux-gnu/sasl2').catch(() => [] as string[])).filter((n) =>
    /^lib(plain|login)\.so/.test(n),
  );

describe('the real Debian Postfix: missing packages installed by the wizard (--install)', {
  skip: skipReason(),
}, () => {
  let tmp: string;
  let ca: TestCa;
  let gmail: FakeGmail;
  const args = () => [
    '--install',
    '--account',
    ACCOUNT,
    '--password-stdin',
    '--relay',
    `localhost:${gmail.port}`,
    '--ca-file',
    ca.caPath,
    '--backup-dir',
    join(tmp, 'backups'),
    '--state-dir',
    join(tmp, 'state'),
    '--to',
    TO,
    '--no-keychain',
    '--yes',
    '--json',
    '--wait',
    '90',
  ];

  before(async () => {
    tmp = await mkdtemp('/tmp/pgw-e2e-system-');
    ca = await createTestCa(join(tmp, 'ca'));
    gmail = await startFakeGmail({ cert: ca.certPem, key: ca.keyPem, accounts: { [ACCOUNT]: { password: PASSWORD } } });
  });

  after(async () => {
    await gmail?.close();
    // Back to what test/install-deps.sh makes: Postfix "Local only" and libsasl2-modules, not running.
    await stopPostfix().catch(() => {});
    await sh('apt-get', ['purge', '-y', '-q', 'postfix'], aptEnv).catch(() => {});
    await rm(MAILLOG, { force: true });
    await sh('bash', [repoPath('test', 'install-deps.sh')], aptEnv);
    await rm(tmp, { recursive: true, force: true });
  });

  it('Postfix purged: installs Postfix and libsasl2-modules (debconf preseeded, no dialog), configures, and relays', async () => {
    await stopPostfix();
    await sh('apt-get', ['purge', '-y', '-q', 'postfix', 'libsasl2-modules'], aptEnv);
    assert.equal(existsSync('/usr/sbin/postfix'), false);
    assert.deepEqual(await saslPlugins(), []);

    const run = await runWizard([...args(), '--no-test'], { stdin: `${PASSWORD}\n`, secret: PASSWORD });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).result, 'configured');
    assert.ok(await installed('postfix'), 'postfix installed');
    assert.ok(await installed('libsasl2-modules'), 'libsasl2-modules installed');
    assert.notDeepEqual(await saslPlugins(), []);
    assert.match(run.stderr, /debconf-set-selections/);
    assert.match(run.stderr, /Starting the newly installed Postfix: \/etc\/init\.d\/postfix start/);
    // debconf's answer took: "Local only" listens on loopback only, no dialog was shown
    assert.equal((await sh('postconf', ['-h', 'inet_interfaces'])).trim(), 'loopback-only');
    assert.equal((await sh('postconf', ['-h', 'relayhost'])).trim(), `[localhost]:${gmail.port}`);
    assert.equal((await stat('/etc/postfix/sasl_passwd')).mode & 0o777, 0o600);
    const log = run.stderr.match(/goes to (\S+\.log)/)?.[1];
    assert.ok(log?.startsWith(join(tmp, 'state', 'postfix-gmail-wizard', 'logs')), run.stderr); // --state-dir DIR means DIR/postfix-gmail-wizard/
    assert.match(await readFile(log!, 'utf8'), /Setting up postfix/);
    assert.equal((await stat(log!)).mode & 0o777, 0o600);
    assert.ok(await postfixRunning(), 'Postfix was started');
    assert.deepEqual(run.leaks, []);
    assert.ok(!(await readFile(log!, 'utf8')).includes(PASSWORD));

    await useTestNetwork();
    const again = await runWizard(args(), { stdin: `${PASSWORD}\n`, secret: PASSWORD });
    assert.equal(again.code, 0, again.stderr);
    const outcome = JSON.parse(again.stdout);
    assert.equal(outcome.result, 'delivered');
    assert.doesNotMatch(again.stderr, /To install first/);
    const message = await gmail.waitForMessage(5_000);
    assert.deepEqual(message.rcptTo, [TO]);
    assert.equal(message.user, ACCOUNT);
    assert.equal(message.secure, true);
  });

  it('libsasl2-modules removed: detected, installed, Postfix reloaded, and the test message goes through', async () => {
    assert.ok(await postfixRunning(), 'the previous test left Postfix running');
    await sh('apt-get', ['remove', '-y', '-q', 'libsasl2-modules'], aptEnv);
    assert.deepEqual(await saslPlugins(), []);
    assert.ok(await installed('postfix'));

    const run = await runWizard(args(), { stdin: `${PASSWORD}\n`, secret: PASSWORD });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /SASL PLAIN\/LOGIN plugins are missing/);
    assert.match(run.stderr, /apt-get install -y --no-install-recommends .* libsasl2-modules/);
    assert.match(
      run.stderr,
      /Reloading Postfix, so that its smtp processes load the new SASL plugins: \/etc\/init\.d\/postfix reload/,
    );
    assert.ok(await installed('libsasl2-modules'));
    assert.equal(JSON.parse(run.stdout).result, 'delivered');
    const message = await gmail.waitForMessage(5_000);
    assert.equal(message.user, ACCOUNT);
    assert.deepEqual(run.leaks, []);
  });
});

// Test environment only, not the wizard's business: the fake Gmail is "localhost",
// which the chrooted smtp(8) must resolve from /etc/hosts (no DNS here), and with
// no syslog daemon the delivery lines go to a file the wizard can follow.
async function useTestNetwork(): Promise<void> {
  await mkdir('/var/spool/postfix/etc', { recursive: true });
  await copyFile('/etc/hosts', '/var/spool/postfix/etc/hosts');
  await sh('postconf', ['-e', 'smtp_host_lookup=native', `maillog_file=${MAILLOG}`]);
  await sh('postfix', ['stop']);
  await sh('postfix', ['start']);
}
