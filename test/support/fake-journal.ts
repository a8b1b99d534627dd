// What a run killed mid-apply leaves for the recording fake: a journal naming its backup, in which
// main.cf was "myhostname = old.example" (a valid main.cf: the fake Postfix reads it as Postfix
// would) and sasl_passwd did not exist (flow/apply/recover.ts reads them).
import { createHash } from 'node:crypto';
import type { FakeSystem } from './fake-system.js';

export const journalStateDir = '/var/lib/postfix-gmail-wizard';
export const journalBackupRoot = '/var/backups/postfix-gmail-wizard';

/** Returns the backup's id. */
export function leaveJournal(
  sys: FakeSystem,
  steps: { name: string; state: 'started' | 'done' }[],
  planned: number,
): string {
  const id = '20261128T085900000Z';
  const dir = `${journalBackupRoot}/${id}`;
  sys.put(`${dir}/0-main.cf`, 'myhostname = old.example\n', 0o600);
  const real = createHash('sha256').update(Buffer.from('myhostname = old.example\n')).digest('hex');
  const entries = [
    { path: '/etc/postfix/main.cf', existed: true, mode: 0o644, uid: 0, gid: 0, sha256: real, copy: '0-main.cf' },
    { path: '/etc/postfix/sasl_passwd', existed: false },
  ];
  sys.put(
    `${dir}/manifest.json`,
    JSON.stringify({ id, dir, createdAt: '2026-11-28T08:59:00.000Z', reason: 'setup', entries }),
    0o600,
  );
  const journal = {
    backupId: id,
    backupDir: dir,
    configDir: '/etc/postfix',
    reload: { file: 'postfix', args: ['reload'] },
    planned,
    startedAt: '2026-11-28T08:59:00.000Z',
    steps,
  };
  sys.put(`${journalStateDir}/journal.json`, JSON.stringify(journal), 0o600);
  return id;
}
