// OAuth 2.0 (main.cf's XOAUTH2-only mechanism filter): the sasl-xoauth2 plugin must be installed (and
// find its config and a current copy of its CA bundle inside smtp's chroot), and smtp(8) — running as
// mail_owner — must be able to rewrite the token file, which the plugin does at each refresh (a new file
// beside it, renamed).
import type { DoctorFacts, Problem } from './types.js';

const octal = (mode: number) => mode.toString(8).padStart(4, '0');

export function oauthPluginMissing(facts: DoctorFacts): Problem[] {
  const oauth = facts.oauth;
  if (!oauth) return [];
  if (!oauth.plugin)
    return [
      {
        code: 'oauth-plugin-missing',
        severity: 'error',
        evidence: ['smtp_sasl_mechanism_filter = xoauth2', 'libsasl-xoauth2.so: not installed'],
        fixable: false,
        vars: { where: 'sasl-xoauth2' },
      },
    ];
  if (oauth.chrootConfigMissing)
    return [
      {
        code: 'oauth-plugin-missing',
        severity: 'error',
        evidence: [`${oauth.chrootConfigMissing}: missing (smtp runs chrooted)`],
        fixable: false,
        vars: { where: oauth.chrootConfigMissing },
      },
    ];
  return [];
}

/** smtp chrooted: the plugin's libcurl verifies Google with the copy of its CA bundle inside the chroot. */
export function oauthChrootCaStale(facts: Pick<DoctorFacts, 'oauth'>): Problem[] {
  const ca = facts.oauth?.chrootCa;
  if (!ca || !facts.oauth?.plugin) return [];
  const missing = ca.state === 'missing';
  return [
    {
      code: 'oauth-chroot-ca-stale',
      // A stale copy still verifies Google until the root it needs changes; a missing one never does.
      severity: missing ? 'error' : 'warning',
      evidence: [missing ? `${ca.to}: missing (smtp runs chrooted)` : `${ca.to}: differs from ${ca.from}`],
      fixable: true,
      repair: { copy: [{ from: ca.from, to: ca.to }] },
      vars: { from: ca.from, to: ca.to },
    },
  ];
}

export function oauthTokenUnwritable(facts: DoctorFacts): Problem[] {
  const oauth = facts.oauth;
  if (!oauth) return [];
  const { owner } = oauth;
  const wrong = oauth.tokens.filter(
    (t) =>
      t.uid !== owner.uid || (t.mode & 0o777) !== 0o600 || t.dir.uid !== owner.uid || (t.dir.mode & 0o700) !== 0o700,
  );
  if (wrong.length === 0) return [];
  return [
    {
      code: 'oauth-token-unwritable',
      severity: 'error',
      evidence: wrong.map(
        (t) => `${t.path} mode ${octal(t.mode)} uid ${t.uid}; its directory mode ${octal(t.dir.mode)} uid ${t.dir.uid}`,
      ),
      fixable: false,
      vars: { owner: owner.name, paths: wrong.map((t) => t.path).join(' ') },
    },
  ];
}

/**
 * A consent Google ends by itself (a consent screen in Testing: 7 days), as the wizard recorded it:
 * within the warning window it is a warning; past its end the plugin's refresh fails with invalid_grant
 * and every message waits, as after a revoked consent.
 */
export function oauthConsentEnding(facts: Pick<DoctorFacts, 'oauth'>): Problem[] {
  const oauth = facts.oauth;
  if (!oauth) return [];
  return oauth.tokens.flatMap((token): Problem[] => {
    const end = token.consentExpiresAt;
    if (end === undefined) return [];
    const left = end - oauth.now;
    if (left > oauth.consentWarnSeconds) return [];
    const ends = new Date(end * 1000).toISOString();
    return [
      {
        code: left <= 0 ? 'oauth-consent-expired' : 'oauth-consent-expiring',
        severity: left <= 0 ? 'error' : 'warning',
        evidence: [`${token.path}: Google ends the consent at ${ends}`],
        fixable: false,
        vars: { account: token.account, ends, hours: Math.max(0, Math.floor(left / 3600)) },
      },
    ];
  });
}
