// The lock where there is no flock(1) (macOS ships none): perl's flock(2) on
// the same descriptor takes its place. Here flock(1) is hidden for real — in a
// mount namespace of the test's own, /dev/null is bound over /usr/bin/flock —
// and the lock must still exclude a racing run, exclude a run that does have
// flock(1) (both are flock(2) on the file), and go with a holder killed -9.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoPath } from '../../support/paths.js';

const holder = repoPath('dist', 'test', 'support', 'lock-holder.js');
const skip = process.getuid?.() === 0 ? undefined : 'needs root (a mount namespace to hide flock)';
const withoutFlock = [
  'unshare',
  '--mount',
  '--propagation',
  'private',
  '--',
  'sh',
  '-c',
  'mount --bind /dev/null /usr/bin/flock && exec "$@"',
  'sh',
];

function start(
  hidden: boolean,
  ...args: string[]
): { child: ReturnType<typeof spawn>; output: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const command = [...(hidden ? withoutFlock : []), process.execPath, holder, ...args];
  const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const output = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, output };
}

const held = (run: { child: ReturnType<typeof spawn> }) =>
  new Promise<void>((resolve) =>
    run.child.stdout!.on('data', (d: Buffer) => d.toString().includes('held') && resolve()),
  );

describe('the lock without flock(1)', { skip }, () => {
  let tmp: string;
  before(async () => {
    tmp = await mkdtemp('/tmp/pgw-noflock-');
  });
  after(async () => rm(tmp, { recursive: true, force: true }));

  it('flock(1) really is gone in the namespace', async () => {
    const probe = spawn(withoutFlock[0]!, [...withoutFlock.slice(1), 'sh', '-c', 'flock -n /dev/null true'], {
      stdio: 'ignore',
    });
    const code = await new Promise((resolve) => probe.on('close', resolve));
    assert.notEqual(code, 0);
  });

  it('two runs without it racing 30 times: never both hold it', async () => {
    const state = join(tmp, 'race');
    const tally = { held: 0, busy: 0, overlap: 0 };
    for (let trial = 0; trial < 30; trial++) {
      const runs = await Promise.all([start(true, 'race', state, tmp).output, start(true, 'race', state, tmp).output]);
      for (const run of runs) {
        assert.match(run.stdout, /^(held|busy .*|OVERLAP)\n$/, `unexpected output: ${run.stdout} ${run.stderr}`);
        tally[run.stdout.startsWith('held') ? 'held' : run.stdout.startsWith('busy') ? 'busy' : 'overlap']++;
      }
    }
    assert.equal(tally.overlap, 0, `both held the lock ${tally.overlap} times`);
    assert.ok(tally.held >= 30, JSON.stringify(tally));
  });

  it('a holder without it excludes a run with it, and releases the lock by dying (kill -9)', async () => {
    const state = join(tmp, 'mixed');
    const first = start(true, 'hold', state);
    await held(first);
    const refused = await start(false, 'race', state, tmp).output;
    assert.match(refused.stdout, /^busy .*\(pid \d+\)/, refused.stderr);
    first.child.kill('SIGKILL');
    await first.output;
    const after = await start(true, 'race', state, tmp).output;
    assert.equal(after.stdout, 'held\n', after.stderr);
  });
});
