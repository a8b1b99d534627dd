// remove through main() on the recording fake: what the --json outcome says at each way out of its
// steps (dry run, applied, nothing left, one account, an unknown account), and what is changed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { A, MAP, assertNoSecret, configuredWithA } from '../../support/credential-machine.js';
import { runCli } from '../../support/run-cli.js';
import { changingCommands } from '../../support/step-context.js';

describe('remove', () => {
  it('--dry-run: the plan shown, result dry-run, nothing changed or run', async () => {
    const { sys, postfix } = await configuredWithA();
    const before = postfix.mainCf();
    sys.calls.length = 0;
    const run = await runCli(sys, ['remove', '--dry-run', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(run.json?.result, 'dry-run');
    assert.deepEqual(run.json?.changed, { settings: [], files: [], commands: [] });
    assert.equal(run.json?.backupId, undefined);
    assert.equal(postfix.mainCf(), before);
    assert.deepEqual(changingCommands(sys), []);
  });

  it('--yes: the relay and its map go in one transaction; the outcome names them and the backup', async () => {
    const { sys, postfix } = await configuredWithA();
    const run = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(run.json?.result, 'removed');
    assert.ok(run.json?.backupId);
    assert.ok(run.json?.changed.settings.includes('relayhost'));
    assert.ok(run.json?.changed.files.includes(MAP));
    assert.doesNotMatch(postfix.mainCf(), /^relayhost = \S/m);
    assert.equal(sys.files.has(MAP), false);
    assertNoSecret(sys, run.stdout, run.stderr);
  });

  it('a second remove finds nothing left: result unchanged, no backup', async () => {
    const { sys } = await configuredWithA();
    assert.equal((await runCli(sys, ['remove', '--yes'])).exit, 0);
    const again = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(again.exit, 0, again.stderr);
    assert.equal(again.json?.result, 'unchanged');
    assert.equal(again.json?.backupId, undefined);
  });

  it('--account of the default account alone is the whole remove', async () => {
    const { sys } = await configuredWithA();
    const run = await runCli(sys, ['remove', '--account', A, '--yes', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(run.json?.result, 'removed');
    assert.equal(sys.files.has(MAP), false);
  });

  it('--account of an account the map does not hold: exit 2, unknown-account, nothing changed', async () => {
    const { sys } = await configuredWithA();
    sys.calls.length = 0;
    const run = await runCli(sys, ['remove', '--account', 'nobody@gmail.com', '--yes', '--json']);
    assert.equal(run.exit, 2);
    assert.equal(run.json?.error?.code, 'unknown-account');
    assert.equal(run.json?.result, 'failed');
    assert.deepEqual(changingCommands(sys), []);
  });
});
