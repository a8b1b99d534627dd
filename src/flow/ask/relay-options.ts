// The relay options (issue 6), asked only where no flag answered:
//   before the login (chooseRelay): which relay and port — --relay, else the Google relay already
//     configured, else smtp.gmail.com:587; a port that cannot be reached → the other one offered
//     (587 ⇄ 465); a port other than 25/465/587 → the server asked whether it speaks implicit TLS;
//   (Google Workspace's smtp-relay.gmail.com is asked with the account, before its password: workspace.ts)
//   after the login (withRelayOptions): the IPv4
//     preference when IPv6 cannot reach the relay; local senders mapped to the account and root's
//     alias (first run only — later runs keep what is there); loopback-only when Postfix listens
//     on the network; a warning when mynetworks lets other hosts relay through the account.
// Headless runs change nothing the flags did not ask for, except the IPv4 preference, a fix.
import { UsageError } from '../../errors.js';
import { checkAccount } from '../../gmail/credentials.js';
import { conventionalPorts, currentGoogleRelay, isWorkspaceRelay, otherPort, type Relay } from '../../gmail/relay.js';
import { isLoopbackOnly, networkNeeds, openNetworks } from '../../postfix/networks.js';
import type { RelayProbe } from '../../system/types.js';
import { t } from '../../ui/messages.js';
import { resolveRelay } from './ask.js';
import type { Context } from '../context.js';
import { readLocalFacts } from '../detect/local-facts.js';
import { monitorChoice } from './monitor-choice.js';
import { isOwnGenericMap, parseSaved } from '../plan/options-plan.js';
import type { Answers, LocalFacts, PostfixFacts, RelayOptions } from '../types.js';

type Ctx = Pick<Context, 'sys' | 'ui' | 'options' | 'warnings'>;

const probeTimeoutMs = 6_000;
/** Socket errors that mean "no route from here", as opposed to a refusal by the server. */
const unreachable = ['ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL', 'ETIMEDOUT'];
const probes = new WeakMap<object, Map<string, Promise<RelayProbe>>>();

/** One probe per relay and run (a run has its own options): the port check before the login and the IPv6 check after it share it. */
function probe(ctx: Ctx, relay: Relay, tls = false): Promise<RelayProbe> {
  const cache = probes.get(ctx.options) ?? new Map<string, Promise<RelayProbe>>();
  probes.set(ctx.options, cache);
  const key = `${relay.host}:${relay.port}:${tls}`;
  const found = cache.get(key) ?? ctx.sys.probeRelay(relay.host, relay.port, { timeoutMs: probeTimeoutMs, tls });
  cache.set(key, found);
  return found;
}

function blocked(result: RelayProbe): string | undefined {
  if (result.lookupError || result.addresses.length === 0 || result.addresses.some((a) => a.ok)) return undefined;
  return result.addresses[0]?.errorCode ?? 'ETIMEDOUT';
}

/** --root-alias: an address, or a user of this machine; never an aliases(5) command, file or :include:. */
export function checkRootAlias(input: string): string | undefined {
  const value = input.trim();
  if (/^[a-z_][a-z0-9_.-]{0,31}$/.test(value) || checkAccount(value).ok) return value;
  return undefined;
}

/** --root-alias, checked before anything else (exit 2). */
export function checkGivenRootAlias(ctx: Pick<Ctx, 'options'>): void {
  const { rootAlias } = ctx.options;
  if (rootAlias !== undefined && checkRootAlias(rootAlias) === undefined) {
    throw new UsageError('invalid-root-alias', t('rootAlias.invalid', { input: rootAlias }), t('rootAlias.fix'));
  }
}

export async function chooseRelay(ctx: Ctx, postfix: PostfixFacts): Promise<Relay> {
  const { ui, options } = ctx;
  // A re-run keeps the Google relay configured — with --auth none only Workspace's relay, the one that admits by address.
  const current = currentGoogleRelay(postfix.settings.relayhost, postfix.settings.smtp_tls_wrappermode);
  const keep = current && (options.auth !== 'none' || isWorkspaceRelay(current)) ? current : undefined;
  let relay = options.relay === undefined ? (keep ?? resolveRelay(ctx)) : resolveRelay(ctx);
  const sniff = !conventionalPorts.includes(relay.port);
  const result = await probe(ctx, relay, sniff);
  if (sniff && result.implicitTls) {
    relay = { ...relay, implicitTls: true };
    ui.info(t('relay.implicitTlsFound', { host: relay.host, port: relay.port }));
  }
  const code = blocked(result);
  if (code && ui.interactive) {
    const other = otherPort(relay);
    ui.warn(t('relay.portBlocked', { host: relay.host, port: relay.port, code }));
    const otherWorks = blocked(await probe(ctx, other)) === undefined;
    if (
      await ui.confirm({
        message: t(otherWorks ? 'relay.tryOtherPort' : 'relay.tryOtherPortToo', { host: other.host, port: other.port }),
        initialValue: otherWorks,
      })
    ) {
      relay = other;
    }
  }
  return relay;
}

/** The options asked after the login: the IPv4 preference, local senders and root's alias, loopback-only. */
export async function withRelayOptions(ctx: Ctx, postfix: PostfixFacts, answers: Answers): Promise<Answers> {
  const { relay } = answers;
  const local = await readLocalFacts(ctx.sys, postfix);
  const preferIpv4 = await ipv4Needed(ctx, relay, local);
  const { mapSenders, rootAlias } = await senderIdentity(ctx, postfix, local, answers.account, relay);
  const loopbackOnly = await listening(ctx, postfix, local);
  warnOpenRelay(ctx, postfix, local, loopbackOnly);
  const monitor = await monitorChoice(ctx, postfix, local);
  const chosen: RelayOptions = {
    mapSenders,
    rootAlias,
    loopbackOnly,
    preferIpv4,
    local,
    ...(monitor ? { monitor } : {}),
  };
  return { ...answers, options: chosen };
}

/** IPv6 that cannot reach the relay while IPv4 can: Postfix is told to try IPv4 first (IPv6 stays on). */
async function ipv4Needed(ctx: Ctx, relay: Relay, local: LocalFacts): Promise<boolean | undefined> {
  const protocols = local.settings.inet_protocols ?? 'all';
  if (!/\b(all|ipv6)\b/.test(protocols) || /^\s*ipv6\s*$/.test(protocols)) return undefined;
  if (local.settings.smtp_address_preference === 'ipv4') return undefined; // already so: nothing to say or do
  const { addresses } = await probe(ctx, relay, !conventionalPorts.includes(relay.port));
  const v6 = addresses.filter((a) => a.family === 6);
  if (
    v6.length === 0 ||
    !v6.every((a) => !a.ok && unreachable.includes(a.errorCode ?? '')) ||
    !addresses.some((a) => a.family === 4 && a.ok)
  )
    return undefined;
  ctx.ui.info(t('ipv6.preferIpv4', { host: relay.host, address: v6[0]?.address ?? '', code: v6[0]?.errorCode ?? '' }));
  return true;
}

async function senderIdentity(
  ctx: Ctx,
  postfix: PostfixFacts,
  local: LocalFacts,
  account: string,
  relay: Relay,
): Promise<Pick<RelayOptions, 'mapSenders' | 'rootAlias'>> {
  const { ui, options } = ctx;
  let mapSenders = options.mapSenders;
  let rootAlias = options.rootAlias === undefined ? undefined : checkRootAlias(options.rootAlias);
  const generic = local.settings.smtp_generic_maps?.trim() ?? '';
  const foreignMap = generic !== '' && !isOwnGenericMap(generic, local);
  if (foreignMap && mapSenders !== undefined) {
    if (mapSenders) ui.warn(t('senders.foreignMap', { value: generic }));
    mapSenders = undefined;
  }
  if (rootAlias !== undefined && !local.aliases) {
    ui.warn(t('rootAlias.noFile', { value: local.settings.alias_maps ?? '' }));
    rootAlias = undefined;
  }
  // Asked on the first run only: later runs keep what is there (the map follows the account).
  const askMap = mapSenders === undefined && !foreignMap;
  const askAlias = rootAlias === undefined && local.aliases !== undefined;
  if (!ui.interactive || postfix.currentAccount !== undefined || (!askMap && !askAlias))
    return { mapSenders, rootAlias };
  const host = local.domains.myorigin;
  const explained = t(isWorkspaceRelay(relay) ? 'senders.explainWorkspace' : 'senders.explain', { account, host });
  ui.note(askAlias ? `${explained}\n${t('senders.explainRoot')}` : explained, t('senders.title'));
  if (askMap && askAlias) {
    const pick = await ui.select({
      message: t('senders.question', { host }),
      options: [
        { value: 'both', label: t('senders.both', { account }) },
        { value: 'map', label: t('senders.mapOnly', { account }) },
        { value: 'other', label: t('senders.other', { account }) },
        { value: 'none', label: t('senders.none') },
      ],
      initialValue: 'both',
    });
    mapSenders = pick !== 'none';
    if (pick === 'both') rootAlias = account;
    if (pick === 'other') rootAlias = await askRootAlias(ctx, '');
  } else if (askMap) {
    mapSenders = await ui.confirm({ message: t('senders.mapQuestion', { account, host }), initialValue: true });
  } else {
    rootAlias = (await askRootAlias(ctx, account)) || undefined;
  }
  return { mapSenders, rootAlias };
}

async function askRootAlias(ctx: Ctx, initialValue: string): Promise<string> {
  const value = await ctx.ui.text({
    message: t('rootAlias.question'),
    initialValue,
    validate: (v) =>
      v.trim() === '' || checkRootAlias(v) !== undefined ? undefined : t('rootAlias.invalid', { input: v }),
  });
  return value.trim() === '' ? '' : (checkRootAlias(value) ?? '');
}

/** --loopback-only / --no-loopback-only, or the question when Postfix listens on the network. */
async function listening(ctx: Ctx, postfix: PostfixFacts, local: LocalFacts): Promise<boolean | undefined> {
  const { ui, options } = ctx;
  const value = local.settings.inet_interfaces ?? 'all';
  if (options.loopbackOnly !== undefined || !ui.interactive || isLoopbackOnly(value)) return options.loopbackOnly;
  const { myhostname, myorigin, mydomain } = local.domains;
  const needs = networkNeeds(local.settings, postfix.explicit, local.localDestinations, [
    myhostname,
    myorigin,
    `localhost.${mydomain}`,
  ]);
  ui.info(t('loopback.explain', { value }));
  if (needs.length > 0) ui.info(t('loopback.needed', { reasons: needs.join('; ') }));
  return (await ui.confirm({ message: t('loopback.question'), initialValue: needs.length === 0 })) || undefined;
}

/** mynetworks may relay through this Postfix, and so through the Gmail account: said every run, headless too. */
function warnOpenRelay(ctx: Ctx, postfix: PostfixFacts, local: LocalFacts, loopbackOnly: boolean | undefined): void {
  const saved = parseSaved(local.saved.content);
  const now = local.settings.inet_interfaces ?? 'all';
  const after =
    loopbackOnly === true
      ? 'loopback-only'
      : loopbackOnly === false && saved.has('inet_interfaces') && isLoopbackOnly(now)
        ? (saved.get('inet_interfaces') ?? 'all')
        : now;
  if (isLoopbackOnly(after)) return;
  const open = openNetworks(local.settings, postfix.explicit);
  if (open.length === 0) return;
  const message = t('mynetworks.open', { networks: open.join(', ') });
  ctx.ui.warn(`${message}\n${t('mynetworks.fix')}`);
  ctx.warnings.push(message);
}
