// The keychain's failure words, as @napi-rs/keyring gives them, to reasons (system/keychain-errors.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyKeychainError } from '../../../src/system/keychain-errors.js';

describe('keychain failure words', () => {
  // Messages as @napi-rs/keyring 2.1 gives them (seen on Debian 12 with gnome-keyring 42).
  const seen: [string, string][] = [
    [
      'Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead',
      'no-session-bus',
    ],
    [
      'zbus error: Failed to connect to address `unix:path=/run/user/0/bus`: No such file or directory (os error 2)',
      'no-session-bus',
    ],
    [
      'Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files',
      'kernel-keyring-only',
    ],
    [
      'zbus error: org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files',
      'kernel-keyring-only',
    ],
    ['zbus error: org.freedesktop.Secret.Error.IsLocked: Cannot get secret of a locked object', 'locked'],
    ["Couldn't access platform storage: Secret Service: unlock prompt was dismissed", 'locked'],
    ["Couldn't access platform storage: Secret Service: no result found", 'error'],
  ];
  for (const [message, reason] of seen) {
    it(`${reason}: ${message.slice(0, 60)}…`, () => assert.equal(classifyKeychainError(new Error(message)), reason));
  }
  it('keeps a reason already given', () => {
    assert.equal(classifyKeychainError(Object.assign(new Error('x'), { reason: 'locked' })), 'locked');
  });
});
