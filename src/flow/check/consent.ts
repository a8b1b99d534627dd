// When each OAuth account's consent ends, as the wizard recorded it at setup (a consent screen in
// Testing: Google ends it after 7 days; postfix/oauth-consent-record.ts) and doctor's facts read it.
// check turns it into a WARNING before the end and a CRITICAL after it, and --textfile into
// postfix_gmail_wizard_oauth_consent_expiry_timestamp_seconds.
import type { OauthFacts } from '../../postfix/problems/types.js';
import type { ConsentFacts } from './judge.js';

export function consentsOf(oauth: OauthFacts | undefined): ConsentFacts[] {
  return (oauth?.tokens ?? []).flatMap((t) =>
    t.consentExpiresAt === undefined ? [] : [{ account: t.account, expiresAt: t.consentExpiresAt }],
  );
}

/** Each token file's access token expiry (the plugin's "expiry"), for the textfile. */
export function accessTokensOf(oauth: OauthFacts | undefined): { account: string; expiry: number }[] {
  return (oauth?.tokens ?? []).flatMap((t) =>
    t.expiry === undefined ? [] : [{ account: t.account, expiry: t.expiry }],
  );
}
