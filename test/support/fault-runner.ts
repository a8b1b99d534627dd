// Runs fault-sweep cases (fault-cases.ts) inside `unshare -m` (started by fault-sweep.ts): for each, a
// machine at the command's starting point (fault-machine.ts: made once per command and folder, put back
// before each case), the fault, the run — then the judgement (fault-verdict.ts). Prints one JSON array.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, watch } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { constants } from 'node:os';
import { caseName, type FaultCase } from './fault-cases.js';
import { eioRun } from './fault-eio.js';
import { fillUp, guardMountNamespace, liftFaults, setReadOnly } from './fault-lab.js';
import { closeMachine, machineKey, openMachine, resetMachine, type FaultMachine } from './fault-machine.js';
import { judge, takeState, type FaultResult } from './fault-verdict.js';
import { repoPath } from './paths.js';
import type { RelayLab } from './relay-lab.js';

export const ACCOUNT = 'faults@gmail.com';
export const PASSWORD = 'faultSweepPassw0';

export interface Run {
  code: number;
  out: string;
  /** The at-step fault was made (undefined: no such fault; false: the plan had fewer steps). */
  fired?: boolean;
  /** How many steps the journal said the plan has (watched runs only); under strace, how many calls of the kind. */
  planned?: number;
}

const dirArgs = (lab: RelayLab) => {
  const all = lab.args();
  return ['--config-dir', '--backup-dir', '--state-dir'].flatMap((flag) => [flag, all[all.indexOf(flag) + 1]!]);
};

export function commandArgs(lab: RelayLab, c: FaultCase, restoreId = ''): string[] {
  // Only setup takes --relay and --ca-file: the others read the relay from main.cf.
  const common = [...dirArgs(lab), '--json', '--yes'];
  switch (c.command) {
    case 'setup':
      return [...lab.args(), '--json', '--yes', '--account', ACCOUNT, '--password-stdin', '--no-keychain', '--no-test'];
    case 'remove':
      return ['remove', ...common];
    case 'restore':
      return ['restore', restoreId, ...common];
    case 'doctor-fix':
      return ['doctor', '--fix', ...common];
  }
}

/** The wizard, with an optional fault made when the journal shows step `at.step` begun. */
export function wizard(
  lab: RelayLab,
  args: string[],
  at?: { step: number; make: (child: ChildProcess) => Promise<void> },
  under?: { argv: string[]; env: Record<string, string> },
): Promise<Run> {
  const argv = [...(under?.argv ?? []), process.execPath, repoPath('bin', 'postfix-gmail-wizard.js'), ...args];
  const child = spawn(argv[0]!, argv.slice(1), {
    env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', HOME: '/root', ...under?.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  child.stdin.end(`${PASSWORD}\n`);
  let fired: boolean | undefined = at ? false : undefined;
  let planned: number | undefined;
  const stateDir = join(lab.postfix.base, 'state', 'postfix-gmail-wizard');
  if (at) mkdirSync(stateDir, { recursive: true, mode: 0o700 }); // watched before the wizard makes it
  const watcher = at
    ? watch(stateDir, () => {
        if (fired) return;
        void readFile(join(stateDir, 'journal.json'), 'utf8')
          .then(async (text) => {
            const journal = JSON.parse(text) as { steps: unknown[]; planned?: number };
            planned = journal.planned ?? planned;
            if (fired || journal.steps.length <= at.step) return;
            fired = true;
            child.kill('SIGSTOP'); // the fault lands while the wizard is at (or just past) that step
            await at.make(child).catch(() => undefined);
            child.kill('SIGCONT');
          })
          .catch(() => undefined); // a journal mid-rename or gone
      })
    : undefined;
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      watcher?.close();
      resolve({ code: code ?? 128 + (signal ? constants.signals[signal] : 0), out, fired, planned });
    }),
  );
}

/** One case on a machine at its starting point (fault-machine.ts): the fault, the run, the judgement. */
export async function runCase(m: FaultMachine, c: FaultCase): Promise<FaultResult> {
  const { lab, dir, restoreId } = m;
  try {
    const before = await takeState(lab, PASSWORD);
    const f = c.fault;
    if (f.kind === 'full') await fillUp(dir, f.leave);
    if (f.kind === 'read-only') setReadOnly(dir, true);
    let child: Run;
    if (f.kind === 'at-step') {
      const make = async () => {
        if (f.action === 'fill') await fillUp(dir, 0);
        else if (f.action === 'read-only') setReadOnly(dir, true);
      };
      child = await wizard(lab, commandArgs(lab, c, restoreId), {
        step: f.step,
        make: f.action === 'kill' ? async (wiz) => void wiz.kill('SIGKILL') : make,
      });
    } else if (f.kind === 'eio') {
      const eio = eioRun(f.syscall, f.nth, lab.postfix.configDir, await readdir(lab.postfix.configDir));
      child = await wizard(lab, commandArgs(lab, c, restoreId), undefined, eio);
      const { fired, calls } = await eio.outcome();
      Object.assign(child, { fired, planned: calls });
    } else child = await wizard(lab, commandArgs(lab, c, restoreId));
    await liftFaults(dir);
    return await judge(lab, c, child, before, () => wizard(lab, commandArgs(lab, c, restoreId)), PASSWORD);
  } catch (error) {
    return { name: caseName(c), reached: true, problems: [`the sweep itself failed: ${(error as Error).stack}`] };
  } finally {
    await liftFaults(dir).catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const [parentMnt, casesJson] = process.argv.slice(2);
  await guardMountNamespace(parentMnt ?? '');
  const results: FaultResult[] = [];
  // An EIO kind whose call N was never made: no later N of that command and kind is made either.
  const exhausted = new Set<string>();
  let machine: FaultMachine | undefined;
  for (const c of JSON.parse(casesJson ?? '[]') as FaultCase[]) {
    const kind = c.fault.kind === 'eio' ? `${c.command} ${c.fault.syscall}` : undefined;
    if (kind && exhausted.has(kind)) {
      results.push({ name: caseName(c), reached: false, problems: [] });
      continue;
    }
    let result: FaultResult;
    try {
      if (machine?.key !== machineKey(c)) {
        if (machine) await closeMachine(machine);
        machine = undefined;
        machine = await openMachine(c);
      } else await resetMachine(machine);
      result = await runCase(machine, c);
    } catch (error) {
      if (machine) await closeMachine(machine);
      machine = undefined;
      result = { name: caseName(c), reached: true, problems: [`the sweep itself failed: ${(error as Error).stack}`] };
    }
    if (kind && !result.reached) exhausted.add(kind);
    results.push(result);
  }
  if (machine) await closeMachine(machine);
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

if (process.argv[1]?.endsWith('fault-runner.js')) {
  main().then(
    () => process.exit(0),
    (error: Error) => {
      process.stderr.write(`${error.stack}\n`);
      process.exit(1);
    },
  );
}
