// The fault sweep's judgement of one run (fault-runner.ts): the config dir byte for byte as before, or
// the change complete (a clean re-run finds nothing to do); Postfix running and `postfix check` quiet;
// no file holding the password where none was before (or, after a complete change, none others can
// read); a failure explained, and "rolled back" said only when the config dir is back as it was.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import { caseName, type FaultCase } from './fault-cases.js';
import { filesHolding, folderState } from './fault-lab.js';
import type { Run } from './fault-runner.js';
import type { RelayLab } from './relay-lab.js';

export interface FaultResult {
  name: string;
  /** false: the plan had fewer steps than the case's (nothing to judge). */
  reached: boolean;
  verdict?: 'before' | 'after';
  exit?: number;
  /** The plan's step count, as its journal said (a run watched for an at-step fault). */
  planned?: number;
  /** The run's last lines (what a person was told). */
  said?: string;
  problems: string[];
}

export interface MachineState {
  config: string;
  holding: string[];
}

export async function takeState(lab: RelayLab, password: string): Promise<MachineState> {
  const config = `${await folderState(lab.postfix.configDir)}\n${await lab.postfix.postconf('-n')}`;
  return { config, holding: filesHolding(password, [lab.postfix.base, lab.tmp]) };
}

const claimsRollback = (out: string) => /rolled back|Rolled back/.test(out) && !/did not complete/.test(out);

export async function judge(
  lab: RelayLab,
  c: FaultCase,
  run: Run,
  before: MachineState,
  again: () => Promise<Run>,
  password: string,
): Promise<FaultResult> {
  const name = caseName(c);
  if (run.fired === false) return { name, reached: false, exit: run.code, planned: run.planned, problems: [] };
  const problems: string[] = [];
  let recovered: Run | undefined;
  const journalLeft = existsSync(join(lab.postfix.base, 'state', 'postfix-gmail-wizard', 'journal.json'));
  if (run.code === 137 || /"code":\s*"rollback-failed"/.test(run.out) || journalLeft) {
    // Killed, or the rollback itself could not finish (and said so), or a complete change could not tidy
    // up (the journal stays): the next run, once the fault is gone, finds the journal and rolls back (or
    // completes) first.
    recovered = await again();
    if (recovered.code !== 0) problems.push(`the next run failed (${recovered.code}): ${tail(recovered.out)}`);
  } else if (run.code !== 0 && !/"message":\s*"[^"]+"/.test(run.out))
    problems.push(`failed (${run.code}) without a message: ${tail(run.out)}`);
  const now = await takeState(lab, password);
  let verdict: FaultResult['verdict'];
  if (now.config === before.config) verdict = 'before';
  else {
    const rerun = await again();
    const settled = await takeState(lab, password);
    if (rerun.code === 0 && settled.config === now.config) verdict = 'after';
    else
      problems.push(
        `config dir neither as before nor complete (a re-run: ${rerun.code}, ${tail(rerun.out)}):\n--- before\n${before.config}\n--- now\n${now.config}`,
      );
  }
  if (claimsRollback(run.out) && now.config !== before.config && !recovered)
    problems.push(`says "rolled back" but the config dir differs: ${tail(run.out)}`);
  const added = now.holding.filter((p) => !before.holding.includes(p));
  for (const path of added) {
    const mode = (await stat(path).catch(() => undefined))?.mode ?? 0;
    if (verdict !== 'after' || (mode & 0o077) !== 0)
      problems.push(`a file holding the password is left: ${path} (mode ${(mode & 0o7777).toString(8)})`);
  }
  if (!(await lab.postfix.isRunning())) problems.push('Postfix is not running');
  const check = postfixCheck(lab.postfix.configDir);
  if (check !== '') problems.push(`postfix check: ${check}`);
  return { name, reached: true, verdict, exit: run.code, said: tail(run.out), problems };
}

function postfixCheck(configDir: string): string {
  try {
    return execFileSync('postfix', ['-c', configDir, 'check'], { stdio: ['ignore', 'pipe', 'pipe'] })
      .toString()
      .trim();
  } catch (error) {
    const e = error as { stderr?: Buffer; stdout?: Buffer };
    return `${e.stderr ?? ''}${e.stdout ?? ''}`.trim() || 'failed';
  }
}

const tail = (text: string) => text.trim().split('\n').slice(-6).join(' | ');
