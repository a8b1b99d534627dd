// main.cf parameters that old recipes set and that no longer mean what they say (postconf(5)):
// smtp_use_tls / smtp_enforce_tls were replaced by smtp_tls_security_level in Postfix 2.3, and
// smtp_tls_CApath names a directory of hashed certificates — a file there is never read.
// (Minimal version; the full list is kept by the obsolete-settings work, same API.)
export interface LegacySetting {
  name: string;
  value: string;
  why: 'obsolete' | 'misused';
  /** What main.cf should say instead: undefined = remove the parameter. */
  replacement: Record<string, string | undefined>;
}

const yes = (value: string | undefined) => /^(yes|true|1)$/i.test((value ?? '').trim());

/** `mainCf`: the parameters set explicitly in main.cf (`postconf -n`). */
export function legacySettings(mainCf: Readonly<Record<string, string>>): LegacySetting[] {
  const found: LegacySetting[] = [];
  const level = (mainCf.smtp_tls_security_level ?? '').trim();
  // The level these switches meant, kept when main.cf has no smtp_tls_security_level of its own.
  const meant = yes(mainCf.smtp_enforce_tls) ? (yes(mainCf.smtp_tls_enforce_peername ?? 'yes') ? 'verify' : 'encrypt') : yes(mainCf.smtp_use_tls) ? 'may' : undefined;
  for (const name of ['smtp_use_tls', 'smtp_enforce_tls', 'smtp_tls_enforce_peername'] as const) {
    const value = mainCf[name];
    if (value === undefined) continue;
    const replacement: Record<string, string | undefined> = { [name]: undefined };
    if (!level && meant && name !== 'smtp_tls_enforce_peername') replacement.smtp_tls_security_level = meant;
    found.push({ name, value, why: 'obsolete', replacement });
  }
  const caPath = (mainCf.smtp_tls_CApath ?? '').trim();
  // A path ending in a certificate file's name; the caller may confirm with the file system.
  if (/\.(pem|crt|cer)$/i.test(caPath)) {
    const replacement: Record<string, string | undefined> = { smtp_tls_CApath: undefined };
    if (!(mainCf.smtp_tls_CAfile ?? '').trim()) replacement.smtp_tls_CAfile = caPath;
    found.push({ name: 'smtp_tls_CApath', value: caPath, why: 'misused', replacement });
  }
  return found;
}
