// chmodNoFollow: root's chmod goes through the file's descriptor, never through another user's link.
import assert from 'node:assert/strict';
import { chmod, lchown, mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chmodNoFollow } from '../../../src/system/safe-chmod.js';

const root = process.getuid?.() === 0;

describe('chmodNoFollow', () => {
  let dir: string;
  let file: string;
  before(async () => {
    dir = await mkdtemp('/tmp/pgw-safe-chmod-');
    file = join(dir, 'file');
    await writeFile(file, 'x');
    await chmod(file, 0o644);
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('changes a regular file, and follows its own link in a folder nobody else can change', async () => {
    await chmodNoFollow(file, 0o600);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    const link = join(dir, 'own-link');
    await symlink(file, link);
    await chmodNoFollow(link, 0o640);
    assert.equal((await stat(file)).mode & 0o777, 0o640);
  });

  it('refuses a link in a folder others may write, and leaves what it leads to alone', async () => {
    const open = join(dir, 'open');
    await mkdir(open);
    await chmod(open, 0o777);
    const link = join(open, 'link');
    await symlink(file, link);
    await assert.rejects(chmodNoFollow(link, 0o600), /another user can change/);
    assert.equal((await stat(file)).mode & 0o777, 0o640);
  });

  it('refuses a link another user owns', { skip: root ? false : 'needs root (lchown)' }, async () => {
    const link = join(dir, 'their-link');
    await symlink(file, link);
    await lchown(link, 65534, 65534);
    await assert.rejects(chmodNoFollow(link, 0o600), /symlink of another user/);
    assert.equal((await stat(file)).mode & 0o777, 0o640);
  });

  it('refuses a FIFO at once (no wait for a writer)', async () => {
    const { execFileSync } = await import('node:child_process');
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    await assert.rejects(chmodNoFollow(fifo, 0o600), /not a regular file/);
  });
});
