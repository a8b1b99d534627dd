// doctor through the whole CLI against the recording fake (Debian 12's captured Postfix): it reads
// and changes nothing without --fix; headless --fix without --yes is refused (exit 2) before any
// write; with --yes the repairs go through the transaction and the document matches the schema.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FakeSystem } from '../../support/fake-system.js';
import { seedMachine } from '../../support/fake-seed.js';
import { runCli } from '../../support/run-cli.js';

const PASSWORD = 'revokedrevokedre';
const machine = (): FakeSystem => seedMachine(PASSWORD).sys;

const edits = (sys: FakeSystem) =>
  sys.calls.filter((c) => c.file === 'postmap' || (c.file === 'postconf' && c.args.some((a) => /^-(e|X|PX)$/.test(a))));

describe('doctor (flow)', () => {
  it("names the seed's problems and changes nothing", async () => {
    const sys = machine();
    const run = await runCli(sys, ['doctor', '--json']);
    assert.equal(run.exit, 1, run.stderr);
    const found: string[] = run.json?.doctor?.problems.map((p) => p.code) ?? [];
    for (const code of ['password-file-readable', 'map-not-compiled', 'obsolete-settings', 'tls-unverified'])
      assert.ok(found.includes(code), `${code} in ${found.join(', ')}`);
    assert.deepEqual(sys.writes, []);
    assert.deepEqual(edits(sys), []);
    assert.ok(!run.stdout.includes(PASSWORD) && !run.stderr.includes(PASSWORD));
  });

  it('headless --fix without --yes is refused before anything is written (exit 2)', async () => {
    const sys = machine();
    const run = await runCli(sys, ['doctor', '--fix', '--json']);
    assert.equal(run.exit, 2, run.stderr);
    assert.deepEqual(edits(sys), []);
    assert.equal(sys.writes.filter((w) => w.path.startsWith('/etc/')).length, 0);
  });

  it('--fix --yes: chmod, postmap and postconf in one transaction', async () => {
    const sys = machine();
    const run = await runCli(sys, ['doctor', '--fix', '--yes', '--json']);
    assert.ok(run.json?.backupId, run.stderr);
    const fixed = run.json?.doctor?.fixed ?? [];
    for (const code of ['password-file-readable', 'map-not-compiled', 'obsolete-settings', 'tls-unverified'])
      assert.ok(fixed.includes(code), `${code} in ${fixed.join(', ')}`);
    assert.ok(sys.calls.some((c) => c.file === 'postmap' && c.args.includes('hash:/etc/postfix/saslpass')));
    assert.ok(sys.calls.some((c) => c.file === 'postconf' && c.args.includes('-X') && c.args.includes('smtp_use_tls')));
    assert.ok(!run.stdout.includes(PASSWORD) && !run.stderr.includes(PASSWORD));
  });
});
