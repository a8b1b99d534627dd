// The OS keychain as an optional convenience: a password stored there is
// offered on the next run, and switching accounts needs no retyping. Postfix
// itself never reads it, so every failure here is reported and the run goes on.
//
// An entry belongs to one relay (host and port): its key is "account [host]:port", so a password
// is offered only to the relay it was stored for. Entries of the default relay, [smtp.gmail.com]:587,
// keep the bare account as their key — what every earlier version wrote — so those still work
// there, and only there; a password stored for any other relay is never offered to Gmail or back.
import { defaultRelay, relayhostValue, type Relay } from '../../gmail/relay.js';
import { KEYCHAIN_REASONS } from '../../system/keychain-errors.js';
import type { Keychain } from '../../system/types.js';
import type { Context } from '../context.js';

/** The reasons in --json's `keychain: not-stored:<reason>`: the system's, and disabled (--no-keychain). */
export const KEYCHAIN_OUTCOME_REASONS = [...KEYCHAIN_REASONS, 'disabled', 'from-map'] as const;
/** --json's `keychain` words besides not-stored:<reason>. */
export const KEYCHAIN_OUTCOME_WORDS = ['stored', 'unchanged', 'used'] as const;
export type KeychainReason = string;

export interface KeychainState {
  available: boolean;
  /** Why not; set when the probe or a later call fails (a keyring locked meanwhile). */
  reason?: KeychainReason;
  /** Whose keychain: the person who ran sudo, when the wizard runs as root under sudo. */
  owner?: string;
  keychain?: Keychain;
  /** The password stored for this account and relay, or undefined (none, or the keychain failed: then `reason` says why). */
  get(account: string, relay: Relay): Promise<string | undefined>;
  /** Accounts with a password stored for this relay; empty when unavailable. */
  accounts(relay: Relay): Promise<string[]>;
}

/** The keychain's key for an account's password at a relay (see the top of this file). */
export function keychainKey(account: string, relay: Pick<Relay, 'host' | 'port'>): string {
  return isDefaultRelay(relay) ? account : `${account} ${relayhostValue({ ...relay, implicitTls: false })}`;
}

/** The accounts among the keychain's keys that belong to this relay. */
export function accountsFor(keys: readonly string[], relay: Pick<Relay, 'host' | 'port'>): string[] {
  const suffix = ` ${relayhostValue({ ...relay, implicitTls: false })}`;
  const found = keys.flatMap((key) =>
    key.includes(' ')
      ? key.endsWith(suffix)
        ? [key.slice(0, -suffix.length)]
        : []
      : isDefaultRelay(relay)
        ? [key]
        : [],
  );
  return [...new Set(found)].sort();
}

function isDefaultRelay(relay: Pick<Relay, 'host' | 'port'>): boolean {
  return relay.host.toLowerCase() === defaultRelay.host && relay.port === defaultRelay.port;
}

export async function keychainState(ctx: Pick<Context, 'sys' | 'options'>): Promise<KeychainState> {
  const env = ctx.sys.env();
  // As system/keychain.ts decides: root with sudo's variables means the keychain of the person who ran sudo.
  const owner =
    ctx.sys.isRoot() && env.SUDO_USER && env.SUDO_USER !== 'root' && Number(env.SUDO_UID) > 0
      ? env.SUDO_USER
      : undefined;
  const unavailable = (reason: string): KeychainState => ({
    available: false,
    reason,
    owner,
    get: async () => undefined,
    accounts: async () => [],
  });
  if (!ctx.options.keychain) return unavailable('disabled');
  const keychain = ctx.sys.keychain();
  const reason = await keychain.unavailableReason().catch((error: unknown) => reasonOf(error));
  if (reason) return unavailable(reason);
  const state: KeychainState = {
    available: true,
    owner,
    keychain,
    get: async (account, relay) => {
      try {
        return await keychain.get(keychainKey(account, relay));
      } catch (error) {
        markFailed(state, error); // a locked or broken keychain must not stop the setup
        return undefined;
      }
    },
    accounts: async (relay) => {
      try {
        return accountsFor(await keychain.accounts(), relay);
      } catch (error) {
        markFailed(state, error);
        return [];
      }
    },
  };
  return state;
}

/** The status line's word: stored, not-stored, or unavailable:<reason>. */
export async function keychainStatus(
  state: KeychainState,
  account: string | undefined,
  relay: Relay | undefined,
): Promise<string> {
  if (!account || !relay) return state.available ? 'not-stored' : `unavailable:${state.reason ?? 'error'}`;
  const stored = state.available ? await state.get(account, relay) : undefined;
  if (!state.available) return `unavailable:${state.reason ?? 'error'}`;
  return stored !== undefined ? 'stored' : 'not-stored';
}

export function markFailed(state: KeychainState, error: unknown): void {
  state.available = false;
  state.reason = reasonOf(error);
}

function reasonOf(error: unknown): string {
  return (error as { reason?: string } | undefined)?.reason ?? 'error';
}
