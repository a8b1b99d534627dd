// setup through main() (recording fake of src/system, scripted prompts): the keychain's honest
// outcomes, and a stored password offered only to the relay it was stored for.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  A,
  B,
  PW_A,
  PW_B,
  MAP,
  bad535,
  machine,
  configuredWithA,
  assertNoSecret,
} from '../../support/credential-machine.js';
import type { FakeSystem } from '../../support/fake-system.js';
import { runCli } from '../../support/run-cli.js';
import { ScriptedUi } from '../../support/scripted-ui.js';

describe('keychain: store and reuse', () => {
  it('run 1 stores the password; run 2 with only --account (stdin closed) uses it', async () => {
    const { sys } = await configuredWithA();
    assert.equal(sys.secrets.get(A), PW_A);
    sys.authChecks.length = 0;
    const run = await runCli(sys, ['--account', A, '--yes', '--json', '--to', 'friend@example.com']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(run.json?.keychain, 'used');
    assert.deepEqual(
      sys.authChecks.map((c) => [c.user, c.password]),
      [[A, PW_A]],
    );
    assert.match(run.stderr, /Using the app password stored in the keychain for someone@gmail\.com/);
    assertNoSecret(sys, run.stdout, run.stderr);
  });

  it('says honestly when the password was stored, and where', async () => {
    const { sys } = machine();
    const run = await runCli(sys, ['--account', A, '--password-stdin', '--yes', '--no-test', '--json'], {
      stdin: `${PW_A}\n`,
    });
    assert.equal(run.json?.keychain, 'stored');
    assert.match(run.stderr, /App password for someone@gmail\.com stored in your keychain/);
  });

  it('under sudo, names the keychain of the person who ran sudo', async () => {
    const { sys } = machine();
    sys.environment = { ...sys.environment, SUDO_USER: 'alice', SUDO_UID: '1000', SUDO_GID: '1000' };
    const run = await runCli(sys, ['--account', A, '--password-stdin', '--yes', '--no-test'], { stdin: `${PW_A}\n` });
    assert.equal(run.exit, 0);
    assert.match(run.stdout, /stored in the keychain of alice/);
  });

  for (const [reason, words] of [
    ['no-session-bus', /no keychain is reachable \(no desktop session bus/],
    ['kernel-keyring-only', /only store left is the kernel keyring, which forgets everything at reboot/],
    ['locked', /keyring is locked/],
    ['module-missing', /keychain module is not installed/],
  ] as const) {
    it(`${reason}: not stored, says why, and the setup still works`, async () => {
      const { sys } = machine();
      sys.keychainMissing = reason;
      const run = await runCli(
        sys,
        ['--account', A, '--password-stdin', '--yes', '--json', '--to', 'friend@example.com'],
        { stdin: `${PW_A}\n` },
      );
      assert.equal(run.exit, 0, run.stderr);
      assert.equal(run.json?.keychain, `not-stored:${reason}`);
      assert.match(run.stderr, words);
      assert.equal(sys.secrets.size, 0);
      assert.match(sys.text(MAP) ?? '', new RegExp(`${A}:${PW_A}$`, 'm'));
    });
  }

  it('a keyring locked when storing: "NOT stored" with the reason, exit 0', async () => {
    const { sys } = machine();
    sys.keychainFailure = 'locked';
    const run = await runCli(sys, ['--account', A, '--password-stdin', '--yes', '--no-test', '--json'], {
      stdin: `${PW_A}\n`,
    });
    assert.equal(run.exit, 0);
    assert.equal(run.json?.keychain, 'not-stored:locked');
    assert.match(run.stderr, /NOT stored in a keychain: the keyring is locked/);
  });

  it('--no-keychain neither reads nor writes it', async () => {
    const { sys } = await configuredWithA();
    sys.secrets.set(B, PW_B);
    const run = await runCli(sys, ['--account', B, '--no-keychain', '--yes', '--non-interactive']);
    assert.equal(run.exit, 2);
    assert.match(run.stderr, /--password-stdin/);
    const typed = await runCli(
      sys,
      ['--account', B, '--password-stdin', '--no-keychain', '--yes', '--no-test', '--json'],
      { stdin: `${PW_B}\n` },
    );
    assert.equal(typed.exit, 0);
    assert.equal(typed.json?.keychain, 'not-stored:disabled');
    assert.deepEqual([...sys.secrets.keys()].sort(), [B, A].sort()); // untouched
  });

  it('headless without a password: exit 2, and the message says why the keychain could not help', async () => {
    const { sys } = machine();
    sys.keychainMissing = 'no-session-bus';
    const run = await runCli(sys, ['--account', A, '--yes']);
    assert.equal(run.exit, 2);
    assert.match(run.stderr, /--password-stdin or --password-file PATH/);
    assert.match(
      run.stdout + run.stderr,
      /No stored password could be used for someone@gmail\.com: no keychain is reachable/,
    );
    const empty = machine().sys;
    const none = await runCli(empty, ['--account', A, '--yes']);
    assert.match(none.stdout + none.stderr, /The keychain holds no app password for someone@gmail\.com/);
    assert.equal(empty.writes.length, 0);
  });

  it('a stored password Gmail now refuses: exit 1, nothing written, and it says it was the stored one', async () => {
    const { sys, passwords } = await configuredWithA();
    passwords[A] = 'newpasswordnewpw';
    const writes = sys.writes.length;
    const run = await runCli(sys, ['--account', A, '--yes', '--json']);
    assert.equal(run.exit, 1);
    assert.equal(run.json?.error?.code, 'preflight-auth-bad-credentials');
    assert.match(run.json?.error?.message ?? '', /stored in the keychain: it is no longer valid/);
    assert.equal(sys.writes.length, writes);
  });

  it('headless re-run of the current account without keychain uses the password the map holds', async () => {
    const { sys } = await configuredWithA();
    sys.secrets.clear();
    const run = await runCli(sys, ['--account', A, '--yes', '--no-test', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(run.json?.result, 'unchanged');
    assert.deepEqual(sys.authChecks.at(-1), { endpoint: sys.authChecks.at(-1)!.endpoint, user: A, password: PW_A });
  });
});

describe('a stored password goes only to the relay it was stored for', () => {
  const writesOf = (sys: FakeSystem) => sys.writes.length;

  it('headless, another relay, no password flag: exit 2 naming the password flags; no login anywhere, nothing written', async () => {
    const { sys } = await configuredWithA();
    sys.authChecks.length = 0;
    const writes = writesOf(sys);
    for (const keychain of [[], ['--no-keychain']]) {
      const run = await runCli(sys, ['--account', A, '--relay', 'evil.example:587', '--yes', '--json', ...keychain]);
      assert.equal(run.exit, 2, run.stderr);
      assert.equal(run.json?.error?.code, 'missing-answers');
      assert.match(run.json?.error?.message ?? '', /--password-stdin/);
      assert.match(
        run.json?.error?.message ?? '',
        /belongs to \[smtp\.gmail\.com\]:587; it is not sent to \[evil\.example\]:587/,
      );
    }
    assert.deepEqual(sys.authChecks, [], 'no server was sent the stored password');
    assert.equal(writesOf(sys), writes);
  });

  it('interactive, another relay: the password is asked for, and the typed one is what the relay gets', async () => {
    const { sys } = await configuredWithA();
    sys.authChecks.length = 0;
    sys.authResult = (_user, password) => (password === PW_B ? { ok: true } : bad535); // other.example knows another password
    const ui = new ScriptedUi([PW_B]);
    const run = await runCli(sys, ['--account', A, '--relay', 'other.example:587', '--yes', '--no-test'], { ui });
    assert.equal(run.exit, 0, `${run.stderr}\n${ui.transcript}`);
    assert.deepEqual(
      sys.authChecks.map((c) => [c.endpoint.host, c.password]),
      [['other.example', PW_B]],
    );
    assert.equal(sys.secrets.get(A), PW_A, 'the entry for smtp.gmail.com is untouched');
    assert.equal(sys.secrets.get(`${A} [other.example]:587`), PW_B, 'the new one is stored for its own relay');
  });

  it('a keychain entry of another relay is not offered to smtp.gmail.com, nor a bare (old) entry to another relay', async () => {
    const { sys } = machine();
    sys.secrets.set(`${A} [other.example]:587`, PW_A);
    const run = await runCli(sys, ['--account', A, '--yes', '--no-test', '--json']);
    assert.equal(run.exit, 2, run.stderr);
    sys.secrets.clear();
    sys.secrets.set(A, PW_A);
    const other = await runCli(sys, ['--account', A, '--relay', 'other.example:2525', '--yes', '--no-test', '--json']);
    assert.equal(other.exit, 2, other.stderr);
    assert.deepEqual(sys.authChecks, []);
  });

  it('a password read from the root-only map is never copied into the keychain', async () => {
    const { sys } = await configuredWithA();
    sys.secrets.clear();
    const run = await runCli(sys, ['--account', A, '--yes', '--no-test', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(run.json?.keychain, 'not-stored:from-map');
    assert.equal(sys.secrets.size, 0);
  });
});
