// The transaction's safety against the recording fake: the lock, recovery
// of a journal left behind, backup pruning, and remove --purge.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { leaveJournal } from '../../support/fake-journal.js';
import { runCli } from '../../support/run-cli.js';
import { ScriptedUi } from '../../support/scripted-ui.js';

const password = 'abcdefghijklmnop';
const sent = 'status=sent (250 2.0.0 OK  1764320401 af79cd13be357-8b2e7c1a4e1si12345685a.100 - gsmtp)';
const headless = ['--account', 'someone@gmail.com', '--password-stdin', '--to', 'friend@example.com', '--yes'];
const stateDir = '/var/lib/postfix-gmail-wizard';
const backupRoot = '/var/backups/postfix-gmail-wizard';

function machine() {
  const sys = new FakeSystem();
  const postfix = installFakePostfix(sys, { delivery: () => sent });
  return { sys, postfix };
}

describe('the lock', () => {
  it('a run finds the lock held by another process: exit 1 "locked", its pid named, nothing changed', async () => {
    const { sys } = machine();
    sys.lockedByOthers.add(`${stateDir}/lock`);
    sys.put(`${stateDir}/lock`, '31337\n', 0o600);
    const run = await runCli(sys, [...headless, '--json'], { stdin: `${password}\n` });
    assert.equal(run.exit, 1, run.stderr);
    assert.equal(run.json?.error?.code, 'locked');
    assert.match(run.stderr, /pid 31337/);
    assert.equal(sys.writes.length, 0, 'nothing was written');
    assert.ok(!sys.calls.some((c) => c.file === 'postconf' && c.args.includes('-e')));
  });

  it('is held from the first look at the machine to the end of the run, then released (the file stays)', async () => {
    const { sys } = machine();
    let heldDuringDetect = false;
    const postconf = sys.handlers.get('postconf')!;
    sys.on(
      'postconf',
      (args, options) => ((heldDuringDetect ||= sys.heldLocks.has(`${stateDir}/lock`)), postconf(args, options)),
    );
    const run = await runCli(sys, headless, { stdin: `${password}\n` });
    assert.equal(run.exit, 0, run.stderr);
    assert.ok(heldDuringDetect, 'detect ran under the lock');
    assert.equal(sys.heldLocks.size, 0, 'released at the end');
    assert.equal(sys.text(`${stateDir}/lock`), '4242\n');
  });
});

describe('recovery', () => {
  it('rolls back an unfinished journal and deletes the temp files a cut write left (they may hold the password)', async () => {
    const { sys } = machine();
    leaveJournal(sys, [{ name: 'Writing /etc/postfix/sasl_passwd', state: 'started' }], 6);
    sys.put(
      '/etc/postfix/.sasl_passwd.0123456789ab.tmp',
      `[smtp.gmail.com]:587 someone@gmail.com:${password}\n`,
      0o600,
    );
    sys.put('/etc/postfix/.sasl_passwd.keep.tmp', 'not ours\n', 0o600);
    const run = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(sys.text('/etc/postfix/main.cf'), 'myhostname = old.example\n', 'the backup is back');
    assert.equal(sys.files.has('/etc/postfix/.sasl_passwd.0123456789ab.tmp'), false, 'the leftover temp file is gone');
    assert.equal(sys.files.has('/etc/postfix/.sasl_passwd.keep.tmp'), true, 'other files stay');
    assert.equal(sys.files.has(`${stateDir}/journal.json`), false);
    assert.ok(run.json?.warnings.some((w) => /rolled back unfinished change/.test(w)));
  });

  it('never rolls back a journal whose steps were all done: it only clears it', async () => {
    const { sys } = machine();
    leaveJournal(
      sys,
      [
        { name: 'a', state: 'done' },
        { name: 'b', state: 'done' },
      ],
      2,
    );
    const run = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.notEqual(
      sys.text('/etc/postfix/main.cf'),
      'myhostname = old.example\n',
      'the finished change is not undone',
    );
    assert.equal(sys.files.has(`${stateDir}/journal.json`), false);
    assert.ok(!run.json?.warnings.some((w) => /rolled back/.test(w)));
    assert.match(run.stderr + run.stdout, /finished its change/);
  });

  it('a journal with a step not yet begun is not complete: rolled back', async () => {
    const { sys } = machine();
    leaveJournal(sys, [{ name: 'a', state: 'done' }], 2);
    const run = await runCli(sys, ['remove', '--yes', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(sys.text('/etc/postfix/main.cf'), 'myhostname = old.example\n');
  });
});

describe('backups', () => {
  it('keeps the newest 10 after a change, and says so', async () => {
    const { sys } = machine();
    for (let i = 0; i < 12; i++)
      sys.put(
        `${backupRoot}/2026010${Math.floor(i / 10)}T0000000${String(i % 10)}0Z/manifest.json`,
        JSON.stringify({ entries: [] }),
        0o600,
      );
    const run = await runCli(sys, headless, { stdin: `${password}\n` });
    assert.equal(run.exit, 0, run.stderr);
    const ids = await sys.listDir(backupRoot);
    assert.equal(ids.length, 10);
    assert.ok(
      !ids.includes('20260100T000000000Z') &&
        !ids.includes('20260100T000000020Z') &&
        ids.includes('20260100T000000030Z'),
      'the oldest went',
    );
    assert.match(run.stdout, /Deleted 3 old backup\(s\); the newest 10 are kept/);
  });

  it('remove --purge deletes the backups and keychain entries that hold a password; without it they stay and a hint says how', async () => {
    for (const purge of [false, true]) {
      const { sys } = machine();
      assert.equal((await runCli(sys, headless, { stdin: `${password}\n` })).exit, 0);
      assert.ok(sys.secrets.has('someone@gmail.com'), 'setup stored the password in the keychain');
      const run = await runCli(sys, ['remove', '--yes', '--json', ...(purge ? ['--purge'] : [])]);
      assert.equal(run.exit, 0, run.stderr);
      const holding = [...sys.files.entries()].filter(
        ([p, f]) => p.startsWith(`${backupRoot}/`) && f.content.includes(password),
      );
      if (purge) {
        assert.deepEqual(
          holding.map(([p]) => p),
          [],
          'no backup holds the password',
        );
        assert.equal(sys.secrets.size, 0, 'the keychain entry is gone');
        assert.equal(run.json?.purged?.accounts, 1);
        assert.ok((run.json?.purged?.backups.length ?? 0) >= 1);
      } else {
        assert.ok(holding.length > 0, 'the backups are kept');
        assert.ok(sys.secrets.has('someone@gmail.com'));
        assert.match(run.stderr + run.stdout, /remove --purge/);
      }
    }
  });

  it('remove asks, interactively, whether to delete them too (default no)', async () => {
    const { sys } = machine();
    assert.equal((await runCli(sys, headless, { stdin: `${password}\n` })).exit, 0);
    const ui = new ScriptedUi([true, true]);
    const run = await runCli(sys, ['remove'], { ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.match(ui.asked.at(-1) ?? '', /keychain entr\(ies\) that still hold a password/);
    assert.equal(sys.secrets.size, 0);
    assert.ok(
      ![...sys.files.entries()].some(([p, f]) => p.startsWith(`${backupRoot}/`) && f.content.includes(password)),
    );
  });
});
