// writeFileNoFollow: the folder walked one name at a time; root's links followed (absolute, relative,
// with ..), another user's refused; the file renamed into place whole, no temp file left.
import assert from 'node:assert/strict';
import { lchown, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeFileNoFollow } from '../../../src/system/no-follow-write.js';

const root = process.getuid?.() === 0;

describe('writeFileNoFollow', { skip: process.platform === 'linux' ? false : 'needs /proc/self/fd' }, () => {
  let base: string;
  before(async () => {
    base = await mkdtemp('/tmp/pgw-no-follow-');
    await mkdir(join(base, 'a', 'real'), { recursive: true });
  });
  after(async () => rm(base, { recursive: true, force: true }));

  it('writes the file with its mode, and nothing else beside it', async () => {
    const path = join(base, 'a', 'real', 'm.prom');
    assert.equal(await writeFileNoFollow(path, 'x 1\n', 0o644), true);
    assert.equal(await readFile(path, 'utf8'), 'x 1\n');
    assert.equal((await stat(path)).mode & 0o777, 0o644);
    assert.deepEqual(await readdir(join(base, 'a', 'real')), ['m.prom']);
  });

  it("follows root's own links: absolute, and relative with ..", async () => {
    await symlink(join(base, 'a', 'real'), join(base, 'abs'));
    await symlink('../a/./real', join(base, 'a', 'rel'));
    await writeFileNoFollow(join(base, 'abs', 'one'), '1', 0o600);
    await writeFileNoFollow(join(base, 'a', 'rel', 'two'), '2', 0o600);
    assert.deepEqual((await readdir(join(base, 'a', 'real'))).sort(), ['m.prom', 'one', 'two']);
  });

  it("refuses another user's link on the way, and writes nothing where it points", {
    skip: !root && 'needs root',
  }, async () => {
    const theirs = join(base, 'theirs');
    await symlink(join(base, 'a', 'real'), theirs);
    await lchown(theirs, 65534, 65534);
    await assert.rejects(writeFileNoFollow(join(theirs, 'three'), '3', 0o644), /symlink of another user/);
    assert.ok(!(await readdir(join(base, 'a', 'real'))).includes('three'));
  });
});
