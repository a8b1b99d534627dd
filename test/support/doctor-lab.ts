// Helpers for doctor's end-to-end tests: run doctor against a lab's Postfix, send mail the way
// cron would (support/sendmail.ts), and fingerprint every file under the config dir (doctor without --fix changes nothing).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertOutcomeSchema } from './outcome-schema.js';
import type { PostfixInstance } from './postfix-instance.js';
import type { RelayLab } from './relay-lab.js';
import { runWizard, type WizardRun } from './wizard-process.js';

export interface DoctorProblem { code: string; severity: string; evidence: string[]; fix: string; fixable: boolean }
export interface DoctorOutcome { command: string; result: string; exitCode: number; doctor: { problems: DoctorProblem[]; fixed?: string[] } }

export async function doctor(lab: RelayLab, extra: string[] = [], secret?: string): Promise<WizardRun & { outcome: DoctorOutcome }> {
  const run = await runWizard(['doctor', '--json', '--config-dir', lab.postfix.configDir, '--backup-dir', join(lab.postfix.base, 'backups'),
    '--state-dir', join(lab.postfix.base, 'state'), ...extra], secret ? { secret } : {});
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

export const codes = (outcome: DoctorOutcome): string[] => outcome.doctor.problems.map((p) => p.code);

/** sha256 and mode of every file under the config dir and the chroot's etc/, recursively. */
export async function fingerprint(postfix: PostfixInstance): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const name of (await readdir(d)).sort()) {
      const path = join(d, name);
      const info = await lstat(path);
      if (info.isDirectory()) await walk(path);
      else if (info.isFile()) sums[path] = `${(info.mode & 0o7777).toString(8)} ${createHash('sha256').update(await readFile(path)).digest('hex')}`;
    }
  };
  await walk(postfix.configDir);
  await walk(join(postfix.queueDir, 'etc'));
  return sums;
}

export { sendmail } from './sendmail.js';
