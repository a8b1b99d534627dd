// The lock between real processes: two runs racing for it always meet (the
// holder keeps it until the other has answered) and never both hold it, and a holder killed with -9 releases it by dying (flock(2) on its
// descriptor) — no stale lock file to judge, none deleted.
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { meetOnce, startHolder } from '../../support/lock-racers.js';
import { runWizard } from '../../support/wizard-process.js';

const start = (...args: string[]) => startHolder(args);

describe('the lock between processes', () => {
  let tmp: string;
  before(async () => {
    tmp = await mkdtemp('/tmp/pgw-lock-');
  });
  after(async () => rm(tmp, { recursive: true, force: true }));

  it('two runs racing for it 50 times: they always meet, and never both hold it', async () => {
    const state = join(tmp, 'race');
    for (let trial = 0; trial < 50; trial++) {
      const { answers, codes, stderr } = await meetOnce(state, tmp);
      assert.deepEqual(
        answers.map((a) => a.replace(/^busy .*/, 'busy')).sort(),
        ['busy', 'held'],
        `trial ${trial}: one holds it while the other is refused: ${JSON.stringify(answers)} ${stderr}`,
      );
      assert.deepEqual(codes, [0, 0], stderr);
    }
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
