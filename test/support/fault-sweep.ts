// The test's side of the fault sweep: runs fault-runner.js under `unshare -m` (a mount namespace of its
// own, so its tmpfs mounts never touch the machine's) with a list of cases, and reads its results.
import { spawn } from 'node:child_process';
import { readlink } from 'node:fs/promises';
import type { FaultCase } from './fault-cases.js';
import type { FaultResult } from './fault-verdict.js';
import { repoPath } from './paths.js';

export async function sweep(cases: readonly FaultCase[]): Promise<FaultResult[]> {
  const parentMnt = await readlink('/proc/self/ns/mnt');
  const script = repoPath('dist', 'test', 'support', 'fault-runner.js');
  const child = spawn('unshare', ['-m', '--', process.execPath, script, parentMnt, JSON.stringify(cases)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`fault runner exited ${code}: ${stderr}`);
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as FaultResult[];
}
