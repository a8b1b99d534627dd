// The test's side of runner.ts: one combination in namespaces of its own (a work dir removed after).
import { mkdtemp, rm } from 'node:fs/promises';
import { currentNamespaces, runInNamespace } from '../netns.js';
import type { Combination } from './model.js';
import type { StepReport } from './scenario.js';

export interface CombinationReport {
  name: string;
  steps: StepReport[];
}

export async function runCombination(
  c: Combination,
  restores: 'every' | 'first' = 'every',
): Promise<CombinationReport> {
  const work = await mkdtemp('/tmp/pgw-combination-');
  try {
    const run = await runInNamespace('combinations/runner', [
      work,
      ...(await currentNamespaces()),
      JSON.stringify(c),
      restores,
    ]);
    if (run.code !== 0) throw new Error(`the combination runner failed:\n${run.stderr}`);
    return JSON.parse(run.stdout) as CombinationReport;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Every finding, one line each, prefixed with its step. */
export function findingsOf(report: CombinationReport): string[] {
  return report.steps.flatMap((s) => s.findings.map((f) => `${s.step}: ${f}`));
}
