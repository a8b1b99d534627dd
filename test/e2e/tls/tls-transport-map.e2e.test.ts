// A TLS override on a service that only a transport table names (issue 11,
// item 3), against Debian's real Postfix (private instance) and a fake Gmail:
// `transport_maps` sends mail for example.com through master.cf's `weak`
// service (smtp(8) with `-o smtp_tls_security_level=encrypt`) to the relay. Postfix then gives the password to a server
// whose certificate it does not trust (a man in the middle, played by a
// second fake with a second CA). The wizard must find the service, show and
// take out its `-o`, and status must say where the level comes from.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { startFakeGmail, type FakeGmail } from '../../support/fake-gmail.js';
import { postfixSkipReason, type PostfixInstance } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { createTestCa, type TestCa } from '../../support/test-ca.js';
import { runWizard } from '../../support/wizard-process.js';

const execFileP = promisify(execFile);
const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'qwertyuiopasdfgh';
const accounts = { [ACCOUNT]: { password: PASSWORD } };

function sendmail(postfix: PostfixInstance, to: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('sendmail', ['-C', postfix.configDir, '-i', to], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`sendmail exited ${code}: ${stderr}`))));
    child.stdin.end(`Subject: to ${to}\n\nA message cron would send.\n`);
  });
}

describe('TLS override on a service a transport_maps entry picks', { skip: postfixSkipReason() }, () => {
  let lab: RelayLab;
  let mitmCa: TestCa;
  let relay: FakeGmail;
  const transportFile = () => join(lab.postfix.configDir, 'transport');
  const weakOverride = async () => /^weak\/unix\/smtp_tls_security_level = encrypt$/m.test(await lab.postfix.postconf('-P'));
  const plant = async () => {
    await lab.postfix.postconf('-P', 'weak/unix/smtp_tls_security_level=encrypt');
  };
  const wizard = (...extra: string[]) => runWizard(
    [...lab.args(), '--account', ACCOUNT, '--password-stdin', '--to', 'friend@example.com', '--no-keychain', '--yes', '--json', '--wait', '60', ...extra],
    { stdin: `${PASSWORD}\n`, secret: PASSWORD },
  );
  const status = async () => {
    const run = await runWizard(['status', '--json', '--config-dir', lab.postfix.configDir, '--state-dir', join(lab.postfix.base, 'state'), '--no-keychain']);
    const report = JSON.parse(run.stdout).status as { tlsLevel: string; tls: { source: string; where?: string }; problems: { code: string }[] };
    // status exits 1 exactly when it lists a problem.
    assert.equal(run.code, report.problems.length > 0 ? 1 : 0, run.stderr);
    return report;
  };
  const listen = async (ca: TestCa) => {
    await relay.close();
    relay = await startFakeGmail({ cert: ca.certPem, key: ca.keyPem, accounts, port: lab.gmail.port });
  };

  before(async () => {
    lab = await startRelayLab('e2e-tls-transport', accounts, { start: false });
    relay = lab.gmail;
    mitmCa = await createTestCa(join(lab.tmp, 'mitm'), { name: 'mitm' });
    await lab.postfix.postconf('-M', 'weak/unix=weak unix - - n - - smtp');
    await plant();
    await writeFile(transportFile(), `# mail for example.com through the weak service, to the relay\nexample.com weak:[localhost]:${lab.gmail.port}\n`, { mode: 0o644 });
    await execFileP('postmap', ['-c', lab.postfix.configDir, `hash:${transportFile()}`]);
    await lab.postfix.postconf('-e', `transport_maps=hash:${transportFile()}`);
    await lab.postfix.start();
  });
  after(async () => {
    await relay?.close();
    await lab?.close();
  });

  it('the plan shows the service\'s -o and takes it out; the service and the table stay; delivered', async () => {
    const run = await wizard();
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /master\.cf weak\/unix: -o smtp_tls_security_level=encrypt/);
    assert.equal(JSON.parse(run.stdout).result, 'delivered');
    assert.equal(await weakOverride(), false, 'the override is gone');
    assert.match(await lab.postfix.postconf('-M', 'weak/unix'), /^weak\s+unix/m, 'the service stays');
    assert.match(await readFile(transportFile(), 'utf8'), /^example\.com weak:\[localhost\]:\d+$/m, 'the table stays');
    assert.deepEqual(run.leaks, []);
    const report = await status();
    assert.deepEqual([report.tlsLevel, report.tls.source], ['secure', 'main.cf']);
  });

  it('with the -o back, status names weak/unix — and Postfix does give the password to the man in the middle', async () => {
    await plant();
    await execFileP('postfix', ['-c', lab.postfix.configDir, 'reload']);
    const report = await status();
    assert.deepEqual([report.tlsLevel, report.tls.source, report.tls.where], ['encrypt', 'master.cf', 'weak/unix']);
    assert.ok(report.problems.some((p) => p.code === 'tls-overridden'), JSON.stringify(report.problems));
    await listen(mitmCa);
    await sendmail(lab.postfix, 'before-fix@example.com');
    const stolen = await relay.waitForMessage(60_000);
    assert.deepEqual(stolen.rcptTo, ['before-fix@example.com']);
    assert.ok(relay.auths.some((a) => a.password === PASSWORD), 'Postfix logged in to the untrusted server');
  });

  it('after the wizard runs again, Postfix refuses the untrusted server: no AUTH reaches it', async () => {
    await listen(lab.ca);
    const run = await wizard('--no-test');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /master\.cf weak\/unix: -o smtp_tls_security_level=encrypt/);
    assert.equal(await weakOverride(), false);
    await listen(mitmCa);
    await sendmail(lab.postfix, 'after-fix@example.com');
    const line = await lab.postfix.waitForLog(/to=<after-fix@example\.com>.*status=deferred \(([^)]*)\)/, 60_000);
    assert.match(line[1] ?? '', /certificate/i);
    assert.deepEqual(relay.auths, [], 'the man in the middle saw no AUTH');
    assert.deepEqual(relay.messages, []);
  });
});
