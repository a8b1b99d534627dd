// Tests that need a network of their own (the default relay's real name, a broken IPv6 route) run a
// runner script under `unshare -m -n`: a private mount and network namespace with only `lo`, and a
// private /etc/hosts bind-mounted over the machine's. The test's side starts the runner
// (runInNamespace) and reads the one JSON document it prints; the runner's side refuses to run
// outside namespaces of its own (guardNamespaces), brings up lo with its hosts file (privateHosts),
// and reports a failure as exit 1 with the stack on stderr (runnerMain). namespaceReport/enterNamespaces/
// report are the same two sides for runners that print one report for a describe() (doctor's scenarios).
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readlink, rm, writeFile } from 'node:fs/promises';
import { after, before } from 'node:test';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoPath } from './paths.js';

const execFileP = promisify(execFile);

export interface RunnerResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** This process's net and mnt namespace ids: the runner's guard compares its own with them. */
export function currentNamespaces(): Promise<[net: string, mnt: string]> {
  return Promise.all([readlink('/proc/self/ns/net'), readlink('/proc/self/ns/mnt')]);
}

/**
 * Runs dist/test/support/<runner>.js with `args`, under `unshare -m -n` (`unshare: false`: as it is,
 * to show that its guard refuses); `stdin` is written to it, else its stdin is closed.
 */
export function runInNamespace(
  runner: string,
  args: readonly string[],
  options: { stdin?: string; unshare?: boolean } = {},
): Promise<RunnerResult> {
  return new Promise((resolve, reject) => {
    const script = repoPath('dist', 'test', 'support', `${runner}.js`);
    const [cmd, ...argv] = [
      ...((options.unshare ?? true) ? ['unshare', '-m', '-n', '--'] : []),
      process.execPath,
      script,
      ...args,
    ];
    const child = spawn(cmd!, argv, { stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    // A runner that hangs would hang the suite: gone with the test process at the latest.
    const kill = () => child.kill('SIGKILL');
    process.once('exit', kill);
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString())); // piped: never null
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      process.off('exit', kill);
      resolve({ code, stdout, stderr });
    });
    if (options.stdin !== undefined) child.stdin?.end(options.stdin);
  });
}

/** Runner side: throws unless this process is in a mount and a network namespace other than the parent's, with only lo. */
export async function guardNamespaces(parentNet: string, parentMnt: string): Promise<void> {
  const [net, mnt] = await currentNamespaces();
  if (net === parentNet || mnt === parentMnt)
    throw new Error(`refusing to run: not in a namespace of its own (${net}, ${mnt})`);
  const { stdout } = await execFileP('ip', ['-o', 'link', 'show']);
  const links = stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(':')[1]?.trim());
  if (links.some((l) => l !== 'lo'))
    throw new Error(`refusing to run: the namespace has links besides lo: ${links.join(', ')}`);
}

/**
 * Runner side, after the guard: lo up, and `hosts` written to WORK/hosts and bind-mounted over
 * /etc/hosts (a later write to the returned path keeps the inode, so the mount sees it).
 */
export async function privateHosts(work: string, hosts: string): Promise<string> {
  await execFileP('ip', ['link', 'set', 'lo', 'up']);
  const path = join(work, 'hosts');
  await writeFile(path, hosts, { mode: 0o644 });
  await execFileP('mount', ['--bind', path, '/etc/hosts']);
  return path;
}

/** Runner side: runs `main`; a failure is exit 1 with its stack on stderr (stdout stays empty). */
export function runnerMain(main: () => Promise<void>): void {
  main().catch((error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  });
}

/** Test side, in a describe(): runs the runner once before its tests (in a work dir removed after them); the getter gives its report. */
export function namespaceReport<T>(runner: string): () => T {
  let work: string | undefined;
  let result: T | undefined;
  before(async () => {
    work = await mkdtemp(`/tmp/pgw-${runner}-`);
    const run = await runInNamespace(runner, [work, ...(await currentNamespaces())]);
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

/** Runner side of namespaceReport: WORK, once sure this process is in namespaces of its own, with only lo (now up). */
export async function enterNamespaces(): Promise<string> {
  const [work, parentNet, parentMnt] = process.argv.slice(2);
  if (!work || !parentNet || !parentMnt) throw new Error('usage: RUNNER WORK PARENT_NET PARENT_MNT');
  await guardNamespaces(parentNet, parentMnt);
  await execFileP('ip', ['link', 'set', 'lo', 'up']);
  return work;
}

/** Runner side of namespaceReport: prints the report, or the error (exit 1). */
export function report(main: () => Promise<unknown>): void {
  runnerMain(async () => {
    process.stdout.write(JSON.stringify(await main()));
  });
}
