// Runs fault-sweep cases (fault-cases.ts) inside `unshare -m` (started by fault-sweep.ts): for each, a
// private Postfix and fake Gmail, a small tmpfs over the folder under test, the command's starting
// point, the fault, the run — then the judgement (fault-verdict.ts). Prints one JSON array of results.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { constants } from 'node:os';
import { caseName, type FaultCase } from './fault-cases.js';
import { fillUp, guardMountNamespace, liftFaults, mountSmallTmpfs, setReadOnly } from './fault-lab.js';
import { judge, takeState, type FaultResult } from './fault-verdict.js';
import { repoPath } from './paths.js';
import { startRelayLab, type RelayLab } from './relay-lab.js';

export const ACCOUNT = 'faults@gmail.com';
export const PASSWORD = 'faultSweepPassw0';

export interface Run {
  code: number;
  out: string;
  /** The at-step fault was made (undefined: no such fault; false: the plan had fewer steps). */
  fired?: boolean;
}

const folderPath = (lab: RelayLab, folder: FaultCase['folder']) =>
  folder === 'etc' ? lab.postfix.configDir : join(lab.postfix.base, folder);

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
): Promise<Run> {
  const child = spawn(process.execPath, [repoPath('bin', 'postfix-gmail-wizard.js'), ...args], {
    env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', HOME: '/root' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  child.stdin.end(`${PASSWORD}\n`);
  let fired: boolean | undefined = at ? false : undefined;
  const stateDir = join(lab.postfix.base, 'state', 'postfix-gmail-wizard');
  if (at) mkdirSync(stateDir, { recursive: true, mode: 0o700 }); // watched before the wizard makes it
  const watcher = at
    ? watch(stateDir, () => {
        if (fired) return;
        void readFile(join(stateDir, 'journal.json'), 'utf8')
          .then(async (text) => {
            if (fired || (JSON.parse(text) as { steps: unknown[] }).steps.length <= at.step) return;
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
      resolve({ code: code ?? 128 + (signal ? constants.signals[signal] : 0), out, fired });
    }),
  );
}

async function prepare(lab: RelayLab, c: FaultCase): Promise<string> {
  if (c.command === 'setup') return '';
  const setup = await wizard(lab, commandArgs(lab, { ...c, command: 'setup' }));
  if (setup.code !== 0) throw new Error(`setup before the fault failed: ${setup.out}`);
  if (c.command === 'doctor-fix') {
    // Two things doctor --fix repairs: the compiled map gone, the relay's TLS level weakened.
    await lab.postfix.postconf('-e', 'smtp_tls_security_level=may');
    await import('node:fs/promises').then((fs) => fs.rm(join(lab.postfix.configDir, 'sasl_passwd.db')));
    return '';
  }
  if (c.command === 'restore') {
    const removed = await wizard(lab, ['remove', ...dirArgs(lab), '--json', '--yes']);
    const id = (JSON.parse(removed.out.slice(removed.out.indexOf('{'))) as { backupId?: string }).backupId;
    if (removed.code !== 0 || !id) throw new Error(`remove before the fault failed: ${removed.out}`);
    return id;
  }
  return '';
}

export async function runCase(c: FaultCase): Promise<FaultResult> {
  const lab = await startRelayLab('fault', { [ACCOUNT]: { password: PASSWORD } }, { start: false });
  const dir = folderPath(lab, c.folder);
  try {
    mountSmallTmpfs(dir);
    await lab.postfix.start();
    const restoreId = await prepare(lab, c);
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
    } else child = await wizard(lab, commandArgs(lab, c, restoreId));
    await liftFaults(dir);
    return await judge(lab, c, child, before, () => wizard(lab, commandArgs(lab, c, restoreId)), PASSWORD);
  } catch (error) {
    return { name: caseName(c), reached: true, problems: [`the sweep itself failed: ${(error as Error).stack}`] };
  } finally {
    await liftFaults(dir).catch(() => undefined);
    await lab.postfix.stop().catch(() => undefined);
    spawnSync('umount', ['-l', dir]);
    // A Postfix daemon may still be writing into its spool as the folder goes: remove it again.
    await lab.close().catch(() => spawnSync('rm', ['-rf', lab.postfix.base, lab.tmp]));
  }
}

async function main(): Promise<void> {
  const [parentMnt, casesJson] = process.argv.slice(2);
  await guardMountNamespace(parentMnt ?? '');
  const results: FaultResult[] = [];
  for (const c of JSON.parse(casesJson ?? '[]') as FaultCase[]) results.push(await runCase(c));
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
