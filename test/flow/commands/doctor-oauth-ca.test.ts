// doctor on the CA bundle's copy in smtp's chroot (Debian 12: smtp chrooted), through main() on the
// recording fake after setup --auth oauth: the sasl-xoauth2 plugin's libcurl verifies Google's token
// endpoint with that copy, which a ca-certificates upgrade leaves behind (the original changes) or which
// may be gone. doctor names it; --fix copies the bundle in again through the transaction (backup, atomic
// write, rollback when `postfix check` fails).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FakeSystem } from '../../support/fake-system.js';
import { oauthHeadless, oauthMachine } from '../../support/oauth-machine.js';
import { runCli } from '../../support/run-cli.js';

const bundle = '/etc/ssl/certs/ca-certificates.crt';
const copy = `/var/spool/postfix${bundle}`;
const UPGRADED = '-----BEGIN CERTIFICATE-----\nMIIBupgraded\n-----END CERTIFICATE-----\n';

async function setUp(): Promise<FakeSystem> {
  const sys = oauthMachine();
  assert.equal((await runCli(sys, oauthHeadless)).exit, 0);
  assert.equal(sys.text(copy), sys.text(bundle), 'setup copied the bundle');
  return sys;
}

const caProblem = async (sys: FakeSystem) =>
  (await runCli(sys, ['doctor', '--json'])).json?.doctor?.problems.find((p) => p.code === 'oauth-chroot-ca-stale');

describe("doctor: the plugin's CA bundle copy in smtp's chroot", () => {
  it('as setup left it: nothing to say', async () => {
    assert.equal(await caProblem(await setUp()), undefined);
  });

  it('the original upgraded (ca-certificates), the copy old: a fixable warning; --fix copies it in again', async () => {
    const sys = await setUp();
    const old = sys.text(copy);
    sys.put(bundle, UPGRADED, 0o644);
    const found = await caProblem(sys);
    assert.ok(found, 'oauth-chroot-ca-stale');
    assert.equal(found.severity, 'warning');
    assert.equal(found.fixable, true);
    assert.deepEqual(found.evidence, [`${copy}: differs from ${bundle}`]);
    assert.match(found.fix, /cp \/etc\/ssl\/certs\/ca-certificates\.crt \/var\/spool\/postfix\/etc\/ssl\/certs/);
    const run = await runCli(sys, ['doctor', '--fix', '--yes', '--json']);
    assert.ok(run.json?.backupId, run.stderr);
    assert.ok(run.json?.doctor?.fixed?.includes('oauth-chroot-ca-stale'), JSON.stringify(run.json?.doctor));
    assert.equal(sys.text(copy), UPGRADED);
    assert.equal(sys.files.get(copy)?.mode, 0o644);
    // The transaction's backup holds the old copy (manifest entry and its file).
    assert.deepEqual(run.json?.changed?.files, [copy]);
    const dir = `/var/backups/postfix-gmail-wizard/${run.json?.backupId}`;
    const manifest = JSON.parse(sys.text(`${dir}/manifest.json`) ?? '{}') as {
      entries: { path: string; copy?: string }[];
    };
    const entry = manifest.entries.find((e) => e.path === copy);
    assert.equal(sys.text(`${dir}/${entry?.copy}`), old);
    assert.equal(await caProblem(sys), undefined);
  });

  it('the copy gone (and its directory): an error; --fix makes the directories and the copy', async () => {
    const sys = await setUp();
    for (const path of [...sys.files.keys()])
      if (path.startsWith('/var/spool/postfix/etc/ssl/')) sys.files.delete(path);
    await sys.removeEmptyDirectory('/var/spool/postfix/etc/ssl/certs');
    await sys.removeEmptyDirectory('/var/spool/postfix/etc/ssl');
    assert.equal(await sys.fileInfo('/var/spool/postfix/etc/ssl'), undefined);
    const found = await caProblem(sys);
    assert.ok(found, 'oauth-chroot-ca-stale');
    assert.equal(found.severity, 'error');
    assert.deepEqual(found.evidence, [`${copy}: missing (smtp runs chrooted)`]);
    const run = await runCli(sys, ['doctor', '--fix', '--yes', '--json']);
    assert.ok(run.json?.doctor?.fixed?.includes('oauth-chroot-ca-stale'), `${run.stderr}${run.stdout}`);
    assert.equal(sys.text(copy), sys.text(bundle));
    assert.deepEqual(sys.dirOwners.get('/var/spool/postfix/etc/ssl/certs'), { mode: 0o755, uid: 0, gid: 0 });
    assert.equal(await caProblem(sys), undefined);
  });

  it('postfix check fails after the copy: rolled back, the old copy in place again', async () => {
    const sys = await setUp();
    const old = sys.text(copy);
    sys.put(bundle, UPGRADED, 0o644);
    const postfix = sys.handlers.get('postfix')!;
    sys.on('postfix', (args, options) =>
      args.includes('check')
        ? { exitCode: 1, stdout: '', stderr: 'postfix: fatal: bad configuration' }
        : postfix(args, options),
    );
    const run = await runCli(sys, ['doctor', '--fix', '--yes', '--json']);
    assert.notEqual(run.exit, 0);
    assert.equal(run.json?.error?.code, 'apply-failed', run.stdout);
    assert.equal(sys.text(copy), old);
  });
});
