// What `npm pack` puts in the package (what npx downloads): the program (bundled: dist/bundle/),
// its templates, schema, man page, README and LICENSE — never a test, a test's build, the
// TypeScript sources, the unbundled modules (dist/src) or a source map — and the
// manifest fields a registry shows (license as LICENSE says, repository, bugs, homepage, man).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { repoPath } from '../../support/paths.js';

// npm run passes its own settings down as npm_config_*: none of them here.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));

describe('the package', () => {
  it('holds LICENSE, the man page and the program, and no test or source', () => {
    const [pack] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: repoPath(),
        encoding: 'utf8',
        env,
      }),
    ) as { files: { path: string }[] }[];
    const files = pack!.files.map((f) => f.path);
    for (const needed of [
      'LICENSE',
      'README.md',
      'package.json',
      'dist/man/postfix-gmail-wizard.1',
      'bin/postfix-gmail-wizard.js',
      'dist/bundle/cli.js',
      'dist/bundle/keychain-helper.js',
      'schema/outcome-v1.schema.json',
      'templates/sasl_passwd.ejs',
    ])
      assert.ok(files.includes(needed), needed);
    const stray = files.filter(
      (f) =>
        /^(test|src|scripts|docs|dist\/test|dist\/scripts|dist\/src)\//.test(f) ||
        /\.(map|ts)$/.test(f) ||
        /\.test\.js$/.test(f),
    );
    assert.deepEqual(stray, []);
  });

  it('builds when packed and runs nothing when installed', () => {
    // The tarball holds the built program; a prepare (or any install script) would make npm 11 ask
    // whoever installs a tarball or git checkout to allow it (allowScripts), for nothing to build.
    const { scripts } = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    assert.equal(scripts.prepack, 'npm run build');
    for (const installTime of ['preinstall', 'install', 'postinstall', 'prepare'])
      assert.equal(scripts[installTime], undefined, installTime);
  });

  it("says where it comes from, and its license is LICENSE's", () => {
    const manifest = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as Record<string, unknown>;
    const home = 'https://github.com/postfix-gmail-wizard/postfix-gmail-wizard';
    assert.equal(manifest.license, 'MIT');
    assert.match(readFileSync(repoPath('LICENSE'), 'utf8'), /^MIT License\n/);
    assert.deepEqual(manifest.repository, { type: 'git', url: `git+${home}.git` });
    assert.deepEqual(manifest.bugs, { url: `${home}/issues` });
    assert.equal(manifest.homepage, `${home}#readme`);
    // An array: npm links a man field only in that form (bin-links' linkMans), not a lone string.
    assert.deepEqual(manifest.man, ['./dist/man/postfix-gmail-wizard.1']);
  });
});
