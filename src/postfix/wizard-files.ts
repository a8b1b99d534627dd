// The files the wizard itself writes in a Postfix configuration directory.
import { compiledMapPaths } from './maps.js';

const dir = (postfix: { configDir: string }) => postfix.configDir.replace(/\/+$/, '');

/** The password map (smtp_sasl_password_maps names it). */
export function passwordMapPath(postfix: { configDir: string }): string {
  return `${dir(postfix)}/sasl_passwd`;
}

/** The password map and its compiled forms (of the type main.cf names it with): what remove deletes. */
export function passwordMapFiles(postfix: {
  configDir: string;
  defaultMapType: string;
  passwordMap?: { type: string };
}): string[] {
  const path = passwordMapPath(postfix);
  return [path, ...compiledMapPaths(postfix.passwordMap?.type ?? postfix.defaultMapType, path)];
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

/** When each OAuth consent ends (--auth oauth with a consent screen in Testing): flow/plan/oauth-consent-plan.ts. */
export function consentRecordPath(postfix: { configDir: string }): string {
  return `${dir(postfix)}/postfix-gmail-wizard.consent`;
}
