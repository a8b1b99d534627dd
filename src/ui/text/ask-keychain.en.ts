// The ask phase: the app password in the desktop keychain (flow/ask/keychain-step.ts,
// flow/ask/account-choice.ts), and the keychain line of status (keychainStatusText).
export const askKeychainEn = {
  // flow/ask/keychain-step.ts, flow/ask/account-choice.ts
  'keychain.using': 'Using the app password stored in the keychain for {account}.',
  'keychain.unavailable':
    'App password not stored in a keychain: {reason}. Postfix does not need it; you will be asked again next time.',
  'keychain.reason.bus': 'no keychain is reachable (no desktop session bus, as usual over SSH)',
  'keychain.reason.module': 'the keychain module is not installed',
  'keychain.own': 'your keychain',
  'keychain.ofUser': 'the keychain of {user}',
  'keychain.storedIn': 'App password for {account} stored in {where}.',
  'keychain.forgotten':
    '{account} no longer signs in with an app password: the one stored for it in the keychain was taken out.',
  'keychain.alreadyStored': 'The app password for {account} is already in {where}.',
  'keychain.notStored':
    'App password for {account} NOT stored in a keychain: {reason}. Postfix does not need it; you will be asked for it again next time.',
  'keychain.unusable': 'The keychain holds something for {account} that is not a usable app password; it is ignored.',
  'keychain.noStoredPassword': 'No stored password could be used for {account}: {reason}.',
  'keychain.noneFor': 'The keychain holds no app password for {account}.',
  'keychain.reason.busOf':
    'no session bus of {user} was found (no desktop session of theirs is running), so their keychain cannot be reached',
  'keychain.reason.kernelOnly':
    'no Secret Service (such as GNOME Keyring or KWallet) answers on the session bus; the only store left is the kernel keyring, which forgets everything at reboot, so it is not used',
  'keychain.reason.locked':
    'the keyring is locked; unlock it (log in to the desktop, or open "Passwords and Keys") and run the wizard again',
  'keychain.reason.disabled': 'the keychain is turned off with --no-keychain',
  'keychain.reason.error': 'the keychain reported an error',

  // ui/keychain-text.ts keychainStatusText (shown by status)
  'status.keychainStored': 'the password of {account} is stored in {where}',
  'status.keychainNotStored': 'no password of {account} in {where}',
  'status.keychainEmpty': 'no account in {where}',
  'status.keychainUnavailable': 'not usable: {reason}',
  'status.keychain': 'Keychain',
} as const;
