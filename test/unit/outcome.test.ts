// The --json document (src/outcome.ts): a new outcome, once the command has said its result and exit
// code, is valid against schema/outcome-v1.schema.json; each one has its own lists.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newOutcome, type Outcome, type ProblemJson } from '../../src/outcome.js';
import { assertOutcomeSchema } from '../support/outcome-schema.js';

describe('newOutcome', () => {
  it('is schema version 1 with nothing changed yet; valid once result and exitCode are set (the schema requires them)', () => {
    for (const command of ['setup', 'status', 'test', 'restore', 'remove', 'doctor']) {
      const outcome = newOutcome(command);
      assert.deepEqual(outcome, {
        schema: 'postfix-gmail-wizard/outcome',
        version: 1,
        command,
        changed: { settings: [], files: [], commands: [] },
        warnings: [],
      });
      assert.throws(
        () => assertOutcomeSchema(outcome),
        /missingProperty": "result"[\s\S]*missingProperty": "exitCode"/,
      );
      assertOutcomeSchema({ ...outcome, result: 'unchanged', exitCode: 0 });
    }
  });

  it("gives each outcome its own lists (one command's changes never show in another's)", () => {
    const first = newOutcome('setup');
    first.changed.settings.push('relayhost');
    first.warnings.push('w');
    const second = newOutcome('setup');
    assert.deepEqual(second.changed.settings, []);
    assert.deepEqual(second.warnings, []);
  });

  it('a filled doctor outcome (ProblemJson) and a test result stay valid', () => {
    const problem: ProblemJson = {
      code: 'map-not-compiled',
      severity: 'error',
      evidence: ['/etc/postfix/sasl_passwd.db missing'],
      fix: 'postmap hash:/etc/postfix/sasl_passwd',
      fixable: true,
    };
    const doctor: Outcome = {
      ...newOutcome('doctor'),
      result: 'problems',
      exitCode: 1,
      doctor: { problems: [problem] },
    };
    assertOutcomeSchema(doctor);
    const tested: Outcome = {
      ...newOutcome('test'),
      result: 'delivered',
      exitCode: 0,
      test: { to: 'a@gmail.com', queueId: '4F2C21A0B3', status: 'sent', dsn: '2.0.0' },
    };
    assertOutcomeSchema(tested);
    assert.throws(
      () => assertOutcomeSchema({ ...tested, test: { to: 'a@gmail.com', status: 'lost' } }),
      /does not match/,
    );
  });
});
