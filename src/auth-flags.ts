// --auth and the flags that belong to one way of signing in only (CLI.md), checked with the other
// flags before anything runs (exit 2).
import { UsageError } from './errors.js';
import { t } from './ui/messages.js';

/** How Postfix signs in at the relay (--auth): the app password, OAuth 2.0 (XOAUTH2), or none (Workspace's relay by IP address). */
export const authMethods = ['app-password', 'oauth', 'none'] as const;
export type AuthMethod = (typeof authMethods)[number];

/** --auth and the flags that belong to one way of signing in only. */
export function checkAuthFlags(v: {
  auth?: string;
  'oauth-client'?: string;
  'oauth-token-file'?: string;
  'password-stdin'?: boolean;
  'password-file'?: string;
  senders?: string;
}): AuthMethod | undefined {
  const auth = v.auth;
  if (auth !== undefined && !(authMethods as readonly string[]).includes(auth)) {
    throw new UsageError('usage', t('options.auth', { auth }), t('options.authFix'));
  }
  const oauthFlag =
    v['oauth-client'] !== undefined
      ? '--oauth-client'
      : v['oauth-token-file'] !== undefined
        ? '--oauth-token-file'
        : undefined;
  if (oauthFlag && auth !== 'oauth') {
    throw new UsageError(
      'usage',
      t('options.oauthFlagWithoutOauth', { flag: oauthFlag }),
      t('options.oauthFlagWithoutOauthFix', { flag: oauthFlag }),
    );
  }
  const passwordFlag = v['password-stdin']
    ? '--password-stdin'
    : v['password-file'] !== undefined
      ? '--password-file'
      : undefined;
  if (passwordFlag && (auth === 'oauth' || auth === 'none')) {
    throw new UsageError(
      'usage',
      t('options.passwordWithAuth', { flag: passwordFlag, auth }),
      t('options.passwordWithAuthFix', { flag: passwordFlag }),
    );
  }
  // Sender-dependent accounts each log in with their own password; the relay by IP address has no login to pick.
  if (v.senders !== undefined && auth === 'none') {
    throw new UsageError('usage', t('options.sendersWithAuthNone'), t('options.sendersWithAuthNoneFix'));
  }
  // Postfix's mechanism filter is one for every account: XOAUTH2 only would lock the password accounts out.
  if (v.senders !== undefined && auth === 'oauth') {
    throw new UsageError('usage', t('options.sendersWithAuthOauth'), t('options.sendersWithAuthOauthFix'));
  }
  return auth as AuthMethod | undefined;
}
