// Backups (transaction/backup.ts): every touched file copied 0600 with its checksum, mode and owner;
// put back byte for byte, only after the whole backup checked; the newest kept; a manifest read only
// from a root no one else can change. Written with the fake System, and once on a real temp dir.
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { WizardError } from '../../../src/errors.js';
import { createRealSystem } from '../../../src/system/real-system.js';
import {
  backupId,
  createBackup,
  listBackups,
  nextBackupId,
  pruneBackups,
  readBackup,
  restoreBackup,
} from '../../../src/transaction/backup.js';
import { sha256 } from '../../../src/transaction/backup-check.js';
import { FakeSystem } from '../../support/fake-system.js';

const isCode = (code: string) => (error: unknown) => error instanceof WizardError && error.code === code;
const trust = { configDir: '/etc/postfix' };

function machine(): FakeSystem {
  const sys = new FakeSystem();
  sys.put('/etc/postfix/main.cf', 'relayhost =\n', 0o644);
  sys.put('/etc/postfix/sasl_passwd', '[smtp.gmail.com]:587 a@gmail.com:secretsecret\n', 0o600);
  sys.files.get('/etc/postfix/sasl_passwd')!.gid = 7;
  return sys;
}

describe('backupId', () => {
  it('is the UTC millisecond clock, sortable, without separators', () => {
    assert.equal(backupId(new Date('2026-11-28T09:00:00.123Z')), '20261128T090000123Z');
    assert.ok(backupId(new Date('2026-11-28T09:00:00.999Z')) < backupId(new Date('2026-11-28T09:00:01.000Z')));
  });
});

describe('createBackup', () => {
  it('copies each touched file 0600 with its mode, owner and checksum; a missing one is recorded as such', async () => {
    const sys = machine();
    const backup = await createBackup(
      sys,
      '/var/backups/pgw',
      ['/etc/postfix/main.cf', '/etc/postfix/sasl_passwd', '/etc/postfix/sasl_passwd.db', '/etc/postfix/main.cf'],
      'setup',
    );
    assert.equal(backup.id, '20261128T090000000Z');
    assert.equal(backup.dir, '/var/backups/pgw/20261128T090000000Z');
    assert.equal(backup.reason, 'setup');
    assert.deepEqual(
      backup.entries.map((e) => [e.path, e.existed, e.mode, e.gid]),
      [
        ['/etc/postfix/main.cf', true, 0o644, 0],
        ['/etc/postfix/sasl_passwd', true, 0o600, 7],
        ['/etc/postfix/sasl_passwd.db', false, undefined, undefined],
      ],
      'each path once',
    );
    for (const entry of backup.entries.filter((e) => e.existed)) {
      const copy = sys.files.get(`${backup.dir}/${entry.copy}`);
      assert.ok(copy, entry.path);
      assert.equal(copy.mode, 0o600, `${entry.copy} is root-only whatever the original mode`);
      assert.equal(entry.sha256, sha256(sys.files.get(entry.path)!.content));
      assert.deepEqual(copy.content, sys.files.get(entry.path)!.content);
    }
    assert.deepEqual(JSON.parse(sys.text(`${backup.dir}/manifest.json`)!), backup);
    assert.equal(sys.files.get(`${backup.dir}/manifest.json`)?.mode, 0o600);
    assert.ok(
      sys.writes.every((w) => w.mode === 0o600),
      'every write of the backup is an atomic one, 0600',
    );
  });

  it('refuses an executable or setuid file (a rollback could not put it back) and names it', async () => {
    const sys = machine();
    sys.put('/etc/postfix/post-install', '#!/bin/sh\n', 0o755);
    await assert.rejects(
      createBackup(sys, '/var/backups/pgw', ['/etc/postfix/post-install'], 'setup'),
      /\/etc\/postfix\/post-install has mode 755/,
    );
  });
});

describe('restoreBackup', () => {
  it('puts every file back byte for byte with its mode and owner, and removes what did not exist', async () => {
    const sys = machine();
    const before = new Map([...sys.files].map(([path, f]) => [path, { ...f }]));
    const backup = await createBackup(
      sys,
      '/var/backups/pgw',
      ['/etc/postfix/main.cf', '/etc/postfix/sasl_passwd', '/etc/postfix/sasl_passwd.db'],
      'setup',
    );
    sys.put('/etc/postfix/main.cf', 'relayhost = [smtp.gmail.com]:587\n', 0o600);
    sys.put('/etc/postfix/sasl_passwd', 'changed\n', 0o644);
    sys.put('/etc/postfix/sasl_passwd.db', 'compiled', 0o600);
    await restoreBackup(sys, backup, trust);
    for (const path of ['/etc/postfix/main.cf', '/etc/postfix/sasl_passwd']) {
      const now = sys.files.get(path)!;
      const was = before.get(path)!;
      assert.deepEqual(
        [now.content.toString(), now.mode, now.uid, now.gid],
        [was.content.toString(), was.mode, was.uid, was.gid],
        path,
      );
    }
    assert.equal(sys.files.has('/etc/postfix/sasl_passwd.db'), false);
  });

  it('a copy that no longer matches its checksum: refused before anything is written', async () => {
    const sys = machine();
    const backup = await createBackup(
      sys,
      '/var/backups/pgw',
      ['/etc/postfix/main.cf', '/etc/postfix/sasl_passwd'],
      'setup',
    );
    sys.put('/etc/postfix/main.cf', 'now\n');
    sys.put(`${backup.dir}/${backup.entries[1]!.copy}`, 'tampered\n', 0o600);
    const writes = sys.writes.length;
    await assert.rejects(restoreBackup(sys, backup, trust), isCode('backup-damaged'));
    assert.equal(sys.writes.length, writes);
    assert.equal(sys.text('/etc/postfix/main.cf'), 'now\n', 'main.cf (checked fine) was not put back either');
  });

  it('a manifest naming a file the wizard does not write is refused', async () => {
    const sys = machine();
    sys.put('/etc/shadow', 'root:x:\n', 0o640);
    const backup = await createBackup(sys, '/var/backups/pgw', ['/etc/shadow'], 'planted');
    sys.on('postconf', () => ({ exitCode: 0, stdout: '', stderr: '' }));
    await assert.rejects(restoreBackup(sys, backup, trust), isCode('backup-unmanaged-path'));
  });
});

describe('listing and pruning backups', () => {
  it('lists backups by id, leaving out what is not one (a stray folder, a torn manifest)', async () => {
    const sys = machine();
    const first = await createBackup(sys, '/var/backups/pgw', ['/etc/postfix/main.cf'], 'setup');
    sys.clock += 1000;
    const second = await createBackup(sys, '/var/backups/pgw', ['/etc/postfix/main.cf'], 'remove');
    sys.put('/var/backups/pgw/notes/manifest.json', '{}');
    sys.put('/var/backups/pgw/20260101T000000000Z/manifest.json', '{"entries": [');
    assert.deepEqual(
      (await listBackups(sys, '/var/backups/pgw')).map((b) => [b.id, b.reason]),
      [
        [first.id, 'setup'],
        [second.id, 'remove'],
      ],
    );
    assert.equal((await readBackup(sys, '/var/backups/pgw', second.id))?.dir, second.dir);
    assert.equal(await readBackup(sys, '/var/backups/pgw', '../etc'), undefined);
  });

  it('a backup root another user could change: nothing in it is read', async () => {
    const sys = machine();
    await createBackup(sys, '/var/backups/pgw', ['/etc/postfix/main.cf'], 'setup');
    sys.unsafeDirs.set('/var/backups', 'writable');
    await assert.rejects(listBackups(sys, '/var/backups/pgw'), isCode('unsafe-path'));
    await assert.rejects(readBackup(sys, '/var/backups/pgw', '20261128T090000000Z'), isCode('unsafe-path'));
  });

  it('keeps the newest, deletes the older ones, and leaves other names alone', async () => {
    const sys = machine();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push((await createBackup(sys, '/var/backups/pgw', ['/etc/postfix/main.cf'], 'setup')).id);
      sys.clock += 1000;
    }
    sys.put('/var/backups/pgw/README', 'mine');
    assert.deepEqual(await pruneBackups(sys, '/var/backups/pgw', 2), ids.slice(0, 2));
    assert.deepEqual(await sys.listDir('/var/backups/pgw'), [...ids.slice(2), 'README']);
  });
});

describe('a backup on a real file system (temp dir)', () => {
  it('the backup dir and copies are root-only, no temp file is left, and restore puts the bytes and mode back', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pgw-backup-'));
    const sys = createRealSystem();
    const configDir = join(root, 'etc', 'postfix');
    const mainCf = join(configDir, 'main.cf');
    try {
      await mkdir(configDir, { recursive: true });
      await writeFile(mainCf, 'relayhost =\n', { mode: 0o640 });
      const backup = await createBackup(sys, join(root, 'backups'), [mainCf, join(configDir, 'sasl_passwd')], 'setup');
      assert.equal((await stat(backup.dir)).mode & 0o777, 0o700);
      assert.deepEqual(
        (await readdir(backup.dir)).sort(),
        ['0-main.cf', 'manifest.json'],
        'no temp file left beside the copies',
      );
      assert.equal((await stat(join(backup.dir, '0-main.cf'))).mode & 0o777, 0o600);
      await writeFile(mainCf, 'relayhost = [smtp.gmail.com]:587\n', { mode: 0o600 });
      await writeFile(join(configDir, 'sasl_passwd'), 'x y:z\n', { mode: 0o600 });
      await restoreBackup(sys, backup, { configDir });
      assert.equal(await readFile(mainCf, 'utf8'), 'relayhost =\n');
      assert.equal((await stat(mainCf)).mode & 0o777, 0o640);
      await assert.rejects(stat(join(configDir, 'sasl_passwd')), /ENOENT/);
      assert.deepEqual((await readdir(configDir)).sort(), ['main.cf'], 'no temp file left beside main.cf');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

// Checkpoint ids never collide and always sort after every older backup, so two runs in one
// millisecond, or a clock set back, cannot reuse a folder or get the newest pruned.
const idRoot = '/var/backups/postfix-gmail-wizard';

describe('transaction/backup: checkpoint ids', () => {
  it("is the clock's millisecond when nothing is newer", async () => {
    const sys = new FakeSystem();
    assert.equal(await nextBackupId(sys, idRoot), backupId(sys.now()));
    assert.equal(backupId(new Date('2026-11-28T09:00:00.123Z')), '20261128T090000123Z');
  });

  it('two backups in the same millisecond get two folders, in order', async () => {
    const sys = new FakeSystem({ '/etc/postfix/main.cf': 'relayhost =\n' });
    const stopped = new Date(sys.clock);
    sys.now = () => stopped; // a clock that does not move between the two runs
    const first = await createBackup(sys, idRoot, ['/etc/postfix/main.cf'], 'one');
    const second = await createBackup(sys, idRoot, ['/etc/postfix/main.cf'], 'two');
    assert.notEqual(first.id, second.id);
    assert.ok(second.id > first.id, `${second.id} sorts after ${first.id}`);
    assert.deepEqual([first.id, second.id], [backupId(stopped), backupId(new Date(stopped.getTime() + 1))]);
  });

  it('a clock set back still sorts the new backup last, so pruning keeps it', async () => {
    const sys = new FakeSystem({ '/etc/postfix/main.cf': 'relayhost =\n' });
    const first = await createBackup(sys, idRoot, ['/etc/postfix/main.cf'], 'before');
    sys.clock -= 3_600_000;
    const second = await createBackup(sys, idRoot, ['/etc/postfix/main.cf'], 'after the clock went back');
    assert.ok(second.id > first.id);
    await pruneBackups(sys, idRoot, 1);
    assert.deepEqual(await sys.listDir(idRoot), [second.id]);
  });
});
