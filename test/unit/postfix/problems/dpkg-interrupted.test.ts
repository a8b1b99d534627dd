import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dpkgInterrupted } from '../../../../src/postfix/problems/dpkg-interrupted.js';

describe('dpkg-interrupted', () => {
  it("dpkg --audit's report: an error, its lines the evidence, not fixed by --fix", () => {
    const [problem, ...more] = dpkgInterrupted({
      dpkgInterrupted: ['The following packages are only half configured'],
    });
    assert.deepEqual(more, []);
    assert.deepEqual(problem, {
      code: 'dpkg-interrupted',
      severity: 'error',
      evidence: ['The following packages are only half configured'],
      fixable: false,
    });
  });

  it('nothing reported: no problem', () => {
    assert.deepEqual(dpkgInterrupted({}), []);
    assert.deepEqual(dpkgInterrupted({ dpkgInterrupted: [] }), []);
  });
});
