// recoverUnfinished called with the context it declares (sys, ui, options, warnings) on a journal a
// killed run left: rolled back with --yes or consent, refused headless without --yes, cleared (never
// undone) when every step was done, and the temp files a cut write left deleted either way.
// After a crash mid-apply (flow/apply/recover.ts), called with the narrowed context it takes: the
// journal's backup is put back and Postfix reloaded; a complete change is only tidied; a journal
// pointing outside the backup folder, or no --yes without a terminal, changes nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancelledError, WizardError } from '../../../src/errors.js';
import { recoverUnfinished } from '../../../src/flow/apply/recover.js';
import { t } from '../../../src/ui/messages.js';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { journalStateDir, leaveJournal } from '../../support/fake-journal.js';
import { changingCommands, stepContext } from '../../support/step-context.js';
import { parseOptions } from '../../../src/options.js';
import { createBackup } from '../../../src/transaction/backup.js';
import { writeJournal, type Journal } from '../../../src/transaction/journal.js';
import { ScriptedUi } from '../../support/scripted-ui.js';

const journal = `${journalStateDir}/journal.json`;
const leftover = '/etc/postfix/.sasl_passwd.0123456789ab.tmp';

function machine(flags: string[], answers: (string | boolean)[] = [], headless = false) {
  const sys = new FakeSystem();
  installFakePostfix(sys, { mainCf: 'myhostname = new.example\n' });
  return stepContext(flags, { sys, answers, headless });
}

describe('recoverUnfinished', () => {
  it('no journal: nothing read, shown or locked', async () => {
    const ctx = machine([]);
    await recoverUnfinished(ctx);
    assert.deepEqual(ctx.ui.shown, []);
    assert.equal(ctx.sys.files.has(`${journalStateDir}/lock`), false);
  });

  it('not root: left for a run as root', async () => {
    const ctx = machine(['--yes']);
    leaveJournal(ctx.sys, [{ name: 'write', state: 'started' }], 6);
    ctx.sys.root = false;
    await recoverUnfinished(ctx);
    assert.equal(ctx.sys.text('/etc/postfix/main.cf'), 'myhostname = new.example\n');
    assert.ok(ctx.sys.files.has(journal));
  });

  it("--yes: the backup back, Postfix reloaded, the journal and a cut write's temp file gone, the outcome warned", async () => {
    const ctx = machine(['--yes'], [], true);
    const id = leaveJournal(ctx.sys, [{ name: 'Writing /etc/postfix/sasl_passwd', state: 'started' }], 6);
    ctx.sys.put(leftover, 'half a password', 0o600);
    ctx.sys.put('/etc/postfix/sasl_passwd', 'half-written', 0o600);
    await recoverUnfinished(ctx);
    assert.equal(ctx.sys.text('/etc/postfix/main.cf'), 'myhostname = old.example\n');
    assert.equal(ctx.sys.files.has('/etc/postfix/sasl_passwd'), false, 'a file the backup says did not exist goes');
    assert.equal(ctx.sys.files.has(leftover), false);
    assert.equal(ctx.sys.files.has(journal), false);
    assert.deepEqual(changingCommands(ctx.sys), ['postfix reload']);
    assert.deepEqual(ctx.warnings, [`rolled back unfinished change ${id}`]);
    assert.ok(ctx.ui.shown.includes(`success: ${t('recover.done', { id })}`), ctx.ui.transcript);
    assert.ok(ctx.ui.shown.includes(`info: ${t('recover.leftovers', { count: 1 })}`), ctx.ui.transcript);
    assert.equal(ctx.sys.heldLocks.size, 0, 'the lock is released');
  });

  it('headless without --yes: unfinished-change (exit 2), nothing put back, the journal kept', async () => {
    const ctx = machine([], [], true);
    leaveJournal(ctx.sys, [{ name: 'write', state: 'started' }], 6);
    await assert.rejects(
      recoverUnfinished(ctx),
      (error: WizardError) => error.code === 'unfinished-change' && error.exitCode === 2,
    );
    assert.equal(ctx.sys.text('/etc/postfix/main.cf'), 'myhostname = new.example\n');
    assert.ok(ctx.sys.files.has(journal));
    assert.equal(ctx.sys.heldLocks.size, 0, 'the lock is released on the way out');
  });

  it('at a terminal: asked first; no leaves everything as it is', async () => {
    const ctx = machine([], [false]);
    leaveJournal(ctx.sys, [{ name: 'write', state: 'started' }], 6);
    await assert.rejects(recoverUnfinished(ctx), CancelledError);
    assert.deepEqual(ctx.ui.asked, [t('recover.confirm')]);
    assert.equal(ctx.sys.text('/etc/postfix/main.cf'), 'myhostname = new.example\n');
  });

  it('every step done: the journal cleared, nothing undone, nothing asked', async () => {
    const ctx = machine([]);
    const id = leaveJournal(
      ctx.sys,
      [
        { name: 'a', state: 'done' },
        { name: 'b', state: 'done' },
      ],
      2,
    );
    await recoverUnfinished(ctx);
    assert.equal(ctx.sys.text('/etc/postfix/main.cf'), 'myhostname = new.example\n');
    assert.equal(ctx.sys.files.has(journal), false);
    assert.deepEqual(ctx.ui.asked, []);
    assert.deepEqual(ctx.ui.shown, [`info: ${t('recover.complete', { id })}`]);
    assert.deepEqual(changingCommands(ctx.sys), []);
  });
});

// The unit layer of the same module, with its own helpers.
describe('unit layer', () => {
  const stateDir = '/var/lib/postfix-gmail-wizard';
  const backupDir = '/var/backups/postfix-gmail-wizard';
  const mainCf = '/etc/postfix/main.cf';
  const leftover = '/etc/postfix/.main.cf.0123456789ab.tmp';
  const isCode = (code: string) => (error: unknown) => error instanceof WizardError && error.code === code;

  /** A machine where a run backed up main.cf, changed it and died: its journal and a torn temp file left behind. */
  async function crashed(over: Partial<Journal> = {}) {
    const sys = new FakeSystem({ [mainCf]: 'relayhost =\n' });
    sys.on('postfix', () => ({ exitCode: 0, stdout: '', stderr: '' }));
    const backup = await createBackup(sys, backupDir, [mainCf], 'setup');
    sys.put(mainCf, 'relayhost = [smtp.gmail.com]:587\n');
    sys.put(leftover, 'half a main.cf', 0o600);
    await writeJournal(sys, stateDir, {
      backupId: backup.id,
      backupDir: backup.dir,
      configDir: '/etc/postfix',
      reload: { file: 'postfix', args: ['reload'] },
      planned: 3,
      startedAt: '2026-11-28T09:00:00.000Z',
      steps: [
        { code: 'write', target: mainCf, state: 'done' },
        { code: 'postconf', state: 'started' },
      ],
      ...over,
    });
    sys.calls.length = 0;
    return { sys, backup };
  }

  function context(sys: FakeSystem, argv: string[] = ['--yes'], interactive = false) {
    return { sys, ui: new ScriptedUi([], interactive), options: parseOptions(argv), warnings: [] as string[] };
  }

  describe('recoverUnfinished', () => {
    it('puts the backup back, deletes the torn temp file, reloads, clears the journal and says so', async () => {
      const { sys, backup } = await crashed();
      const ctx = context(sys);
      await recoverUnfinished(ctx);
      assert.equal(sys.text(mainCf), 'relayhost =\n');
      assert.equal(sys.files.has(leftover), false);
      assert.deepEqual(
        sys.calls.map((c) => [c.file, ...c.args]),
        [['postfix', 'reload']],
      );
      assert.equal(sys.files.has(`${stateDir}/journal.json`), false);
      assert.deepEqual(ctx.warnings, [`rolled back unfinished change ${backup.id}`]);
      assert.match(
        ctx.ui.transcript,
        /warn: An earlier run stopped in the middle of a change \(2026-11-28T09:00:00.000Z/,
      );
      assert.match(ctx.ui.transcript, /success: Rolled back the unfinished change/);
      assert.deepEqual([...sys.heldLocks], [], 'the lock it took is released');
    });

    it('a journal whose every step was done: the change stays, only the tidy-up is finished', async () => {
      const { sys } = await crashed({
        planned: 2,
        steps: [
          { code: 'write', target: mainCf, state: 'done' },
          { code: 'postconf', state: 'done' },
        ],
      });
      const ctx = context(sys);
      await recoverUnfinished(ctx);
      assert.equal(sys.text(mainCf), 'relayhost = [smtp.gmail.com]:587\n');
      assert.equal(sys.files.has(leftover), false);
      assert.deepEqual(sys.calls, []);
      assert.equal(sys.files.has(`${stateDir}/journal.json`), false);
      assert.match(ctx.ui.transcript, /info: An earlier run finished its change/);
      assert.deepEqual(ctx.warnings, []);
    });

    it('a journal naming a backup outside the backup folder is not followed: unsafe-path, nothing changed', async () => {
      const { sys, backup } = await crashed();
      await writeJournal(sys, stateDir, {
        ...JSON.parse(sys.text(`${stateDir}/journal.json`)!),
        backupDir: `/tmp/planted/${backup.id}`,
      });
      await assert.rejects(recoverUnfinished(context(sys)), isCode('unsafe-path'));
      assert.equal(sys.text(mainCf), 'relayhost = [smtp.gmail.com]:587\n');
      assert.ok(sys.files.has(`${stateDir}/journal.json`), 'the journal stays for a run that can follow it');
      assert.deepEqual([...sys.heldLocks], []);
    });

    it('without --yes and without a terminal: unfinished-change (exit 2), nothing changed', async () => {
      const { sys } = await crashed();
      await assert.rejects(
        recoverUnfinished(context(sys, [])),
        (error: unknown) => isCode('unfinished-change')(error) && (error as WizardError).exitCode === 2,
      );
      assert.equal(sys.text(mainCf), 'relayhost = [smtp.gmail.com]:587\n');
      assert.ok(sys.files.has(`${stateDir}/journal.json`));
    });

    it('asks at a terminal; a backup that is gone: backup-missing, the journal kept', async () => {
      const { sys, backup } = await crashed();
      const ctx = { ...context(sys, [], true), ui: new ScriptedUi([true]) };
      sys.files.delete(`${backup.dir}/manifest.json`);
      await assert.rejects(recoverUnfinished(ctx), isCode('backup-missing'));
      assert.equal(ctx.ui.asked.length, 1);
      assert.ok(sys.files.has(`${stateDir}/journal.json`));
    });

    it('does nothing when not root, or when there is no journal', async () => {
      const { sys } = await crashed();
      sys.root = false;
      await recoverUnfinished(context(sys));
      assert.ok(sys.files.has(`${stateDir}/journal.json`));
      assert.equal(sys.text(mainCf), 'relayhost = [smtp.gmail.com]:587\n');
      const clean = new FakeSystem({ [mainCf]: 'relayhost =\n' });
      await recoverUnfinished(context(clean));
      assert.deepEqual([clean.calls, clean.writes, [...clean.dirs]], [[], [], []]);
    });
  });
});
