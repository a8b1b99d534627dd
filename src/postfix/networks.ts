// Who can talk to this Postfix: inet_interfaces (where smtpd listens),
// mynetworks (who may relay through it — and so through the Gmail account),
// and what else in main.cf suggests mail arrives from the network on purpose.
import type { Settings } from './postconf.js';

/** inet_interfaces that lets only this machine in. */
export function isLoopbackOnly(value: string | undefined): boolean {
  const words = (value ?? 'all').split(/[\s,]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => /^(loopback-only|localhost|127\.\d+\.\d+\.\d+|\[?::1\]?)$/i.test(w));
}

function isLoopbackNetwork(address: string): boolean {
  return /^127\./.test(address) || address === '::1' || /^::ffff:127\./i.test(address);
}

/**
 * The mynetworks entries through which other hosts may relay: networks wider than one host,
 * tables and names. Single addresses count only when written by hand — Postfix's own default
 * (mynetworks_style = host) lists this machine's addresses.
 */
export function openNetworks(settings: Settings, explicit: readonly string[]): string[] {
  const restrictions = `${settings.smtpd_relay_restrictions ?? 'permit_mynetworks'} ${settings.smtpd_recipient_restrictions ?? ''}`;
  if (!/permit_mynetworks/.test(restrictions)) return [];
  const byHand = explicit.includes('mynetworks');
  return (settings.mynetworks ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .filter((entry) => {
      const network = /^\[?([0-9a-fA-F.:]+)\]?(?:\/(\d+))?$/.exec(entry);
      if (!network?.[1]) return true; // a table (hash:…), a file (/…) or a host name
      const address = network[1];
      if (isLoopbackNetwork(address)) return false;
      const hostBits = address.includes(':') ? 128 : 32;
      const prefix = network[2] === undefined ? hostBits : Number(network[2]);
      return prefix < hostBits || byHand;
    });
}

/** Signs that mail is meant to arrive from the network: then loopback-only is not proposed as the default. */
export function networkNeeds(
  settings: Settings,
  explicit: readonly string[],
  destinations: readonly string[],
  ownNames: readonly string[],
): string[] {
  const needs: string[] = [];
  for (const name of ['relay_domains', 'virtual_alias_domains', 'virtual_mailbox_domains']) {
    if (explicit.includes(name) && (settings[name] ?? '').trim()) needs.push(`${name} = ${settings[name]}`);
  }
  if (settings.smtpd_sasl_auth_enable === 'yes') needs.push('smtpd_sasl_auth_enable = yes');
  const own = new Set([...ownNames, 'localhost', 'localhost.localdomain']);
  const others = destinations.filter((d) => !own.has(d));
  if (others.length > 0) needs.push(`mydestination = ${others.join(', ')}`);
  return needs;
}

/** The value of a parameter in main.cf text (last assignment wins, continuation lines joined). */
export function mainCfValue(text: string, name: string): string | undefined {
  let value: string | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = new RegExp(`^${name}\\s*=\\s*(.*)$`).exec(lines[i] ?? '');
    if (!match) continue;
    value = match[1] ?? '';
    while (/^[ \t]+\S/.test(lines[i + 1] ?? '')) value += ` ${(lines[++i] ?? '').trim()}`;
    value = value.trim();
  }
  return value;
}
