// What ships is dist/bundle/ (scripts/bundle.ts): the program and the keychain helper, one file
// each. The bin runs the bundle; the packages stay outside it and are loaded only where the code
// asks for them (@clack/prompts costs tens of milliseconds: never for --help or a script's run).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { repoPath } from '../../support/paths.js';

const run = promisify(execFile);
const bin = repoPath('bin', 'postfix-gmail-wizard.js');

/** The packages (bare specifiers) a run of the bin loads: import()'s, as a module hook sees them, and require()'s
 * (child.ts requires execa where Node can require() an ES module), as the CommonJS resolver sees them. */
async function packagesLoaded(dir: string, args: string[]): Promise<string[]> {
  const log = join(dir, `loaded-${args.join('_')}.txt`);
  const hook = join(dir, 'hook.mjs');
  await writeFile(
    hook,
    `import { appendFileSync } from 'node:fs';
export async function resolve(spec, context, next) {
  if (!/^(node:|\\.|\\/|file:)/.test(spec)) appendFileSync(process.env.PGW_LOADED_LOG, spec + '\\n');
  return next(spec, context);
}\n`,
  );
  const register = `import Module, { register } from 'node:module'; import { appendFileSync } from 'node:fs';
register(${JSON.stringify(pathToFileURL(hook).href)});
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (spec, ...rest) {
  if (!/^(node:|\\.|\\/|file:)/.test(spec)) appendFileSync(process.env.PGW_LOADED_LOG, spec + '\\n');
  return resolveFilename.call(this, spec, ...rest);
};`;
  await writeFile(log, '');
  await run(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, bin, ...args], {
    env: { PATH: process.env.PATH, PGW_LOADED_LOG: log },
  }).catch((error: { code?: number }) => {
    if (typeof error.code !== 'number') throw error; // a verdict's exit code is fine here, a crash is not
  });
  return [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))].sort();
}

describe('the bundle', () => {
  const dirs: string[] = [];
  after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('is what the bin runs, with no source map', () => {
    assert.match(readFileSync(bin, 'utf8'), /await import\('\.\.\/dist\/bundle\/cli\.js'\)/);
    for (const file of ['cli.js', 'keychain-helper.js'])
      assert.doesNotMatch(readFileSync(repoPath('dist', 'bundle', file), 'utf8'), /sourceMappingURL/, file);
  });

  it('imports no package up front: --help loads none, a run without a terminal no prompt library', async () => {
    // esbuild's own account of each bundle's imports from outside it (scripts/bundle.ts writes it).
    const outputs = JSON.parse(readFileSync(repoPath('dist', 'bundle-imports.json'), 'utf8')) as Record<
      string,
      { imports: { path: string; kind: string; external?: boolean }[] }
    >;
    const manifest = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    const declared = new Set(Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies }));
    assert.deepEqual(Object.keys(outputs).sort(), ['dist/bundle/cli.js', 'dist/bundle/keychain-helper.js']);
    for (const [file, { imports }] of Object.entries(outputs)) {
      const outside = imports.filter((i) => !i.path.startsWith('node:'));
      assert.deepEqual(
        outside.filter((i) => !i.external || !declared.has(i.path)),
        [],
        `${file}: only node: modules and the packages package.json declares stay outside`,
      );
      assert.deepEqual(
        outside.filter((i) => i.kind !== 'dynamic-import'),
        [],
        `${file}: packages are imported where they are needed, not on every start`,
      );
    }
    const dir = await mkdtemp(join(tmpdir(), 'pgw-bundle-'));
    dirs.push(dir);
    assert.deepEqual(await packagesLoaded(dir, ['--help']), []);
    const check = await packagesLoaded(dir, ['check', '--lang', 'ja']);
    assert.ok(check.includes('execa'), `check runs postconf through execa: ${check}`);
    for (const heavy of ['@clack/prompts', 'ejs', 'nodemailer'])
      assert.ok(!check.includes(heavy), `${heavy}: ${check}`);
  });

  it('holds a keychain helper that runs on its own and answers in JSON', async () => {
    const child = execFile(process.execPath, [repoPath('dist', 'bundle', 'keychain-helper.js')], {
      env: { PATH: process.env.PATH },
    });
    child.stdin!.end('{"op":"probe"}');
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 0);
    const answer = JSON.parse(out) as { ok: boolean; reason?: string };
    assert.equal(answer.ok, true);
    assert.equal(typeof answer.reason, 'string', 'no binding was given: it says why the keychain is not there');
  });
});
