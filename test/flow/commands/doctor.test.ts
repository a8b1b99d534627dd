// doctor through the whole CLI against the recording fake (Debian 12's captured Postfix): it reads
// and changes nothing without --fix; headless --fix without --yes is refused (exit 2) before any
// write; with --yes the repairs go through the transaction and the document matches the schema.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { repoPath } from '../../support/paths.js';
import { runCli } from '../../support/run-cli.js';

const stockMainCf = readFileSync(repoPath('test', 'fixtures', 'debian-12', 'main.cf.local-only'), 'utf8');
const PASSWORD = 'revokedrevokedre';
// The recipe of ../shared/seed/, on Debian's stock main.cf.
const seed = [
  'relayhost = [smtp.gmail.com]:587', 'smtp_use_tls = yes', 'smtp_sasl_auth_enable = yes',
  'smtp_sasl_password_maps = hash:/etc/postfix/saslpass', 'smtp_sasl_tls_security_options = noanonymous',
  'smtp_tls_CApath = /etc/ssl/certs/ca-certificates.crt', 'default_transport = smtp', 'relay_transport = relay', '',
].join('\n');

function machine(): FakeSystem {
  const sys = new FakeSystem();
  installFakePostfix(sys, { mainCf: stockMainCf.replace(/^(default_transport|relay_transport|relayhost) =.*\n/gm, '') + seed });
  sys.put('/etc/postfix/saslpass', `[smtp.gmail.com]:587 cron@gmail.com:${PASSWORD}\n`, 0o644);
  return sys;
}

const edits = (sys: FakeSystem) => sys.calls.filter((c) => c.file === 'postmap' || (c.file === 'postconf' && c.args.some((a) => /^-(e|X|PX)$/.test(a))));

describe('doctor (flow)', () => {
  it('names the seed\'s problems and changes nothing', async () => {
    const sys = machine();
    const run = await runCli(sys, ['doctor', '--json']);
    assert.equal(run.exit, 1, run.stderr);
    const found: string[] = run.json?.doctor?.problems.map((p) => p.code) ?? [];
    for (const code of ['password-file-readable', 'map-not-compiled', 'obsolete-settings', 'tls-unverified']) assert.ok(found.includes(code), `${code} in ${found.join(', ')}`);
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
    for (const code of ['password-file-readable', 'map-not-compiled', 'obsolete-settings', 'tls-unverified']) assert.ok(fixed.includes(code), `${code} in ${fixed.join(', ')}`);
    assert.ok(sys.calls.some((c) => c.file === 'postmap' && c.args.includes('hash:/etc/postfix/saslpass')));
    assert.ok(sys.calls.some((c) => c.file === 'postconf' && c.args.includes('-X') && c.args.includes('smtp_use_tls')));
    assert.ok(!run.stdout.includes(PASSWORD) && !run.stderr.includes(PASSWORD));
  });
});
