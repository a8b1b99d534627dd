// After the configuration is in place, the password the relay accepted goes into the OS keychain
// (keychain/keychain-state.ts), for the next run; every failure is said and the run goes on. An
// account that signs in another way from now on has its stored password taken out.
import type { Relay } from '../../gmail/relay.js';
import { keychainReasonText } from '../../ui/keychain-text.js';
import { t } from '../../ui/messages.js';
import type { Context } from '../context.js';
import { keychainKey, markFailed, type KeychainState } from '../keychain/keychain-state.js';

/**
 * After the configuration is in place: store the password, and say honestly what happened.
 * Returns the outcome word for --json: stored, unchanged, used (it came from the keychain),
 * not-stored:<reason> (not-stored:from-map: a password read from the root-only map stays there).
 */
export async function rememberPassword(
  ctx: Pick<Context, 'ui'>,
  state: KeychainState,
  account: string,
  relay: Relay,
  credential: { password: string; source: string },
): Promise<string> {
  const where = state.owner ? t('keychain.ofUser', { user: state.owner }) : t('keychain.own');
  if (credential.source === 'keychain') return 'used';
  if (credential.source === 'map') return 'not-stored:from-map';
  if (state.reason === 'disabled') return 'not-stored:disabled';
  if (!state.available || !state.keychain) {
    ctx.ui.info(t('keychain.unavailable', { reason: keychainReasonText(state) }));
    return `not-stored:${state.reason ?? 'error'}`;
  }
  try {
    const key = keychainKey(account, relay);
    if ((await state.keychain.get(key)) === credential.password) {
      ctx.ui.info(t('keychain.alreadyStored', { account, where }));
      return 'unchanged';
    }
    await state.keychain.set(key, credential.password);
    ctx.ui.success(t('keychain.storedIn', { account, where }));
    return 'stored';
  } catch (error) {
    markFailed(state, error);
    ctx.ui.warn(t('keychain.notStored', { account, reason: keychainReasonText(state) }));
    return `not-stored:${state.reason ?? 'error'}`;
  }
}

/**
 * The account signs in without its app password from now on (OAuth, the relay by address): the
 * password stored for it at these relays goes. Returns how many entries went; a failing keychain is
 * not this run's business (nothing of Postfix depends on it), so it counts as none.
 */
export async function forgetPasswords(
  state: KeychainState,
  account: string,
  relays: readonly Pick<Relay, 'host' | 'port'>[],
): Promise<number> {
  if (!state.available || !state.keychain) return 0;
  const keys = [...new Set(relays.map((relay) => keychainKey(account, relay)))];
  let removed = 0;
  for (const key of keys) if (await state.keychain.remove(key).catch(() => false)) removed++;
  return removed;
}
