// The OS keychain through @napi-rs/keyring's native binding, loaded by its
// absolute path (keyring-binding.ts) only when first needed, and optional:
// Postfix itself reads only the 0600 password map, so the wizard works (and
// says so) where no keychain exists.
//
// On Linux the library's default store is the Secret Service (gnome-keyring,
// KWallet, KeePassXC) and, when none answers, the kernel keyring (keyutils),
// silently. The kernel keyring lives in memory and is gone after a reboot, so
// a password put there is "not stored" as far as a person is concerned. Two
// guards keep us honest: unavailableReason() requires a Secret Service on the
// session bus before anything else is tried (a store pinned with
// `{ linux: { store: 'secret-service' } }` throws when there is none, where
// the keytar API would fall back), and set() writes through such a pinned
// entry and reads the value back, so "stored" is only said of a password that
// is in the Secret Service. Reads, deletes and the account list use unpinned
// entries (as the library's keytar API does); after the check above they
// reach the same Secret Service.
import { loadInstalledKeyring, type KeyringModules } from './keyring-binding.js';
import { classifyKeychainError, keychainError } from './keychain-errors.js';
import { sudoUser } from './sudo-user.js';
import type { Keychain } from './types.js';

export const keychainService = 'postfix-gmail-wizard';

/**
 * The keychain of whoever runs the wizard; as root under sudo, the keychain of the person who ran
 * sudo (see sudo-keychain.ts), because that is where their keychain lives and what sudo hid.
 */
export function createKeychain(env: Readonly<Record<string, string | undefined>> = process.env): Keychain {
  const user = process.getuid?.() === 0 ? sudoUser(env) : undefined;
  if (user) return lazyKeychain(import('./sudo-keychain.js').then((m) => m.createSudoKeychain(user, env)));
  return createOwnKeychain(env);
}

/** `binding` loads the native keyring binding (keyring-binding.ts); undefined or a throw means module-missing. */
export function createOwnKeychain(
  env: Readonly<Record<string, string | undefined>>,
  binding: () => Promise<KeyringModules | undefined> = loadInstalledKeyring,
): Keychain {
  let loaded: Promise<KeyringModules | undefined> | undefined;
  const load = () => (loaded ??= binding().catch(() => undefined));
  const entry = (m: KeyringModules, account: string) => new m.AsyncEntry(keychainService, account);
  const pinned = (m: KeyringModules, account: string) =>
    new m.AsyncEntry(
      keychainService,
      account,
      process.platform === 'linux' ? { linux: { store: 'secret-service' } } : undefined,
    );

  const ready = async (): Promise<KeyringModules> => {
    // Without a session bus there is no Secret Service (libdbus would try X11 autolaunch).
    if (process.platform === 'linux' && !env.DBUS_SESSION_BUS_ADDRESS) throw keychainError('no-session-bus');
    const modules = await load();
    if (!modules) throw keychainError('module-missing');
    return modules;
  };
  const guard = async <T>(work: (m: KeyringModules) => Promise<T>): Promise<T> => {
    const modules = await ready();
    try {
      return await work(modules);
    } catch (error) {
      throw keychainError(classifyKeychainError(error), scrub(error));
    }
  };

  return {
    async unavailableReason() {
      try {
        await guard(async (m) => {
          pinned(m, 'probe'); // throws where no Secret Service answers on the bus
          // Listing needs the collection unlocked, and never prompts: a locked keyring shows here.
          await m.findCredentials(keychainService);
        });
        return undefined;
      } catch (error) {
        return classifyKeychainError(error);
      }
    },
    get: (account) => guard(async (m) => (await entry(m, account).getPassword()) ?? undefined),
    set: (account, password) =>
      guard(async (m) => {
        const entry = pinned(m, account);
        await entry.setPassword(password);
        if ((await entry.getPassword()) !== password)
          throw keychainError('error', 'the keychain did not keep the password');
      }),
    remove: (account) => guard((m) => entry(m, account).deletePassword()),
    accounts: () => guard(async (m) => (await m.findCredentials(keychainService)).map((c) => c.account).sort()),
  };
}

/** A Keychain whose implementation is still being loaded. */
function lazyKeychain(pending: Promise<Keychain>): Keychain {
  return {
    unavailableReason: async () => (await pending).unavailableReason(),
    get: async (account) => (await pending).get(account),
    set: async (account, password) => (await pending).set(account, password),
    remove: async (account) => (await pending).remove(account),
    accounts: async () => (await pending).accounts(),
  };
}

/** The library's message, one line, without anything that is not plain text. */
function scrub(error: unknown): string {
  const message = String((error as Error | undefined)?.message ?? error);
  return message.replace(/[^\x20-\x7e]+/g, ' ').slice(0, 300);
}
