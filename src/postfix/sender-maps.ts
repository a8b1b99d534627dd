// Sender-dependent accounts (smtp_sender_dependent_authentication): the password map holds, besides
// the relay's entry (the default account), entries keyed by envelope sender — an address, or @domain
// for a whole domain — and sender_dependent_relayhost_maps sends those senders to the relay.
// smtp(8) looks the sender up first (mail_addr_find: user@domain, then user, then @domain), then the
// relay (smtp_sasl_glue.c, smtp_sasl_passwd_lookup); both read the envelope sender as queued, before
// smtp_generic_maps rewrites MAIL FROM on the way out — so the account is chosen on the original sender.
import { mapEntries, passwordMapCredential } from './password-map.js';

export type SenderListProblem = 'empty' | 'invalid' | 'duplicate';
export type SenderListResult = { ok: true; value: string[] } | { ok: false; problem: SenderListProblem; entry: string };

/**
 * An address or @domain, as a lookup key: lower case (Postfix folds keys), no spaces, no comment mark,
 * no ':' or '[' (relay keys). A one-label domain is allowed: local senders of a host named `vm` are root@vm.
 */
const domain = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*';
const addressRe = new RegExp(`^[a-z0-9._%+=-]+@${domain}$`);
const domainRe = new RegExp(`^@${domain}$`);

export function isSenderKey(key: string): boolean {
  return addressRe.test(key) || domainRe.test(key);
}

/** --senders LIST: comma-separated addresses or @domain entries, each once. */
export function parseSenderList(text: string): SenderListResult {
  const entries = text.split(',').map((e) => e.trim().toLowerCase());
  if (entries.every((e) => e === '')) return { ok: false, problem: 'empty', entry: '' };
  const seen = new Set<string>();
  for (const entry of entries) {
    if (!isSenderKey(entry)) return { ok: false, problem: 'invalid', entry };
    if (seen.has(entry)) return { ok: false, problem: 'duplicate', entry };
    seen.add(entry);
  }
  return { ok: true, value: [...seen] };
}

export interface SenderAccount {
  account: string;
  /** Held in memory only, to render the map again. */
  password: string;
  senders: string[];
}

/** The sender-keyed entries of a password map, one per account in file order. */
export function senderAccounts(content: string | undefined): SenderAccount[] {
  const byAccount = new Map<string, SenderAccount>();
  for (const entry of mapEntries(content ?? '')) {
    if (!isSenderKey(entry.key)) continue;
    const known = byAccount.get(entry.account);
    if (known) known.senders.push(entry.key);
    else byAccount.set(entry.account, { account: entry.account, password: entry.password, senders: [entry.key] });
  }
  return [...byAccount.values()];
}

/** The account Postfix logs in as for mail from `sender`, by its lookup order; undefined: the default. */
export function accountForSender(accounts: readonly SenderAccount[], sender: string): string | undefined {
  const address = sender.toLowerCase();
  const at = address.lastIndexOf('@');
  const keys = at > 0 ? [address, `@${address.slice(at + 1)}`] : [address];
  for (const key of keys) {
    const found = accounts.find((a) => a.senders.includes(key));
    if (found) return found.account;
  }
  return undefined;
}

/** Which account already has one of `senders` (other than `account`): a sender belongs to one account only. */
export function sendersTaken(
  accounts: readonly SenderAccount[],
  account: string,
  senders: readonly string[],
): { sender: string; account: string } | undefined {
  for (const other of accounts) {
    if (other.account === account) continue;
    const sender = senders.find((s) => other.senders.includes(s));
    if (sender) return { sender, account: other.account };
  }
  return undefined;
}

/** An address to send a test from for this sender list: the first address, or postmaster@ the first domain. */
export function testSender(senders: readonly string[]): string | undefined {
  const first = senders[0];
  return first === undefined ? undefined : first.startsWith('@') ? `postmaster${first}` : first;
}

/**
 * The account smtp(8) signs in as for a message from `sender`: its sender-keyed entry when
 * smtp_sender_dependent_authentication is on, else the relay's (the default). A name, never a password.
 */
export function signingAccount(
  mapContent: string | undefined,
  relayhost: string,
  senderDependent: boolean,
  sender: string | undefined,
): string | undefined {
  const bySender = senderDependent && sender ? accountForSender(senderAccounts(mapContent), sender) : undefined;
  return bySender ?? passwordMapCredential(mapContent ?? '', relayhost)?.account;
}
