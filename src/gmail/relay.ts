// The relay server: smtp.gmail.com:587 (STARTTLS) unless told otherwise;
// port 465 means TLS from the first byte (Postfix's "wrapper mode").
// Google Workspace domains may also use smtp-relay.gmail.com, Workspace's
// SMTP relay service, which needs a rule in the Admin console.
import type { Checked } from './credentials.js';

export interface Relay {
  host: string;
  port: number;
  implicitTls: boolean;
}

export const defaultRelay: Relay = { host: 'smtp.gmail.com', port: 587, implicitTls: false };
export const workspaceRelayHost = 'smtp-relay.gmail.com';
/** Google's two submission servers; anything else is a relay the user named. */
const googleRelayHosts = [defaultRelay.host, workspaceRelayHost];
/** Ports whose TLS style is fixed by convention; on any other the server is asked (relay-options.ts). */
export const conventionalPorts = [25, 465, 587];

const hostname =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export function parseRelay(input: string | undefined): Checked<Relay> {
  if (input === undefined) return { ok: true, value: defaultRelay };
  const match = /^\[?([^\]:]+)\]?(?::(\d{1,5}))?$/.exec(input.trim());
  const host = match?.[1];
  const port = match?.[2] === undefined ? 587 : Number(match[2]);
  if (host && hostname.test(host) && (port < 1 || port > 65535)) {
    return { ok: false, problem: { code: 'relay.portRange', vars: { input, port: match![2]! } } };
  }
  if (!host || !hostname.test(host)) {
    return { ok: false, problem: { code: 'relay.invalid', vars: { input } } };
  }
  return { ok: true, value: { host: host.toLowerCase(), port, implicitTls: port === 465 } };
}

/** The relayhost value, and the sasl_passwd key, which must match it exactly. */
export function relayhostValue(relay: Relay): string {
  return `[${relay.host}]:${relay.port}`;
}

export function parseRelayhost(value: string): Relay | undefined {
  const match = /^\[([^\]]+)\](?::(\d+))?$/.exec(value.trim());
  if (!match?.[1]) return undefined;
  const port = match[2] ? Number(match[2]) : 25;
  return { host: match[1], port, implicitTls: port === 465 };
}

export function isGoogleRelay(relay: Pick<Relay, 'host'>): boolean {
  return googleRelayHosts.includes(relay.host.toLowerCase());
}

export function isWorkspaceRelay(relay: Pick<Relay, 'host'>): boolean {
  return relay.host.toLowerCase() === workspaceRelayHost;
}

/** 587 ⇄ 465: where an ISP blocks one submission port, the other often passes. */
export function otherPort(relay: Relay): Relay {
  const port = relay.port === 465 ? 587 : 465;
  return { host: relay.host, port, implicitTls: port === 465 };
}

/** The current relayhost, when it is one of Google's: a re-run without --relay keeps it (465 stays 465). */
export function currentGoogleRelay(relayhost: string | undefined, wrappermode: string | undefined): Relay | undefined {
  const relay = parseRelayhost(relayhost ?? '');
  if (!relay || !isGoogleRelay(relay)) return undefined;
  return { ...relay, implicitTls: relay.port === 465 || wrappermode === 'yes' };
}
