// Which TLS level smtp(8) really uses for the relay, and what overrides the
// main.cf one. Rules from src/smtp/smtp_tls_policy.c (policy_create,
// tls_policy_lookup, tls_site_lookup, global_tls_level) and postconf(5).
import { takeOutEntry } from './table-entries.js';

/** Parameters that change how smtp(8) protects the login; a master.cf `-o` of one that differs from main.cf is an override. */
export const tlsParameters = [
  'smtp_tls_security_level',
  'smtp_tls_policy_maps',
  'smtp_tls_per_site',
  'smtp_use_tls',
  'smtp_enforce_tls',
  'smtp_tls_enforce_peername',
  'smtp_tls_secure_cert_match',
  'smtp_tls_CAfile',
  'smtp_tls_CApath',
  'tls_append_default_CA',
  'smtp_tls_wrappermode',
  'smtp_sasl_security_options',
  'smtp_sasl_tls_security_options',
] as const;

/**
 * The levels at which smtp(8) checks the relay's certificate before it sends the password (doctor and
 * status alike). Below them the password goes to whoever answers; `dane` falls back to `may` where the
 * relay publishes no TLSA records, so it does not count.
 */
export const VERIFYING_LEVELS: readonly string[] = ['verify', 'secure', 'fingerprint', 'dane-only'];

export function verifiesPeer(level: string | undefined): boolean {
  return VERIFYING_LEVELS.includes((level ?? '').trim());
}

export type TlsSource = 'main.cf' | 'master.cf' | 'policy-map' | 'per-site';

export interface MasterParameter {
  service: string;
  type: string;
  name: string;
  value: string;
}

/** A table entry found for the relay (postmap -q): the map, the key that matched, its value. */
export interface TableHit {
  map: string;
  key: string;
  value: string;
}

export interface EffectiveTls {
  level: string;
  source: TlsSource;
  /** Where exactly: `smtp/unix` for master.cf, `map key` for a table. */
  where?: string;
}

/**
 * Keys smtp_tls_policy_maps is searched with for a next-hop: a bracketed or
 * ported next-hop ([host]:587, relayhost's form) is looked up once, verbatim;
 * a bare domain then by its parent domains with a leading dot.
 */
export function policyLookupKeys(nexthop: string): string[] {
  const dest = nexthop.trim().toLowerCase();
  if (!dest) return [];
  if (dest.startsWith('[') || dest.includes(':')) return [dest];
  const keys = [dest];
  for (let dot = dest.indexOf('.', 1); dot > 0; dot = dest.indexOf('.', dot + 1)) keys.push(dest.slice(dot));
  return keys;
}

/** smtp_tls_per_site (obsolete): the next-hop as written, then the server's host name. */
export function perSiteLookupKeys(nexthop: string): string[] {
  const dest = nexthop.trim().toLowerCase();
  const host = dest.replace(/^\[([^\]]*)\].*$/, '$1').replace(/:\d+$/, '');
  return [...new Set([dest, host].filter(Boolean))];
}

/** The level main.cf (or a service's -o) gives when no table says otherwise; the obsolete switches count only without smtp_tls_security_level. */
export function globalLevel(settings: Readonly<Record<string, string>>): string {
  const level = (settings.smtp_tls_security_level ?? '').trim();
  if (level) return level;
  if (isYes(settings.smtp_enforce_tls))
    return isYes(settings.smtp_tls_enforce_peername ?? 'yes') ? 'verify' : 'encrypt';
  return isYes(settings.smtp_use_tls) ? 'may' : 'none';
}

/** smtp_tls_per_site values, as tls_site_lookup reads them. */
export function perSiteLevel(value: string): string {
  const word = value.trim().toUpperCase();
  return { NONE: 'none', MAY: 'may', MUST_NOPEERMATCH: 'encrypt', MUST: 'verify' }[word] ?? 'invalid';
}

/** The level of a policy table value: its first word (`encrypt protocols=…` → encrypt). */
export function policyLevel(value: string): string {
  return value.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
}

export function effectiveTls(
  level: string,
  masterLevel: { service: string; type: string; level: string } | undefined,
  policy: TableHit | undefined,
  perSite: TableHit | undefined,
): EffectiveTls {
  if (policy) return { level: policyLevel(policy.value), source: 'policy-map', where: `${policy.map} ${policy.key}` };
  // tls_site_lookup: a per-site MAY never lowers a stronger global level.
  const site = perSite ? perSiteLevel(perSite.value) : undefined;
  if (perSite && !(site === 'may' && level !== 'none'))
    return { level: site!, source: 'per-site', where: `${perSite.map} ${perSite.key}` };
  if (masterLevel)
    return { level: masterLevel.level, source: 'master.cf', where: `${masterLevel.service}/${masterLevel.type}` };
  return { level, source: 'main.cf' };
}

/** `postconf -P` lines: `service/type/name = value`. */
export function parseMasterParameters(stdout: string): MasterParameter[] {
  const found: MasterParameter[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^([^/\s]+)\/([^/\s]+)\/([A-Za-z0-9_]+) = ?(.*)$/.exec(line.trim());
    if (match) found.push({ service: match[1]!, type: match[2]!, name: match[3]!, value: match[4]! });
  }
  return found;
}

/** The master.cf services that carry relayed mail: default_transport's and relay_transport's (`smtp:[host]` → smtp), then `mapped` (mappedRelayServices). */
export function relayServices(settings: Readonly<Record<string, string>>, mapped: readonly string[] = []): string[] {
  // The error transport is what the wizard replaces (Debian's "Local only"): its replacement carries the mail.
  const service = (value: string | undefined, fallback: string) => {
    const name = (value ?? '').trim().split(':')[0] ?? '';
    return !name || name === 'error' || name.includes('$') ? fallback : name;
  };
  return [
    ...new Set([service(settings.default_transport, 'smtp'), service(settings.relay_transport, 'relay'), ...mapped]),
  ];
}

/** The transports (trivial-rewrite(8)) that deliver nothing over SMTP: no TLS level to check. */
const nonDelivering = ['error', 'retry', 'discard'];

/**
 * The services that table values (`transport:nexthop`) send the relay's mail through: those whose
 * next-hop names the relay's host, and with `emptyIsRelayhost` those with none. In transport_maps a
 * transport with an empty next-hop goes to the recipient domain (transport(5)); in
 * sender_dependent_default_transport_maps, as in default_transport, to relayhost (postconf(5)).
 * An empty transport changes nothing: default_transport's service, counted already.
 */
export function mappedRelayServices(values: readonly string[], nexthop: string, emptyIsRelayhost: boolean): string[] {
  const hostOf = (dest: string) =>
    dest
      .trim()
      .toLowerCase()
      .replace(/^\[([^\]]*)\].*$/, '$1')
      .replace(/:\d+$/, '');
  const relayHost = hostOf(nexthop);
  const services: string[] = [];
  for (const value of values) {
    const colon = value.indexOf(':');
    const transport = (colon < 0 ? value : value.slice(0, colon)).trim();
    const next = colon < 0 ? '' : value.slice(colon + 1).trim();
    if (!transport || transport.includes('$') || nonDelivering.includes(transport)) continue;
    if (next === '' ? emptyIsRelayhost : hostOf(next) === relayHost) services.push(transport);
  }
  return [...new Set(services)];
}

/** The values of a table: `postmap -s` lines (`key<white space>value`), or a regexp/pcre table's lines (`/pattern/flags value`). */
export function transportTableValues(text: string, patterns = false): string[] {
  const values: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || /^\s*#/.test(line) || (patterns && /^\s*(if|endif)\b/.test(line))) continue;
    // regexp_table(5)/pcre_table(5): any delimiter, usually /; `!` negates.
    const value = patterns
      ? /^\s*!?([^\s\\])(?:\\.|(?!\1).)*\1[a-zA-Z]*\s+(.*)$/.exec(line)?.[2]
      : /^\S+\s+(.*)$/.exec(line)?.[1];
    if (value?.trim()) values.push(value.trim());
  }
  return values;
}

/** Map references of a list parameter (`hash:/a, texthash:/b`), braces kept whole. */
export function mapList(value: string): string[] {
  const refs: string[] = [];
  let depth = 0;
  let word = '';
  for (const ch of value) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (depth === 0 && /[\s,]/.test(ch)) {
      if (word) refs.push(word);
      word = '';
    } else word += ch;
  }
  if (word) refs.push(word);
  return refs;
}

/** Map types whose source is a `key value` text file the wizard may edit (then postmap, where compiled). */
const editableTypes = ['hash', 'btree', 'lmdb', 'cdb', 'dbm', 'sdbm', 'texthash'];

export function editableMap(map: string): { type: string; path: string } | undefined {
  const match = /^([a-z0-9]+):(\/[^\s,{}]+)$/.exec(map);
  return match && editableTypes.includes(match[1]!) ? { type: match[1]!, path: match[2]! } : undefined;
}

/** The source text without the entry for `key` (and its continuation lines); comments and other entries stay. */
export function withoutEntry(content: string, key: string): string {
  return takeOutEntry(content, key).content;
}

function isYes(value: string | undefined): boolean {
  return /^(yes|true|1)$/i.test((value ?? '').trim());
}
