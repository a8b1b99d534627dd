// status's "Last test" line: how far the message got, in the run's words (the JSON keeps the code).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TEST_STATUSES } from '../../../src/outcome.js';
import { inLanguage, wordsFor } from '../../../src/ui/messages.js';
import { lastTestText } from '../../../src/ui/status-view.js';

const test = { to: 'x@example.com', at: '2026-12-08T04:46:08.594Z', queueId: '05C3D20E102' };

describe('the last test in words', () => {
  it('English: each status as a phrase, with the recipient, time and queue id', () => {
    assert.equal(
      lastTestText({ ...test, status: 'queued' }),
      'to x@example.com at 2026-12-08T04:46:08.594Z (queue id 05C3D20E102): still in the queue when the wizard stopped waiting',
    );
    assert.match(lastTestText({ ...test, status: 'sent' }), /^to x@example\.com at .*\): delivered$/);
  });

  it('Japanese: no English status code in the sentence', async () => {
    const ja = await wordsFor('ja');
    for (const status of TEST_STATUSES) {
      const line = inLanguage(ja, () => lastTestText({ ...test, status }));
      assert.doesNotMatch(line, new RegExp(`\\b${status}\\b`), line);
      assert.match(line, /x@example\.com/);
    }
  });
});
