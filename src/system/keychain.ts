// The OS keychain through @napi-rs/keyring's keytar-compatible API, loaded
// only when first needed and optional: Postfix itself reads only the 0600
// password map, so the wizard works (and says so) where no keychain exists.
import type { Keychain } from './types.js';

export const keychainService = 'postfix-gmail-wizard';

type Keytar = typeof import('@napi-rs/keyring/keytar.js');

export function createKeychain(env: Readonly<Record<string, string | undefined>> = process.env): Keychain {
  let loaded: Promise<Keytar | undefined> | undefined;
  const load = () =>
    (loaded ??= import('@napi-rs/keyring/keytar.js').then(
      (m) => ((m as { default?: Keytar }).default ?? m) as Keytar,
      () => undefined,
    ));

  const unavailableReason = async (): Promise<string | undefined> => {
    // Without a session bus there is no Secret Service; the library would
    // then fall back to the kernel keyring, which forgets on reboot.
    if (process.platform === 'linux' && !env.DBUS_SESSION_BUS_ADDRESS) return 'no-session-bus';
    if (!(await load())) return 'module-missing';
    return undefined;
  };
  const keytar = async (): Promise<Keytar> => {
    const reason = await unavailableReason();
    const module = await load();
    if (reason || !module) throw new Error(`keychain unavailable: ${reason ?? 'module-missing'}`);
    return module;
  };

  return {
    unavailableReason,
    get: async (account) => (await (await keytar()).getPassword(keychainService, account)) ?? undefined,
    set: async (account, password) => (await keytar()).setPassword(keychainService, account, password),
    remove: async (account) => (await keytar()).deletePassword(keychainService, account),
    accounts: async () => (await (await keytar()).findCredentials(keychainService)).map((c) => c.account).sort(),
  };
}
