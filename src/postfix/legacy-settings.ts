// main.cf settings a hand-made relay carries that Postfix has superseded or
// that do not do what their author meant, each with the settings that say the
// same thing today. Pure: what the file system knows (is smtp_tls_CApath a
// directory?) is passed in. Sources: DEPRECATION_README (Postfix 3.9 warns
// about disable_dns_lookups, xxx_use_tls, xxx_enforce_tls, xxx_per_site),
// postconf(5) (smtp_tls_CApath "directory with PEM format CA certificates";
// smtp_tls_per_site is ignored when smtp_tls_policy_maps is set).
import { globalLevel } from './tls-policy.js';

export interface LegacySetting {
  name: string;
  value: string;
  why: 'obsolete' | 'misused';
  /** The settings that take its place; undefined = remove the parameter. */
  replacement: Record<string, string | undefined>;
}

export type PathKind = 'file' | 'directory' | 'missing';

export interface LegacyFacts {
  /** What is at a path main.cf names (smtp_tls_CApath, smtp_tls_CAfile); a path left out is judged by its name. */
  pathKinds?: Readonly<Record<string, PathKind>>;
}

/** A bundle's usual names; only used for a path whose kind was not given. */
const bundleName = /\.(crt|pem|cer|bundle)$/i;

function kindOf(path: string, facts: LegacyFacts): PathKind {
  return facts.pathKinds?.[path] ?? (bundleName.test(path) ? 'file' : 'directory');
}

/**
 * `mainCf`: the parameters main.cf sets (`postconf -n`). Applying every replacement returned leaves
 * smtp(8) with the same TLS level it uses now (the level, not the defaults, stands in for the old switches).
 */
export function legacySettings(mainCf: Readonly<Record<string, string>>, facts: LegacyFacts = {}): LegacySetting[] {
  const found: LegacySetting[] = [];
  const has = (name: string) => mainCf[name] !== undefined;
  const explicitLevel = (mainCf.smtp_tls_security_level ?? '').trim() !== '';
  // One level for all three switches, so their replacements agree when applied together.
  const level = explicitLevel ? {} : { smtp_tls_security_level: globalLevel(mainCf) };
  for (const name of ['smtp_use_tls', 'smtp_enforce_tls', 'smtp_tls_enforce_peername']) {
    if (has(name))
      found.push({ name, value: mainCf[name]!, why: 'obsolete', replacement: { [name]: undefined, ...level } });
  }
  if (has('disable_dns_lookups')) {
    const off = /^(yes|true|1)$/i.test(mainCf.disable_dns_lookups!.trim()) && !has('smtp_dns_support_level');
    found.push({
      name: 'disable_dns_lookups',
      value: mainCf.disable_dns_lookups!,
      why: 'obsolete',
      replacement: { disable_dns_lookups: undefined, ...(off ? { smtp_dns_support_level: 'disabled' } : {}) },
    });
  }
  if (has('smtp_tls_per_site') && (mainCf.smtp_tls_policy_maps ?? '').trim() !== '') {
    found.push({
      name: 'smtp_tls_per_site',
      value: mainCf.smtp_tls_per_site!,
      why: 'misused',
      replacement: { smtp_tls_per_site: undefined },
    });
  }
  const caPath = (mainCf.smtp_tls_CApath ?? '').trim();
  const caFile = (mainCf.smtp_tls_CAfile ?? '').trim();
  // OpenSSL reads a CApath as a directory of hashed names: a bundle named there is never read.
  if (caPath && kindOf(caPath, facts) === 'file') {
    found.push({
      name: 'smtp_tls_CApath',
      value: mainCf.smtp_tls_CApath!,
      why: 'misused',
      replacement: { smtp_tls_CApath: undefined, ...(caFile ? {} : { smtp_tls_CAfile: caPath }) },
    });
  }
  if (caFile && kindOf(caFile, facts) === 'directory' && facts.pathKinds?.[caFile] === 'directory') {
    found.push({
      name: 'smtp_tls_CAfile',
      value: mainCf.smtp_tls_CAfile!,
      why: 'misused',
      replacement: { smtp_tls_CAfile: undefined, ...(caPath ? {} : { smtp_tls_CApath: caFile }) },
    });
  }
  return found;
}

/** Every replacement merged: the main.cf edit that takes the legacy settings out. */
export function legacyReplacement(found: readonly LegacySetting[]): Record<string, string | undefined> {
  return Object.assign({}, ...found.map((s) => s.replacement)) as Record<string, string | undefined>;
}

/** The paths whose kind legacySettings() wants to know. */
export function legacyPaths(mainCf: Readonly<Record<string, string>>): string[] {
  return [mainCf.smtp_tls_CApath, mainCf.smtp_tls_CAfile].map((p) => (p ?? '').trim()).filter((p) => p.startsWith('/'));
}
