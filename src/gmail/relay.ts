// The relay server: smtp.gmail.com:587 (STARTTLS) unless told otherwise;
// port 465 means TLS from the first byte (Postfix's "wrapper mode").
import { t } from '../ui/messages.js';
import type { Checked } from './credentials.js';

export interface Relay {
  host: string;
  port: number;
  implicitTls: boolean;
}

export const defaultRelay: Relay = { host: 'smtp.gmail.com', port: 587, implicitTls: false };

const hostname = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export function parseRelay(input: string | undefined): Checked<Relay> {
  if (input === undefined) return { ok: true, value: defaultRelay };
  const match = /^\[?([^\]:]+)\]?(?::(\d{1,5}))?$/.exec(input.trim());
  const host = match?.[1];
  const port = match?.[2] === undefined ? 587 : Number(match[2]);
  if (!host || !hostname.test(host) || port < 1 || port > 65535) {
    return { ok: false, problem: t('relay.invalid', { input }) };
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
