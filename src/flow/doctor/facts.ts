// Gathering what doctor's rules (postfix/problems/) look at, through the System seam; reads only.
import { isLoopbackOnly, openNetworks } from '../../postfix/networks.js';
import { uidOf } from '../../postfix/journal.js';
import { readOauthFacts } from './oauth-facts.js';
import { readExplicitSettings, readSettings, instanceDir } from '../../postfix/postconf.js';
import type { DoctorFacts } from '../../postfix/problems/types.js';
import type { System } from '../../system/types.js';
import type { HostFacts, PostfixFacts } from '../types.js';
import { configuredSenderAccounts } from '../ask/accounts.js';
import { accountUse, defaultWarnPercent, type AccountUse } from '../../gmail/limits.js';
import { parseRelayhost } from '../../gmail/relay.js';
import { sentSince } from '../../postfix/sent-log.js';
import { readFailures, readQueueAndLog, type QueueAndLog } from './failures.js';
import type { QueueEntry } from '../../postfix/queue.js';
import { readMapStates } from './maps.js';
import { doctorSettingNames } from '../../postfix/problems/read-names.js';
import { configuredRelay } from './configured-relay.js';
import { probeRelay, tryLogin } from './reach.js';
import { dpkgState } from '../../distro/dpkg-state.js';

/** What a chrooted smtp(8) needs to look a name up (Debian's configure-instance.sh copies them). */
export const resolverFiles = [
  '/etc/resolv.conf',
  '/etc/hosts',
  '/etc/nsswitch.conf',
  '/etc/host.conf',
  '/etc/services',
];

export interface GatheredFacts {
  doctor: DoctorFacts;
  /** Whether postqueue -j answered (a stopped Postfix's queue is read from the log instead). */
  queueRead: boolean;
}

export async function gatherDoctorFacts(sys: System, facts: HostFacts, postfix: PostfixFacts): Promise<GatheredFacts> {
  const [local, relay, dpkg] = await Promise.all([
    gatherLocalFacts(sys, facts, postfix),
    probeRelay(sys, postfix),
    // doctor only (not the scheduled check): one dpkg --audit, read-only.
    facts.distro.name === 'debian' ? dpkgState(sys) : undefined,
  ]);
  const login = await tryLogin(sys, facts, postfix, relay);
  const interrupted = dpkg?.interrupted ? { dpkgInterrupted: dpkg.audit } : {};
  return { ...local, doctor: { ...local.doctor, relay, login, ...interrupted } };
}

/**
 * Everything doctor's rules look at that this machine alone can tell — no connection to the relay, no
 * login: what `check` judges every few minutes. The queue is read once and the log from a bounded tail.
 */
export async function gatherLocalFacts(
  sys: System,
  facts: HostFacts,
  postfix: PostfixFacts,
  limits: LimitOptions = { warnPercent: defaultWarnPercent },
): Promise<GatheredFacts & { read: QueueAndLog }> {
  const dir = instanceDir(postfix);
  // detect read these with the rest (one reading of the machine per run); facts made another way read them here.
  const detected = doctorSettingNames.every((name) => name in postfix.settings);
  const [more, explicit] = await Promise.all([
    detected ? ({} as Record<string, string>) : readSettings(sys, dir, doctorSettingNames),
    postfix.explicitSettings ?? readExplicitSettings(sys, dir),
  ]);
  const settings = { ...postfix.settings, ...more };
  const read = await readQueueAndLog(sys, postfix, limits.queue);
  const [maps, { failures, queueRead }, chroot, dataDir, configured, oauth] = await Promise.all([
    readMapStates(sys, settings, leftoverPasswordFiles(postfix)),
    readFailures(sys, postfix, read),
    chrootState(sys, postfix),
    dataDirState(sys, settings),
    configuredRelay(sys, postfix),
    readOauthFacts(sys, facts, postfix, settings, limits.consentWarnSeconds),
  ]);
  const sending = { accounts: sendingUse(sys, postfix, read, limits.dailyLimit), warnPercent: limits.warnPercent };
  const open = isLoopbackOnly(settings.inet_interfaces) ? [] : openNetworks(settings, Object.keys(explicit));
  const doctor: DoctorFacts = {
    running: postfix.running,
    settings,
    explicit,
    ...(postfix.tls && (settings.relayhost ?? '').trim() ? { tls: postfix.tls.effective } : {}),
    saslClientTypes: postfix.saslClientTypes,
    build: {
      defaultMapType: postfix.defaultMapType,
      mapTypes: postfix.mapTypes,
      ...(facts.gentoo?.installed ? { useFlags: facts.gentoo.useFlags } : {}),
    },
    saslPlugins: facts.saslPlugins,
    maps,
    failures,
    chroot,
    openNetworks: open,
    sending,
    caBundle: facts.caBundle,
    ...(dataDir ? { dataDir } : {}),
    ...(configured ? { configuredRelay: configured } : {}),
    ...(oauth ? { oauth } : {}),
  };
  return { doctor, queueRead, read };
}

export interface LimitOptions {
  warnPercent: number;
  /** Instead of Gmail's number (check --daily-limit). */
  dailyLimit?: number;
  /** Warn this many seconds before an OAuth consent ends (check --consent-days). */
  consentWarnSeconds?: number;
  /** postqueue -j, already started (check: beside detect's round, not after it). */
  queue?: Promise<QueueEntry[] | undefined>;
}

/** Each account's recipients in the last 24 h, from the same log reading as the failures. */
export function sendingUse(sys: System, postfix: PostfixFacts, read: QueueAndLog, dailyLimit?: number): AccountUse[] {
  const now = sys.now();
  const accounts = [
    ...(postfix.currentAccount ? [{ account: postfix.currentAccount, senders: [] as string[] }] : []),
    ...configuredSenderAccounts(postfix).map((a) => ({ account: a.account, senders: a.senders })),
  ];
  const sent = sentSince(read.logText, Math.floor(now.getTime() / 1000) - 86400, now);
  return accountUse(sent, accounts, parseRelayhost(postfix.settings.relayhost ?? ''), dailyLimit);
}

/** The recipe's file and the wizard's own, when main.cf names neither (leftovers with a password in them). */
function leftoverPasswordFiles(postfix: PostfixFacts): { type: string; path: string }[] {
  const dir = postfix.configDir.replace(/\/+$/, '');
  return ['saslpass', 'sasl_passwd'].map((name) => ({ type: postfix.defaultMapType, path: `${dir}/${name}` }));
}

async function chrootState(sys: System, postfix: PostfixFacts): Promise<DoctorFacts['chroot']> {
  const dir = postfix.tls?.chrootDir?.replace(/\/+$/, '');
  if (!dir) return undefined;
  const missing: string[] = [];
  for (const path of resolverFiles) {
    if ((await sys.fileInfo(path)) && !(await sys.fileInfo(`${dir}${path}`))) missing.push(path);
  }
  return { dir, missing };
}

/** data_directory's owner, and the uid mail_owner has in /etc/passwd. */
async function dataDirState(sys: System, settings: Readonly<Record<string, string>>): Promise<DoctorFacts['dataDir']> {
  const path = (settings.data_directory ?? '').trim();
  const owner = (settings.mail_owner ?? '').trim();
  if (!path || !owner) return undefined;
  const [info, passwd] = await Promise.all([sys.fileInfo(path), sys.readFile('/etc/passwd').catch(() => undefined)]);
  const ownerUid = uidOf(passwd ?? '', owner);
  return info?.isDirectory && ownerUid !== undefined ? { path, uid: info.uid, owner, ownerUid } : undefined;
}
