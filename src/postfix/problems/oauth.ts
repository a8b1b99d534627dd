// OAuth 2.0 (main.cf's XOAUTH2-only mechanism filter): the sasl-xoauth2 plugin must be installed (and
// find its config inside smtp's chroot), and smtp(8) — running as mail_owner — must be able to
// rewrite the token file, which the plugin does at each refresh (a new file beside it, renamed).
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
