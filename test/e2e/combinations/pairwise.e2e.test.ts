// Issue 21, part 1: the combinations a machine accumulates, on Debian's real Postfix — every pair
// of values of the starting point (Debian's three debconf answers, the hand-made recipe), the map
// type (the build's default, lmdb), the options (--map-senders, --loopback-only, --root-alias,
// port 465, the Workspace relay), the accounts (a second for addresses, a third for @domain) and
// the change (of default account, of relay) meets in at least one run. Each run is one machine in
// a private network namespace (test/support/combinations/): its setups, an identical re-run,
// `test`, `remove --account`, `remove` and restores (of remove --account's, remove's and the first
// setup's backups), with what a person relies on checked after every step (scenario.ts, checks.ts).
// The full product, restoring every backup: `npm run combos`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { combinationName, pairwise } from '../../support/combinations/model.js';
import { findingsOf, runCombination } from '../../support/combinations/run-combination.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';

// Two machines at a time: each mostly waits (Postfix, node starting), and the set must fit CI's budget.
describe('every pair of features meets on a real Postfix, and every step keeps what a person relies on', {
  skip: postfixSkipReason(),
  concurrency: 2,
}, () => {
  for (const combination of pairwise()) {
    it(combinationName(combination), async () => {
      const report = await runCombination(combination, 'first');
      assert.ok(report.steps.length >= 5, `only ${report.steps.map((s) => s.step).join(', ')}`);
      assert.deepEqual(findingsOf(report), []);
    });
  }
});
