// The keychain for real: the built CLI against a private Postfix, a fake Gmail,
// and gnome-keyring-daemon in a private D-Bus session (test/support/keyring-session.ts).
// Store on run 1, reuse with only --account (stdin closed) on run 2, switch accounts
// (flushing mail the old login left deferred), remove; and the cases where no
// keychain can help: no session bus, a bus without a Secret Service (the kernel
// keyring would be all that is left), a locked keyring. Last, root under sudo uses
// the keychain of the person who ran sudo.
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTransport } from 'nodemailer';
import { createOwnKeychain } from '../../../src/system/keychain.js';
import { installedKeyringBinding } from '../../../src/system/keyring-binding.js';
import { findUserSessions, runHelper, stageHelper } from '../../../src/system/sudo-keychain.js';
import type { FakeGmail } from '../../support/fake-gmail.js';
import { keyringSkipReason, startKeyringSession, type KeyringSession } from '../../support/keyring-session.js';
import { postfixSkipReason, type PostfixInstance } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { checksums, exposedCopies } from '../../support/secret-checks.js';
import { repoPath } from '../../support/paths.js';
import { startInTmux, tmuxSkipReason } from '../../support/tmux.js';
import { runWizard, type WizardRun } from '../../support/wizard-process.js';

const A = 'someone@gmail.com';
const B = 'other@gmail.com';
const PW_A = 'qwertyuiopasdfgh';
const PW_B = 'zxcvbnmlkjhgfdsa';
const SERVICE = 'postfix-gmail-wizard';
const skip = postfixSkipReason() ?? keyringSkipReason();

function json(run: WizardRun): {
  result?: string;
  keychain?: string;
  flushed?: { deferred: number; sent: number };
  error?: { code: string };
  status?: Record<string, unknown>;
} {
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`no JSON on stdout (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
}

function credentialLines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
}

describe('keychain: a real Secret Service (gnome-keyring under dbus-run-session)', { skip }, () => {
  let lab: RelayLab;
  let tmp: string;
  let gmail: FakeGmail;
  let postfix: PostfixInstance;
  let keyring: KeyringSession;
  const accounts: Record<string, { password: string }> = { [A]: { password: PW_A }, [B]: { password: PW_B } };

  before(async () => {
    lab = await startRelayLab('e2e-keychain', accounts);
    ({ tmp, gmail, postfix } = lab);
    keyring = await startKeyringSession();
  });
  after(async () => {
    await keyring?.close();
    await lab?.close();
  });

  const args = (...more: string[]) => [...lab.args(), '--yes', '--json', '--wait', '60', ...more];
  // Entries are keyed by account and relay (flow/keychain/keychain-state.ts): the lab's relay is not the default one.
  const key = (account: string) => `${account} [localhost]:${gmail.port}`;
  const lookup = async (account: string) =>
    (await keyring.secretTool(['lookup', 'service', SERVICE, 'username', key(account)])).stdout;
  const map = () => readFile(join(postfix.configDir, 'sasl_passwd'), 'utf8');

  it('run 1 stores the app password in the keychain', async () => {
    const run = await runWizard(args('--account', A, '--password-stdin', '--to', 'friend@example.com'), {
      stdin: `${PW_A}\n`,
      env: keyring.env,
      secret: PW_A,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(json(run).keychain, 'stored');
    assert.match(run.stderr, /App password for someone@gmail\.com stored in your keychain/);
    assert.equal(await lookup(A), PW_A, 'secret-tool finds it in the Secret Service');
    assert.deepEqual(run.leaks, []);
  });

  it('run 2 with only --account, stdin closed and --yes uses the keychain', async () => {
    const authsBefore = gmail.auths.length;
    const run = await runWizard(args('--account', A, '--to', 'friend@example.com'), { env: keyring.env, secret: PW_A });
    assert.equal(run.code, 0, run.stderr);
    const outcome = json(run);
    assert.equal(outcome.keychain, 'used');
    assert.equal(outcome.result, 'delivered');
    assert.match(run.stderr, /Using the app password stored in the keychain for someone@gmail\.com/);
    const preflightLogin = gmail.auths.slice(authsBefore)[0];
    assert.deepEqual(preflightLogin && [preflightLogin.user, preflightLogin.password, preflightLogin.accepted], [
      A,
      PW_A,
      true,
    ]);
    for (const text of [run.stdout, run.stderr]) assert.ok(!text.includes(PW_A));
    assert.deepEqual(run.leaks, []);
  });

  it('status shows the account, that its password is in the keychain, and the relay', async () => {
    const run = await runWizard(
      ['status', '--config-dir', postfix.configDir, '--state-dir', join(postfix.base, 'state'), '--json'],
      { env: keyring.env },
    );
    assert.equal(run.code, 0, run.stderr);
    const status = json(run).status!;
    assert.equal(status.account, A);
    assert.equal(status.keychain, 'stored');
    assert.equal(status.relayhost, `[localhost]:${gmail.port}`);
    assert.match(run.stderr, /Keychain: the password of someone@gmail\.com is stored in your keychain/);
    assert.ok(!run.stdout.includes(PW_A) && !run.stderr.includes(PW_A));
  });

  it('switch: B typed once (stored), then back to A and to B again without typing; the map holds exactly one credential', async () => {
    const typed = await runWizard(args('--account', B, '--password-stdin', '--no-test'), {
      stdin: `${PW_B}\n`,
      env: keyring.env,
      secret: PW_B,
    });
    assert.equal(typed.code, 0, typed.stderr);
    assert.equal(await lookup(B), PW_B);
    assert.deepEqual(credentialLines(await map()), [`[localhost]:${gmail.port} ${B}:${PW_B}`]);

    const back = await runWizard(args('--account', A, '--no-test'), { env: keyring.env, secret: PW_A });
    assert.equal(back.code, 0, back.stderr);
    assert.equal(json(back).keychain, 'used');
    assert.deepEqual(credentialLines(await map()), [`[localhost]:${gmail.port} ${A}:${PW_A}`]);
    assert.ok(!(await map()).includes(PW_B), 'the old credential is gone');
  });

  it('after a switch that fixes the login, mail the old login left deferred goes out (postqueue -c … -f), counted', async () => {
    // A's password is revoked at "Gmail": the next message is deferred with 535.
    accounts[A]!.password = 'revokedrevokedxx';
    const transport = createTransport({ host: '127.0.0.1', port: postfix.smtpdPort, secure: false, ignoreTLS: true });
    const info = await transport.sendMail({
      from: 'root@localhost',
      to: 'waiting@example.com',
      subject: 'waiting',
      text: 'deferred until the switch',
    });
    transport.close();
    const queueId = /queued as (\w+)/.exec(info.response)?.[1];
    assert.ok(queueId, info.response);
    await postfix.waitForLog(new RegExp(`${queueId}: to=<waiting@example\\.com>.*status=deferred`));

    const messagesBefore = gmail.messages.length;
    const run = await runWizard(args('--account', B, '--no-test'), { env: keyring.env, secret: PW_B });
    accounts[A]!.password = PW_A;
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(json(run).flushed, { deferred: 1, sent: 1 });
    assert.match(run.stderr, /1 of 1 deferred message\(s\) went out with the new login/);
    const arrived = gmail.messages.slice(messagesBefore).find((m) => m.rcptTo.includes('waiting@example.com'));
    assert.equal(arrived?.user, B);
    assert.deepEqual(run.leaks, []);
  });

  it('remove takes the relay out; the keychain keeps the passwords, so a run with only --account puts it back', async () => {
    const removed = await runWizard(
      ['remove', '--config-dir', postfix.configDir, '--backup-dir', join(postfix.base, 'backups'), '--yes', '--json'],
      { env: keyring.env },
    );
    assert.equal(removed.code, 0, removed.stderr);
    assert.equal((await postfix.postconf('-h', 'relayhost')).trim(), '');
    assert.equal(await lookup(A), PW_A);
    const again = await runWizard(args('--account', A, '--no-test'), { env: keyring.env, secret: PW_A });
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(credentialLines(await map()), [`[localhost]:${gmail.port} ${A}:${PW_A}`]);
  });

  it('in a terminal: the re-run offers keep / switch / new, and switching takes two keys, no typing', {
    skip: tmuxSkipReason(),
  }, async () => {
    const session = await startInTmux(
      [process.execPath, repoPath('bin', 'postfix-gmail-wizard.js'), ...lab.args(), '--wait', '60'],
      { cols: 100, rows: 40, env: { LANG: 'C.UTF-8', TERM: 'xterm-256color', ...keyring.env } },
    );
    try {
      await session.waitFor(/Which account should Postfix use\?/, 30_000);
      const menu = await session.screen();
      assert.match(menu, /Keep someone@gmail\.com and test it again/);
      assert.match(menu, /Switch to other@gmail\.com/);
      assert.match(menu, /Use another account instead of someone@gmail\.com/);
      await session.sendKeys('Down');
      await session.sendKeys('Enter');
      await session.waitFor(/Apply this plan\?/, 30_000); // the test recipient is not asked: the plan shows it
      await session.sendKeys('Enter');
      await session.waitFor(/Done: this machine sends mail through Gmail/, 90_000);
      assert.equal(await session.exitCode(30_000), 0);
      const everything = await session.history();
      assert.ok(!/App password \(16 letters/.test(everything), 'no password prompt');
      for (const secret of [PW_A, PW_B]) assert.ok(!everything.includes(secret), 'no password on screen');
    } finally {
      await session.kill();
    }
    assert.deepEqual(credentialLines(await map()), [`[localhost]:${gmail.port} ${B}:${PW_B}`]);
  });

  it('the keychain module lists and removes entries in the same Secret Service', async () => {
    const keychain = createOwnKeychain({ DBUS_SESSION_BUS_ADDRESS: keyring.address });
    process.env.DBUS_SESSION_BUS_ADDRESS = keyring.address; // the native library reads the process environment
    try {
      assert.deepEqual(await keychain.accounts(), [key(B), key(A)].sort());
      assert.equal(await keychain.remove(key(B)), true);
      assert.equal(await lookup(B), '');
      assert.deepEqual(await keychain.accounts(), [key(A)]);
    } finally {
      delete process.env.DBUS_SESSION_BUS_ADDRESS;
    }
  });

  it('no session bus: says no keychain is reachable, and still configures and delivers', async () => {
    const before = await checksums(postfix.configDir);
    assert.match(await map(), new RegExp(`${B}:`), 'B is configured now');
    const run = await runWizard(args('--account', A, '--password-stdin', '--to', 'friend@example.com'), {
      stdin: `${PW_A}\n`,
      secret: PW_A,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(json(run).keychain, 'not-stored:no-session-bus');
    assert.match(run.stderr, /not stored in a keychain: no keychain is reachable \(no desktop session bus/);
    assert.notDeepEqual(await checksums(postfix.configDir), before);
    assert.deepEqual(credentialLines(await map()), [`[localhost]:${gmail.port} ${A}:${PW_A}`]);
  });

  it('no session bus and no password flag: exit 2, naming the flag and why the keychain could not help', async () => {
    const before = await checksums(postfix.configDir);
    const run = await runWizard(args('--account', B)); // not the account in the map, whose password could be reused
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /--password-stdin or --password-file PATH/);
    assert.match(run.stderr, /No stored password could be used for other@gmail\.com: no keychain is reachable/);
    assert.deepEqual(await checksums(postfix.configDir), before);
  });

  it('a bus without a Secret Service (the kernel keyring would be all): "not stored", and it works', async () => {
    const bare = await startKeyringSession({ kind: 'no-secret-service' });
    try {
      const run = await runWizard(args('--account', A, '--password-stdin', '--no-test'), {
        stdin: `${PW_A}\n`,
        env: bare.env,
        secret: PW_A,
      });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(json(run).keychain, 'not-stored:kernel-keyring-only');
      assert.match(run.stderr, /the only store left is the kernel keyring, which forgets everything at reboot/);
    } finally {
      await bare.close();
    }
  });

  it('a locked keyring: says so, and it works', async () => {
    const home = join(tmp, 'locked-home');
    const first = await startKeyringSession({ home });
    assert.equal(
      (await first.secretTool(['store', '--label=other app', 'service', 'another-app', 'username', 'x'], 'not ours'))
        .code,
      0,
    );
    await first.close();
    const locked = await startKeyringSession({ home, kind: 'locked' });
    try {
      const run = await runWizard(args('--account', A, '--password-stdin', '--no-test'), {
        stdin: `${PW_A}\n`,
        env: locked.env,
        secret: PW_A,
      });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(json(run).keychain, 'not-stored:locked');
      assert.match(run.stderr, /the keyring is locked/);
    } finally {
      await locked.close();
    }
  });

  it('the app password is in no file anyone else can read, and not in the mail log', async () => {
    for (const secret of [PW_A, PW_B]) {
      assert.deepEqual(await exposedCopies(secret, postfix.base, keyring.home, tmp), []);
      assert.ok(!(await postfix.readLog()).includes(secret));
    }
    assert.equal((await stat(join(postfix.configDir, 'sasl_passwd'))).mode & 0o777, 0o600);
  });
});

describe('keychain under sudo: the keychain of SUDO_USER, through a child running as that user', { skip }, () => {
  const user = { name: 'nobody', uid: 65534, gid: 65534 };
  const sudoEnv = {
    SUDO_USER: user.name,
    SUDO_UID: String(user.uid),
    SUDO_GID: String(user.gid),
    SUDO_COMMAND: '/usr/bin/npx postfix-gmail-wizard',
  };
  let lab: RelayLab;
  let postfix: PostfixInstance;
  let desktop: KeyringSession;

  before(async () => {
    lab = await startRelayLab('e2e-sudo', { [A]: { password: PW_A } });
    ({ postfix } = lab);
    desktop = await startKeyringSession({ user }); // "their desktop session", not root's
  });
  after(async () => {
    await desktop?.close();
    await lab?.close();
  });

  const args = (...more: string[]) => [...lab.args(), '--yes', '--json', '--no-test', ...more];

  it('stores into their keychain (found on their session bus; root has none), then reuses it with only --account', async () => {
    const run = await runWizard(args('--account', A, '--password-stdin'), {
      stdin: `${PW_A}\n`,
      env: sudoEnv,
      secret: PW_A,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(json(run).keychain, 'stored');
    assert.match(run.stderr, /stored in the keychain of nobody/);
    assert.deepEqual(run.leaks, [], "the password was never in an argv or environment, the helper child's included");
    assert.equal(
      (await desktop.secretTool(['lookup', 'service', SERVICE, 'username', `${A} [localhost]:${lab.gmail.port}`]))
        .stdout,
      PW_A,
    );

    const reuse = await runWizard(args('--account', A), { env: sudoEnv, secret: PW_A });
    assert.equal(reuse.code, 0, reuse.stderr);
    assert.equal(json(reuse).keychain, 'used');
    assert.deepEqual(reuse.leaks, []);
  });

  it('status names whose keychain it is', async () => {
    const run = await runWizard(
      ['status', '--config-dir', postfix.configDir, '--state-dir', join(postfix.base, 'state')],
      { env: sudoEnv },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Keychain: the password of someone@gmail\.com is stored in the keychain of nobody/);
  });

  it('without a desktop session of theirs: says their keychain cannot be reached, and works', async () => {
    const run = await runWizard(args('--account', A, '--password-stdin'), {
      stdin: `${PW_A}\n`,
      env: { ...sudoEnv, SUDO_USER: 'daemon', SUDO_UID: '1', SUDO_GID: '1' },
      secret: PW_A,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(json(run).keychain, 'not-stored:no-session-bus');
    assert.match(run.stderr, /no session bus of daemon was found/);
  });

  it("a copy of the helper (for a package only root can read) works the same: root's files, readable by the user", async () => {
    const base = await mkdtemp('/run/pgw-test-stage-');
    try {
      await chmod(base, 0o755);
      const binding = await installedKeyringBinding();
      assert.ok(binding, 'the binding is installed and trusted');
      const files = await stageHelper(binding, join(base, 'helper'));
      for (const path of [files.script, files.binding!]) {
        const info = await stat(path);
        assert.deepEqual([info.uid, info.mode & 0o7777], [0, 0o644], path);
      }
      const [session] = await findUserSessions(user, {});
      assert.ok(session, 'their session bus is found from their processes');
      const answer = await runHelper(user, session, { op: 'accounts' }, files);
      assert.deepEqual(answer, { ok: true, accounts: [`${A} [localhost]:${lab.gmail.port}`] });
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });

  it('no copy of the password that others could read in the instance (config, backups, state)', async () => {
    assert.deepEqual(await exposedCopies(PW_A, postfix.base), []);
  });
});
