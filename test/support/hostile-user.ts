// A throwaway local account for attack tests: another uid that tries to turn
// root's file operations against root. Created with useradd, removed at close.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);

export interface HostileUser {
  name: string;
  uid: number;
  gid: number;
  /** Runs `node -e code args…` as this user (cwd /, a bare environment); resolves with its stdout. */
  node(code: string, args?: string[]): Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** Starts `node script args…` as this user in the background; stop() sends SIGTERM and returns its stdout. */
  start(script: string, args?: string[]): { stop(): Promise<string> };
  close(): Promise<void>;
}

export async function createHostileUser(): Promise<HostileUser> {
  const name = `pgw-atk-${randomBytes(3).toString('hex')}`;
  await execFileP('useradd', [
    '--system',
    '--user-group',
    '--no-create-home',
    '--home-dir',
    '/nonexistent',
    '--shell',
    '/usr/sbin/nologin',
    name,
  ]);
  const uid = Number((await execFileP('id', ['-u', name])).stdout.trim());
  const gid = Number((await execFileP('id', ['-g', name])).stdout.trim());
  const options = { uid, gid, cwd: '/', env: { PATH: '/usr/bin:/bin' } };
  const running = new Set<ChildProcess>();
  const collect = (args: string[]) => {
    const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    child.once('close', () => running.delete(child));
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
      child.once('close', (code) => resolve({ code, stdout, stderr })),
    );
    return { child, done };
  };
  return {
    name,
    uid,
    gid,
    node: (code, args = []) => collect(['-e', code, '--', ...args]).done,
    start(script, args = []) {
      const { child, done } = collect([script, ...args]);
      return {
        async stop() {
          child.kill('SIGTERM');
          const result = await done;
          if (!result.stdout) throw new Error(`the attacker died: exit ${result.code} ${result.stderr}`);
          return result.stdout;
        },
      };
    },
    async close() {
      for (const child of running) child.kill('SIGKILL'); // our own children, by handle
      await Promise.all([...running].map((child) => new Promise((resolve) => child.once('close', resolve))));
      await execFileP('userdel', [name]);
    },
  };
}
