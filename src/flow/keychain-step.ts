// The OS keychain as an optional convenience: a password stored there is
// offered on the next run. Postfix itself never reads it.
import type { Keychain } from '../system/types.js';
import { t } from '../ui/messages.js';
import type { Context } from './context.js';

export interface KeychainState {
  available: boolean;
  /** Why not, in the words of the keychain module (no-session-bus, module-missing, disabled). */
  reason?: string;
  get(account: string): Promise<string | undefined>;
  keychain?: Keychain;
}

export async function keychainState(ctx: Pick<Context, 'sys' | 'options'>): Promise<KeychainState> {
  if (!ctx.options.keychain) return { available: false, reason: 'disabled', get: async () => undefined };
  const keychain = ctx.sys.keychain();
  const reason = await keychain.unavailableReason();
  if (reason) return { available: false, reason, get: async () => undefined };
  return {
    available: true,
    keychain,
    get: async (account) => {
      try {
        return await keychain.get(account);
      } catch {
        return undefined; // a locked or broken keychain must not stop the setup
      }
    },
  };
}

/** Store the password; say honestly what happened. Returns the outcome word for --json. */
export async function rememberPassword(ctx: Pick<Context, 'ui'>, state: KeychainState, account: string, password: string): Promise<string> {
  if (!state.available || !state.keychain) {
    if (state.reason !== 'disabled') ctx.ui.info(t('keychain.unavailable', { reason: state.reason === 'module-missing' ? t('keychain.reason.module') : t('keychain.reason.bus') }));
    return `not-stored:${state.reason}`;
  }
  try {
    await state.keychain.set(account, password);
    ctx.ui.success(t('keychain.stored', { account }));
    return 'stored';
  } catch (error) {
    ctx.ui.warn(t('keychain.failed', { reason: (error as Error).message }));
    return 'not-stored:error';
  }
}
