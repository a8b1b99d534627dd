// The TLS level Postfix really uses for the relay (issue 11 item 3), against
// Debian's real Postfix (private instance) and a fake Gmail on loopback.
// A leftover that overrides main.cf's `secure` — a smtp_tls_policy_maps entry
// `[localhost]:PORT encrypt`, or a master.cf `-o smtp_tls_security_level=encrypt`
// on the smtp service — lets Postfix log in to a server whose certificate
// comes from a CA it does not trust (a man in the middle, played by a second
// fake with a second CA on the relay's port). The wizard must show and take
// out the override, status must say where the level comes from, and after the
// fix the man in the middle must see no AUTH at all.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { startFakeGmail, type FakeGmail } from '../../support/fake-gmail.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { createTestCa, type TestCa } from '../../support/test-ca.js';
import {
  ACCOUNT,
  PASSWORD,
  accounts,
  assertMitmRefused,
  assertPasswordReachesMitm,
  setupWizard,
  startMitmLab,
  tlsStatus,
  type MitmLab,
} from '../../support/tls-lab.js';
import { runWizard } from '../../support/wizard-process.js';

const execFileP = promisify(execFile);
const skip = postfixSkipReason();

interface Override {
  name: string;
  /** Puts the leftover in place (Postfix may be running; it is reloaded after). */
  plant(lab: RelayLab): Promise<void>;
  /** Is the leftover still there? */
  present(lab: RelayLab): Promise<boolean>;
  /** The plan's line about it. */
  planLine: (lab: RelayLab) => RegExp;
  source: 'policy-map' | 'master.cf';
  /** What the fix must leave as it was. */
  kept?: (lab: RelayLab) => Promise<void>;
}

const policyMap: Override = {
  name: 'a smtp_tls_policy_maps entry "[localhost]:PORT encrypt"',
  async plant(lab) {
    const path = join(lab.postfix.configDir, 'tls_policy');
    await writeFile(path, `# from an old recipe\n[localhost]:${lab.gmail.port} encrypt\nexample.net may\n`, {
      mode: 0o644,
    });
    await lab.postfix.postconf('-e', `smtp_tls_policy_maps=hash:${path}`);
    await execFileP('postmap', ['-c', lab.postfix.configDir, `hash:${path}`]);
  },
  async present(lab) {
    const key = `[localhost]:${lab.gmail.port}`;
    return execFileP('postmap', [
      '-c',
      lab.postfix.configDir,
      '-q',
      key,
      `hash:${join(lab.postfix.configDir, 'tls_policy')}`,
    ]).then(
      () => true,
      () => false,
    );
  },
  planLine: (lab) => new RegExp(`hash:${lab.postfix.configDir}/tls_policy: \\[localhost\\]:${lab.gmail.port} encrypt`),
  source: 'policy-map',
  async kept(lab) {
    assert.equal(
      await readFile(join(lab.postfix.configDir, 'tls_policy'), 'utf8'),
      '# from an old recipe\nexample.net may\n',
    );
    const other = await execFileP('postmap', [
      '-c',
      lab.postfix.configDir,
      '-q',
      'example.net',
      `hash:${join(lab.postfix.configDir, 'tls_policy')}`,
    ]);
    assert.equal(other.stdout.trim(), 'may');
  },
};

const masterOverride: Override = {
  name: 'a master.cf "-o smtp_tls_security_level=encrypt" on the smtp service',
  async plant(lab) {
    await lab.postfix.postconf('-P', 'smtp/unix/smtp_tls_security_level=encrypt');
  },
  async present(lab) {
    return /^smtp\/unix\/smtp_tls_security_level = /m.test(await lab.postfix.postconf('-P'));
  },
  planLine: () => /master\.cf smtp\/unix: -o smtp_tls_security_level=encrypt/,
  source: 'master.cf',
};

for (const override of [policyMap, masterOverride]) {
  describe(`TLS override: ${override.name}`, { skip }, () => {
    let mitm: MitmLab;
    before(async () => {
      mitm = await startMitmLab(`e2e-tls-${override.source}`, (lab) => override.plant(lab));
    });
    after(async () => mitm?.close());

    it('the plan shows the override and takes it out; status reports secure from main.cf', async () => {
      const { lab } = mitm;
      const run = await setupWizard(lab);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, override.planLine(lab));
      assert.equal(JSON.parse(run.stdout).result, 'delivered');
      assert.equal(await override.present(lab), false, 'the override is gone');
      await override.kept?.(lab);
      const report = await tlsStatus(lab);
      assert.equal(report.tlsLevel, 'secure');
      assert.equal(report.tls.source, 'main.cf');
      assert.deepEqual(run.leaks, []);
    });

    it('with the leftover back, status names the level and its source — and Postfix does give the password to the man in the middle', async () => {
      const { lab } = mitm;
      await override.plant(lab);
      await execFileP('postfix', ['-c', lab.postfix.configDir, 'reload']);
      const report = await tlsStatus(lab);
      assert.equal(report.tlsLevel, 'encrypt');
      assert.equal(report.tls.source, override.source);
      assert.equal(report.tls.mainCf, 'secure');
      assert.ok(
        report.problems.some((p) => p.code === 'tls-unverified'),
        JSON.stringify(report.problems),
      );
      await assertPasswordReachesMitm(mitm);
    });

    it('after the wizard runs again, Postfix refuses the untrusted server: no AUTH reaches it', async () => {
      const { lab } = mitm;
      await mitm.listen(lab.ca);
      const run = await setupWizard(lab, '--no-test');
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, override.planLine(lab));
      assert.equal(await override.present(lab), false);
      await assertMitmRefused(mitm);
    });
  });
}

describe('TLS override in a table the wizard does not edit (regexp)', { skip }, () => {
  let lab: RelayLab;
  before(async () => {
    lab = await startRelayLab('e2e-tls-regexp', accounts, { start: false });
    const path = join(lab.postfix.configDir, 'tls_policy.regexp');
    await writeFile(path, `/^\\[localhost\\]:${lab.gmail.port}$/ encrypt\n`, { mode: 0o644 });
    await lab.postfix.postconf('-e', `smtp_tls_policy_maps=regexp:${path}`);
    await lab.postfix.start();
  });
  after(async () => lab?.close());

  it('refuses before any password is sent or any file changed, and names the entry and the fix', async () => {
    const mainBefore = await readFile(join(lab.postfix.configDir, 'main.cf'), 'utf8');
    const run = await runWizard(
      [...lab.args(), '--account', ACCOUNT, '--password-stdin', '--no-keychain', '--yes', '--json'],
      { stdin: `${PASSWORD}\n` },
    );
    assert.equal(run.code, 1, run.stderr);
    const outcome = JSON.parse(run.stdout);
    assert.equal(outcome.error.code, 'tls-policy-override');
    assert.match(
      run.stderr,
      new RegExp(
        `regexp:${lab.postfix.configDir}/tls_policy\\.regexp says "\\[localhost\\]:${lab.gmail.port} encrypt"`,
      ),
    );
    assert.match(run.stderr, /Take the entry for \[localhost\]:\d+ out of regexp:/);
    assert.deepEqual(lab.gmail.auths, []);
    assert.equal(await readFile(join(lab.postfix.configDir, 'main.cf'), 'utf8'), mainBefore);
  });
});

describe('pre-flight and Postfix trust the same anchors: smtp_tls_CApath as the chrooted smtp(8) sees it', {
  skip,
}, () => {
  let lab: RelayLab;
  let relay: FakeGmail;
  let otherCa: TestCa;
  let caPath: string;
  const wizard = () => setupWizard(lab);
  /** A hashed CA directory, as OpenSSL reads one. */
  const hashedCaDir = async (dir: string) => {
    await execFileP('mkdir', ['-p', dir]);
    await execFileP('cp', [otherCa.caPath, join(dir, 'capath-ca.pem')]);
    await execFileP('openssl', ['rehash', dir]);
  };
  before(async () => {
    lab = await startRelayLab('e2e-tls-capath', accounts, { start: false });
    // The relay's certificate comes from a CA that only smtp_tls_CApath holds, not --ca-file.
    otherCa = await createTestCa(join(lab.tmp, 'capath-ca'), { name: 'capath' });
    caPath = join(lab.tmp, 'capath');
    await hashedCaDir(caPath);
    await lab.postfix.postconf('-e', `smtp_tls_CApath=${caPath}`);
    await lab.gmail.close();
    relay = await startFakeGmail({ cert: otherCa.certPem, key: otherCa.keyPem, accounts, port: lab.gmail.port });
    await lab.postfix.start();
  });
  after(async () => {
    await relay?.close();
    await lab?.close();
  });

  it('outside the chroot the directory means nothing to smtp(8), so the pre-flight does not trust it either: no AUTH', async () => {
    const run = await wizard();
    assert.equal(run.code, 1, run.stderr);
    assert.equal(JSON.parse(run.stdout).error.code, 'preflight-tls-untrusted');
    assert.deepEqual(relay.auths, []);
  });

  it("inside the chroot (where Debian's init script copies it) both trust it, and Postfix delivers", async () => {
    await hashedCaDir(join(lab.postfix.queueDir, caPath));
    const run = await wizard();
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).result, 'delivered');
    assert.ok(
      relay.auths.length >= 2 && relay.auths.every((a) => a.secure && a.accepted),
      'pre-flight and Postfix both logged in over TLS',
    );
  });
});
