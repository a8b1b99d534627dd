// The lock between real processes: two runs racing for it never both hold
// it, and a holder killed with -9 releases it by dying (flock(2) on its
// descriptor) — no stale lock file to judge, none deleted.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoPath } from '../../support/paths.js';
import { runWizard } from '../../support/wizard-process.js';

const holder = repoPath('dist', 'test', 'support', 'lock-holder.js');

function start(...args: string[]): {
  child: ReturnType<typeof spawn>;
  output: Promise<{ code: number | null; stdout: string }>;
} {
  const child = spawn(process.execPath, [holder, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  const output = new Promise<{ code: number | null; stdout: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout })),
  );
  return { child, output };
}

describe('the lock between processes', () => {
  let tmp: string;
  before(async () => {
    tmp = await mkdtemp('/tmp/pgw-lock-');
  });
  after(async () => rm(tmp, { recursive: true, force: true }));

  it('two runs racing for it 50 times: never both hold it', async () => {
    const state = join(tmp, 'race');
    const tally = { held: 0, busy: 0, overlap: 0 };
    for (let trial = 0; trial < 50; trial++) {
      const runs = await Promise.all([start('race', state, tmp).output, start('race', state, tmp).output]);
      for (const run of runs) {
        assert.match(run.stdout, /^(held|busy .*|OVERLAP)\n$/, `unexpected output: ${run.stdout}`);
        if (run.stdout.startsWith('held')) tally.held++;
        else if (run.stdout.startsWith('busy')) tally.busy++;
        else tally.overlap++;
      }
    }
    assert.equal(tally.overlap, 0, `both held the lock ${tally.overlap} times`);
    assert.ok(tally.held >= 50, `every trial had a holder: ${JSON.stringify(tally)}`);
    assert.ok((await stat(join(state, 'lock'))).isFile(), 'the lock file stays');
  });

  it('a holder killed with -9 releases it; until then a second run is refused and told its pid', async () => {
    const state = join(tmp, 'kill');
    const first = start('hold', state);
    await new Promise<void>((resolve) =>
      first.child.stdout!.on('data', (d: Buffer) => d.toString().includes('held') && resolve()),
    );
    let refused;
    try {
      refused = await start('race', state, tmp).output;
    } finally {
      first.child.kill('SIGKILL'); // also when the check fails: a holder left alive would keep the suite from ending
    }
    assert.match(refused.stdout, new RegExp(`^busy .*\\(pid ${first.child.pid}\\)`));
    await first.output;
    const after = await start('race', state, tmp).output;
    assert.equal(after.stdout, 'held\n', 'the dead holder left no lock behind');
    assert.equal((await stat(join(state, 'lock'))).mode & 0o777, 0o600);
  });

  it('a malformed flag on a locked machine is a usage error (exit 2), not "locked"', async () => {
    const state = join(tmp, 'flags');
    const first = start('hold', join(state, 'postfix-gmail-wizard'));
    await new Promise<void>((resolve) =>
      first.child.stdout!.on('data', (d: Buffer) => d.toString().includes('held') && resolve()),
    );
    try {
      for (const bad of [
        ['--account', 'not an address'],
        ['--relay', 'smtp.gmail.com:99999'],
        ['--to', '@@'],
        ['--root-alias', 'a b'],
      ]) {
        const run = await runWizard(['setup', ...bad, '--state-dir', state, '--non-interactive', '--json']);
        assert.equal(run.code, 2, `${bad.join(' ')}: ${run.stderr}`);
        assert.notEqual(JSON.parse(run.stdout).error.code, 'locked', bad.join(' '));
      }
      const good = await runWizard([
        'setup',
        '--account',
        'someone@gmail.com',
        '--state-dir',
        state,
        '--non-interactive',
        '--json',
      ]);
      assert.equal(JSON.parse(good.stdout).error.code, 'locked', 'well-formed flags still meet the lock');
    } finally {
      first.child.kill('SIGKILL');
      await first.output;
    }
  });
});
