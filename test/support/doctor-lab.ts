// Helpers for doctor's end-to-end tests: run doctor against a lab's Postfix, send mail the way
// cron would (support/sendmail.ts), and fingerprint every file under the config dir (doctor without --fix changes nothing).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmod, lstat, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertOutcomeSchema } from './outcome-schema.js';
import type { PostfixInstance } from './postfix-instance.js';
import type { RelayLab } from './relay-lab.js';
import { runWizard, type WizardRun } from './wizard-process.js';

export interface DoctorProblem {
  code: string;
  severity: string;
  evidence: string[];
  fix: string;
  fixable: boolean;
}
export interface DoctorOutcome {
  command: string;
  result: string;
  exitCode: number;
  doctor: { problems: DoctorProblem[]; fixed?: string[] };
}

export async function doctor(
  lab: RelayLab,
  extra: string[] = [],
  secret?: string,
): Promise<WizardRun & { outcome: DoctorOutcome }> {
  const run = await runWizard(
    [
      'doctor',
      '--json',
      '--config-dir',
      lab.postfix.configDir,
      '--backup-dir',
      join(lab.postfix.base, 'backups'),
      '--state-dir',
      join(lab.postfix.base, 'state'),
      ...extra,
    ],
    secret ? { secret } : {},
  );
  assert.ok(run.stdout.trim().startsWith('{'), `doctor printed JSON: ${run.stdout}\n${run.stderr}`);
  const outcome = JSON.parse(run.stdout) as DoctorOutcome;
  assertOutcomeSchema(outcome); // the published schema describes doctor's document too
  assert.equal(outcome.command, 'doctor');
  assert.equal(outcome.exitCode, run.code);
  if (secret) {
    assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret), 'the password is never printed');
    assert.deepEqual(run.leaks, []);
  }
  return { ...run, outcome };
}

/**
 * The wizard's setup on the lab (the relay doctor then examines), and its test message received.
 * Mail delivered here (a bounce notice to root) goes to a mailbox in the lab, not the machine's /var/mail.
 */
export async function setUpRelay(lab: RelayLab, account: string, password: string): Promise<void> {
  const spool = join(lab.postfix.base, 'mail');
  await mkdir(spool);
  await chmod(spool, 0o1777);
  await lab.postfix.postconf('-e', `mail_spool_directory=${spool}`);
  const setup = await runWizard(
    [
      ...lab.args(),
      '--account',
      account,
      '--password-stdin',
      '--to',
      'friend@example.com',
      '--no-keychain',
      '--yes',
      '--json',
      '--wait',
      '60',
    ],
    { stdin: `${password}\n`, secret: password },
  );
  assert.equal(setup.code, 0, setup.stderr);
  await lab.gmail.waitForMessage(60_000);
}

export const codes = (outcome: DoctorOutcome): string[] => outcome.doctor.problems.map((p) => p.code);

/** doctor without --fix on a broken lab: exit 1, exactly these codes (in order), nothing changed; the outcome. */
export async function findOnly(lab: RelayLab, expected: readonly string[], secret: string): Promise<DoctorOutcome> {
  const before = await fingerprint(lab.postfix);
  const run = await doctor(lab, [], secret);
  assert.equal(run.code, 1, run.stderr);
  assert.deepEqual(codes(run.outcome), expected);
  assert.deepEqual(await fingerprint(lab.postfix), before, 'nothing changed without --fix');
  return run.outcome;
}

/** The problem under `code` in an outcome (failing when there is none). */
export function problemOf(outcome: DoctorOutcome, code: string): DoctorProblem {
  const found = outcome.doctor.problems.find((p) => p.code === code);
  assert.ok(found, `${code} in ${codes(outcome).join(', ')}`);
  return found;
}

/** What doctor --fix --yes says when nothing it found is fixable: exit 1, nothing fixed, `code` still there, and so in words. */
export function assertFixRefused(outcome: DoctorOutcome, stderr: string, code: string): void {
  assert.equal(outcome.exitCode, 1, stderr);
  assert.deepEqual(outcome.doctor.fixed, []);
  assert.ok(codes(outcome).includes(code), codes(outcome).join(', '));
  assert.match(stderr, /None of these can be repaired automatically/);
}

/** doctor --fix --yes on a lab where nothing found is fixable: assertFixRefused, and nothing changed. */
export async function assertNotFixable(lab: RelayLab, code: string, secret: string): Promise<void> {
  const before = await fingerprint(lab.postfix);
  const run = await doctor(lab, ['--fix', '--yes'], secret);
  assertFixRefused(run.outcome, run.stderr, code);
  assert.deepEqual(await fingerprint(lab.postfix), before, '--fix changed nothing');
}

/** sha256 and mode of every file under the config dir and the chroot's etc/, recursively. */
export async function fingerprint(postfix: PostfixInstance): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const name of (await readdir(d)).sort()) {
      const path = join(d, name);
      const info = await lstat(path);
      if (info.isDirectory()) await walk(path);
      else if (info.isFile())
        sums[path] = `${(info.mode & 0o7777).toString(8)} ${createHash('sha256')
          .update(await readFile(path))
          .digest('hex')}`;
    }
  };
  await walk(postfix.configDir);
  await walk(join(postfix.queueDir, 'etc'));
  return sums;
}

export { sendmail } from './sendmail.js';
