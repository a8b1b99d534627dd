// Debian's "Local only" install sets default_transport and relay_transport
// to `error`: every message for another domain bounces, relay or not.

export function isErrorTransport(value: string | undefined): boolean {
  return value !== undefined && /^(error|retry)(:|$)/.test(value.trim());
}
