// Tests that need a network of their own (the default relay's real name, a broken IPv6 route) run a
// runner script under `unshare -m -n`: a private mount and network namespace with only `lo`, and a
// private /etc/hosts bind-mounted over the machine's. The test's side starts the runner
// (runInNamespace) and reads the one JSON document it prints; the runner's side refuses to run
// outside namespaces of its own (guardNamespaces), brings up lo with its hosts file (privateHosts),
// and reports a failure as exit 1 with the stack on stderr (runnerMain).
import { execFile, spawn } from 'node:child_process';
import { readlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoPath } from './paths.js';

const execFileP = promisify(execFile);

export interface RunnerResult { code: number | null; stdout: string; stderr: string }

/** This process's net and mnt namespace ids: the runner's guard compares its own with them. */
export function currentNamespaces(): Promise<[net: string, mnt: string]> {
  return Promise.all([readlink('/proc/self/ns/net'), readlink('/proc/self/ns/mnt')]);
}

/**
 * Runs dist/test/support/<runner>.js with `args`, under `unshare -m -n` (`unshare: false`: as it is,
 * to show that its guard refuses); `stdin` is written to it, else its stdin is closed.
 */
export function runInNamespace(runner: string, args: readonly string[], options: { stdin?: string; unshare?: boolean } = {}): Promise<RunnerResult> {
  return new Promise((resolve, reject) => {
    const script = repoPath('dist', 'test', 'support', `${runner}.js`);
    const [cmd, ...argv] = [...(options.unshare ?? true ? ['unshare', '-m', '-n', '--'] : []), process.execPath, script, ...args];
    const child = spawn(cmd!, argv, { stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString())); // piped: never null
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (options.stdin !== undefined) child.stdin?.end(options.stdin);
  });
}

/** Runner side: throws unless this process is in a mount and a network namespace other than the parent's, with only lo. */
export async function guardNamespaces(parentNet: string, parentMnt: string): Promise<void> {
  const [net, mnt] = await currentNamespaces();
  if (net === parentNet || mnt === parentMnt) throw new Error(`refusing to run: not in a namespace of its own (${net}, ${mnt})`);
  const { stdout } = await execFileP('ip', ['-o', 'link', 'show']);
  const links = stdout.split('\n').filter(Boolean).map((l) => l.split(':')[1]?.trim());
  if (links.some((l) => l !== 'lo')) throw new Error(`refusing to run: the namespace has links besides lo: ${links.join(', ')}`);
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
