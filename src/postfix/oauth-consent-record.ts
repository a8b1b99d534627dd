// The record of when each OAuth consent ends (postfix-gmail-wizard.consent beside the saved settings).
// Google ends a consent given while the Cloud project's consent screen is in "Testing" after 7 days,
// and says so only in the token endpoint's answer (refresh_token_expires_in). sasl-xoauth2 rewrites
// its token file with the fields it knows (token_store.cc: TokenStore::Write builds a new JSON of its
// own keys), so an end kept there would be lost at the first refresh: the wizard keeps it here,
// keyed by the token file it belongs to (one Postfix instance's queue_directory, one account).
// Pure: parse and merge; the template renders it.

export interface ConsentEntry {
  account: string;
  /** The token file as root sees it (queue_directory/sasl-xoauth2/ACCOUNT.json). */
  tokenFile: string;
  /** Epoch seconds when Google ends the consent. */
  expiresAt: number;
}

/** The entries of a record; anything unreadable counts as no entry (status then knows no end). */
export function parseConsentRecord(text: string | undefined): ConsentEntry[] {
  try {
    const root = JSON.parse(text ?? '') as { consents?: unknown };
    if (!Array.isArray(root.consents)) return [];
    return root.consents.flatMap((c: Record<string, unknown>) =>
      c &&
      typeof c.account === 'string' &&
      typeof c.tokenFile === 'string' &&
      typeof c.expiresAt === 'number' &&
      c.expiresAt > 0
        ? [{ account: c.account, tokenFile: c.tokenFile, expiresAt: Math.floor(c.expiresAt) }]
        : [],
    );
  } catch {
    return [];
  }
}

/**
 * The record after a token file is written or kept. A new consent replaces the token's entry (no end
 * known — a screen in Production — takes it out). `sameConsent`: the refresh token in the file is the
 * one proved now, so the earliest end known stands (Google counts what is left: a re-run changes nothing).
 */
export function withConsent(
  entries: readonly ConsentEntry[],
  token: { account: string; tokenFile: string },
  end: number | undefined,
  sameConsent: boolean,
): ConsentEntry[] {
  const before = entries.find((e) => e.tokenFile === token.tokenFile);
  const others = entries.filter((e) => e.tokenFile !== token.tokenFile);
  const known = [...(sameConsent && before ? [before.expiresAt] : []), ...(end !== undefined ? [end] : [])];
  const expiresAt = known.length > 0 ? Math.min(...known) : undefined;
  const next = expiresAt === undefined ? others : [...others, { ...token, expiresAt }];
  return next.sort((a, b) => a.tokenFile.localeCompare(b.tokenFile));
}
