// showConfirmApply, the tail remove, remove --account, restore and doctor --fix share, called with
// the context it declares: the plan shown under its title, --dry-run stops before anything is
// written, headless without --yes is refused, and an applied plan says what it changed (appliedOutcome).
// outcome.changed, read from the plan alone (flow/apply/apply-plan.ts): the one derivation setup,
// remove, remove --account, restore and doctor --fix report in --json.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../../src/errors.js';
import { appliedOutcome, changedBy, showConfirmApply } from '../../../src/flow/apply/apply-plan.js';
import { plan as makePlan } from '../../../src/flow/plan/plan.js';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { allTemplates, changingCommands, detected, gmailAnswers, stepContext } from '../../support/step-context.js';
import { buildPlan } from '../../../src/transaction/plan.js';

async function machine(flags: string[]) {
  const ctx = stepContext(flags, { headless: true, sys: new FakeSystem() });
  const postfix = installFakePostfix(ctx.sys);
  const facts = await detected(ctx.sys);
  const plan = makePlan(facts, gmailAnswers(), await allTemplates());
  return { ctx, postfix, facts, plan, mainCf: postfix.mainCf() };
}

const request = {
  title: 'The plan',
  question: 'remove.confirm',
  initialValue: false,
  reason: 'remove',
} as const;

describe('showConfirmApply', () => {
  it('--dry-run: the plan shown, nothing written or run, result dry-run', async () => {
    const { ctx, postfix, facts, plan, mainCf } = await machine(['remove', '--dry-run']);
    const shown = await showConfirmApply(ctx, facts.postfix!, plan, { ...request, explain: 'Said under the plan.' });
    assert.deepEqual(shown, { dryRun: true });
    assert.deepEqual(appliedOutcome(shown, 'removed'), { result: 'dry-run' });
    assert.deepEqual(changingCommands(ctx.sys), []);
    assert.equal(postfix.mainCf(), mainCf);
    assert.match(ctx.ui.transcript, /The plan/);
    assert.match(ctx.ui.transcript, /Said under the plan\./);
  });

  it('headless without --yes: refused with the flag that answers it (exit 2), nothing written', async () => {
    const { ctx, postfix, facts, plan, mainCf } = await machine(['remove']);
    await assert.rejects(
      showConfirmApply(ctx, facts.postfix!, plan, request),
      (error: UsageError) => error instanceof UsageError && /--yes/.test(error.message),
    );
    assert.deepEqual(changingCommands(ctx.sys), []);
    assert.equal(postfix.mainCf(), mainCf);
  });

  it('--yes: applied; result, backupId and changed (from the plan) in the outcome', async () => {
    const { ctx, postfix, facts, plan } = await machine(['remove', '--yes']);
    const done = await showConfirmApply(ctx, facts.postfix!, plan, request);
    assert.ok(!done.dryRun);
    const outcome = appliedOutcome(done, 'removed');
    assert.equal(outcome.result, 'removed');
    assert.equal(outcome.backupId, done.backupId);
    assert.deepEqual(outcome.changed, changedBy(plan));
    assert.ok(outcome.changed?.files.includes('/etc/postfix/sasl_passwd'));
    assert.ok(outcome.changed?.commands.includes('postmap') && outcome.changed?.commands.includes('postconf -e'));
    assert.match(postfix.mainCf(), /^relayhost = \[smtp\.gmail\.com\]:587$/m);
  });

  it('without `result` the command decides it later (doctor)', async () => {
    const { ctx, facts, plan } = await machine(['doctor', '--fix', '--yes']);
    const done = await showConfirmApply(ctx, facts.postfix!, plan, { ...request, reason: 'doctor' });
    assert.equal(appliedOutcome(done).result, undefined);
    assert.equal(appliedOutcome(undefined).result, undefined);
  });
});

// The unit layer of the same module, with its own helpers.
describe('unit layer', () => {
  const dir = '/etc/postfix';

  describe('changedBy', () => {
    it('an empty plan changed nothing', () => {
      assert.deepEqual(changedBy(buildPlan(dir)), { settings: [], files: [], commands: [] });
    });

    it('every setting set or taken out, main.cf and master.cf, by name', () => {
      const plan = buildPlan(dir, {
        settings: [{ name: 'relayhost', from: '', to: '[smtp.gmail.com]:587' }],
        removeSettings: ['smtp_sasl_security_options'],
        masterSettings: ['smtp/unix/smtp_tls_security_level=encrypt'],
        masterRemovals: ['relay/unix/smtp_tls_security_level'],
      });
      assert.deepEqual(changedBy(plan).settings, [
        'smtp_sasl_security_options',
        'relayhost',
        'smtp/unix/smtp_tls_security_level',
        'relay/unix/smtp_tls_security_level',
      ]);
      assert.deepEqual(changedBy(plan).commands, ['postconf -e', 'postconf -X', 'postconf -PX', 'postconf -P']);
    });

    it('files written, deleted and made root-only, each once; commands in the order they run', () => {
      const plan = buildPlan(dir, {
        files: [{ path: `${dir}/sasl_passwd`, content: 'x', mode: 0o600, secret: true }],
        deletes: [`${dir}/sender_relay`, `${dir}/sender_relay.db`],
        secretFixes: [
          { path: `${dir}/sasl_passwd`, mode: 0o644, action: 'chmod' },
          { path: `${dir}/sasl_passwd.db`, mode: 0o644, action: 'remove' },
        ],
        commands: [
          { file: 'postmap', args: ['hash:/etc/postfix/sasl_passwd'] },
          { file: 'newaliases', args: [] },
        ],
      });
      const changed = changedBy(plan);
      assert.deepEqual(changed.files, [
        `${dir}/sasl_passwd`,
        `${dir}/sender_relay`,
        `${dir}/sender_relay.db`,
        `${dir}/sasl_passwd.db`,
      ]);
      assert.deepEqual(changed.commands, ['postmap', 'newaliases']);
      assert.deepEqual(changed.settings, []);
    });
  });
});
