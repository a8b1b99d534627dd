// Runs a test's scenario in a private mount and network namespace (`unshare -m -n`): what it mounts
// (a tmpfs over a system directory) and the addresses it adds (192.0.2.0/24 on lo) never reach the
// machine. The runner side refuses to start outside namespaces of its own; the test side kills it in
// the end whatever happens, and reads the one JSON document it prints.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readlink, rm } from 'node:fs/promises';
import { after, before } from 'node:test';
import { promisify } from 'node:util';
import { repoPath } from './paths.js';

const execFileP = promisify(execFile);

/** Test side: runs dist/test/support/<runner>.js in new namespaces, with WORK and this process's namespaces as arguments. */
export async function runInNamespaces(runner: string, work: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const [net, mnt] = await Promise.all([readlink('/proc/self/ns/net'), readlink('/proc/self/ns/mnt')]);
  const script = repoPath('dist', 'test', 'support', `${runner}.js`);
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', ['-m', '-n', '--', process.execPath, script, work, net, mnt], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    // A runner that hangs would hang the suite: gone with the test process at the latest.
    const kill = () => child.kill('SIGKILL');
    process.once('exit', kill);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      process.off('exit', kill);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Test side, in a describe(): runs the runner once before its tests (in a work dir removed after them); the getter gives its report. */
export function namespaceReport<T>(runner: string): () => T {
  let work: string | undefined;
  let result: T | undefined;
  before(async () => {
    work = await mkdtemp(`/tmp/pgw-${runner}-`);
    const run = await runInNamespaces(runner, work);
    assert.equal(run.code, 0, `the namespace runner failed:\n${run.stderr}`);
    result = JSON.parse(run.stdout) as T;
  });
  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });
  return () => {
    assert.ok(result, 'the runner reported');
    return result;
  };
}

/** Runner side: the arguments, once sure this process is in namespaces other than its parent's, with only lo (now up). */
export async function enterNamespaces(): Promise<string> {
  const [work, parentNet, parentMnt] = process.argv.slice(2);
  if (!work || !parentNet || !parentMnt) throw new Error('usage: RUNNER WORK PARENT_NET PARENT_MNT');
  const [net, mnt] = await Promise.all([readlink('/proc/self/ns/net'), readlink('/proc/self/ns/mnt')]);
  if (net === parentNet || mnt === parentMnt) throw new Error(`refusing to run: not in a namespace of its own (${net}, ${mnt})`);
  const { stdout } = await execFileP('ip', ['-o', 'link', 'show']);
  const links = stdout.split('\n').filter(Boolean).map((l) => l.split(':')[1]?.trim());
  if (links.some((l) => l !== 'lo')) throw new Error(`refusing to run: the namespace has links besides lo: ${links.join(', ')}`);
  await execFileP('ip', ['link', 'set', 'lo', 'up']);
  return work;
}

/** Runner side: print the report, or the error (exit 1). */
export function report(main: () => Promise<unknown>): void {
  main().then((result) => process.stdout.write(JSON.stringify(result)), (error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  });
}
