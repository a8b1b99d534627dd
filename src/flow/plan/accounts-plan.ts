// The sender-dependent accounts in the plan (pure, like plan.ts): which sender entries the password
// map holds after this run, and the sender → relay map and the two settings that make Postfix use them.
import { renderTemplate } from './render-template.js';
import { senderAccounts, type SenderAccount } from '../../postfix/sender-maps.js';
import { senderRelayMapPath } from '../../postfix/wizard-files.js';
import type { Answers, PostfixFacts } from '../types.js';
import { emptyPart, mapFile, type PlanPart } from './plan-part.js';

const publicMode = 0o644;
export const senderSettings = ['smtp_sender_dependent_authentication', 'sender_dependent_relayhost_maps'] as const;

export function senderRelayPath(postfix: Pick<PostfixFacts, 'configDir'>): string {
  return senderRelayMapPath(postfix);
}

/** A plan part, with the sender entries of the password map after this run (passwords in memory only). */
export type SenderPart = PlanPart & { accounts: SenderAccount[] };

/** The accounts the map holds now: only the wizard's own map counts (another one is superseded, not read). */
export function currentSenderAccounts(postfix: PostfixFacts, mapPath: string): SenderAccount[] {
  return postfix.passwordMap?.path === mapPath ? senderAccounts(postfix.passwordMap.content) : [];
}

/** --senders adds (or replaces, in place) this account's entries; without it they stay as they are. */
export function plannedSenderAccounts(
  current: readonly SenderAccount[],
  answers: Pick<Answers, 'account' | 'credential' | 'senders'>,
  placeholder: string,
): SenderAccount[] {
  if (!answers.senders) return [...current];
  const known = current.find((a) => a.account === answers.account);
  const mine: SenderAccount = {
    account: answers.account,
    password: answers.credential?.password ?? known?.password ?? placeholder,
    senders: [...answers.senders],
  };
  return known ? current.map((a) => (a === known ? mine : a)) : [...current, mine];
}

export function renderSenderRelayMap(
  template: string,
  postfix: PostfixFacts,
  accounts: readonly SenderAccount[],
  relayhost: string,
): string {
  return renderTemplate(template, {
    senders: accounts.flatMap((a) => a.senders),
    relayhost,
    mapType: postfix.defaultMapType,
  });
}

/** The relay map and settings for `accounts`; with none left, what the wizard made for them goes. */
export function planSenderRelay(
  postfix: PostfixFacts,
  accounts: SenderAccount[],
  relayhost: string,
  template: string,
): SenderPart {
  const part: SenderPart = { ...emptyPart(), accounts };
  const path = senderRelayPath(postfix);
  const type = postfix.defaultMapType;
  const ref = `${type}:${path}`;
  const onDisk = postfix.senderRelayMap;
  const current = postfix.settings;
  if (accounts.length > 0) {
    part.settings = { smtp_sender_dependent_authentication: 'yes', sender_dependent_relayhost_maps: ref };
    const map = mapFile(postfix, {
      type,
      path,
      content: renderSenderRelayMap(template, postfix, accounts, relayhost),
      mode: publicMode,
      now: onDisk,
      named: current.sender_dependent_relayhost_maps === ref,
    });
    part.files.push(...(map.files ?? []));
    part.commands.push(...(map.commands ?? []));
    part.touches.push(...(map.touches ?? []));
    return part;
  }
  return senderRelayRemoval(postfix, part);
}

/** Nothing sender-dependent left: the two settings (if they name the wizard's map) and the map's files go. */
export function senderRelayRemoval(
  postfix: PostfixFacts,
  part: SenderPart = { ...emptyPart(), accounts: [] },
): SenderPart {
  const path = senderRelayPath(postfix);
  const ours = (postfix.settings.sender_dependent_relayhost_maps ?? '').trim().endsWith(`:${path}`);
  if (ours) part.removeSettings.push(...senderSettings.filter((name) => postfix.explicit.includes(name)));
  const onDisk = postfix.senderRelayMap;
  const existing = [...(onDisk?.mode !== undefined ? [path] : []), ...(onDisk?.compiled.map((c) => c.path) ?? [])];
  part.deletes.push(...existing);
  part.touches.push(...existing);
  return part;
}
