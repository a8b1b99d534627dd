// flow/plan/plan-part.ts: shownPlan gives the transaction only what it executes and keeps, beside it,
// what the person is shown of each file, by its path.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shownPlan } from '../../../../src/flow/plan/plan-part.js';

describe('shownPlan', () => {
  const secret = { path: '/etc/postfix/sasl_passwd', content: 'a b:pw\n', mode: 0o600, secret: true };
  const plain = { path: '/etc/postfix/gmail_generic', content: 'root a\n', mode: 0o644, secret: false };
  const plan = shownPlan(
    '/etc/postfix',
    { retiredMap: { path: '/etc/postfix/saslpass', files: [] } },
    { files: [{ ...secret, previous: 'old\n', shown: 'a b:********\n' }] },
    undefined,
    { files: [plain], commands: [{ file: 'postmap', args: ['hash:/etc/postfix/sasl_passwd'] }] },
  );

  it("hands the transaction its files without the display's text", () => {
    assert.deepEqual(plan.files, [secret, plain]);
    assert.deepEqual(plan.touches, [secret.path, plain.path]);
  });

  it("keeps each file's view by path: the text before, the masked stand-in; none for a new file", () => {
    assert.deepEqual(plan.views, {
      [secret.path]: { previous: 'old\n', shown: 'a b:********\n' },
      [plain.path]: {},
    });
    assert.deepEqual(plan.notes, { retiredMap: { path: '/etc/postfix/saslpass', files: [] } });
  });
});
