#!/usr/bin/env node
// Runs the whole suite (units, flows, end-to-end) from the compiled tree.
// `npm test` builds first. End-to-end tests need root and Debian's Postfix
// (bash test/install-deps.sh); without them they are skipped, loudly.
// The e2e-system layer reconfigures and purges the machine's own Postfix
// (only where PGW_THROWAWAY_MACHINE=1): it runs last, alone and serially,
// because the other end-to-end tests use the Postfix binaries it removes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const layers = ['unit', 'flow', 'e2e', 'e2e-releases', 'e2e-system'];
const serialLayers = new Set(['e2e-releases', 'e2e-system']);
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
for (const [index, [concurrency, selected]] of runs.entries()) {
  const tap = join(tapDir, `${index}.tap`);
  const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, concurrency, ...selected], { stdio: 'inherit', cwd: root });
  status ||= result.status ?? 1;
  const text = readFileSync(tap, 'utf8');
  for (const key of Object.keys(totals)) totals[key] += Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
}
rmSync(tapDir, { recursive: true, force: true });
console.log(`\n${totals.pass} passed, ${totals.fail} failed, ${totals.skipped} skipped`);
process.exit(status);
