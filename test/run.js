#!/usr/bin/env node
// Runs the whole suite (units, flows, end-to-end) from the compiled tree.
// `npm test` builds first. End-to-end tests need root and Debian's Postfix
// (bash test/install-deps.sh); without them they are skipped, loudly.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const layers = ['unit', 'flow', 'e2e'];
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (name.endsWith('.test.js')) files.push(full);
  }
};
for (const layer of layers) {
  try {
    walk(join(root, 'dist', 'test', layer));
  } catch {
    // a layer with no tests yet
  }
}
const filter = process.argv.slice(2);
const selected = filter.length ? files.filter((f) => filter.some((part) => f.includes(part))) : files;
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=2', ...selected], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
