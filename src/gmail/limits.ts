// Gmail's daily sending limits (support.google.com/a/answer/166852, "Gmail sending limits in Google
// Workspace", and support.google.com/mail/answer/22839): recipients in a rolling 24 hours, per user.
// Past the limit Gmail refuses mail with 550 5.4.5 "Daily user sending limit exceeded" for up to a day.
import type { SentRecipient } from '../postfix/sent-log.js';
import { isWorkspaceRelay, type Relay } from './relay.js';

export const dailyLimits = { personal: 500, workspace: 2000, workspaceRelay: 10000 } as const;
/** doctor and check warn from this per cent of the limit on (check --limit-percent changes it). */
export const defaultWarnPercent = 80;
export type LimitKind = keyof typeof dailyLimits;
const personalDomains = ['gmail.com', 'googlemail.com'];

/** The kind of limit an account has through a relay: smtp-relay.gmail.com, a @gmail.com address, or Workspace. */
export function limitKind(account: string, relay: Pick<Relay, 'host'> | undefined): LimitKind {
  if (relay && isWorkspaceRelay(relay)) return 'workspaceRelay';
  const domain = account.split('@').pop()?.toLowerCase() ?? '';
  return personalDomains.includes(domain) ? 'personal' : 'workspace';
}

export interface AccountUse {
  account: string;
  /** Recipients the relay accepted in the last 24 h for mail this account signed in for. */
  sent: number;
  limit: number;
  kind: LimitKind;
  /** The newest of those, in seconds since the epoch (undefined: none, or lines without a stamp). */
  lastSent?: number;
}

export interface AccountSenders {
  account: string;
  /** Envelope senders (user@domain, or @domain) this account relays for; [] for the default account. */
  senders: readonly string[];
}

/** The account smtp(8) signs in as for an envelope sender: a sender-dependent one (address, then @domain), else the default. */
export function accountForSender(sender: string | undefined, accounts: readonly AccountSenders[]): string | undefined {
  const fallback = accounts.find((a) => a.senders.length === 0)?.account;
  if (!sender) return fallback;
  const lower = sender.toLowerCase();
  const domain = `@${lower.split('@').pop() ?? ''}`;
  return (
    accounts.find((a) => a.senders.includes(lower))?.account ??
    accounts.find((a) => a.senders.includes(domain))?.account ??
    fallback
  );
}

/** Each account's use of its daily limit; `limitOverride` replaces Google's number (check --daily-limit). */
export function accountUse(
  sent: readonly SentRecipient[],
  accounts: readonly AccountSenders[],
  relay: Pick<Relay, 'host'> | undefined,
  limitOverride?: number,
): AccountUse[] {
  return accounts.map(({ account }) => {
    const mine = sent.filter((s) => accountForSender(s.sender, accounts) === account);
    const kind = limitKind(account, relay);
    const times = mine.map((s) => s.time).filter((t): t is number => t !== undefined);
    return {
      account,
      sent: mine.length,
      limit: limitOverride ?? dailyLimits[kind],
      kind,
      ...(times.length > 0 ? { lastSent: Math.max(...times) } : {}),
    };
  });
}
