// Reading what overrides main.cf's TLS level for one relay: the master.cf
// `-o` of the services that carry relayed mail (`postconf -P`), and the
// entries smtp_tls_policy_maps / smtp_tls_per_site hold for the next-hop —
// looked up by postmap -q itself, so every map type is read the way smtp(8) reads it.
import type { System } from '../system/types.js';
import { postconfArgs, readSettings, type Settings } from './postconf.js';
import {
  editableMap,
  effectiveTls,
  globalLevel,
  mapList,
  mappedRelayServices,
  parseMasterParameters,
  perSiteLookupKeys,
  policyLookupKeys,
  relayServices,
  tlsParameters,
  transportTableValues,
  type EffectiveTls,
  type MasterParameter,
  type TableHit,
} from './tls-policy.js';

export interface PolicyEntry extends TableHit {
  /** The map's source file, when the wizard can take the entry out of it (hash, lmdb, texthash, …). */
  editable?: { type: string; path: string; content?: string; mode?: number };
}

export interface TlsFacts {
  /** The next-hop looked up: relayhost's value, e.g. `[smtp.gmail.com]:587`. */
  nexthop: string;
  /** main.cf values (explicit or default) of the TLS parameters. */
  main: Settings;
  /** Every `-o` of a TLS parameter on the services that carry relayed mail. */
  master: MasterParameter[];
  /** The entry main.cf's smtp_tls_policy_maps holds for the next-hop. */
  policy?: PolicyEntry;
  /** The smtp_tls_per_site entry that applies (only without smtp_tls_policy_maps). */
  perSite?: PolicyEntry;
  /** The relaying service runs chrooted here (master.cf chroot = y): it reads smtp_tls_CApath inside this directory. */
  chrootDir?: string;
  /** What the relaying service uses now, and where that comes from. */
  effective: EffectiveTls;
}

/**
 * What readTlsFacts reads of the machine whatever the next-hop — main.cf's values, master.cf's `-o`,
 * the transport tables' values, a service's chroot flag — kept from the run's first reading (detect)
 * for every relay the run then looks at (setup's ask phase: the relay asked, then Workspace's). Each
 * part is read when first needed, once.
 */
export interface TlsReading {
  settings?: Promise<Settings>;
  masterParameters?: Promise<string>;
  tables: Map<string, Promise<string[]>>;
  chroot: Map<string, Promise<string>>;
}

/** The main.cf parameters readTlsFacts looks at. */
export const tlsSettingNames = [
  ...tlsParameters,
  'default_transport',
  'relay_transport',
  'queue_directory',
  'transport_maps',
  'sender_dependent_default_transport_maps',
] as const;

/**
 * master.cf's `-o` values and the smtp service's chroot flag, asked beside main.cf's values instead of
 * after them (detect's first round): the TLS reading then waits for no second round of processes —
 * check's time on a busy box. smtp relays unless a transport says otherwise; another service is asked then.
 */
export function readMasterEarly(
  sys: System,
  configDir: string | undefined,
): Pick<TlsReading, 'masterParameters' | 'chroot'> {
  return {
    masterParameters: masterParametersOf(sys, configDir),
    chroot: new Map([['smtp', chrootFlagOf(sys, configDir, 'smtp')]]),
  };
}

const masterParametersOf = (sys: System, configDir: string | undefined) =>
  sys.exec('postconf', postconfArgs(configDir, '-P')).then((out) => (out.exitCode === 0 ? out.stdout : ''));

// `-` is the built-in default, "n" since Postfix 3.0.
const chrootFlagOf = async (sys: System, configDir: string | undefined, service: string) =>
  (await sys.exec('postconf', postconfArgs(configDir, '-F', `${service}/unix/chroot`))).stdout;

/**
 * Given `settings` (a reading that included tlsSettingNames), the TLS reading does not ask postconf again;
 * given `early` (readMasterEarly), nor master.cf.
 */
export function newTlsReading(
  settings?: Readonly<Record<string, string>>,
  early?: Pick<TlsReading, 'masterParameters' | 'chroot'>,
): TlsReading {
  const reading: TlsReading = { tables: new Map(), chroot: new Map(early?.chroot) };
  if (early?.masterParameters) reading.masterParameters = early.masterParameters;
  if (settings && tlsSettingNames.every((name) => name in settings)) {
    reading.settings = Promise.resolve(
      Object.fromEntries(tlsSettingNames.map((name) => [name, settings[name] ?? ''])) as Record<string, string>,
    );
  }
  return reading;
}

function once<T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
  let found = cache.get(key);
  if (!found) cache.set(key, (found = read()));
  return found;
}

export async function readTlsFacts(
  sys: System,
  configDir: string | undefined,
  nexthop: string,
  reading: TlsReading = newTlsReading(),
): Promise<TlsFacts> {
  reading.settings ??= readSettings(sys, configDir, tlsSettingNames);
  const read = await reading.settings;
  const {
    queue_directory: queueDirectory,
    transport_maps: transportMaps,
    sender_dependent_default_transport_maps: senderTransports,
    ...main
  } = read;
  const values = (maps: string) => once(reading.tables, maps, () => tableValues(sys, configDir, mapList(maps)));
  const mapped = [
    ...mappedRelayServices(await values(transportMaps ?? ''), nexthop, false),
    ...mappedRelayServices(await values(senderTransports ?? ''), nexthop, true),
  ];
  const services = relayServices(main, mapped);
  reading.masterParameters ??= masterParametersOf(sys, configDir);
  const master = parseMasterParameters(await reading.masterParameters).filter(
    (p) => p.type === 'unix' && services.includes(p.service) && (tlsParameters as readonly string[]).includes(p.name),
  );
  const lookups = (settings: Settings) => tableHits(sys, configDir, settings, nexthop);
  const fromMain = await lookups(main);
  // What each relaying service uses; status reports the first one an override touches
  // (default_transport's first: mail to other domains goes through it).
  const perService = await Promise.all(
    services.map(async (name) => {
      const own = master.filter((p) => p.service === name && p.value !== (main[p.name] ?? ''));
      const service = { ...main, ...Object.fromEntries(own.map((p) => [p.name, p.value])) };
      const hits = own.some((p) => p.name === 'smtp_tls_policy_maps' || p.name === 'smtp_tls_per_site')
        ? await lookups(service)
        : fromMain;
      const masterLevel = own.some((p) =>
        ['smtp_tls_security_level', 'smtp_use_tls', 'smtp_enforce_tls', 'smtp_tls_enforce_peername'].includes(p.name),
      )
        ? { service: name, type: 'unix', level: globalLevel(service) }
        : undefined;
      return effectiveTls(globalLevel(main), masterLevel, hits.policy, hits.perSite);
    }),
  );
  const effective =
    perService.find((e) => e.source !== 'main.cf') ??
    perService[0] ??
    effectiveTls(globalLevel(main), undefined, undefined, undefined);
  const first = services[0] ?? 'smtp';
  const chroot = await once(reading.chroot, first, () => chrootFlagOf(sys, configDir, first));
  const chrooted = /=\s*y\s*$/m.test(chroot) && queueDirectory;
  return {
    nexthop,
    main,
    master,
    ...fromMain,
    ...(chrooted ? { chrootDir: queueDirectory } : {}),
    effective,
  };
}

/** Tables whose entries can send the relay's mail through a service of their choosing (transport(5)). */
/** Every value of the tables: `postmap -s` where the type can list itself, else a regexp/pcre file read line by line. */
async function tableValues(sys: System, configDir: string | undefined, maps: readonly string[]): Promise<string[]> {
  const values: string[] = [];
  for (const map of maps) {
    const listed = await sys.exec('postmap', postconfArgs(configDir, '-s', map));
    if (listed.exitCode === 0) {
      values.push(...transportTableValues(listed.stdout));
      continue;
    }
    const file = /^(regexp|pcre):(\/[^\s,{}]+)$/.exec(map)?.[2];
    const text = file ? await sys.readFile(file) : undefined;
    if (text !== undefined) values.push(...transportTableValues(text, true));
  }
  return values;
}

async function tableHits(
  sys: System,
  configDir: string | undefined,
  settings: Settings,
  nexthop: string,
): Promise<{ policy?: PolicyEntry; perSite?: PolicyEntry }> {
  const policyMaps = mapList(settings.smtp_tls_policy_maps ?? '');
  if (policyMaps.length > 0) {
    const policy = await withSource(sys, await firstHit(sys, configDir, policyMaps, policyLookupKeys(nexthop)));
    return policy ? { policy } : {};
  }
  // smtp(8) reads smtp_tls_per_site only when no policy maps are set.
  const perSite = await withSource(
    sys,
    await firstHit(sys, configDir, mapList(settings.smtp_tls_per_site ?? ''), perSiteLookupKeys(nexthop)),
  );
  return perSite ? { perSite } : {};
}

async function withSource(sys: System, hit: TableHit | undefined): Promise<PolicyEntry | undefined> {
  const ref = hit && editableMap(hit.map);
  if (!hit || !ref) return hit;
  const [content, info] = await Promise.all([sys.readFile(ref.path), sys.fileInfo(ref.path)]);
  return { ...hit, editable: { ...ref, content, mode: info?.mode } };
}

/** maps_find: the first map, in list order, that has the key; within a map, the first key that matches. */
async function firstHit(
  sys: System,
  configDir: string | undefined,
  maps: string[],
  keys: string[],
): Promise<TableHit | undefined> {
  for (const map of maps) {
    for (const key of keys) {
      const result = await sys.exec('postmap', postconfArgs(configDir, '-q', key, map));
      if (result.exitCode === 0) return { map, key, value: result.stdout.trim() };
    }
  }
  return undefined;
}
