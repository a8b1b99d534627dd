// How Postfix signs in at the relay, read from main.cf's values (status, the JSON outcome): with
// SASL off there is no login at all (Workspace's relay admitting this machine by address); with
// the XOAUTH2 mechanism filter it is OAuth 2.0 through sasl-xoauth2; else a password.
import type { Settings } from './postconf.js';

export type SignIn = 'app-password' | 'oauth' | 'none';

/** undefined: no relayhost, so nothing signs in anywhere. */
export function signInInUse(settings: Settings): SignIn | undefined {
  if (!settings.relayhost?.trim()) return undefined;
  if ((settings.smtp_sasl_auth_enable ?? 'no').trim().toLowerCase() !== 'yes') return 'none';
  const filter = (settings.smtp_sasl_mechanism_filter ?? '')
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  return filter.length === 1 && filter[0] === 'xoauth2' ? 'oauth' : 'app-password';
}
