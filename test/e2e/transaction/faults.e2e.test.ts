// The fault sweep's slice that runs on every `npm test` (support/fault-cases.ts sliceCases; the whole
// sweep is `npm run faults`): a full disk (the known defect: setup with one page free said "Every change
// was rolled back" and left sasl_passwd holding the password), a disk filling or going read-only mid-
// apply, kill -9 — for setup, remove, restore and doctor --fix, each on a small tmpfs in a mount
// namespace of its own. After each: the config dir as before or the change complete, Postfix running
// with a configuration `postfix check` accepts, no new file holding the password, a failure explained,
// "rolled back" said only when it is true.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { caseName, sliceCases } from '../../support/fault-cases.js';
import { sweep } from '../../support/fault-sweep.js';
import type { FaultResult } from '../../support/fault-verdict.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';

describe('no fault leaves a trace (the sweep slice)', { skip: postfixSkipReason() }, () => {
  const cases = sliceCases();
  let results: Promise<FaultResult[]> | undefined;
  const resultOf = async (name: string) => {
    results ??= sweep(cases);
    const found = (await results).find((r) => r.name === name);
    assert.ok(found, `no result for ${name}`);
    return found;
  };
  for (const c of cases) {
    it(caseName(c), async () => {
      const r = await resultOf(caseName(c));
      assert.equal(r.reached, true, 'the fault was made (the plan has that step)');
      assert.deepEqual(r.problems, [], `${r.name} (exit ${r.exit}): ${r.said}`);
    });
  }

  it('a full disk is refused before the first write, naming the folder and the space', async () => {
    const r = await resultOf(caseName(cases[0]!));
    assert.equal(r.verdict, 'before');
    assert.equal(r.exit, 1);
    assert.match(r.said ?? '', /is too full for this change: \d+ KiB free, about \d+ KiB needed/);
  });
});
