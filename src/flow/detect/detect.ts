// detect: read the machine, change nothing. Returns HostFacts.
import { localSettingNames } from './local-facts.js';
import { hardeningSettings } from '../../postfix/hardening.js';
import { distroFor } from '../../distro/index.js';
import { readGentooFacts } from '../../distro/gentoo.js';
import { detectInit } from '../../distro/init.js';
import type { InitSystem } from '../../distro/family.js';
import { readOsRelease } from '../../distro/os-release.js';
import { smtpListeners } from '../../postfix/master.js';
import { parseMapReference, postconfArgs, readExplicitSettings, readSettings } from '../../postfix/postconf.js';
import { readPasswordMapAccount } from '../../postfix/password-map.js';
import { compiledMapPaths } from '../../postfix/maps.js';
import { newTlsReading, readMasterEarly, readTlsFacts, tlsSettingNames } from '../../postfix/tls-overrides.js';
import { doctorSettingNames } from '../../postfix/problems/read-names.js';
import type { System } from '../../system/types.js';
import type { HostFacts, PasswordMapFacts, PostfixFacts } from '../types.js';
import { namedElsewhere, readLegacySettings } from '../../postfix/legacy-facts.js';

/** The parameters the wizard reads (and partly owns). */
export const watchedSettings = [
  'mail_version',
  'config_directory',
  'default_database_type',
  'relayhost',
  'smtp_sasl_auth_enable',
  'smtp_sasl_password_maps',
  'smtp_sasl_security_options',
  'smtp_sasl_tls_security_options',
  'smtp_sasl_mechanism_filter',
  'smtp_tls_security_level',
  'smtp_tls_CAfile',
  'smtp_tls_wrappermode',
  'default_transport',
  'relay_transport',
  'inet_interfaces',
  'maillog_file',
  'myhostname',
  'mydomain',
  'myorigin',
  'mynetworks',
  'smtp_sender_dependent_authentication',
  'sender_dependent_relayhost_maps',
  'data_directory',
  'proxy_write_maps',
  ...hardeningSettings,
] as const;

/** Every parameter a run looks at, asked of postconf once (detect's one reading; each name once). */
const readNames = [...new Set([...watchedSettings, ...localSettingNames, ...doctorSettingNames, ...tlsSettingNames])];

export interface DetectOptions {
  /** master.cf's smtpd listener (`postconf -M`): only setup and test submit mail to it. */
  listener?: boolean;
}

export async function detect(
  sys: System,
  configDirOption: string | undefined,
  options: DetectOptions = {},
): Promise<HostFacts> {
  const os = await readOsRelease(sys);
  const distro = distroFor(os);
  const init = await detectInit(sys, distro);
  const [postfix, saslPlugins, caBundle, gentoo] = await Promise.all([
    detectPostfix(sys, configDirOption, distro.logFiles, init, options.listener ?? true),
    detectSaslPlugins(sys, distro.saslPluginDirs),
    firstExisting(sys, distro.caBundles),
    distro.name === 'gentoo' ? readGentooFacts(sys) : undefined,
  ]);
  return { os, distro, isRoot: sys.isRoot(), postfix, saslPlugins, caBundle, init, gentoo };
}

async function detectPostfix(
  sys: System,
  configDirOption: string | undefined,
  logFiles: string[],
  init: InitSystem,
  listener: boolean,
): Promise<PostfixFacts | undefined> {
  // The probe (is Postfix here? its default directory) runs beside the readings, not before them: one
  // round of processes instead of two (check's time on a busy box). Without Postfix they fail alike.
  const probing = sys.exec('postconf', postconfArgs(configDirOption, '-d', 'config_directory'));
  const early = readMasterEarly(sys, configDirOption); // the TLS reading's master.cf part, in this round
  const readings = Promise.all([
    // One reading: the parameters the relay options look at too (local-facts.ts takes them from here).
    readSettings(sys, configDirOption, readNames),
    readExplicitSettings(sys, configDirOption),
    sys.exec('postconf', postconfArgs(configDirOption, '-A')),
    sys.exec('postconf', postconfArgs(configDirOption, '-m')),
    listener ? sys.exec('postconf', postconfArgs(configDirOption, '-M')) : undefined,
    // Root reads master.pid after this round (postfix-master.ts), a fraction of postfix status's eight
    // processes; anyone else cannot read it, and asks postfix status here as before.
    sys.isRoot() ? undefined : postfixStatus(sys, configDirOption),
    Promise.all([early.masterParameters, ...early.chroot.values()]), // failing, they fail with the rest
  ]);
  const probe = await probing;
  if (probe.notFound || probe.exitCode !== 0) {
    readings.catch(() => undefined); // their failure says the same
    return undefined;
  }
  const [settings, explicit, clientTypes, mapTypes, master, status] = await readings;
  const running =
    status ??
    (await sys.postfixMasterRunning(settings.queue_directory ?? '/var/spool/postfix')) ??
    (await postfixStatus(sys, configDirOption));
  const defaultConfigDir = /=\s*(\S+)/.exec(probe.stdout)?.[1] ?? '/etc/postfix';
  const configDir = configDirOption ?? settings.config_directory ?? defaultConfigDir;
  const isDefaultInstance = configDir.replace(/\/+$/, '') === defaultConfigDir;
  const tlsReading = newTlsReading(settings, early);
  const [map, tls, legacy] = await Promise.all([
    readPasswordMapFacts(sys, settings.smtp_sasl_password_maps ?? ''),
    readTlsFacts(sys, configDirOption, settings.relayhost ?? '', tlsReading),
    readLegacySettings(sys, explicit),
  ]);
  const ownPath = `${configDir.replace(/\/+$/, '')}/sasl_passwd`;
  // Only a map the wizard would replace needs to know who else reads it.
  const passwordMap =
    map && map.path !== ownPath
      ? { ...map, namedElsewhere: await namedElsewhere(sys, configDirOption, explicit, map.path) }
      : map;
  // Not named by main.cf, yet a leftover map there holds a password too (something else there is not one).
  const wizardMap =
    passwordMap?.path === ownPath
      ? undefined
      : await readPasswordMapFacts(sys, `${settings.default_database_type ?? 'hash'}:${ownPath}`).catch(
          () => undefined,
        );
  const senderRelayMap = await readPasswordMapFacts(
    sys,
    `${settings.default_database_type ?? 'hash'}:${configDir.replace(/\/+$/, '')}/sender_relay`,
  ).catch(() => undefined);
  return {
    version: settings.mail_version ?? 'unknown',
    configDir,
    isDefaultInstance,
    running,
    saslClientTypes: words(clientTypes.stdout),
    mapTypes: words(mapTypes.stdout),
    defaultMapType: settings.default_database_type ?? 'hash',
    settings,
    explicit: Object.keys(explicit),
    explicitSettings: explicit,
    passwordMap,
    ...(wizardMap?.mode !== undefined || wizardMap?.compiled.length ? { wizardMap } : {}),
    ...(senderRelayMap?.mode !== undefined || senderRelayMap?.compiled.length ? { senderRelayMap } : {}),
    currentAccount: passwordMap?.content
      ? readPasswordMapAccount(passwordMap.content, settings.relayhost ?? '')
      : undefined,
    tls,
    tlsReading,
    legacy,
    ...(master ? { listener: smtpListeners(master.stdout, settings.inet_interfaces ?? 'all')[0] } : {}),
    // A private instance (-c DIR) is nobody's service: postfix(1) runs it.
    serviceManager: isDefaultInstance ? init : 'none',
    log: await findLog(sys, settings.maillog_file ?? '', logFiles),
  };
}

async function postfixStatus(sys: System, configDirOption: string | undefined): Promise<boolean> {
  return (await sys.exec('postfix', postconfArgs(configDirOption, 'status'))).exitCode === 0;
}

async function readPasswordMapFacts(sys: System, value: string): Promise<PasswordMapFacts | undefined> {
  const ref = parseMapReference(value);
  if (!ref) return undefined;
  const [content, source] = await Promise.all([sys.readFile(ref.path), sys.fileInfo(ref.path)]);
  const compiledInfo = await Promise.all(
    compiledMapPaths(ref.type, ref.path).map(async (path) => ({ path, info: await sys.fileInfo(path) })),
  );
  const compiledCurrent = compiledInfo.every(
    ({ info }) => info !== undefined && (!source || info.mtimeMs >= source.mtimeMs),
  );
  const compiled = compiledInfo.flatMap(({ path, info }) => (info ? [{ path, mode: info.mode, uid: info.uid }] : []));
  return { ...ref, content, mode: source?.mode, uid: source?.uid, compiledCurrent, compiled };
}

async function detectSaslPlugins(sys: System, dirs: string[]): Promise<HostFacts['saslPlugins']> {
  let xoauth2 = false;
  for (const dir of dirs) {
    const names = await sys.listDir(dir);
    const plain = names.some((n) => /^libplain\.so/.test(n));
    const login = names.some((n) => /^liblogin\.so/.test(n));
    xoauth2 ||= names.some((n) => /^libsasl-xoauth2\.so/.test(n));
    if (plain || login) return { plain, login, dir, ...(xoauth2 ? { xoauth2 } : {}) };
  }
  return { plain: false, login: false, ...(xoauth2 ? { xoauth2 } : {}) };
}

async function findLog(sys: System, maillogFile: string, candidates: string[]): Promise<PostfixFacts['log']> {
  if (maillogFile && !maillogFile.startsWith('/dev/')) return { kind: 'file', path: maillogFile };
  const file = await firstExisting(sys, candidates);
  if (file) return { kind: 'file', path: file };
  if (await sys.fileInfo('/run/systemd/journal')) return { kind: 'journal' };
  return { kind: 'none' };
}

async function firstExisting(sys: System, paths: string[]): Promise<string | undefined> {
  for (const path of paths) if (await sys.fileInfo(path)) return path;
  return undefined;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}
