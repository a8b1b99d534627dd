// repairPlan called by itself on what doctor finds on the seed recipe's relay: one Plan for the
// fixable problems (chmod, postmap, the obsolete switch out, the TLS level secure), nothing for a
// problem without a repair, and Postfix started only where a problem asks for it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gatherDoctorFacts } from '../../../src/flow/doctor/facts.js';
import { repairPlan } from '../../../src/flow/plan/repair-plan.js';
import { findProblems } from '../../../src/postfix/problems/index.js';
import { planIsEmpty } from '../../../src/transaction/plan.js';
import { seedMachine } from '../../support/fake-seed.js';
import { detected } from '../../support/step-context.js';

async function doctorOn(running = true) {
  const { sys } = seedMachine('revokedrevokedre', 'cron@gmail.com', { running });
  const facts = await detected(sys);
  const { doctor } = await gatherDoctorFacts(sys, facts, facts.postfix);
  const problems = findProblems(doctor);
  return { sys, facts, problems, repair: await repairPlan(sys, facts.postfix, problems, doctor.settings) };
}

describe('repairPlan', () => {
  it('the seed: chmod the 0644 map, postmap it, smtp_use_tls out, the level secure, in one plan', async () => {
    const { sys, problems, repair } = await doctorOn();
    for (const code of ['password-file-readable', 'map-not-compiled', 'obsolete-settings', 'tls-unverified'])
      assert.ok(repair.codes.includes(code), `${code} in ${repair.codes.join(', ')}`);
    assert.deepEqual(
      repair.codes,
      problems.filter((p) => p.fixable && p.repair).map((p) => p.code),
    );
    const { plan } = repair;
    assert.deepEqual(plan.secretFixes, [{ path: '/etc/postfix/saslpass', mode: 0o644, action: 'chmod' }]);
    assert.deepEqual(
      plan.commands.map((c) => [c.file, ...c.args].join(' ')),
      ['postmap hash:/etc/postfix/saslpass'],
    );
    assert.ok(plan.removeSettings.includes('smtp_use_tls'), plan.removeSettings.join(' '));
    assert.equal(plan.settings.find((s) => s.name === 'smtp_tls_security_level')?.to, 'secure');
    for (const path of ['/etc/postfix/main.cf', '/etc/postfix/saslpass', '/etc/postfix/saslpass.db'])
      assert.ok(plan.touches.includes(path), path);
    assert.equal(repair.start, false);
    assert.deepEqual(sys.writes, [], 'planning changes nothing');
  });

  it('a stopped Postfix: the plan starts it', async () => {
    const { problems, repair } = await doctorOn(false);
    assert.ok(
      problems.some((p) => p.code === 'postfix-not-running'),
      problems.map((p) => p.code).join(', '),
    );
    assert.equal(repair.start, true);
  });

  it('no fixable problem: an empty plan and no codes', async () => {
    const { sys, facts, problems } = await doctorOn();
    const unfixable = problems.map((p) => ({ ...p, fixable: false }));
    const repair = await repairPlan(sys, facts.postfix, unfixable, facts.postfix.settings);
    assert.deepEqual(repair.codes, []);
    assert.ok(planIsEmpty(repair.plan));
    assert.equal(repair.start, false);
  });
});
