// recoverUnfinished called with the context it declares (sys, ui, options, outcome) on a journal a
// killed run left: rolled back with --yes or consent, refused headless without --yes, cleared (never
// undone) when every step was done, and the temp files a cut write left deleted either way.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancelledError, type WizardError } from '../../../src/errors.js';
import { recoverUnfinished } from '../../../src/flow/apply/recover.js';
import { t } from '../../../src/ui/messages.js';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { journalStateDir, leaveJournal } from '../../support/fake-journal.js';
import { changingCommands, stepContext } from '../../support/step-context.js';

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
