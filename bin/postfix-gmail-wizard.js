#!/usr/bin/env node
// Entry point for `npx postfix-gmail-wizard`: check the Node version before
// loading anything that would fail on an old one, then run the built CLI.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 12)) {
  process.stderr.write(`postfix-gmail-wizard needs Node.js 20.12 or newer; this is ${process.version}.\n`);
  process.exit(1);
}
// --version answers before anything else loads (scripts call it often).
if (process.argv.length === 3 && ['--version', '-V'].includes(process.argv[2])) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
  process.exit(0);
}
// The bundle that ships (npm run build: scripts/bundle.ts), so every test that runs this file runs it.
const { main } = await import('../dist/bundle/cli.js');
process.exitCode = await main(process.argv.slice(2));
