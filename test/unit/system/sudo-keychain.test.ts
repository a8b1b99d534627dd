// Under sudo: whose keychain, and whether that user can read the keychain helper.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readableBy, sudoUser } from '../../../src/system/sudo-keychain.js';

describe('sudo: whose keychain, and can they read the helper', () => {
  it('takes SUDO_USER, SUDO_UID and SUDO_GID; never root', () => {
    assert.deepEqual(sudoUser({ SUDO_USER: 'alice', SUDO_UID: '1000', SUDO_GID: '1000' }), {
      name: 'alice',
      uid: 1000,
      gid: 1000,
    });
    assert.equal(sudoUser({ SUDO_USER: 'root', SUDO_UID: '0', SUDO_GID: '0' }), undefined);
    assert.equal(sudoUser({ SUDO_USER: 'alice' }), undefined);
    assert.equal(sudoUser({}), undefined);
  });
  it('readableBy follows owner, group and other bits along the whole path', async () => {
    const dir = await mkdtemp('/tmp/pgw-readable-');
    try {
      await chmod(dir, 0o755);
      await mkdir(join(dir, 'closed'), { mode: 0o700 });
      await writeFile(join(dir, 'open.js'), 'x', { mode: 0o644 });
      await writeFile(join(dir, 'closed', 'inner.js'), 'x', { mode: 0o644 });
      await writeFile(join(dir, 'private.js'), 'x', { mode: 0o600 });
      const someone = { uid: 4242, gid: 4242 };
      assert.equal(await readableBy(join(dir, 'open.js'), someone), true);
      assert.equal(await readableBy(join(dir, 'closed', 'inner.js'), someone), false);
      assert.equal(await readableBy(join(dir, 'private.js'), someone), false);
      assert.equal(await readableBy(join(dir, 'missing.js'), someone), false);
      if (process.getuid?.() === 0) assert.equal(await readableBy(join(dir, 'private.js'), { uid: 0, gid: 0 }), true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
