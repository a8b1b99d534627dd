// Issue 21's first defect, on Debian's real Postfix (a private instance): after a setup with the
// relay options (--map-senders, --loopback-only, --root-alias) and a second account for some
// senders, `remove` failed and rolled back — the saved record and the accounts' removal both named
// sender_dependent_relayhost_maps, and `postconf -X` given a name twice crashes. Now remove takes
// everything out and every effective value and file is as before the first setup. And the backup
// `remove --account` takes is one restore takes back (it refused the accounts' relay map it held),
// and a restore of the first setup's backup takes out the accounts' map a later run made.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { configSnapshot, snapshotDiff, type ConfigSnapshot } from '../../support/config-snapshot.js';
import { ownAliases } from '../../support/own-aliases.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { runWizard } from '../../support/wizard-process.js';

const DEFAULT = 'someone@gmail.com';
const DEFAULT_PW = 'qwertyuiopasdfgh';
const BILLING = 'billing@company.example';
const BILLING_PW = 'zxcvbnmlkjhgfdsa';

describe('remove after the relay options and a second account for some senders', { skip: postfixSkipReason() }, () => {
  let lab: RelayLab;
  let pristine: ConfigSnapshot;
  let firstBackup: string;
  before(async () => {
    lab = await startRelayLab(
      'combos-remove',
      { [DEFAULT]: { password: DEFAULT_PW }, [BILLING]: { password: BILLING_PW } },
      { start: false },
    );
    await ownAliases(lab.postfix);
    await lab.postfix.start();
    pristine = await configSnapshot(lab.postfix.configDir);
  });
  after(async () => lab?.close());
  const common = () => [...lab.args(), '--no-keychain', '--yes', '--json', '--no-test'];

  it('remove --account, then restore of its backup: the account is back, every value and file as before', async () => {
    const setup = await runWizard(
      [
        ...common(),
        '--account',
        DEFAULT,
        '--password-stdin',
        '--map-senders',
        '--loopback-only',
        '--root-alias',
        'admin@example.com',
      ],
      { stdin: `${DEFAULT_PW}\n` },
    );
    assert.equal(setup.code, 0, setup.stdout);
    firstBackup = JSON.parse(setup.stdout).backupId;
    const add = await runWizard(
      [...common(), '--account', BILLING, '--senders', `${BILLING},@invoices.example`, '--password-stdin'],
      { stdin: `${BILLING_PW}\n` },
    );
    assert.equal(add.code, 0, add.stdout);
    const configured = await configSnapshot(lab.postfix.configDir);
    const dropped = await runWizard(['remove', '--account', BILLING, ...lab.args().slice(4), '--yes', '--json']);
    assert.equal(dropped.code, 0, dropped.stdout);
    const restored = await runWizard([
      'restore',
      JSON.parse(dropped.stdout).backupId,
      ...lab.args().slice(4),
      '--yes',
      '--json',
    ]);
    assert.equal(restored.code, 0, restored.stdout);
    assert.deepEqual(snapshotDiff(configured, await configSnapshot(lab.postfix.configDir)), []);
  });

  it('remove takes everything out (exit 0): every effective value and every file as before the first setup', async () => {
    const removed = await runWizard(['remove', ...lab.args().slice(4), '--no-keychain', '--yes', '--json']);
    assert.equal(removed.code, 0, `${removed.stdout}\n${removed.stderr}`);
    assert.equal(JSON.parse(removed.stdout).result, 'removed');
    assert.deepEqual(snapshotDiff(pristine, await configSnapshot(lab.postfix.configDir)), []);
  });

  it("restore of remove's backup, then of the first setup's: as before the first setup, the accounts' map made later gone too", async () => {
    const backups = await runWizard(['restore', '--list', ...lab.args().slice(4), '--json']);
    const removeBackup = JSON.parse(backups.stdout).backups.at(-1).id;
    for (const id of [removeBackup, firstBackup]) {
      const run = await runWizard(['restore', id, ...lab.args().slice(4), '--yes', '--json']);
      assert.equal(run.code, 0, run.stdout);
    }
    assert.deepEqual(snapshotDiff(pristine, await configSnapshot(lab.postfix.configDir)), []);
  });
});
