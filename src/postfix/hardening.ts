// Two settings that keep Postfix from making a bad day worse with Gmail:
// - smtp_sasl_auth_cache_name/_time (postconf(5)): after a 535, smtp(8) remembers the server, user
//   and password that were refused and does not log in with them again until the password changes
//   or the entry expires — instead of trying at every retry until Gmail answers "454 4.7.0 Too many
//   login attempts" and locks the account. A new password is a new key, so it is tried at once. The
//   cache is written through proxymap, so it must be a proxy: map of a writable type that
//   proxy_write_maps names (its default names $smtp_sasl_auth_cache_name).
// - smtp_tls_mandatory_protocols: Gmail speaks TLS 1.2 and 1.3 only; ">=TLSv1.2" needs Postfix 3.6,
//   older versions take the exclusion list.
import type { Settings } from './postconf.js';

export const hardeningSettings = [
  'smtp_sasl_auth_cache_name',
  'smtp_sasl_auth_cache_time',
  'smtp_tls_mandatory_protocols',
] as const;

/** The login's cache: a relay that admits this machine by address (--auth none) has no login to cache. */
export const authCacheSettings = ['smtp_sasl_auth_cache_name', 'smtp_sasl_auth_cache_time'] as const;

/** A refused password is tried again after a day at most (Postfix's default is 90 days). */
export const authCacheTime = '1d';
const writableTypes = ['lmdb', 'btree', 'hash'];

export interface HardeningFacts {
  version: string;
  mapTypes: readonly string[];
  defaultMapType: string;
  /** data_directory, proxy_write_maps and the hardening settings' current values. */
  settings: Settings;
}

/** "3.7.11" → true from 3.6 on (the ">=" protocol syntax). */
export function hasProtocolRange(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 3 || (major === 3 && minor >= 6);
}

/** The cache map: proxy:<writable type of this build>:<data_directory>/sasl_auth_cache, or undefined where none fits. */
export function authCacheMap(facts: HardeningFacts): string | undefined {
  if (!facts.mapTypes.includes('proxy')) return undefined;
  const type = writableTypes.includes(facts.defaultMapType)
    ? facts.defaultMapType
    : writableTypes.find((t) => facts.mapTypes.includes(t));
  const dir = (facts.settings.data_directory ?? '').trim().replace(/\/+$/, '');
  if (!type || !dir) return undefined;
  const map = `proxy:${type}:${dir}/sasl_auth_cache`;
  // proxymap writes only the maps proxy_write_maps names (a person may have narrowed it).
  const writable = (facts.settings.proxy_write_maps ?? '').split(/[\s,]+/);
  return writable.includes('$smtp_sasl_auth_cache_name') ||
    writable.includes('${smtp_sasl_auth_cache_name}') ||
    writable.includes(map)
    ? map
    : undefined;
}

/** What the wizard sets; a value main.cf already sets on purpose (another one) is a person's and stays. */
export function hardening(facts: HardeningFacts, explicit: readonly string[]): Settings {
  const wanted: Settings = {
    smtp_tls_mandatory_protocols: hasProtocolRange(facts.version) ? '>=TLSv1.2' : '!SSLv2, !SSLv3, !TLSv1, !TLSv1.1',
  };
  const cache = authCacheMap(facts);
  if (cache) Object.assign(wanted, { smtp_sasl_auth_cache_name: cache, smtp_sasl_auth_cache_time: authCacheTime });
  return Object.fromEntries(
    Object.entries(wanted).filter(([name, value]) => !explicit.includes(name) || facts.settings[name] === value),
  );
}

/** remove takes out only the values that are the wizard's own. */
export function ownHardening(facts: HardeningFacts, explicit: Readonly<Record<string, string>>): string[] {
  const wanted = hardening(facts, []);
  return hardeningSettings.filter((name) => name in explicit && explicit[name] === wanted[name]);
}
