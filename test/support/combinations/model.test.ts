import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allPairs, combinationName, everyCombination, pairsOf, pairwise } from './model.js';

describe('the combinations', () => {
  it('the pairwise set covers every pair of values of two dimensions, in far fewer runs than the product', () => {
    const set = pairwise();
    const covered = new Set(set.flatMap(pairsOf));
    assert.deepEqual(
      [...allPairs()].filter((p) => !covered.has(p)),
      [],
    );
    assert.ok(set.length <= 20, `${set.length} runs`);
    assert.equal(everyCombination().length, 4 * 2 * 2 ** 5 * 3 * 3);
  });
  it('is the same set every time (a failure can be run again), with a distinct name for each', () => {
    assert.deepEqual(pairwise(), pairwise());
    const names = pairwise().map(combinationName);
    assert.equal(new Set(names).size, names.length);
  });
  it('each run in it is needed: without any one of them some pair goes uncovered', () => {
    const set = pairwise();
    for (const [i, c] of set.entries()) {
      const covered = new Set(set.filter((_, j) => j !== i).flatMap(pairsOf));
      assert.ok(
        [...allPairs()].some((p) => !covered.has(p)),
        combinationName(c),
      );
    }
  });
});
