#!/usr/bin/env node
// Runs the whole suite (units, flows, end-to-end) from the compiled tree.
// `npm test` builds first (into a clean dist/). End-to-end tests need root and
// Debian's Postfix (bash test/install-deps.sh); without them they are skipped,
// loudly: every test inside a skipped suite counts as skipped
// (test/count-skipped.js), and each suite or test that did not run is named
// with the reason. With PGW_REQUIRE_ALL=1 or CI=true (as .ci/run sets) a
// skipped test fails the run.
// The closing line `N passed, N failed, N skipped` is never smaller than what
// happened (test/verdict.js): a cancelled or todo test counts as failed and
// fails the run, so do tests a file declared that never reported (a file that
// exited mid-way), a compiled test whose source is gone, and a selection of no
// test at all.
// The e2e-system layer reconfigures and purges the machine's own Postfix
// (only where PGW_THROWAWAY_MACHINE=1): it runs last, alone and serially,
// because the other end-to-end tests use the Postfix binaries it removes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { readJsonLines, verdict } from './verdict.js';

const root = new URL('..', import.meta.url).pathname;
// support: the test doubles' own tests (the fake Gmail on loopback), before the e2e tests that use them.
const layers = ['unit', 'flow', 'support', 'e2e', 'e2e-releases', 'e2e-system'];
const serialLayers = new Set(['e2e-releases', 'e2e-system']);
const requireAll = process.env.PGW_REQUIRE_ALL === '1' || process.env.CI === 'true';
const files = [];
const walk = (dir, into) => {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, into);
    else if (name.endsWith('.test.js')) into.push(full);
  }
};
const serial = [];
for (const layer of layers) {
  try {
    walk(join(root, 'dist', 'test', layer), serialLayers.has(layer) ? serial : files);
  } catch {
    // a layer with no tests yet
  }
}
// The bin runs the bundle that ships (dist/bundle, scripts/bundle.ts), and the package holds the man
// page (scripts/write-man-page.ts). `npx tsc` alone (npm ci no longer builds: package.json builds on
// prepack) leaves both as they were: make them again from the compiled tree, so every test that runs
// the bin runs the code beside it and the package's file list is the one npm pack would build.
for (const [script, what] of [
  ['write-man-page.js', 'writing the man page'],
  ['bundle.js', 'bundling dist/src into dist/bundle'],
]) {
  const file = join(root, 'dist', 'scripts', script);
  if (existsSync(file) && spawnSync(process.execPath, [file], { stdio: 'inherit', cwd: root }).status !== 0) {
    process.stderr.write(`${what} failed (see above)\n`);
    process.exit(1);
  }
}
const filter = process.argv.slice(2);
const pick = (list) => (filter.length ? list.filter((f) => filter.some((part) => f.includes(part))) : list);
const runs = [
  ['--test-concurrency=2', pick(files)],
  ['--test-concurrency=1', pick(serial)],
].filter(([, selected]) => selected.length > 0);
// A compiled test whose source was deleted or renamed would otherwise keep running from a stale dist/.
const stale = runs
  .flatMap(([, selected]) => selected)
  .filter((file) => !existsSync(join(root, relative(join(root, 'dist'), file)).replace(/\.js$/, '.ts')));
// Each run reports in two ways: spec on the terminal, and a tally per file
// (test/tally-reporter.js) that makes the one closing line for the whole suite.
let status = 0;
const tallies = [];
const tapDir = mkdtempSync(join(tmpdir(), 'pgw-tap-'));
const skipLog = join(tapDir, 'skipped.jsonl');
const censusLog = join(tapDir, 'census.jsonl');
const census = join(root, 'test', 'count-skipped.js');
for (const [index, [concurrency, selected]] of runs.entries()) {
  const tally = join(tapDir, `${index}.json`);
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      census,
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${join(root, 'test', 'tally-reporter.js')}`,
      `--test-reporter-destination=${tally}`,
      concurrency,
      ...selected,
    ],
    { stdio: 'inherit', cwd: root, env: { ...process.env, PGW_SKIP_LOG: skipLog, PGW_CENSUS_LOG: censusLog } },
  );
  status ||= result.status ?? 1;
  try {
    tallies.push(JSON.parse(readFileSync(tally, 'utf8')));
  } catch {
    tallies.push({ [`run ${index + 1}`]: { pass: 0, fail: 0, skip: 0, todo: 0, cancelled: 0, broken: 1 } });
  }
}
const declared = readJsonLines(skipLog);
const outcome = verdict({
  root,
  selected: runs.flatMap(([, selected]) => selected),
  tallies,
  census: readJsonLines(censusLog),
  stale: stale.map((file) => relative(root, file)),
  filter,
});
rmSync(tapDir, { recursive: true, force: true });

for (const line of outcome.problems) console.log(`!!! ${line}`);
if (outcome.problems.length > 0) status ||= 1;
if (outcome.skipped > 0) {
  const layerOf = (file) => layers.find((layer) => file.includes(`/test/${layer}/`)) ?? '?';
  console.log(`\n!!! NOT RUN: ${outcome.skipped} test(s) were skipped:`);
  for (const entry of declared.sort((a, b) => a.file.localeCompare(b.file))) {
    console.log(
      `!!!   [${layerOf(entry.file)}] ${entry.file.replace(/^dist\/test\//, '')} › ${entry.suite} (${entry.tests} test${entry.tests === 1 ? '' : 's'}): ${entry.reason}`,
    );
  }
  const atRunTime = outcome.skipped - declared.reduce((sum, entry) => sum + entry.tests, 0);
  if (atRunTime > 0)
    console.log(`!!!   ${atRunTime} more skipped themselves while running (the lines marked ﹣ above say why)`);
  if (requireAll) {
    console.log('!!! PGW_REQUIRE_ALL=1 or CI=true: every test must run here, so this run fails.');
    status ||= 1;
  }
}
console.log(`\n${outcome.passed} passed, ${outcome.failed} failed, ${outcome.skipped} skipped`);
process.exit(status);
