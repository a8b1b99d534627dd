// The TLS-override tests' setting (test/e2e/tls/): a relay lab where a man in the middle — a second
// fake Gmail with a certificate from a CA Postfix does not trust — can take the relay's port. With an
// override that weakens the TLS level, Postfix gives it the password; after the wizard's fix it
// sees no AUTH at all. Also: the wizard's setup against the lab, and status's TLS report.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startFakeGmail, type FakeGmail } from './fake-gmail.js';
import { startRelayLab, type RelayLab } from './relay-lab.js';
import { sendmail } from './sendmail.js';
import { createTestCa, type TestCa } from './test-ca.js';
import { runWizard, type WizardRun } from './wizard-process.js';

export const ACCOUNT = 'someone@gmail.com';
export const PASSWORD = 'zxcvbnmlkjhgfdsa';
export const accounts = { [ACCOUNT]: { password: PASSWORD } };

export interface TlsStatus {
  tlsLevel: string;
  tls: { source: string; where?: string; mainCf: string };
  problems: { code: string }[];
}

export interface MitmLab {
  lab: RelayLab;
  mitmCa: TestCa;
  /** Whoever listens on the relay's port now: the trusted fake, or the man in the middle. */
  readonly relay: FakeGmail;
  /** A fake with a certificate from `ca` takes the relay's port. */
  listen(ca: TestCa): Promise<void>;
  close(): Promise<void>;
}

/** `prepare` runs before Postfix starts (plant the override there). */
export async function startMitmLab(name: string, prepare: (lab: RelayLab) => Promise<void>): Promise<MitmLab> {
  const lab = await startRelayLab(name, accounts, { start: false });
  let relay = lab.gmail;
  const mitmCa = await createTestCa(join(lab.tmp, 'mitm'), { name: 'mitm' });
  const mitm: MitmLab = {
    lab,
    mitmCa,
    get relay() {
      return relay;
    },
    async listen(ca) {
      await relay.close();
      relay = await startFakeGmail({ cert: ca.certPem, key: ca.keyPem, accounts, port: lab.gmail.port });
    },
    async close() {
      await relay.close();
      await lab.close();
    },
  };
  try {
    await prepare(lab);
    await lab.postfix.start();
  } catch (error) {
    await mitm.close();
    throw error;
  }
  return mitm;
}

/** The wizard's setup against the lab: --yes --json, the password on stdin (and looked for in every process). */
export function setupWizard(lab: RelayLab, ...extra: string[]): Promise<WizardRun> {
  return runWizard(
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
      ...extra,
    ],
    { stdin: `${PASSWORD}\n`, secret: PASSWORD },
  );
}

/** `status --json`'s report; status exits 1 exactly when it lists a problem. */
export async function tlsStatus(lab: RelayLab): Promise<TlsStatus> {
  const run = await runWizard([
    'status',
    '--json',
    '--config-dir',
    lab.postfix.configDir,
    '--state-dir',
    join(lab.postfix.base, 'state'),
    '--no-keychain',
  ]);
  const report = JSON.parse(run.stdout).status as TlsStatus;
  assert.equal(run.code, report.problems.length > 0 ? 1 : 0, run.stderr);
  return report;
}

/** The proof that an override is the hole: the man in the middle's certificate is untrusted, and still Postfix logs in. */
export async function assertPasswordReachesMitm(mitm: MitmLab): Promise<void> {
  await mitm.listen(mitm.mitmCa);
  await sendmail(mitm.lab.postfix, 'before-fix@example.com');
  const stolen = await mitm.relay.waitForMessage(60_000);
  assert.deepEqual(stolen.rcptTo, ['before-fix@example.com']);
  assert.ok(
    mitm.relay.auths.some((a) => a.password === PASSWORD),
    'Postfix logged in to the untrusted server',
  );
}

/** After the fix: Postfix defers the mail over the certificate, and the man in the middle saw no AUTH and no message. */
export async function assertMitmRefused(mitm: MitmLab): Promise<void> {
  await mitm.listen(mitm.mitmCa);
  await sendmail(mitm.lab.postfix, 'after-fix@example.com');
  const line = await mitm.lab.postfix.waitForLog(/to=<after-fix@example\.com>.*status=deferred \(([^)]*)\)/, 60_000);
  assert.match(line[1] ?? '', /certificate/i);
  assert.deepEqual(mitm.relay.auths, [], 'the man in the middle saw no AUTH');
  assert.deepEqual(mitm.relay.messages, []);
}
