// showPlan and confirmPlan called with the context they declare (ui, options): a person at a
// terminal sees the one-screen summary and answers Apply / Show the full diff / Cancel; --yes,
// --dry-run and a run without a terminal print the full diff and ask nothing. The password never shows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancelledError } from '../../../src/errors.js';
import { confirmPlan, showPlan } from '../../../src/flow/plan/confirm-plan.js';
import { plan as makePlan } from '../../../src/flow/plan/plan.js';
import type { ShownPlan } from '../../../src/flow/plan/plan-part.js';
import { t } from '../../../src/ui/messages.js';
import { renderSummary } from '../../../src/ui/plan-summary.js';
import { renderPlan } from '../../../src/ui/plan-view.js';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import type { Answer } from '../../support/scripted-ui.js';
import { allTemplates, detected, gmailAnswers, stepContext, stepPassword } from '../../support/step-context.js';

const answers = gmailAnswers();

async function freshPlan(): Promise<ShownPlan> {
  const sys = new FakeSystem();
  installFakePostfix(sys);
  return makePlan(await detected(sys), answers, await allTemplates());
}

async function run(flags: string[], script: Answer[], headless = false) {
  const plan = await freshPlan();
  const ctx = stepContext(flags, { answers: script, headless });
  showPlan(ctx, plan, answers);
  const confirmed = confirmPlan(ctx, plan, answers).then(
    () => 'applied',
    (error: unknown) => error,
  );
  const result = await confirmed;
  assert.ok(!ctx.ui.transcript.includes(stepPassword), 'the password is never shown');
  return { ctx, plan, result };
}

const notes = (shown: string[], title: string) => shown.filter((l) => l.startsWith(`note: ${title}\n`));

describe('confirm-plan at a terminal', () => {
  it('Apply: the summary (with the test address), one question, then on', async () => {
    const { ctx, plan, result } = await run([], ['Apply']);
    assert.equal(result, 'applied');
    assert.deepEqual(ctx.ui.asked, [t('ask.confirm')]);
    assert.deepEqual(notes(ctx.ui.shown, t('plan.title')), [
      `note: ${t('plan.title')}\n${renderSummary(plan, { testTo: 'friend@example.com' })}`,
    ]);
    assert.deepEqual(notes(ctx.ui.shown, t('tui.diffTitle')), []);
  });

  it('Cancel: a CancelledError, so nothing is applied', async () => {
    const { ctx, result } = await run([], ['Cancel']);
    assert.ok(result instanceof CancelledError);
    assert.equal(result.code, 'cancelled');
    assert.deepEqual(ctx.ui.asked, [t('ask.confirm')]);
  });

  it('Show the full diff: the diff, the summary again under it, and the question again', async () => {
    const { ctx, plan, result } = await run([], ['Show the full diff', 'Apply']);
    assert.equal(result, 'applied');
    assert.deepEqual(ctx.ui.asked, [t('ask.confirm'), t('ask.confirm')]);
    assert.deepEqual(notes(ctx.ui.shown, t('tui.diffTitle')), [`note: ${t('tui.diffTitle')}\n${renderPlan(plan)}`]);
    const titles = ctx.ui.shown.filter((l) => l.startsWith('note: ')).map((l) => l.split('\n')[0]);
    assert.deepEqual(titles, [`note: ${t('plan.title')}`, `note: ${t('tui.diffTitle')}`, `note: ${t('plan.title')}`]);
    assert.ok(renderPlan(plan).includes('********'), 'the diff shows the map with the password masked');
  });

  it('--test off (--no-test): the summary names no test address', async () => {
    const { ctx, plan } = await run(['--no-test'], ['Apply']);
    assert.deepEqual(notes(ctx.ui.shown, t('plan.title')), [`note: ${t('plan.title')}\n${renderSummary(plan, {})}`]);
    assert.ok(!ctx.ui.transcript.includes('friend@example.com'));
  });
});

describe('confirm-plan without a question', () => {
  for (const [name, flags, headless] of [
    ['--yes', ['--yes'], false],
    ['--dry-run', ['--dry-run'], false],
    ['no terminal', [], true],
  ] as const) {
    it(`${name}: the full diff as the plan, nothing asked`, async () => {
      const { ctx, plan, result } = await run([...flags], [], headless);
      assert.equal(result, 'applied');
      assert.deepEqual(ctx.ui.asked, []);
      assert.deepEqual(notes(ctx.ui.shown, t('plan.title')), [`note: ${t('plan.title')}\n${renderPlan(plan)}`]);
    });
  }
});
