// How scripts/bundle.ts builds what ships, in one place: the bench (test/bench/bench.ts) builds the
// same bundle again with parts left out, to say what each part weighs in the tarball.
import type { BuildOptions } from 'esbuild';

export function bundleOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.12', // package.json's engines
    packages: 'external',
    minify: true,
    charset: 'utf8', // the Japanese texts as UTF-8, not twice as long as \u escapes
    legalComments: 'none', // ours carry none; the packages' own stay in node_modules
    sourcemap: false,
    define: { PGW_BUNDLE: 'true' }, // keychain-helper-files.ts: the helper is one file here
    logLevel: 'warning',
  };
}
