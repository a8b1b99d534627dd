// The plan's line diff.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffLines } from '../../../src/ui/diff.js';

describe('diffLines', () => {
  it('marks removed and added lines', () => {
    assert.deepEqual(diffLines('a\nb\nc\n', 'a\nx\nc\n'), ['  a', '- b', '+ x', '  c']);
    assert.deepEqual(diffLines('', 'new\n'), ['+ new']);
  });
});
