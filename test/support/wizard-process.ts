// Run the built CLI (bin/postfix-gmail-wizard.js) as a real process, and
// while it runs watch every process's command line and environment on the
// machine for a secret: the app password must never appear there.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { repoPath } from './paths.js';

export interface WizardRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Places in /proc where the secret was seen while the wizard ran (should be none). */
  leaks: string[];
}

/** `prefix`: a command that runs the wizard (e.g. unshare … to give it a mount namespace of its own). */
export async function runWizard(
  args: string[],
  options: { stdin?: string; env?: Record<string, string>; secret?: string; cwd?: string; prefix?: string[] } = {},
): Promise<WizardRun> {
  const command = [...(options.prefix ?? []), process.execPath, repoPath('bin', 'postfix-gmail-wizard.js'), ...args];
  const child = spawn(command[0]!, command.slice(1), {
    env: {
      PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
      LANG: 'C.UTF-8',
      HOME: process.env.HOME ?? '/root',
      ...options.env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(options.stdin ?? '');
  const leaks: string[] = [];
  let done = false;
  const watcher = (async () => {
    while (!done && options.secret) {
      leaks.push(...(await scanProc(options.secret)));
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  // Killed by a signal: report it the way a shell does (128 + signal number, 137 for SIGKILL).
  const code = await new Promise<number>((resolve) =>
    child.on('close', (c, signal) => resolve(c ?? 128 + (signal ? constants.signals[signal] : 0))),
  );
  done = true;
  await watcher;
  return { code, stdout, stderr, leaks: [...new Set(leaks)] };
}

/** Places in /proc (command lines, environments) where `secret` is seen right now. */
export async function scanProc(secret: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((p) => /^\d+$/.test(p))) {
    for (const file of ['cmdline', 'environ']) {
      const text = await readFile(`/proc/${pid}/${file}`, 'utf8').catch(() => '');
      if (text.includes(secret)) found.push(`/proc/${pid}/${file}: ${text.replace(/\0/g, ' ').slice(0, 200)}`);
    }
  }
  return found;
}
