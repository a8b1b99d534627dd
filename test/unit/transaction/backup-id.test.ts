// Checkpoint ids (transaction/backup.ts): they never collide and always sort after every older backup,
// so two runs in one millisecond, or a clock set back, cannot reuse a folder or get the newest pruned.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backupId, createBackup, nextBackupId, pruneBackups } from '../../../src/transaction/backup.js';
import { FakeSystem } from '../../support/fake-system.js';

const root = '/var/backups/postfix-gmail-wizard';

describe('transaction/backup: checkpoint ids', () => {
  it('is the clock\'s millisecond when nothing is newer', async () => {
    const sys = new FakeSystem();
    assert.equal(await nextBackupId(sys, root), backupId(sys.now()));
    assert.equal(backupId(new Date('2026-11-28T09:00:00.123Z')), '20261128T090000123Z');
  });

  it('two backups in the same millisecond get two folders, in order', async () => {
    const sys = new FakeSystem({ '/etc/postfix/main.cf': 'relayhost =\n' });
    const stopped = new Date(sys.clock);
    sys.now = () => stopped; // a clock that does not move between the two runs
    const first = await createBackup(sys, root, ['/etc/postfix/main.cf'], 'one');
    const second = await createBackup(sys, root, ['/etc/postfix/main.cf'], 'two');
    assert.notEqual(first.id, second.id);
    assert.ok(second.id > first.id, `${second.id} sorts after ${first.id}`);
    assert.deepEqual([first.id, second.id], [backupId(stopped), backupId(new Date(stopped.getTime() + 1))]);
  });

  it('a clock set back still sorts the new backup last, so pruning keeps it', async () => {
    const sys = new FakeSystem({ '/etc/postfix/main.cf': 'relayhost =\n' });
    const first = await createBackup(sys, root, ['/etc/postfix/main.cf'], 'before');
    sys.clock -= 3_600_000;
    const second = await createBackup(sys, root, ['/etc/postfix/main.cf'], 'after the clock went back');
    assert.ok(second.id > first.id);
    await pruneBackups(sys, root, 1);
    assert.deepEqual(await sys.listDir(root), [second.id]);
  });
});
