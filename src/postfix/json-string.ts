// One reading of a string field of a JSON text: sasl-xoauth2's files (/etc/sasl-xoauth2.conf, each token
// file) and an OAuth endpoint's answer. A text that is not JSON, or a field that is not a non-empty string,
// is no answer: the plugin cannot use it either, and the caller falls back (Google's endpoint, the
// system's CA bundle) or reports it.
export function jsonString(text: string | undefined, key: string): string | undefined {
  try {
    const value = (JSON.parse(text ?? '') as Record<string, unknown>)[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  } catch {
    return undefined;
  }
}
