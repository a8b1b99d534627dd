// npm run bench -- size: what each part of the packed tarball weighs, so a size budget is argued
// with numbers (which file, and in the program: our code, the English texts, the Japanese texts).
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'esbuild';
import { bundleOptions } from '../../scripts/bundle-options.js';
import { repoPath } from '../support/paths.js';

/** Where the tarball's KiB come from: each packed file gzipped, and cli.js's make-up — built again as
 * scripts/bundle.ts builds it, once with the Japanese texts' modules emptied and once with both
 * languages' emptied, so the differences are what each weighs gzipped. */
export async function weights(files: string[]): Promise<void> {
  const gzipKiB = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length / 1024;
  const gzipped = files.map((f) => ({ f, kib: gzipKiB(readFileSync(repoPath(f))) })).sort((a, b) => b.kib - a.kib);
  const rest = gzipped.slice(6);
  console.log(
    `  gzipped: ${gzipped
      .slice(0, 6)
      .map(({ f, kib }) => `${f} ${kib.toFixed(1)}`)
      .join(', ')}, ${rest.length} more ${rest.reduce((sum, { kib }) => sum + kib, 0).toFixed(1)} KiB`,
  );
  const { build } = await import('esbuild');
  const cli = async (emptied?: RegExp) => {
    const plugins: Plugin[] = [];
    if (emptied)
      plugins.push({
        name: 'empty-texts',
        setup: (b) =>
          b.onLoad({ filter: emptied }, async ({ path }) => ({
            contents: [...(await readFile(path, 'utf8')).matchAll(/^export const (\w+)/gm)]
              .map(([, name]) => `export const ${name} = {};`)
              .join('\n'),
            loader: 'js',
          })),
      });
    const { outputFiles } = await build({
      ...bundleOptions('dist/src/cli.js', 'cli.js'),
      absWorkingDir: repoPath(),
      write: false,
      plugins,
    });
    return gzipKiB(outputFiles[0]!.contents);
  };
  const whole = await cli();
  const noJapanese = await cli(/[\w-]+\.ja\.js$/);
  const code = await cli(/[\w-]+\.(en|ja)\.js$/);
  console.log(
    `  dist/bundle/cli.js gzipped ${whole.toFixed(1)} KiB: code ${code.toFixed(1)}, English texts ${(noJapanese - code).toFixed(1)}, Japanese texts ${(whole - noJapanese).toFixed(1)} KiB`,
  );
}
