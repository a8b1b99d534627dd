// The relay options as plan parts — pure, like plan.ts, which merges them:
// smtp_generic_maps and its map, root's alias, inet_interfaces and
// smtp_address_preference. The main.cf values the wizard replaces are kept in
// a small record beside main.cf (with what the TLS fixes take out of master.cf
// and the tables, plan/saved-record.ts), so that `remove` (optionRemoval) can put back
// exactly what was there, and only where the wizard's value is still in place.
import { holdsInlineSecret } from '../../postfix/inline-secrets.js';
import { renderTemplate } from './render-template.js';
import { compiledMapPaths } from '../../postfix/maps.js';
import { postaliasArgs, removeRootAlias, setRootAlias } from '../../postfix/aliases.js';
import { isLoopbackOnly } from '../../postfix/networks.js';
import type { Settings } from '../../postfix/postconf.js';
import type { TemplateName } from '../../system/templates.js';
import type { LocalFacts, PostfixFacts, RelayOptions } from '../types.js';
import { emptyPart, mapFile, type PlanPart } from './plan-part.js';
import { planSchedule, scheduleRemoval } from './schedule-plan.js';
import {
  emptyRecord,
  parseSavedRecord,
  recordIsEmpty,
  recordTakenOut,
  savedTemplateData,
  type SavedRecord,
  type SavedTableEntry,
} from '../../postfix/saved-record.js';

/** The values the wizard writes for the parameters it saves first. */
export const wizardValues = {
  inet_interfaces: 'loopback-only',
  smtp_address_preference: 'ipv4',
  default_transport: 'smtp',
  relay_transport: 'relay',
} as const;
type Saved = Map<string, string | undefined>;
const publicMode = 0o644;

export function isOwnGenericMap(value: string | undefined, local: LocalFacts): boolean {
  return new RegExp(`^[a-z0-9]+:${escapeRegExp(local.generic.path)}$`).test((value ?? '').trim());
}

/** smtp_generic_maps keys: a whole domain only where mail is delivered here anyway (see templates/generic.ejs). */
export function genericKeys(local: LocalFacts, account: string): { keys: string[]; skippedDomains: string[] } {
  const accountDomain = account.slice(account.lastIndexOf('@') + 1).toLowerCase();
  const { myorigin, myhostname, mydomain } = local.domains;
  const domains = [...new Set([myorigin, myhostname, mydomain])].filter((d) => d && d !== accountDomain);
  const keys: string[] = [];
  const skippedDomains: string[] = [];
  for (const domain of domains) {
    if (local.localDestinations.includes(domain)) keys.push(`@${domain}`);
    else {
      keys.push(`root@${domain}`);
      skippedDomains.push(domain);
    }
  }
  return { keys, skippedDomains };
}

/**
 * `senders`: the sender-dependent accounts. Postfix picks the login by the envelope sender before this
 * map rewrites it (sender-maps.ts), so a listed local sender must be rewritten to its own account, not
 * the default one: its entry (looked up before @domain) replaces the default's for that key.
 */
export function renderGenericMap(
  template: string,
  local: LocalFacts,
  account: string,
  mapType: string,
  senders: readonly { account: string; senders: string[] }[] = [],
): string {
  const { keys, skippedDomains } = genericKeys(local, account);
  const domains = keys.map((k) => k.slice(k.indexOf('@') + 1));
  const overrides = senders.flatMap((a) =>
    a.senders.filter((s) => domains.includes(s.slice(s.indexOf('@') + 1))).map((key) => ({ key, account: a.account })),
  );
  return renderTemplate(template, {
    account,
    mapType,
    path: local.generic.path,
    keys: keys.filter((k) => !overrides.some((o) => o.key === k)),
    skippedDomains,
    overrides,
  });
}

/** The main.cf part of the saved record (plan/saved-record.ts). */
export function parseSaved(content: string | undefined): Saved {
  return parseSavedRecord(content).main;
}

/**
 * The options' plan part. `alsoSet` is what the rest of the plan writes to main.cf (plan.ts), `alsoRecorded`
 * values to keep as they are now (what it takes out; what a hand-made setup it takes over set already): every
 * value the plan replaces, theirs and the options' own, is recorded once, before its first change.
 * `takenOut`: the master.cf `-o` values and table entries the TLS fixes take out, recorded too.
 */
export function planOptions(
  postfix: PostfixFacts,
  options: RelayOptions,
  account: string,
  templates: Record<TemplateName, string>,
  alsoSet: Settings = {},
  alsoRecorded: Readonly<Settings> = {},
  takenOut: { master: [string, string][]; tables: SavedTableEntry[] } = { master: [], tables: [] },
  senders: readonly { account: string; senders: string[] }[] = [],
): PlanPart {
  const { local } = options;
  const part = emptyPart();
  const current = { ...postfix.settings, ...local.settings };

  // Sender mapping: kept on a re-run (following the account), taken out on --no-map-senders.
  const ownMap = isOwnGenericMap(current.smtp_generic_maps, local);
  if (options.mapSenders ?? ownMap) {
    const type = postfix.defaultMapType;
    const ref = `${type}:${local.generic.path}`;
    part.settings.smtp_generic_maps = ref;
    const map = mapFile(postfix, {
      type,
      path: local.generic.path,
      content: renderGenericMap(templates.generic, local, account, type, senders),
      mode: publicMode,
      now: local.generic,
      named: current.smtp_generic_maps === ref,
    });
    part.files.push(...(map.files ?? []));
    part.commands.push(...(map.commands ?? []));
    part.touches.push(...(map.touches ?? []));
  } else if (options.mapSenders === false && ownMap) {
    takeOutGenericMap(part, local, true);
  }

  // inet_interfaces and smtp_address_preference: the old value is saved before the first change.
  const record = parseSavedRecord(local.saved.content);
  const saved = record.main;
  const wanted: Record<keyof typeof wizardValues, boolean | undefined> = {
    inet_interfaces: options.loopbackOnly,
    smtp_address_preference: options.preferIpv4 ? true : undefined,
    default_transport: undefined, // changed by plan.ts's "Local only" repair; only saved here
    relay_transport: undefined,
  };
  for (const name of Object.keys(wizardValues) as (keyof typeof wizardValues)[]) {
    const value = current[name];
    const already = name === 'inet_interfaces' ? isLoopbackOnly(value) : value === wizardValues[name];
    if (wanted[name] === true && !already) {
      part.settings[name] = wizardValues[name];
      if (!saved.has(name)) saved.set(name, postfix.explicit.includes(name) ? (value ?? '') : undefined);
      if (name === 'inet_interfaces') part.restart = true;
    } else if (wanted[name] === false && saved.has(name)) {
      putBack(part, name, saved, value, postfix.explicit.includes(name));
    }
  }
  // Every other main.cf value the plan replaces (relayhost, the TLS level, the "Local only"
  // transports …) is kept the same way, so that remove puts back exactly what was there.
  for (const [name, value] of Object.entries(alsoSet)) {
    if (saved.has(name) || (current[name] ?? '') === value) continue;
    saved.set(name, postfix.explicit.includes(name) ? (current[name] ?? '') : undefined);
  }
  // A hand-made relay's obsolete settings the plan takes out, and its own values the wizard's equal.
  for (const [name, value] of Object.entries(alsoRecorded)) if (!saved.has(name)) saved.set(name, value);
  recordTakenOut(record, takenOut.master, takenOut.tables);
  recordSaved(part, local, record, templates);

  // root's alias: the file is edited only when the entry changes.
  if (options.rootAlias && local.aliases) {
    const content = setRootAlias(local.aliases.content ?? '', options.rootAlias);
    if (content !== (local.aliases.content ?? '')) changeAliases(part, postfix, local.aliases, content);
  }
  // The scheduled check (schedule-plan.ts): its own files, outside main.cf.
  if (options.monitor && local.schedule)
    addPart(part, planSchedule(postfix, local.schedule, options.monitor, templates));
  return part;
}

function addPart(part: PlanPart, more: PlanPart): void {
  part.files.push(...more.files);
  part.deletes.push(...more.deletes);
  part.commands.push(...more.commands);
  part.touches.push(...more.touches);
}

/** What `remove` undoes: the generic map, the saved main.cf values (where the wizard's are still in place), root's alias. */
export function optionRemoval(
  postfix: PostfixFacts,
  local: LocalFacts,
  templates: Record<TemplateName, string>,
): PlanPart {
  const part = emptyPart();
  const current = { ...postfix.settings, ...local.settings };
  const ownMap = isOwnGenericMap(current.smtp_generic_maps, local);
  if (ownMap || local.generic.content !== undefined) takeOutGenericMap(part, local, ownMap);
  // master.cf and the tables go back through plan/putback.ts (remove.ts); the whole record goes.
  const saved = parseSaved(local.saved.content);
  for (const name of [...saved.keys()]) putBack(part, name, saved, current[name], postfix.explicit.includes(name));
  recordSaved(part, local, emptyRecord(), templates);
  const aliases = local.aliases;
  const restored = aliases?.content === undefined ? undefined : removeRootAlias(aliases.content);
  if (aliases && restored !== undefined) changeAliases(part, postfix, aliases, restored);
  addPart(part, scheduleRemoval(postfix, local.schedule));
  return part;
}

function takeOutGenericMap(part: PlanPart, local: LocalFacts, setting: boolean): void {
  if (setting) part.removeSettings.push('smtp_generic_maps');
  const existing = [...(local.generic.content !== undefined ? [local.generic.path] : []), ...local.generic.compiled];
  part.deletes.push(...existing);
  part.touches.push(...existing);
}

/**
 * The saved value goes back. An option's parameter (inet_interfaces …) only while the wizard's value
 * is still in place: someone who changed it since meant it. The relay's own parameters always: remove
 * takes the relay out.
 */
function putBack(part: PlanPart, name: string, saved: Saved, value: string | undefined, explicit: boolean): void {
  const ours = wizardValues[name as keyof typeof wizardValues];
  const previous = saved.get(name);
  saved.delete(name);
  if (ours !== undefined && value !== ours) return;
  if (previous === undefined) {
    if (explicit) part.removeSettings.push(name);
  } else if (previous !== value || !explicit) part.settings[name] = previous;
  if (name === 'inet_interfaces') part.restart = true;
}

function recordSaved(
  part: PlanPart,
  local: LocalFacts,
  record: SavedRecord,
  templates: Record<TemplateName, string>,
): void {
  const content = recordIsEmpty(record)
    ? undefined
    : renderTemplate(templates.saved_settings, savedTemplateData(record));
  // A saved value with a password written inline (static:user:pw) makes the record root-only, hidden in the plan.
  const secret = [...record.main].some(([name, value]) => holdsInlineSecret(name, value));
  const mode = secret ? 0o600 : publicMode;
  if (content === local.saved.content && (content === undefined || (local.saved.mode ?? mode) === mode)) return;
  if (content === undefined) part.deletes.push(local.saved.path);
  else part.files.push({ path: local.saved.path, content, mode, secret, previous: local.saved.content });
  part.touches.push(local.saved.path);
}

function changeAliases(
  part: PlanPart,
  postfix: PostfixFacts,
  aliases: NonNullable<LocalFacts['aliases']>,
  content: string,
): void {
  part.files.push({
    path: aliases.path,
    content,
    mode: aliases.mode ?? publicMode,
    secret: false,
    previous: aliases.content,
  });
  part.commands.push({
    file: 'postalias',
    args: postaliasArgs(postfix, aliases),
  });
  part.touches.push(aliases.path, ...compiledMapPaths(aliases.type, aliases.path));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
