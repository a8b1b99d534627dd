// A TLS override on a service that only a transport table names (issue 11,
// item 3), against Debian's real Postfix (private instance) and a fake Gmail:
// `transport_maps` sends mail for example.com through master.cf's `weak`
// service (smtp(8) with `-o smtp_tls_security_level=encrypt`) to the relay. Postfix then gives the password to a server
// whose certificate it does not trust (a man in the middle, played by a
// second fake with a second CA). The wizard must find the service, show and
// take out its `-o`, and status must say where the level comes from.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import type { RelayLab } from '../../support/relay-lab.js';
import {
  assertMitmRefused,
  assertPasswordReachesMitm,
  setupWizard,
  startMitmLab,
  tlsStatus,
  type MitmLab,
} from '../../support/tls-lab.js';

const execFileP = promisify(execFile);

describe('TLS override on a service a transport_maps entry picks', { skip: postfixSkipReason() }, () => {
  let mitm: MitmLab;
  const transportFile = () => join(mitm.lab.postfix.configDir, 'transport');
  const weakOverride = async () =>
    /^weak\/unix\/smtp_tls_security_level = encrypt$/m.test(await mitm.lab.postfix.postconf('-P'));
  const plant = async (lab: RelayLab) => {
    await lab.postfix.postconf('-P', 'weak/unix/smtp_tls_security_level=encrypt');
  };

  before(async () => {
    mitm = await startMitmLab('e2e-tls-transport', async (lab) => {
      await lab.postfix.postconf('-M', 'weak/unix=weak unix - - n - - smtp');
      await plant(lab);
      const transport = join(lab.postfix.configDir, 'transport');
      await writeFile(
        transport,
        `# mail for example.com through the weak service, to the relay\nexample.com weak:[localhost]:${lab.gmail.port}\n`,
        { mode: 0o644 },
      );
      await execFileP('postmap', ['-c', lab.postfix.configDir, `hash:${transport}`]);
      await lab.postfix.postconf('-e', `transport_maps=hash:${transport}`);
    });
  });
  after(async () => mitm?.close());

  it("the plan shows the service's -o and takes it out; the service and the table stay; delivered", async () => {
    const run = await setupWizard(mitm.lab);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /master\.cf weak\/unix: -o smtp_tls_security_level=encrypt/);
    assert.equal(JSON.parse(run.stdout).result, 'delivered');
    assert.equal(await weakOverride(), false, 'the override is gone');
    assert.match(await mitm.lab.postfix.postconf('-M', 'weak/unix'), /^weak\s+unix/m, 'the service stays');
    assert.match(await readFile(transportFile(), 'utf8'), /^example\.com weak:\[localhost\]:\d+$/m, 'the table stays');
    assert.deepEqual(run.leaks, []);
    const report = await tlsStatus(mitm.lab);
    assert.deepEqual([report.tlsLevel, report.tls.source], ['secure', 'main.cf']);
  });

  it('with the -o back, status names weak/unix — and Postfix does give the password to the man in the middle', async () => {
    await plant(mitm.lab);
    await execFileP('postfix', ['-c', mitm.lab.postfix.configDir, 'reload']);
    const report = await tlsStatus(mitm.lab);
    assert.deepEqual([report.tlsLevel, report.tls.source, report.tls.where], ['encrypt', 'master.cf', 'weak/unix']);
    assert.ok(
      report.problems.some((p) => p.code === 'tls-unverified'),
      JSON.stringify(report.problems),
    );
    await assertPasswordReachesMitm(mitm);
  });

  it('after the wizard runs again, Postfix refuses the untrusted server: no AUTH reaches it', async () => {
    await mitm.listen(mitm.lab.ca);
    const run = await setupWizard(mitm.lab, '--no-test');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /master\.cf weak\/unix: -o smtp_tls_security_level=encrypt/);
    assert.equal(await weakOverride(), false);
    await assertMitmRefused(mitm);
  });
});
