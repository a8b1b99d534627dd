// Postfix's memory of refused logins (smtp_sasl_auth_cache_name, see hardening.ts) is keyed by the
// server's name and the user; the value holds a hash of the refused password (smtp_sasl_auth_cache.c).
// The same password that Gmail refused once (an account locked for a while, a sign-in Google held
// back) stays refused by Postfix until the entry expires — even after Gmail takes it again. Once the
// wizard's own login has proved it, the entry goes, so the mail waiting for it leaves now.
import { compiledMapPaths } from './maps.js';
import { postconfArgs, readSettings } from './postconf.js';
import type { System } from '../system/types.js';

/** The map behind `proxy:hash:/var/lib/postfix/sasl_auth_cache` (postmap reads and writes it directly). */
export function authCacheTable(value: string | undefined): string | undefined {
  const map = (value ?? '').trim().replace(/^proxy:/, '');
  return /^[a-z0-9]+:\//.test(map) ? map : undefined;
}

/** Deletes the remembered refusal of `user` at `host`; true when there was one. Best effort: a cache it cannot edit stays. */
export async function forgetRefusedLogin(
  sys: System,
  configDir: string | undefined,
  host: string,
  user: string,
): Promise<boolean> {
  const settings = await readSettings(sys, configDir, ['smtp_sasl_auth_cache_name']).catch(() => ({}));
  const table = authCacheTable((settings as Record<string, string>).smtp_sasl_auth_cache_name);
  if (!table) return false;
  // No file yet: Postfix has not tried a login since the cache was set, so it remembers nothing.
  const [type = '', path = ''] = [table.slice(0, table.indexOf(':')), table.slice(table.indexOf(':') + 1)];
  const files = await Promise.all(compiledMapPaths(type, path).map((f) => sys.fileInfo(f)));
  if (!files.some(Boolean)) return false;
  const result = await sys.exec('postmap', postconfArgs(configDir, '-d', `${host};${user}`, table));
  return result.exitCode === 0;
}
