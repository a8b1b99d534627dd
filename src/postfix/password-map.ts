// The SASL password map (`smtp_sasl_password_maps`): one line per relay,
// `[smtp.gmail.com]:587 account@gmail.com:app-password`. Its text holds a
// secret: the password is taken out only to log in again (re-run), never shown.

/** The credential a sasl_passwd text holds for `relayhost` (or its only entry). Stays in memory. */
export function passwordMapCredential(content: string, relayhost: string): { account: string; password: string } | undefined {
  const entries = content
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [key = '', value = ''] = line.split(/\s+/, 2);
      const colon = value.indexOf(':');
      return { key, account: value.slice(0, colon), password: value.slice(colon + 1), colon };
    })
    .filter((e) => e.colon > 0 && e.password !== '');
  const entry = entries.find((e) => e.key === relayhost) ?? (entries.length === 1 ? entries[0] : undefined);
  return entry ? { account: entry.account, password: entry.password } : undefined;
}

/** The account stored for `relayhost`, or for the only entry when keys differ. */
export function readPasswordMapAccount(content: string, relayhost: string): string | undefined {
  return passwordMapCredential(content, relayhost)?.account;
}
