// What a backup may put back, against the recording fake (issue 11, item 8):
// only the files the wizard writes (not any file of the config dir), never
// an executable mode, and the same checks on every road to restoreBackup —
// `restore`, and the crash recovery that follows a journal.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { checkBackup } from '../../../src/transaction/backup-check.js';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { runCli } from '../../support/run-cli.js';
import { isManagedPath } from '../../../src/transaction/backup-check.js';

const stateDir = '/var/lib/postfix-gmail-wizard';
const backupRoot = '/var/backups/postfix-gmail-wizard';
const id = '20261128T085900000Z';
const sha = (text: string) => createHash('sha256').update(Buffer.from(text)).digest('hex');

interface Planted {
  path: string;
  content?: string;
  mode?: number;
}

/** A backup as a manifest on disk would describe it (absent content: the file did not exist). */
function plantBackup(
  sys: FakeSystem,
  files: Planted[],
  root = backupRoot,
): { id: string; dir: string; entries: Record<string, unknown>[] } {
  const dir = `${root}/${id}`;
  const entries = files.map((f, index) => {
    if (f.content === undefined) return { path: f.path, existed: false };
    const copy = `${index}-${f.path.split('/').pop()}`;
    sys.put(`${dir}/${copy}`, f.content, 0o600);
    return { path: f.path, existed: true, mode: f.mode ?? 0o644, uid: 0, gid: 0, sha256: sha(f.content), copy };
  });
  const backup = { id, dir, createdAt: '2026-11-28T08:59:00.000Z', reason: 'setup', entries };
  sys.put(`${dir}/manifest.json`, JSON.stringify(backup), 0o600);
  return backup;
}

function leaveJournal(sys: FakeSystem, backupDir: string): void {
  const journal = {
    backupId: id,
    backupDir,
    configDir: '/etc/postfix',
    reload: { file: 'postfix', args: ['reload'] },
    planned: 4,
    startedAt: '2026-11-28T08:59:00.000Z',
    steps: [{ name: 'a', state: 'started' }],
  };
  sys.put(`${stateDir}/journal.json`, JSON.stringify(journal), 0o600);
}

function machine(): FakeSystem {
  const sys = new FakeSystem();
  installFakePostfix(sys);
  return sys;
}

describe('a backup puts back only the files the wizard writes', () => {
  it('its own files, their compiled forms and the maps main.cf names are accepted', async () => {
    const sys = machine();
    const mainCf =
      'smtp_sasl_password_maps = hash:$config_directory/saslpass\nsmtp_tls_policy_maps = lmdb:/etc/postfix/tls_policy\n';
    const backup = plantBackup(sys, [
      { path: '/etc/postfix/main.cf', content: mainCf },
      { path: '/etc/postfix/master.cf', content: 'smtp inet n - y - - smtpd\n' },
      { path: '/etc/postfix/sasl_passwd', content: 'x', mode: 0o600 },
      { path: '/etc/postfix/sasl_passwd.lmdb', content: 'x', mode: 0o600 },
      { path: '/etc/postfix/gmail_generic', content: 'x' },
      { path: '/etc/postfix/gmail_generic.db' },
      { path: '/etc/postfix/postfix-gmail-wizard.saved', content: 'x' },
      { path: '/etc/postfix/saslpass', content: 'x', mode: 0o640 },
      { path: '/etc/postfix/saslpass.db', content: 'x', mode: 0o640 },
      { path: '/etc/postfix/tls_policy', content: 'x' },
      { path: '/etc/postfix/tls_policy.lmdb', content: 'x' },
      { path: '/etc/aliases', content: 'root: me\n' },
      { path: '/etc/aliases.db', content: 'x' },
    ]);
    const { problem } = await checkBackup(sys, backup as never, { configDir: '/etc/postfix' });
    assert.equal(problem, undefined);
  });

  for (const [what, file] of [
    [
      'a post-install script in the config dir',
      { path: '/etc/postfix/post-install', content: '#!/bin/sh\nchmod 4755 /bin/sh\n', mode: 0o644 },
    ],
    [
      "a file the backup's main.cf names outside the config dir",
      { path: '/etc/cron.d/evil', content: '* * * * * root id\n' },
    ],
    ["a file that is not a map of the wizard's", { path: '/etc/postfix/dynamicmaps.cf', content: 'x' }],
  ] as const) {
    it(`refuses ${what}`, async () => {
      const sys = machine();
      const mainCf = 'smtp_tls_policy_maps = hash:/etc/cron.d/evil\n';
      const backup = plantBackup(sys, [{ path: '/etc/postfix/main.cf', content: mainCf }, file]);
      const { problem } = await checkBackup(sys, backup as never, { configDir: '/etc/postfix' });
      assert.deepEqual(problem, { code: 'unmanaged-path', path: file.path });
    });
  }

  it('refuses an x bit (and setuid/setgid) on any file, and restore says so before writing anything', async () => {
    const sys = machine();
    const before = sys.text('/etc/postfix/main.cf');
    for (const mode of [0o755, 0o744, 0o654, 0o645]) {
      const backup = plantBackup(sys, [
        { path: '/etc/postfix/main.cf', content: 'relayhost = [evil.example]:587\n', mode },
      ]);
      const { problem } = await checkBackup(sys, backup as never, { configDir: '/etc/postfix' });
      assert.deepEqual(problem, { code: 'executable', path: '/etc/postfix/main.cf', mode }, mode.toString(8));
    }
    const run = await runCli(sys, ['restore', id, '--yes', '--json']);
    assert.equal(run.exit, 1, run.stderr);
    assert.equal(run.json?.error?.code, 'backup-executable');
    assert.equal(sys.text('/etc/postfix/main.cf'), before);
  });
});

describe('crash recovery checks the backup as restore does', () => {
  it('a journal whose backup names /etc/shadow: refused, /etc/shadow untouched', async () => {
    const sys = machine();
    sys.put('/etc/shadow', 'root:$y$hash:1::::::\n', 0o640);
    plantBackup(sys, [
      { path: '/etc/postfix/main.cf', content: 'myhostname = old.example\n' },
      { path: '/etc/shadow', content: 'root::0:0:99999:7:::\n', mode: 0o640 },
    ]);
    leaveJournal(sys, `${backupRoot}/${id}`);
    const run = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(run.exit, 1, run.stderr);
    assert.equal(run.json?.error?.code, 'backup-unmanaged-path');
    assert.equal(sys.text('/etc/shadow'), 'root:$y$hash:1::::::\n');
    assert.notEqual(sys.text('/etc/postfix/main.cf'), 'myhostname = old.example\n', 'nothing was written');
  });

  it('a journal pointing at a backup outside the backup folder is not followed', async () => {
    const sys = machine();
    plantBackup(sys, [{ path: '/etc/postfix/main.cf', content: 'relayhost = [evil.example]:587\n' }], '/tmp/elsewhere');
    leaveJournal(sys, `/tmp/elsewhere/${id}`);
    const run = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(run.exit, 1, run.stderr);
    assert.equal(run.json?.error?.code, 'unsafe-path');
    assert.match(run.json?.error?.message ?? '', /\/tmp\/elsewhere/);
    assert.doesNotMatch(sys.text('/etc/postfix/main.cf') ?? '', /evil/);
  });

  it('a journal inside the backup folder still rolls back', async () => {
    const sys = machine();
    plantBackup(sys, [
      { path: '/etc/postfix/main.cf', content: 'myhostname = old.example\n' },
      { path: '/etc/postfix/sasl_passwd' },
    ]);
    leaveJournal(sys, `${backupRoot}/${id}`);
    const run = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(sys.text('/etc/postfix/main.cf'), 'myhostname = old.example\n');
  });

  it('no backup is read from a backup folder another user could change', async () => {
    const sys = machine();
    sys.unsafeDirs.set('/var/backups', 'writable');
    plantBackup(sys, [{ path: '/etc/postfix/main.cf', content: 'relayhost = [evil.example]:587\n' }]);
    const run = await runCli(sys, ['restore', '--list', '--json']);
    assert.equal(run.exit, 1, run.stderr);
    assert.equal(run.json?.error?.code, 'unsafe-path');
  });
});

// The unit layer of the same module, with its own helpers.
describe('unit layer', () => {
  describe('the paths a backup may restore', () => {
    it('the config dir, the aliases files named, package.use — nothing else, and no tricks', () => {
      const ok = [
        '/etc/postfix/main.cf',
        '/etc/postfix/sasl_passwd.db',
        // the accounts' relay map: a backup taken before `remove --account` holds it (restore refused it)
        '/etc/postfix/sender_relay',
        '/etc/postfix/sender_relay.lmdb',
        '/etc/aliases',
        '/etc/portage/package.use',
        '/etc/portage/package.use/postfix',
      ];
      for (const path of ok)
        assert.equal(isManagedPath(path, '/etc/postfix/', ['/etc/aliases', '/etc/aliases.db']), true, path);
      const refused = [
        '/etc/shadow',
        '/etc/postfix/../shadow',
        '/etc/postfix',
        '/etc/postfix2/main.cf',
        'etc/postfix/main.cf',
        '/etc/postfix//main.cf',
        '/etc/portage/package.use/a/b',
        '/etc/portage/make.conf',
        '/etc/aliases.d/x',
        '/etc/postfix/',
      ];
      for (const path of refused) assert.equal(isManagedPath(path, '/etc/postfix', ['/etc/aliases']), false, path);
    });
  });
});
