// The originals' second names (transaction/aside.ts), on the fake System where a hard link is one shared
// entry: a replaced file comes back by rename (no write), its mode too; a file changed in place comes back
// from the backup's copy; nothing of the second names is left after a restore or a completed change.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asideName, detachBeforeRewrite, dropAsides } from '../../../src/transaction/aside.js';
import { createBackup, restoreBackup } from '../../../src/transaction/backup.js';
import { FakeSystem } from '../../support/fake-system.js';

const MAIN = '/etc/postfix/main.cf';
const DB = '/etc/postfix/sasl_passwd.db';

async function machine() {
  const sys = new FakeSystem();
  sys.put(MAIN, 'relayhost =\n', 0o644);
  sys.put(DB, 'compiled old', 0o644);
  const backup = await createBackup(sys, '/var/backups/pgw', [MAIN, DB, '/etc/postfix/gmail_generic'], 'setup', {
    aside: true,
  });
  return { sys, backup };
}

describe('a replaced file is put back by rename', () => {
  it('names it beside the file, hidden, after the backup', () => {
    assert.equal(asideName(MAIN, '20261207T220000000Z'), '/etc/postfix/.main.cf.pgw-20261207T220000000Z');
  });

  it('keeps a second name for each existing file, listed in the manifest', async () => {
    const { sys, backup } = await machine();
    assert.deepEqual(
      backup.entries.map((e) => [e.path, e.aside ?? false]),
      [
        [MAIN, true],
        [DB, true],
        ['/etc/postfix/gmail_generic', false],
      ],
    );
    assert.equal(sys.files.get(asideName(MAIN, backup.id)), sys.files.get(MAIN), 'one file, two names');
  });

  it('a replaced file and a chmod: renamed back, mode restored, no write at all', async () => {
    const { sys, backup } = await machine();
    await sys.writeFileAtomic(MAIN, 'relayhost = [smtp.gmail.com]:587\n', { mode: 0o644 });
    await sys.chmod(DB, 0o600);
    sys.put('/etc/postfix/gmail_generic', 'added', 0o644);
    const writes = sys.writes.length;
    await restoreBackup(sys, backup, { configDir: '/etc/postfix' });
    assert.equal(sys.writes.length, writes, 'nothing written: no space needed');
    assert.equal(sys.files.get(MAIN)?.content.toString(), 'relayhost =\n');
    assert.equal(sys.files.get(DB)?.mode, 0o644);
    assert.equal(sys.files.has('/etc/postfix/gmail_generic'), false);
    assert.deepEqual(
      [...sys.files.keys()].filter((p) => p.includes('.pgw-')),
      [],
    );
  });

  it('a file changed in place (its second name changed too): written back from the copy', async () => {
    const { sys, backup } = await machine();
    sys.files.get(DB)!.content = Buffer.from('compiled new'); // postmap rewrites its inode
    await restoreBackup(sys, backup, { configDir: '/etc/postfix' });
    assert.equal(sys.files.get(DB)?.content.toString(), 'compiled old');
    assert.ok(sys.writes.some((w) => w.path === DB));
  });

  it('detaching before postmap keeps the original under its second name; dropAsides takes the names away', async () => {
    const { sys, backup } = await machine();
    await detachBeforeRewrite(sys, backup.entries, [DB]);
    assert.equal(sys.files.has(DB), false);
    assert.equal(sys.files.get(asideName(DB, backup.id))?.content.toString(), 'compiled old');
    await dropAsides(sys, backup.entries, backup.id);
    assert.deepEqual(
      [...sys.files.keys()].filter((p) => p.includes('.pgw-')),
      [],
    );
  });
});
