// The files the wizard itself writes in a Postfix configuration directory.
const dir = (postfix: { configDir: string }) => postfix.configDir.replace(/\/+$/, '');

/** The password map (smtp_sasl_password_maps names it). */
export function passwordMapPath(postfix: { configDir: string }): string {
  return `${dir(postfix)}/sasl_passwd`;
}

/** smtp_generic_maps: local senders rewritten to the account. */
export function genericMapPath(postfix: { configDir: string }): string {
  return `${dir(postfix)}/gmail_generic`;
}

/** sender_dependent_relayhost_maps: the next hop of each sender-dependent account's senders. */
export function senderRelayMapPath(postfix: { configDir: string }): string {
  return `${dir(postfix)}/sender_relay`;
}

/** The values the wizard replaced, for remove. */
export function savedSettingsPath(postfix: { configDir: string }): string {
  return `${dir(postfix)}/postfix-gmail-wizard.saved`;
}
