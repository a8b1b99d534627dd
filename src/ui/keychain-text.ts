// The keychain in words: why it cannot help, and status's keychain line.
import type { KeychainState } from '../flow/keychain/keychain-state.js';
import { t } from './messages.js';

/** Why the keychain cannot help, as one clause for the sentences below. */
export function keychainReasonText(state: Pick<KeychainState, 'reason' | 'owner'>): string {
  const owner = state.owner ?? '';
  switch (state.reason) {
    case 'module-missing':
      return t('keychain.reason.module');
    case 'no-session-bus':
      return owner ? t('keychain.reason.busOf', { user: owner }) : t('keychain.reason.bus');
    case 'kernel-keyring-only':
      return t('keychain.reason.kernelOnly');
    case 'locked':
      return t('keychain.reason.locked');
    case 'disabled':
      return t('keychain.reason.disabled');
    default:
      return t('keychain.reason.error');
  }
}

/** The status line in words. */
export function keychainStatusText(word: string, account: string | undefined, owner: string | undefined): string {
  const where = owner ? t('keychain.ofUser', { user: owner }) : t('keychain.own');
  if (word === 'stored') return t('status.keychainStored', { account: account ?? '', where });
  if (word === 'not-stored')
    return account ? t('status.keychainNotStored', { account, where }) : t('status.keychainEmpty', { where });
  const reason = word.replace(/^unavailable:/, '');
  return t('status.keychainUnavailable', { reason: keychainReasonText({ reason, owner }) });
}
