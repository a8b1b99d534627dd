#!/usr/bin/env node
// Runs the whole suite (units, flows, end-to-end) from the compiled tree.
// `npm test` builds first. End-to-end tests need root and Debian's Postfix
// (bash test/install-deps.sh); without them they are skipped, loudly.
// The e2e-system layer reconfigures and purges the machine's own Postfix
// (only where PGW_THROWAWAY_MACHINE=1): it runs last, alone and serially,
// because the other end-to-end tests use the Postfix binaries it removes.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const layers = ['unit', 'flow', 'e2e', 'e2e-system'];
const serialLayers = new Set(['e2e-system']);
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
let status = 0;
for (const [concurrency, selected] of runs) {
  const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', concurrency, ...selected], { stdio: 'inherit', cwd: root });
  status ||= result.status ?? 1;
}
process.exit(status);
