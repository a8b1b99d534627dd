// doctor on one fault at a time, made on a relay the wizard set up (issue 14): a password map edited
// without postmap, a TLS policy entry below verify, Postfix's chroot without resolver files, Postfix
// stopped. Each: the code, nothing changed without --fix, and after --fix doctor at exit 0.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { codes, doctor, fingerprint, sendmail } from '../../support/doctor-lab.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { runWizard } from '../../support/wizard-process.js';

const execFileP = promisify(execFile);
const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'qwertyuiopasdfgh';
const skip = postfixSkipReason();

interface Fault {
  name: string;
  code: string;
  /** The fake speaks TLS from the first byte (smtp.gmail.com:465). */
  implicitTls?: boolean;
  /** Breaks the lab; Postfix runs. */
  make(lab: RelayLab): Promise<void>;
  /** Other codes the fault brings (their cause goes with the fix). */
  also?: string[];
  /** What the evidence must show. */
  evidence: (lab: RelayLab) => RegExp;
  /** After --fix: what must hold, and what to wait for before doctor can be healthy. */
  repaired?(lab: RelayLab): Promise<void>;
}

const faults: Fault[] = [
  {
    name: 'the password map edited after postmap (its .db is older)',
    code: 'map-not-compiled',
    async make(lab) {
      // As an edit leaves it: the source newer than its compiled copy.
      const earlier = new Date(Date.now() - 60_000);
      await utimes(join(lab.postfix.configDir, 'sasl_passwd.db'), earlier, earlier);
    },
    evidence: (lab) => new RegExp(`sasl_passwd\\.db older than ${lab.postfix.configDir}/sasl_passwd`),
  },
  {
    name: 'a smtp_tls_policy_maps entry "[localhost]:PORT encrypt"',
    code: 'tls-unverified',
    async make(lab) {
      const path = join(lab.postfix.configDir, 'tls_policy');
      await writeFile(path, `[localhost]:${lab.gmail.port} encrypt\nexample.net may\n`, { mode: 0o644 });
      await lab.postfix.postconf('-e', `smtp_tls_policy_maps=hash:${path}`);
      await execFileP('postmap', ['-c', lab.postfix.configDir, `hash:${path}`]);
      await execFileP('postfix', ['-c', lab.postfix.configDir, 'reload']);
    },
    evidence: (lab) =>
      new RegExp(
        `policy-map hash:${lab.postfix.configDir}/tls_policy \\[localhost\\]:${lab.gmail.port}: TLS level encrypt`,
      ),
  },
  {
    name: "Postfix's chroot without resolver files, and mail deferred by it",
    code: 'dns-failure',
    async make(lab) {
      for (const f of ['resolv.conf', 'hosts', 'nsswitch.conf', 'host.conf'])
        await rm(join(lab.postfix.queueDir, 'etc', f), { force: true });
      await execFileP('postfix', ['-c', lab.postfix.configDir, 'reload']);
      await sendmail(lab.postfix, 'cron@example.com');
      // Debian 12's glibc says "Temporary failure in name resolution"; others "Device or resource busy".
      await lab.postfix.waitForLog(/status=deferred \(unable to look up host localhost: /, 60_000);
    },
    evidence: (lab) => new RegExp(`chroot ${lab.postfix.queueDir}: .*etc/resolv\\.conf.* missing`),
    async repaired(lab) {
      // --fix flushed the queue: the deferred message goes out.
      const message = await lab.gmail.waitForMessage(60_000);
      assert.deepEqual(message.rcptTo, ['cron@example.com']);
    },
  },
  {
    // Without STARTTLS, Gmail offers no login: Postfix's default noplaintext leaves "no mechanism available".
    name: 'smtp_tls_security_level = none',
    code: 'tls-unverified',
    async make(lab) {
      await lab.postfix.postconf('-e', 'smtp_tls_security_level=none');
      await execFileP('postfix', ['-c', lab.postfix.configDir, 'reload']);
    },
    evidence: (lab) => new RegExp(`^main\\.cf: TLS level none toward \\[localhost\\]:${lab.gmail.port}`),
    also: ['sasl-plugins-missing'],
  },
  {
    name: 'port with implicit TLS, smtp_tls_wrappermode = no',
    code: 'wrappermode-mismatch',
    implicitTls: true,
    async make(lab) {
      await lab.postfix.postconf('-e', 'smtp_tls_wrappermode=no');
      await execFileP('postfix', ['-c', lab.postfix.configDir, 'reload']);
    },
    evidence: (lab) => new RegExp(`smtp_tls_wrappermode = no, relayhost = \\[localhost\\]:${lab.gmail.port}`),
  },
  {
    name: 'Postfix stopped',
    code: 'postfix-not-running',
    async make(lab) {
      await lab.postfix.stop();
    },
    evidence: () => /not running/,
    async repaired(lab) {
      assert.equal(await lab.postfix.isRunning(), true);
    },
  },
];

for (const fault of faults) {
  describe(`doctor: ${fault.name}`, { skip }, () => {
    let lab: RelayLab;
    before(async () => {
      lab = await startRelayLab(
        `doctor-${fault.code}`,
        { [ACCOUNT]: { password: PASSWORD } },
        { implicitTls: fault.implicitTls },
      );
      const setup = await runWizard(
        [
          ...lab.args(),
          '--account',
          ACCOUNT,
          '--password-stdin',
          '--to',
          'friend@example.com',
          '--no-keychain',
          '--yes',
          '--json',
          '--wait',
          '60',
        ],
        { stdin: `${PASSWORD}\n`, secret: PASSWORD },
      );
      assert.equal(setup.code, 0, setup.stderr);
      await lab.gmail.waitForMessage(60_000); // the test message
      const healthy = await doctor(lab, [], PASSWORD);
      assert.equal(healthy.code, 0, `${healthy.stdout}\n${healthy.stderr}`);
      await fault.make(lab);
    });
    after(async () => {
      await lab?.close();
    });

    it(`finds ${fault.code}, changes nothing; --fix leaves doctor at exit 0`, async () => {
      const before = await fingerprint(lab.postfix);
      const found = await doctor(lab, [], PASSWORD);
      assert.equal(found.code, 1, found.stderr);
      const problem = found.outcome.doctor.problems.find((p) => p.code === fault.code);
      assert.ok(problem, `${fault.code} in ${codes(found.outcome).join(', ')}`);
      assert.match(problem.evidence.join('\n'), fault.evidence(lab));
      assert.equal(problem.fixable, true);
      for (const code of fault.also ?? [])
        assert.ok(codes(found.outcome).includes(code), `${code} in ${codes(found.outcome).join(', ')}`);
      assert.deepEqual(await fingerprint(lab.postfix), before, 'nothing changed without --fix');

      const fixed = await doctor(lab, ['--fix', '--yes'], PASSWORD);
      assert.ok(fixed.outcome.doctor.fixed?.includes(fault.code), `${fixed.stdout}\n${fixed.stderr}`);
      await fault.repaired?.(lab);
      const after = await doctor(lab, [], PASSWORD);
      assert.equal(after.code, 0, `${after.stdout}\n${after.stderr}`);
      assert.equal(after.outcome.result, 'healthy');
    });
  });
}
