#!/usr/bin/env node
// `npm run mutate [-- SUBSTRING…]`: plants each defect of mutants.js (or those whose id contains a
// SUBSTRING), one at a time, in a copy of the working tree (tracked and new files; node_modules
// linked), builds it and runs the layers that need no root (unit/ flow/ support/). A mutant is
// caught when that run fails; it survives when the run stays green — a missing test. It is stale
// when its text is not found exactly once (the code moved: update mutants.js), invalid when it does
// not compile. A mutant's `tests` (file name parts) run first, as a quick answer; only when they
// stay green do all three layers run. Prints one line a mutant and the score; exits 0 only when
// every mutant was caught.
// The copy is removed at the end (kept with PGW_MUTATE_KEEP=1, and the log of each run with it).
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mutants } from './mutants.js';

const root = new URL('../..', import.meta.url).pathname;
const layers = ['unit/', 'flow/', 'support/'];
const filter = process.argv.slice(2);
const chosen = filter.length ? mutants.filter((m) => filter.some((f) => m.id.includes(f))) : mutants;
if (chosen.length === 0) {
  console.error(`mutate: no mutant matches ${filter.join(', ')}`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'pgw-mutate-'));
const files = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
  cwd: root,
  encoding: 'utf8',
}).stdout.split('\0');
for (const file of files.filter((f) => f && existsSync(join(root, f)))) {
  mkdirSync(dirname(join(work, file)), { recursive: true });
  copyFileSync(join(root, file), join(work, file));
}
symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));

// The project's own build (a clean dist/, the compiled tree and what else it makes, e.g. the man page).
const build = () => spawnSync('npm', ['run', '--silent', 'build'], { cwd: work, encoding: 'utf8' });
// A mutant that hangs the suite counts as caught once the run is killed (30 minutes).
const runLayers = (log, selection = layers) => {
  const run = spawnSync(process.execPath, ['test/run.js', ...selection], {
    cwd: work,
    encoding: 'utf8',
    timeout: 30 * 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  writeFileSync(log, `${run.stdout}${run.stderr}`);
  const closing = /(\d+) passed, (\d+) failed/.exec(
    run.stdout
      .split('\n')
      .reverse()
      .find((l) => /passed,/.test(l)) ?? '',
  );
  return { green: run.status === 0, failed: closing ? Number(closing[2]) : undefined, timedOut: run.signal !== null };
};

console.log(`mutate: ${chosen.length} mutant(s), each run: node test/run.js ${layers.join(' ')} (copy in ${work})`);
const baseline = build();
if (baseline.status !== 0) {
  console.error(`mutate: the unmutated tree does not build:\n${baseline.stdout}${baseline.stderr}`);
  process.exit(1);
}
const clean = runLayers(join(work, 'baseline.log'));
if (!clean.green) {
  console.error(
    `mutate: the unmutated tree is red (${clean.failed} failed; ${join(work, 'baseline.log')}): fix that first`,
  );
  process.exit(1);
}

const results = { caught: [], survived: [], stale: [], invalid: [] };
for (const mutant of chosen) {
  const path = join(work, mutant.file);
  const original = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const found = original === undefined ? 0 : original.split(mutant.from).length - 1;
  let verdict;
  let detail = '';
  if (found !== 1) {
    verdict = 'stale';
    detail = original === undefined ? `${mutant.file} is gone` : `text found ${found} times in ${mutant.file}`;
  } else {
    writeFileSync(
      path,
      original.replace(mutant.from, () => mutant.to),
    );
    const built = build();
    if (built.status !== 0) {
      verdict = 'invalid';
      detail = (built.stdout || built.stderr).trim().split('\n')[0] ?? '';
    } else {
      // The tests meant to catch it first (a quick answer on a busy machine); all layers only when they stay green.
      const near = mutant.tests ? runLayers(join(work, `${mutant.id}.near.log`), mutant.tests) : { green: true };
      const run = near.green ? runLayers(join(work, `${mutant.id}.log`)) : near;
      verdict = run.green ? 'survived' : 'caught';
      const where = near.green ? '' : ` in ${mutant.tests.join(' ')}`;
      detail = run.timedOut
        ? 'the run hung and was killed'
        : run.green
          ? 'every test passed'
          : `${run.failed ?? '?'} failed${where}`;
    }
    writeFileSync(path, original);
  }
  results[verdict].push(mutant.id);
  console.log(`${verdict.padEnd(8)} ${mutant.id} (${detail})`);
}

const tried = chosen.length - results.stale.length - results.invalid.length;
console.log(`\nmutation: ${results.caught.length} of ${tried} mutants caught`);
for (const kind of ['survived', 'stale', 'invalid'])
  if (results[kind].length) console.log(`${kind}: ${results[kind].join(', ')}`);
if (process.env.PGW_MUTATE_KEEP === '1') console.log(`the copy and each run's log: ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exit(results.caught.length === chosen.length ? 0 : 1);
