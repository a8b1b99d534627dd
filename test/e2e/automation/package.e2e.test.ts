// What npx runs is the packed tarball: pack it, install it into an empty
// folder the way npx does — resolving its dependency ranges against a
// registry, here one on loopback holding what the lockfile resolved
// (test/support/local-registry.ts), with an empty npm cache of its own, so
// neither the network nor this machine's cache decides the outcome — and run
// the installed command.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startLocalRegistry, type LocalRegistry } from '../../support/local-registry.js';
import { repoPath } from '../../support/paths.js';

const run = promisify(execFile);
// npm run passes its own settings (cache, registry, …) down as npm_config_*: none of them here.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));

describe('the packed tarball', () => {
  const dirs: string[] = [];
  let registry: LocalRegistry | undefined;
  after(async () => {
    await registry?.close();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('holds what npx needs and nothing else, and its command runs', async () => {
    const out = await mkdtemp('/tmp/pgw-pack-');
    const empty = await mkdtemp('/tmp/pgw-npx-');
    dirs.push(out, empty);
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], {
      cwd: repoPath(),
      env,
    });
    const [pack] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
    const files = pack!.files.map((f) => f.path);
    for (const needed of [
      'bin/postfix-gmail-wizard.js',
      'dist/src/cli.js',
      'templates/sasl_passwd.ejs',
      'schema/outcome-v1.schema.json',
      'package.json',
      'README.md',
    ]) {
      assert.ok(files.includes(needed), needed);
    }
    assert.deepEqual(
      files.filter((f) => /^(test|src|dist\/test)\//.test(f) || f.endsWith('.map')),
      [],
    );

    registry = await startLocalRegistry(repoPath(), out);
    const npmrc = join(out, 'npmrc');
    await writeFile(npmrc, '');
    await run(
      'npm',
      [
        'install',
        '--registry',
        registry.url,
        '--cache',
        join(out, 'cache'),
        '--userconfig',
        npmrc,
        '--no-audit',
        '--no-fund',
        '--prefix',
        empty,
        join(out, pack!.filename),
      ],
      { cwd: empty, env },
    );
    const installed = join(empty, 'node_modules', 'postfix-gmail-wizard');
    const manifest = JSON.parse(await readFile(repoPath('package.json'), 'utf8')) as {
      version: string;
      dependencies: Record<string, string>;
    };
    for (const dependency of Object.keys(manifest.dependencies)) {
      assert.ok(registry.requested.includes(dependency), `${dependency} was resolved through the registry`);
      // Loaded from where the installed package would load it.
      await run(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(dependency)})`], {
        cwd: installed,
      });
    }
    assert.ok(
      existsSync(join(empty, 'node_modules', '@napi-rs', 'keyring')),
      'the optional keychain binding is installed on this platform',
    );
    // Every module of the installed package loads (an import of a package the manifest does not declare would fail here).
    // cli.js and keychain-helper.js are programs (they run, and the helper waits for a request on stdin).
    const programs = ['dist/src/cli.js', 'dist/src/system/keychain-helper.js'];
    const modules = files
      .filter((f) => /^dist\/src\/.*\.js$/.test(f) && !programs.includes(f))
      .map((f) => join(installed, f));
    await run(
      process.execPath,
      ['--input-type=module', '-e', `for (const m of ${JSON.stringify(modules)}) await import(m); process.exit(0);`],
      { cwd: installed },
    );

    const bin = join(empty, 'node_modules', '.bin', 'postfix-gmail-wizard');
    const version = await run(bin, ['--version']);
    assert.equal(version.stdout.trim(), manifest.version);
    const help = await run(bin, ['--help']);
    assert.match(help.stdout, /^Usage: postfix-gmail-wizard \[setup\] \[options\]/);

    // A global install links the man page where man looks: `man postfix-gmail-wizard` works.
    const global = await mkdtemp('/tmp/pgw-global-');
    dirs.push(global);
    await run(
      'npm',
      [
        'install',
        '--global',
        '--prefix',
        global,
        '--registry',
        registry.url,
        '--cache',
        join(out, 'cache'),
        '--userconfig',
        npmrc,
        '--no-audit',
        '--no-fund',
        join(out, pack!.filename),
      ],
      { cwd: global, env },
    );
    const page = await run('man', ['-P', 'cat', 'postfix-gmail-wizard'], {
      env: { ...env, MANPATH: join(global, 'share', 'man'), MANWIDTH: '80' },
    });
    assert.match(page.stdout, /^POSTFIX-GMAIL-WIZARD\(1\)/);
    assert.match(page.stdout, /COMMAND: STATUS/);
  });
});
