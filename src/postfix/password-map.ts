// The SASL password map (`smtp_sasl_password_maps`): one line per relay,
// `[smtp.gmail.com]:587 account@gmail.com:app-password`. Its text holds a
// secret; only the account is ever taken out of it.

/** The account stored for `relayhost`, or for the only entry when keys differ. */
export function readPasswordMapAccount(content: string, relayhost: string): string | undefined {
  const entries = content
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [key = '', credential = ''] = line.split(/\s+/, 2);
      return { key, account: credential.slice(0, credential.indexOf(':')) || undefined };
    });
  const exact = entries.find((e) => e.key === relayhost);
  return exact?.account ?? (entries.length === 1 ? entries[0]?.account : undefined);
}
