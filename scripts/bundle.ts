// Part of npm run build, after tsc: bundles what ships into dist/bundle/, as npm CLIs do
// (create-astro, sv), so the package holds two minified files instead of ~200 modules:
//   cli.js             the program (bin/postfix-gmail-wizard.js loads it)
//   keychain-helper.js the one other program, which sudo-keychain.ts runs as the person behind sudo
// Each is built from tsc's output (dist/src, what the unit and flow tests import) and holds all
// of our code it needs; our modules that cli.ts imports lazily are still only run when needed.
// The packages in package.json (@clack/prompts, ejs, execa, nodemailer, @napi-rs/keyring) stay
// outside, loaded from node_modules where the code loads them today. No source maps.
import { writeFile } from 'node:fs/promises';
import { build, type Metafile } from 'esbuild';
import { bundleOptions } from './bundle-options.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outputs: Metafile['outputs'] = {};

for (const [entry, out] of [
  ['dist/src/cli.js', 'cli.js'],
  ['dist/src/system/keychain-helper.js', 'keychain-helper.js'],
] as const) {
  const { metafile } = await build({
    ...bundleOptions(entry, join('dist', 'bundle', out)),
    absWorkingDir: root,
    metafile: true,
  });
  Object.assign(outputs, metafile.outputs);
}
// What each file imports from outside it (test/unit/repo/bundle.test.ts: only node: and declared packages); not shipped.
await writeFile(join(root, 'dist', 'bundle-imports.json'), `${JSON.stringify(outputs, null, 1)}\n`);
