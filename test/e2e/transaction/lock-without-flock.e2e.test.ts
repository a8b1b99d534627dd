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
import { meetOnce, startHolder } from '../../support/lock-racers.js';

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

const start = (hidden: boolean, ...args: string[]) => startHolder(args, hidden ? withoutFlock : []);

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

  it('two runs without it racing 30 times: they always meet, and never both hold it', async () => {
    const state = join(tmp, 'race');
    for (let trial = 0; trial < 30; trial++) {
      const { answers, codes, stderr } = await meetOnce(state, tmp, withoutFlock);
      assert.deepEqual(
        answers.map((a) => a.replace(/^busy .*/, 'busy')).sort(),
        ['busy', 'held'],
        `trial ${trial}: one holds it while the other is refused: ${JSON.stringify(answers)} ${stderr}`,
      );
      assert.deepEqual(codes, [0, 0], stderr);
    }
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
