// Why a keychain cannot be used, as codes: the flow turns them into sentences.
/** Why the keychain cannot be used: the words the flow turns into sentences. */
export const KEYCHAIN_REASONS = ['module-missing', 'no-session-bus', 'kernel-keyring-only', 'locked', 'error'] as const;
export type KeychainReason = (typeof KEYCHAIN_REASONS)[number];

/** An Error that carries a KeychainReason; messages never hold a password. */
export interface KeychainError extends Error {
  reason: KeychainReason;
}

export function keychainError(reason: KeychainReason, message: string = reason): KeychainError {
  return Object.assign(new Error(message), { reason });
}

/** The reason behind a failure of the library (its messages are the only signal it gives). */
export function classifyKeychainError(error: unknown): KeychainReason {
  const given = (error as Partial<KeychainError> | undefined)?.reason;
  if (given) return given;
  const message = String((error as Error | undefined)?.message ?? error);
  if (/IsLocked|is locked|locked object|prompt was dismissed|unlock/i.test(message)) return 'locked';
  if (/ServiceUnknown|not provided by any \.service files|org\.freedesktop\.secrets/i.test(message))
    return 'kernel-keyring-only';
  if (
    /autolaunch|DBUS_SESSION_BUS_ADDRESS|Failed to connect|Connection refused|No such file or directory|NoServer|DBus error/i.test(
      message,
    )
  )
    return 'no-session-bus';
  if (/Cannot find module|ERR_MODULE_NOT_FOUND|ERR_DLOPEN_FAILED/i.test(message)) return 'module-missing';
  return 'error';
}
