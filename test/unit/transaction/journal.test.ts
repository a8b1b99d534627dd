// The journal (transaction/journal.ts): written before each apply step, root-only; read back (a torn
// one is no journal); complete only when every planned step is done.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  clearJournal,
  journalComplete,
  journalPath,
  readJournal,
  writeJournal,
  type Journal,
} from '../../../src/transaction/journal.js';
import { FakeSystem } from '../../support/fake-system.js';

const journal = (over: Partial<Journal> = {}): Journal => ({
  backupId: '20261128T090000000Z',
  backupDir: '/var/backups/pgw/20261128T090000000Z',
  configDir: '/etc/postfix',
  reload: { file: 'systemctl', args: ['reload', 'postfix'] },
  planned: 2,
  startedAt: '2026-11-28T09:00:00.000Z',
  steps: [
    { code: 'write', target: '/etc/postfix/sasl_passwd', state: 'done' },
    { code: 'postconf', state: 'started' },
  ],
  ...over,
});

describe('the journal file', () => {
  it('lives in the state directory, is written 0600 and reads back as written', async () => {
    const sys = new FakeSystem();
    assert.equal(journalPath('/var/lib/pgw'), '/var/lib/pgw/journal.json');
    await writeJournal(sys, '/var/lib/pgw', journal());
    assert.deepEqual(sys.writes, [{ path: '/var/lib/pgw/journal.json', mode: 0o600 }]);
    assert.equal(sys.files.get('/var/lib/pgw/journal.json')?.mode, 0o600);
    assert.deepEqual(await readJournal(sys, '/var/lib/pgw'), journal());
  });

  it('none there, or a torn one: no journal', async () => {
    const sys = new FakeSystem();
    assert.equal(await readJournal(sys, '/var/lib/pgw'), undefined);
    sys.put('/var/lib/pgw/journal.json', '{"backupId": "2026', 0o600);
    assert.equal(await readJournal(sys, '/var/lib/pgw'), undefined);
  });

  it('clearJournal removes it', async () => {
    const sys = new FakeSystem();
    await writeJournal(sys, '/var/lib/pgw', journal());
    await clearJournal(sys, '/var/lib/pgw');
    assert.equal(sys.files.has('/var/lib/pgw/journal.json'), false);
    assert.equal(await readJournal(sys, '/var/lib/pgw'), undefined);
  });
});

describe('journalComplete', () => {
  it('every planned step done: the change is whole', () => {
    assert.equal(
      journalComplete(
        journal({
          steps: [
            { code: 'write', state: 'done' },
            { code: 'postconf', state: 'done' },
          ],
        }),
      ),
      true,
    );
  });
  it('a step started but not done, fewer steps than planned, or an old journal without a count: not complete', () => {
    assert.equal(journalComplete(journal()), false);
    assert.equal(journalComplete(journal({ steps: [{ code: 'write', state: 'done' }] })), false);
    assert.equal(
      journalComplete(journal({ planned: undefined, steps: [{ name: 'write files', state: 'done' }] })),
      false,
    );
    assert.equal(journalComplete(journal({ planned: 0, steps: [] })), true, 'nothing planned, nothing left');
  });
});
