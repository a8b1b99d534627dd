// A transaction step's line (ui/step-text.ts): from the journal's code and target, or the label an
// older version recorded itself.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STEP_CODES } from '../../../src/transaction/journal.js';
import { inLanguage, wordsFor } from '../../../src/ui/messages.js';
import { stepLabel } from '../../../src/ui/step-text.js';

describe('stepLabel', () => {
  it('each step code has its own line; the target fills the path or command', () => {
    assert.equal(new Set(STEP_CODES.map((code) => stepLabel({ code }))).size, STEP_CODES.length);
    assert.equal(stepLabel({ code: 'write', target: '/etc/postfix/sasl_passwd' }), 'Writing /etc/postfix/sasl_passwd');
    assert.equal(
      stepLabel({ code: 'delete', target: '/etc/postfix/gmail_generic' }),
      'Removing /etc/postfix/gmail_generic',
    );
    assert.equal(
      stepLabel({ code: 'command', target: 'postmap hash:/etc/postfix/sasl_passwd' }),
      'Running postmap hash:/etc/postfix/sasl_passwd',
    );
    for (const code of STEP_CODES) assert.doesNotMatch(stepLabel({ code }), /\{\w+\}/, code);
  });

  it('a journal of an older version: its recorded label, or a dash', () => {
    assert.equal(stepLabel({ name: 'Writing /etc/postfix/main.cf' }), 'Writing /etc/postfix/main.cf');
    assert.equal(stepLabel({}), '—');
  });

  it('in Japanese with --lang ja', async () => {
    const label = inLanguage(await wordsFor('ja'), () => stepLabel({ code: 'write', target: '/etc/postfix/main.cf' }));
    assert.equal(label, '/etc/postfix/main.cf の書き込み');
  });
});
