// What npx runs is the packed tarball: pack it, install it into an empty
// folder (from npm's cache only — tests never reach beyond this machine),
// and run the installed command.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { repoPath } from '../support/paths.js';

const run = promisify(execFile);

describe('the packed tarball', () => {
  const dirs: string[] = [];
  after(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('holds what npx needs and nothing else, and its command runs', async () => {
    const out = await mkdtemp('/tmp/pgw-pack-');
    const empty = await mkdtemp('/tmp/pgw-npx-');
    dirs.push(out, empty);
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], { cwd: repoPath() });
    const [pack] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
    const files = pack!.files.map((f) => f.path);
    for (const needed of ['bin/postfix-gmail-wizard.js', 'dist/src/cli.js', 'templates/sasl_passwd.ejs', 'schema/outcome-v1.schema.json', 'package.json', 'README.md']) {
      assert.ok(files.includes(needed), needed);
    }
    assert.deepEqual(files.filter((f) => /^(test|src|dist\/test)\//.test(f) || f.endsWith('.map')), []);
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--prefix', empty, join(out, pack!.filename)], { cwd: empty });
    const bin = join(empty, 'node_modules', '.bin', 'postfix-gmail-wizard');
    const version = await run(bin, ['--version']);
    assert.equal(version.stdout.trim(), JSON.parse((await run('npm', ['pkg', 'get', 'version'], { cwd: repoPath() })).stdout));
    const help = await run(bin, ['--help']);
    assert.match(help.stdout, /^Usage: postfix-gmail-wizard \[setup\] \[options\]/);
  });
});
