// The keychain in words (ui/keychain-text.ts): each reason its own clause, status's line naming whose keychain.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keychainReasonText, keychainStatusText } from '../../../src/ui/keychain-text.js';
import { t } from '../../../src/ui/messages.js';

const A = 'someone@gmail.com';

describe('ui/keychain-text', () => {
  it('every reason has its own words; an unknown one is "an error"', () => {
    for (const [reason, key] of [
      ['module-missing', 'keychain.reason.module'],
      ['kernel-keyring-only', 'keychain.reason.kernelOnly'],
      ['disabled', 'keychain.reason.disabled'],
      ['what-is-this', 'keychain.reason.error'],
    ] as const) {
      assert.equal(keychainReasonText({ reason }), t(key));
    }
  });

  it('in words, naming whose keychain', () => {
    assert.equal(
      keychainStatusText('stored', A, 'alice'),
      t('status.keychainStored', { account: A, where: t('keychain.ofUser', { user: 'alice' }) }),
    );
    assert.equal(
      keychainStatusText('not-stored', A, undefined),
      t('status.keychainNotStored', { account: A, where: t('keychain.own') }),
    );
    assert.equal(
      keychainStatusText('not-stored', undefined, undefined),
      t('status.keychainEmpty', { where: t('keychain.own') }),
    );
    assert.equal(
      keychainStatusText('unavailable:locked', A, undefined),
      t('status.keychainUnavailable', { reason: t('keychain.reason.locked') }),
    );
  });
});
