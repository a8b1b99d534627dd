// A stored app password goes only to the relay it was stored for (issue 11, item 2), against a
// real Postfix, a real gnome-keyring and two fake Gmails: the lab's relay, where the password was
// stored, and a second server on another port that records ANY AUTH attempt. A run that names the
// second relay without a password must not log in there with the stored one, nor change anything.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFakeGmail, type FakeGmail } from '../../support/fake-gmail.js';
import { keyringSkipReason, startKeyringSession, type KeyringSession } from '../../support/keyring-session.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { checksums } from '../../support/secret-checks.js';
import { runWizard } from '../../support/wizard-process.js';

const A = 'someone@gmail.com';
const PW = 'mnbvcxzlkjhgfdsa';
const SERVICE = 'postfix-gmail-wizard';
const skip = postfixSkipReason() ?? keyringSkipReason();

describe('a stored password goes only to the relay it was stored for', { skip }, () => {
  let lab: RelayLab;
  let other: FakeGmail;
  let keyring: KeyringSession;

  before(async () => {
    lab = await startRelayLab('e2e-relaypw', { [A]: { password: PW } });
    // Knows A with the same password: were it sent, the login would succeed and the run go on.
    other = await startFakeGmail({ cert: lab.ca.certPem, key: lab.ca.keyPem, accounts: { [A]: { password: PW } } });
    keyring = await startKeyringSession();
  });
  after(async () => {
    await keyring?.close();
    await other?.close();
    await lab?.close();
  });

  const common = () => lab.args().filter((_, i, all) => all[i] !== '--relay' && all[i - 1] !== '--relay');
  const lookup = async (username: string) =>
    (await keyring.secretTool(['lookup', 'service', SERVICE, 'username', username])).stdout;
  const snapshot = async () => ({
    config: await checksums(lab.postfix.configDir),
    main: await readFile(join(lab.postfix.configDir, 'main.cf'), 'utf8'),
  });

  it('setup against the lab relay stores the password in the map and the keychain', async () => {
    const run = await runWizard([...lab.args(), '--account', A, '--password-stdin', '--yes', '--json', '--no-test'], {
      stdin: `${PW}\n`,
      env: keyring.env,
      secret: PW,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).keychain, 'stored');
    assert.equal(await lookup(`${A} [localhost]:${lab.gmail.port}`), PW);
    assert.equal(await lookup(A), '', 'not under the bare account, which means smtp.gmail.com:587');
  });

  for (const [name, env, flags] of [
    ['the map only (--no-keychain)', {}, ['--no-keychain']],
    ['the keychain too', undefined, []],
  ] as const) {
    it(`--relay localhost:OTHER --yes without a password, ${name}: exit 2 naming the flags; the other server saw no AUTH; nothing changed`, async () => {
      const before = await snapshot();
      const run = await runWizard(
        [...common(), '--relay', `localhost:${other.port}`, '--account', A, '--yes', '--json', ...flags],
        { env: env ?? keyring.env, secret: PW },
      );
      assert.equal(run.code, 2, run.stderr);
      const outcome = JSON.parse(run.stdout);
      assert.equal(outcome.error.code, 'missing-answers');
      assert.match(outcome.error.message, /--password-stdin/);
      assert.match(outcome.error.message, /--password-file/);
      assert.deepEqual(other.auths, [], 'no AUTH attempt of any kind reached the other relay');
      assert.deepEqual(await snapshot(), before);
      assert.deepEqual(run.leaks, []);
    });
  }

  it('the same relay again with an empty keychain: the map password is used, and not copied into the keychain', async () => {
    const empty = await startKeyringSession();
    try {
      const run = await runWizard([...lab.args(), '--account', A, '--yes', '--json', '--no-test'], {
        env: empty.env,
        secret: PW,
      });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(JSON.parse(run.stdout).keychain, 'not-stored:from-map');
      const listed = await empty.secretTool(['search', '--all', 'service', SERVICE]);
      assert.doesNotMatch(listed.stdout, /someone@gmail\.com/, 'no entry was made for the account');
      assert.equal(
        (await empty.secretTool(['lookup', 'service', SERVICE, 'username', `${A} [localhost]:${lab.gmail.port}`]))
          .stdout,
        '',
      );
    } finally {
      await empty.close();
    }
  });
});
