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
      'dist/bundle/cli.js',
      'dist/bundle/keychain-helper.js',
      'templates/sasl_passwd.ejs',
      'schema/outcome-v1.schema.json',
      'package.json',
      'README.md',
    ]) {
      assert.ok(files.includes(needed), needed);
    }
    assert.deepEqual(
      files.filter((f) => /^(test|src|dist\/test|dist\/src)\//.test(f) || f.endsWith('.map')),
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
    // The bundle's one other program, the keychain helper, runs from the install and loads what it
    // needs of ours from its own file (a missing module would fail it before it answers).
    const helper = await new Promise<string>((resolve, reject) => {
      const child = execFile(
        process.execPath,
        [join(installed, 'dist', 'bundle', 'keychain-helper.js')],
        (error, out) => (error ? reject(error) : resolve(out)),
      );
      child.stdin!.end('{"op":"probe"}');
    });
    assert.equal((JSON.parse(helper) as { ok: boolean }).ok, true, helper);

    const bin = join(empty, 'node_modules', '.bin', 'postfix-gmail-wizard');
    const version = await run(bin, ['--version']);
    assert.equal(version.stdout.trim(), manifest.version);
    const help = await run(bin, ['--help']);
    assert.match(help.stdout, /^Usage: postfix-gmail-wizard \[setup\] \[options\]/);
    // A command past the flags: the bundle's lazily loaded parts and execa, from the install.
    const status = await run(bin, ['status', '--json']).catch((error: { stdout?: string }) => error);
    assert.equal((JSON.parse(status.stdout ?? '') as { command: string }).command, 'status');

    // A global install links the man page where man looks: `man postfix-gmail-wizard` works.
    const global = await mkdtemp('/tmp/pgw-global-');
    dirs.push(global);
    const globalInstall = await run(
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
    // Nothing to build or run at install: the manifest names no install-time script, so npm (11's
    // allowScripts) asks nobody to allow one — a `prepare` would be listed for a tarball or git source.
    assert.doesNotMatch(globalInstall.stderr, /install-scripts|allowScripts/, globalInstall.stderr);
    const page = await run('man', ['-P', 'cat', 'postfix-gmail-wizard'], {
      env: { ...env, MANPATH: join(global, 'share', 'man'), MANWIDTH: '80' },
    });
    assert.match(page.stdout, /^POSTFIX-GMAIL-WIZARD\(1\)/);
    assert.match(page.stdout, /COMMAND: STATUS/);
  });
});
