// readSecretFile's warning: a password file that users other than root (and the person who ran sudo)
// may read — everyone, or the members of a group that is neither root's nor that person's own.
import assert from 'node:assert/strict';
import { chmod, chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readSecretFile } from '../../../src/system/secret-file.js';

const USERS_GID = 100; // Debian's "users" group: every person's account may be in it

describe('readSecretFile: who else may read the password', {
  skip: process.getuid?.() !== 0 && 'needs root (chown)',
}, () => {
  let dir: string;
  let file: string;
  before(async () => {
    dir = await mkdtemp('/tmp/pgw-secret-file-');
    file = join(dir, 'pw');
    await writeFile(file, 'abcdefghijklmnop\n');
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  const read = async (mode: number, gid: number) => {
    await chown(file, 0, gid);
    await chmod(file, mode);
    return readSecretFile(file, [0], [0]);
  };

  it('0600, and 0640 with root as the group: nobody else', async () => {
    assert.equal((await read(0o600, USERS_GID)).othersMayRead, false);
    assert.equal((await read(0o640, 0)).othersMayRead, false);
  });

  it('0644: everyone', async () => {
    assert.equal((await read(0o644, 0)).othersMayRead, true);
  });

  it('0640 with a shared group (users): its members may read it', async () => {
    const file = await read(0o640, USERS_GID);
    assert.equal(file.text, 'abcdefghijklmnop\n');
    assert.equal(file.othersMayRead, true);
  });
});
