// Runs test/support/lock-holder.js as separate processes, for the lock races: `meetOnce` makes two
// racers try the lock at the same moment and keeps the winner holding it until the other has
// answered, so each trial proves the lock refused a run while held (not that the two never met).
import { spawn } from 'node:child_process';
import { repoPath } from './paths.js';

const holder = repoPath('dist', 'test', 'support', 'lock-holder.js');

export interface Holder {
  child: ReturnType<typeof spawn>;
  output: Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** Resolves with the first `n` lines it printed (fewer if it ended first). */
  lines(n: number): Promise<string[]>;
}

/** `node lock-holder.js ...args`, after `prefix` (e.g. a mount namespace); stdin open only for "meet". */
export function startHolder(args: string[], prefix: string[] = []): Holder {
  const command = [...prefix, process.execPath, holder, ...args];
  const child = spawn(command[0]!, command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let ended = false;
  const waiting: (() => void)[] = [];
  const wake = () => {
    for (const resume of waiting.splice(0)) resume();
  };
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
    wake();
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const output = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => {
      ended = true;
      wake();
      resolve({ code, stdout, stderr });
    }),
  );
  const lines = async (n: number) => {
    while (stdout.split('\n').length <= n && !ended) await new Promise<void>((resume) => waiting.push(resume));
    return stdout.split('\n').slice(0, n);
  };
  child.stdin!.on('error', () => {}); // a refused racer has exited before "release": nothing to tell it
  if (args[0] !== 'meet') child.stdin!.end();
  return { child, output, lines };
}

/**
 * One trial: two racers ready, "go" to both, each one's answer ("held", "busy …" or "OVERLAP"),
 * then "release". Resolves with the two answers and exit codes.
 */
export async function meetOnce(
  state: string,
  markerDir: string,
  prefix: string[] = [],
): Promise<{ answers: string[]; codes: (number | null)[]; stderr: string }> {
  const racers = [startHolder(['meet', state, markerDir], prefix), startHolder(['meet', state, markerDir], prefix)];
  let answers: string[] = [];
  try {
    await Promise.all(racers.map((r) => r.lines(1)));
    for (const racer of racers) racer.child.stdin!.write('go\n'); // both try at once
    answers = await Promise.all(racers.map(async (r) => (await r.lines(2))[1] || '(ended)'));
  } finally {
    for (const racer of racers) racer.child.stdin!.end('release\n');
  }
  const outputs = await Promise.all(racers.map((r) => r.output));
  return { answers, codes: outputs.map((o) => o.code), stderr: outputs.map((o) => o.stderr).join('') };
}
