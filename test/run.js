#!/usr/bin/env node
// Runs the whole suite (units, flows, end-to-end) from the compiled tree.
// `npm test` builds first. End-to-end tests need root and Debian's Postfix
// (bash test/install-deps.sh); without them they are skipped, loudly: every
// test inside a skipped suite counts as skipped (test/count-skipped.js), and
// each suite or test that did not run is named with the reason.
// With PGW_REQUIRE_ALL=1 or CI=true (as .ci/run sets) a skipped test fails the run.
// The e2e-system layer reconfigures and purges the machine's own Postfix
// (only where PGW_THROWAWAY_MACHINE=1): it runs last, alone and serially,
// because the other end-to-end tests use the Postfix binaries it removes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
const filter = process.argv.slice(2);
const pick = (list) => (filter.length ? list.filter((f) => filter.some((part) => f.includes(part))) : list);
const runs = [
  ['--test-concurrency=2', pick(files)],
  ['--test-concurrency=1', pick(serial)],
].filter(([, selected]) => selected.length > 0);
// Each run reports in two ways: spec on the terminal, TAP into a file whose
// counts make the one closing line for the whole suite.
let status = 0;
const totals = { pass: 0, fail: 0, skipped: 0 };
const tapDir = mkdtempSync(join(tmpdir(), 'pgw-tap-'));
const skipLog = join(tapDir, 'skipped.jsonl');
const census = join(root, 'test', 'count-skipped.js');
for (const [index, [concurrency, selected]] of runs.entries()) {
  const tap = join(tapDir, `${index}.tap`);
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      census,
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      concurrency,
      ...selected,
    ],
    { stdio: 'inherit', cwd: root, env: { ...process.env, PGW_SKIP_LOG: skipLog } },
  );
  status ||= result.status ?? 1;
  const text = readFileSync(tap, 'utf8');
  for (const key of Object.keys(totals))
    totals[key] += Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
}
let declared = [];
try {
  declared = readFileSync(skipLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
} catch {
  // nothing was skipped up front
}
rmSync(tapDir, { recursive: true, force: true });

if (totals.skipped > 0) {
  const layerOf = (file) => layers.find((layer) => file.includes(`/test/${layer}/`)) ?? '?';
  console.log(`\n!!! NOT RUN: ${totals.skipped} test(s) were skipped:`);
  for (const entry of declared.sort((a, b) => a.file.localeCompare(b.file))) {
    console.log(
      `!!!   [${layerOf(entry.file)}] ${entry.file.replace(/^dist\/test\//, '')} › ${entry.suite} (${entry.tests} test${entry.tests === 1 ? '' : 's'}): ${entry.reason}`,
    );
  }
  const atRunTime = totals.skipped - declared.reduce((sum, entry) => sum + entry.tests, 0);
  if (atRunTime > 0)
    console.log(`!!!   ${atRunTime} more skipped themselves while running (the lines marked ﹣ above say why)`);
  if (requireAll) {
    console.log('!!! PGW_REQUIRE_ALL=1 or CI=true: every test must run here, so this run fails.');
    status ||= 1;
  }
}
console.log(`\n${totals.pass} passed, ${totals.fail} failed, ${totals.skipped} skipped`);
process.exit(status);
