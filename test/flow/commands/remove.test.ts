// `remove` through main(), on Debian 12's local-only main.cf set up with account A: the relay
// configuration goes (settings, password map and its compiled file, the wizard's record), main.cf
// is byte for byte what it was before setup, everything is backed up first (secrets at 0600), and
// Postfix checks the result before it reloads. Without root, only --dry-run; a failed check puts it
// all back; a second remove, or one on a machine never set up, changes nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { A, MAP, PW_A, assertNoSecret, configuredWithA, sent } from '../../support/credential-machine.js';
import { changingCommands } from '../../support/step-context.js';
import { type FakePostfixOptions, installFakePostfix } from '../../support/fake-postfix.js';
import { FakeSystem } from '../../support/fake-system.js';
import { runCli } from '../../support/run-cli.js';

const SAVED = '/etc/postfix/postfix-gmail-wizard.saved';

async function configured() {
  const sys = new FakeSystem();
  const options: FakePostfixOptions = { delivery: () => sent };
  const postfix = installFakePostfix(sys, options);
  const stock = postfix.mainCf();
  const setup = await runCli(sys, ['--account', A, '--password-stdin', '--yes', '--no-test'], { stdin: `${PW_A}\n` });
  assert.equal(setup.exit, 0, setup.stderr);
  assert.ok(sys.files.has(MAP) && sys.files.has(`${MAP}.db`) && sys.files.has(SAVED));
  sys.calls.length = 0;
  sys.writes.length = 0;
  return { sys, postfix, options, stock, configuredCf: postfix.mainCf() };
}
const commands = (sys: FakeSystem) => sys.calls.map((c) => `${c.file} ${c.args.join(' ')}`);
const changing = (sys: FakeSystem) =>
  commands(sys).filter((c) => /^postconf -(e|X|P|PX) |^postfix (reload|start|stop)|^postmap /.test(c));

describe('remove', () => {
  it('takes the relay out: main.cf as before setup, the map, its .db and the record gone, all backed up first', async () => {
    const { sys, postfix, stock } = await configured();
    const run = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(run.json?.result, 'removed');
    assert.equal(postfix.mainCf(), stock);
    for (const gone of [MAP, `${MAP}.db`, SAVED]) assert.equal(sys.files.has(gone), false, gone);
    assert.deepEqual(run.json?.changed?.files, [MAP, `${MAP}.db`, SAVED]);
    const backup = [...sys.files.keys()].filter((p) => p.includes(`/${run.json?.backupId}/`));
    assert.ok(
      backup.some((p) => p.endsWith('-sasl_passwd')),
      backup.join('\n'),
    );
    for (const copy of backup.filter((p) => /sasl_passwd/.test(p)))
      assert.equal(sys.files.get(copy)?.mode, 0o600, `${copy}: the secret's copy is private`);
    const order = commands(sys);
    const lastEdit = Math.max(...order.map((c, i) => (/^postconf -(e|X) /.test(c) ? i : -1)));
    const check = order.indexOf('postfix check');
    assert.ok(lastEdit >= 0 && check > lastEdit, order.join('\n'));
    assert.ok(order.indexOf('postfix reload') > check, order.join('\n'));
  });

  it('without root: refused (not-root, exit 1), nothing written, nothing run that changes Postfix', async () => {
    const { sys, postfix, configuredCf } = await configured();
    sys.root = false;
    const run = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(run.exit, 1);
    assert.equal(run.json?.error?.code, 'not-root');
    assert.match(run.json?.error?.fix ?? '', /sudo/);
    assert.deepEqual([sys.writes, changing(sys)], [[], []]);
    assert.equal(postfix.mainCf(), configuredCf);
    assert.ok(sys.files.has(MAP));
  });

  it('--dry-run (no root needed): the plan is shown, nothing is changed', async () => {
    const { sys, postfix, configuredCf } = await configured();
    sys.root = false;
    const run = await runCli(sys, ['remove', '--dry-run']);
    assert.equal(run.exit, 0, run.stderr);
    assert.match(run.stdout, /- relayhost = \[smtp\.gmail\.com\]:587/);
    assert.match(run.stdout, /- \/etc\/postfix\/sasl_passwd\n/);
    assert.deepEqual([sys.writes, changing(sys)], [[], []]);
    assert.equal(postfix.mainCf(), configuredCf);
    assert.ok(!run.stdout.includes(PW_A));
  });

  it('postfix check fails: everything put back, the map and its record too, and exit 1', async () => {
    const { sys, postfix, options, configuredCf } = await configured();
    const mapBefore = sys.text(MAP);
    options.failCheck = true;
    const run = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(run.exit, 1);
    assert.equal(run.json?.error?.code, 'apply-failed');
    assert.equal(postfix.mainCf(), configuredCf);
    assert.equal(sys.text(MAP), mapBefore);
    assert.ok(sys.files.has(`${MAP}.db`) && sys.files.has(SAVED));
  });

  it('a second remove, and a remove on a machine never set up: unchanged, no backup, no reload', async () => {
    const { sys } = await configured();
    assert.equal((await runCli(sys, ['remove', '--yes'])).exit, 0);
    for (const fresh of [sys, new FakeSystem()]) {
      if (fresh !== sys) installFakePostfix(fresh);
      fresh.calls.length = 0;
      fresh.writes.length = 0;
      const run = await runCli(fresh, ['remove', '--yes', '--json']);
      assert.equal(run.exit, 0, run.stderr);
      assert.equal(run.json?.result, 'unchanged');
      assert.equal(run.json?.backupId, undefined);
      assert.deepEqual(changing(fresh), []);
      assert.deepEqual(
        fresh.writes.filter((w) => !w.path.endsWith('/lock')),
        [],
      );
    }
  });
});

describe('remove: what --json says at each way out of its steps', () => {
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
