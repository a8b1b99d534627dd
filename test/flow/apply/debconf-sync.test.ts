// apply on the machine's own Postfix on Debian: afterwards debconf's answers say what main.cf says
// (the way a person answering `dpkg-reconfigure postfix` would), so the postinst of the next
// reconfigure or upgrade keeps the relay; a private instance and a machine without Postfix's debconf
// questions are left alone; a debconf that cannot be written is a warning, not a failure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apply } from '../../../src/flow/apply/apply.js';
import { plan as makePlan } from '../../../src/flow/plan/plan.js';
import { postfixDebconfScript } from '../../../src/postfix/debconf.js';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { allTemplates, detected, gmailAnswers, stepContext } from '../../support/step-context.js';

const localOnlyAnswers =
  '* postfix/main_mailer_type: Local only\n* postfix/relayhost:\n  postfix/mailname: testhost.example\n';

async function debianMachine(options: { debconf?: boolean; configDir?: string; setFails?: boolean } = {}) {
  const ctx = stepContext(['--yes'], { headless: true, sys: new FakeSystem() });
  installFakePostfix(ctx.sys, options.configDir ? { configDir: options.configDir } : {});
  if (options.debconf ?? true) ctx.sys.put(postfixDebconfScript, '#!/usr/bin/perl\n');
  const selections: string[] = [];
  ctx.sys.on('debconf-show', () => ({ exitCode: 0, stdout: localOnlyAnswers, stderr: '' }));
  ctx.sys.on('debconf-set-selections', (_args, o) => {
    if (options.setFails) return { exitCode: 1, stdout: '', stderr: 'debconf: DbDriver "config": locked' };
    selections.push(o.input ?? '');
    return { exitCode: 0, stdout: '', stderr: '' };
  });
  const facts = await detected(ctx.sys, options.configDir);
  return { ctx, facts, selections, plan: makePlan(facts, gmailAnswers(), await allTemplates()) };
}

describe('apply keeps debconf in step with main.cf', () => {
  it('after setup on a "Local only" machine: Satellite system with the relayhost setup wrote, and it is said', async () => {
    const { ctx, facts, plan, selections } = await debianMachine();
    await apply(ctx, facts.postfix, plan);
    assert.deepEqual(selections, [
      'postfix postfix/main_mailer_type select Satellite system\npostfix postfix/relayhost string [smtp.gmail.com]:587\n',
    ]);
    assert.match(ctx.ui.transcript, /Satellite system/);
  });

  it('a private instance (--config-dir elsewhere) has no debconf answers: none are read or written', async () => {
    const { ctx, facts, plan, selections } = await debianMachine({ configDir: '/srv/postfix-out' });
    await apply(ctx, facts.postfix, plan);
    assert.deepEqual(selections, []);
    assert.ok(!ctx.sys.calls.some((c) => c.file.startsWith('debconf')));
  });

  it('no Postfix debconf questions here (not Debian): nothing is asked of debconf', async () => {
    const { ctx, facts, plan } = await debianMachine({ debconf: false });
    await apply(ctx, facts.postfix, plan);
    assert.ok(!ctx.sys.calls.some((c) => c.file.startsWith('debconf')));
  });

  it('debconf cannot be written: a warning naming doctor --fix, and the apply stands', async () => {
    const { ctx, facts, plan } = await debianMachine({ setFails: true });
    const result = await apply(ctx, facts.postfix, plan);
    assert.ok(result.backup.id);
    assert.match(ctx.ui.transcript, /locked/);
    assert.match(ctx.ui.transcript, /doctor --fix/);
  });
});
