// Children run with a known environment (issue 11, item 11): the real System's exec and
// execLogged, with a canary variable in the wizard's environment and a `postconf` planted in the
// first directory of its PATH. The child must see neither: not the variable, not the planted program.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createRealSystem } from '../../../src/system/real-system.js';

const CANARY = 'PGW_SECRET_CANARY';
const canaryValue = 'canary-7f3a9c1e';

describe('children run with a known environment', () => {
  let dir: string;
  let marker: string;
  const saved = { path: process.env.PATH, canary: process.env[CANARY] };

  before(async () => {
    dir = await mkdtemp('/tmp/pgw-child-env-');
    marker = join(dir, 'planted-postconf-ran');
    for (const name of ['postconf', 'env']) {
      await writeFile(join(dir, name), `#!/bin/sh\ntouch ${marker}\necho planted\n`);
      await chmod(join(dir, name), 0o755);
    }
    process.env.PATH = `${dir}:${saved.path ?? ''}`;
    process.env[CANARY] = canaryValue;
  });
  after(async () => {
    process.env.PATH = saved.path;
    if (saved.canary === undefined) delete process.env[CANARY];
    else process.env[CANARY] = saved.canary;
    await rm(dir, { recursive: true, force: true });
  });

  it("exec: the child sees none of the wizard's variables, a fixed system PATH and LC_ALL=C", async () => {
    const result = await createRealSystem().exec('env', [], { env: { EXTRA: 'asked-for', PATH: dir } });
    assert.equal(result.exitCode, 0, result.stderr);
    const seen = Object.fromEntries(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    assert.deepEqual(seen, { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C', EXTRA: 'asked-for' });
    assert.ok(!result.stdout.includes(canaryValue));
    assert.equal(existsSync(marker), false, 'the planted env did not run');
  });

  it("exec: a postconf planted first in PATH is not run; Postfix's own is", async () => {
    const result = await createRealSystem().exec('postconf', ['-d', 'mail_version']);
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /^mail_version = \d+\.\d+/);
    assert.equal(existsSync(marker), false, 'the planted postconf did not run');
  });

  it('execLogged (package installs): no canary either, and the same fixed PATH', async () => {
    const logPath = join(dir, 'logs', 'install.log');
    const result = await createRealSystem().execLogged('env', [], {
      logPath,
      env: { DEBIAN_FRONTEND: 'noninteractive' },
    });
    assert.equal(result.exitCode, 0);
    const log = await readFile(logPath, 'utf8');
    assert.match(log, /^PATH=\/usr\/sbin:\/usr\/bin:\/sbin:\/bin$/m);
    assert.match(log, /^DEBIAN_FRONTEND=noninteractive$/m);
    assert.ok(!log.includes(canaryValue), log);
    assert.equal(existsSync(marker), false);
  });
});
