// apply called with the context it declares (sys, ui, options) on a plan for the fake Debian 12:
// what the transaction writes and runs, what the person sees, a rollback after `postfix check`
// fails, a Ctrl-C held until the step ends, and a backup that cannot be written.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancelledError, type WizardError } from '../../../src/errors.js';
import { apply } from '../../../src/flow/apply/apply.js';
import { plan as makePlan } from '../../../src/flow/plan/plan.js';
import { planIsEmpty } from '../../../src/transaction/plan.js';
import { t } from '../../../src/ui/messages.js';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix, type FakePostfixOptions } from '../../support/fake-postfix.js';
import {
  allTemplates,
  changingCommands,
  detected,
  gmailAnswers,
  stepContext,
  stepPassword,
} from '../../support/step-context.js';

async function machine(options: FakePostfixOptions = {}, flags: string[] = ['--yes']) {
  const ctx = stepContext(flags, { headless: true, sys: new FakeSystem() });
  const postfix = installFakePostfix(ctx.sys, options);
  const facts = await detected(ctx.sys);
  const plan = makePlan(facts, gmailAnswers(), await allTemplates());
  return { ctx, postfix, facts, plan, mainCf: postfix.mainCf() };
}

describe('apply', () => {
  it('writes the map 0600, postmap, one postconf -e batch, postfix check, reload; a backup id; the journal gone', async () => {
    const { ctx, postfix, facts, plan } = await machine();
    const result = await apply(ctx, facts.postfix, plan);
    assert.match(result.backup.id, /^\d{8}T\d{9}Z$/);
    const commands = changingCommands(ctx.sys);
    assert.deepEqual(
      commands.map((c) => c.split(' ').slice(0, 2).join(' ')),
      ['postmap hash:/etc/postfix/sasl_passwd', 'postconf -e', 'postfix check', 'postfix reload'],
    );
    assert.ok(
      commands.every((c) => !c.includes(stepPassword)),
      'the password is in no command line',
    );
    assert.equal(ctx.sys.files.get('/etc/postfix/sasl_passwd')?.mode, 0o600);
    assert.match(ctx.sys.text('/etc/postfix/sasl_passwd') ?? '', new RegExp(`someone@gmail.com:${stepPassword}`));
    assert.match(postfix.mainCf(), /^relayhost = \[smtp\.gmail\.com\]:587$/m);
    assert.match(postfix.mainCf(), /^smtp_tls_security_level = secure$/m);
    assert.equal(ctx.sys.text('/var/lib/postfix-gmail-wizard/journal.json'), undefined);
    assert.ok(ctx.ui.shown.includes(`done: ${t('apply.done')}`), ctx.ui.transcript);
    assert.ok(!ctx.ui.transcript.includes(stepPassword));
  });

  it('what it applied is what detect finds afterwards: the same answers plan nothing', async () => {
    const { ctx, facts, plan } = await machine();
    await apply(ctx, facts.postfix, plan);
    const again = makePlan(await detected(ctx.sys), gmailAnswers({ credential: undefined }), await allTemplates());
    assert.ok(planIsEmpty(again), JSON.stringify(again));
  });

  it('postfix check fails: apply-failed naming the step, everything rolled back (checked), the rollback said', async () => {
    const { ctx, postfix, facts, plan, mainCf } = await machine({ failCheck: true });
    await assert.rejects(apply(ctx, facts.postfix, plan), (error: WizardError) => {
      assert.equal(error.code, 'apply-failed');
      assert.ok(error.message.includes(t('apply.step.check')), error.message);
      assert.equal(error.fix, t('apply.rolledBackFix'));
      return true;
    });
    // The backup is what is in place again: no second copy of anything is kept.
    assert.deepEqual(await ctx.sys.listDir('/var/backups/postfix-gmail-wizard'), []);
    assert.equal(postfix.mainCf(), mainCf);
    assert.equal(ctx.sys.text('/etc/postfix/sasl_passwd'), undefined);
    assert.ok(
      ctx.ui.shown.includes(`failed: ${t('apply.stepFailed', { step: t('apply.step.check') })}`),
      ctx.ui.transcript,
    );
    assert.ok(ctx.ui.shown.includes(`warn: ${t('apply.rollbackDone')}`), ctx.ui.transcript);
  });

  it('Ctrl-C during the apply: a CancelledError once the step ends, and main.cf as it was', async () => {
    const { ctx, postfix, facts, plan, mainCf } = await machine();
    ctx.sys.pendingSignal = 'SIGINT';
    await assert.rejects(
      apply(ctx, facts.postfix, plan),
      (error: unknown) =>
        error instanceof CancelledError && error.message === t('apply.interrupted', { signal: 'SIGINT' }),
    );
    assert.equal(postfix.mainCf(), mainCf);
  });

  it('a backup that cannot be written: backup-failed, its reason and folder named, nothing changed', async () => {
    const { ctx, postfix, facts, plan, mainCf } = await machine();
    const write = ctx.sys.writeFileAtomic.bind(ctx.sys);
    ctx.sys.writeFileAtomic = async (path, content, options) => {
      if (path.startsWith('/var/backups/')) throw new Error('EROFS: read-only file system');
      return write(path, content, options);
    };
    await assert.rejects(apply(ctx, facts.postfix, plan), (error: WizardError) => {
      assert.equal(error.code, 'backup-failed');
      assert.ok(
        error.message.includes('/var/backups/postfix-gmail-wizard') && error.message.includes('EROFS'),
        error.message,
      );
      assert.equal(error.fix, t('apply.backupFailedFix'));
      return true;
    });
    assert.equal(postfix.mainCf(), mainCf);
    assert.deepEqual(changingCommands(ctx.sys), []);
    assert.equal(ctx.sys.text('/etc/postfix/sasl_passwd'), undefined);
  });

  it('a stopped Postfix: setup starts it; restore and remove (startIfStopped false) leave it stopped', async () => {
    const started = await machine({ running: false });
    await apply(started.ctx, started.facts.postfix, started.plan);
    assert.equal(started.postfix.running, true);
    const left = await machine({ running: false });
    await apply(left.ctx, left.facts.postfix, left.plan, 'restore');
    assert.equal(left.postfix.running, false);
    assert.ok(
      !changingCommands(left.ctx.sys).some((c) => /\bstart$/.test(c)),
      changingCommands(left.ctx.sys).join('\n'),
    );
  });
});
