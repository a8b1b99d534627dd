#!/usr/bin/env node
// Entry point for `npx postfix-gmail-wizard`: check the Node version before
// loading anything that would fail on an old one, then run the built CLI.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 12)) {
  process.stderr.write(`postfix-gmail-wizard needs Node.js 20.12 or newer; this is ${process.version}.\n`);
  process.exit(1);
}
const { main } = await import('../dist/src/cli.js');
process.exitCode = await main(process.argv.slice(2));
