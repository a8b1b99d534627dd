// One entry taken out of a table source and put back at its old lines (postfix/table-entries.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { putBackLines, takeOutEntry } from '../../../src/postfix/table-entries.js';

const policySource = '# from an old recipe\n[smtp.gmail.com]:587 encrypt\n    protocols=!SSLv2\nexample.net may\n';

/** What setup's TLS fixes take out of policySource, as the saved record has it. */

describe('a table entry out and back', () => {
  it('goes back at its old lines: the file nobody touched since is the old one byte for byte', () => {
    const { content, removed } = takeOutEntry(policySource, '[smtp.gmail.com]:587');
    assert.equal(content, '# from an old recipe\nexample.net may\n');
    assert.equal(putBackLines(content, removed, true), policySource);
    const two = 'a x\nb y\na z\n  more\nc w';
    const out = takeOutEntry(two, 'A');
    assert.equal(out.content, 'b y\nc w');
    assert.equal(putBackLines(out.content, out.removed, true), two);
    assert.equal(
      putBackLines('b y\nc w', out.removed, false),
      'b y\nc w\na x\na z\n  more\n',
      'appended after a last line without newline',
    );
  });
});
