// The SASL password map (`smtp_sasl_password_maps`): one line per relay,
// `[smtp.gmail.com]:587 account@gmail.com:app-password`. Its text holds a
// secret: the password is taken out only to log in again (re-run), never shown.

export interface MapEntry {
  key: string;
  account: string;
  password: string;
}

/** The map's `key account:password` lines (comments and malformed lines left out). */
export function mapEntries(content: string): MapEntry[] {
  return content
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [key = '', value = ''] = line.split(/\s+/, 2);
      const colon = value.indexOf(':');
      return { key, account: value.slice(0, colon), password: value.slice(colon + 1), colon };
    })
    .filter((e) => e.colon > 0 && e.password !== '')
    .map(({ key, account, password }) => ({ key, account, password }));
}

/**
 * The credential a sasl_passwd text holds under exactly `relayhost` ("[host]:port"). Stays in memory.
 * No fallback to another entry: a password goes only to the relay it was stored for.
 */
export function passwordMapCredential(
  content: string,
  relayhost: string,
): { account: string; password: string } | undefined {
  const entry = mapEntries(content).find((e) => e.key === relayhost);
  return entry ? { account: entry.account, password: entry.password } : undefined;
}

/** The account stored for `relayhost`, or for the only entry when keys differ (a name, never a password). */
export function readPasswordMapAccount(content: string, relayhost: string): string | undefined {
  const all = mapEntries(content);
  return (all.find((e) => e.key === relayhost) ?? (all.length === 1 ? all[0] : undefined))?.account;
}
