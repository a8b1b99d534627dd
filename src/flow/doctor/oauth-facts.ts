// What doctor and status read about OAuth, only where main.cf signs in with XOAUTH2: the plugin, its
// config inside smtp's chroot, and each token file in the wizard's token directory (owner, mode, the
// access token's expiry, when the plugin last rewrote it, and when Google ends the consent as the
// wizard recorded it). Reads; contacts nothing.
import { uidOf } from '../../postfix/journal.js';
import type { OauthFacts } from '../../postfix/problems/types.js';
import { signInInUse } from '../../postfix/sign-in.js';
import { configPaths, gidOf, tokenDirName } from '../../postfix/xoauth2-files.js';
import { jsonString } from '../../postfix/json-string.js';
import { consentWarnSecondsDefault } from '../../gmail/oauth.js';
import { parseConsentRecord } from '../../postfix/oauth-consent-record.js';
import { consentRecordPath } from '../../postfix/wizard-files.js';
import type { System } from '../../system/types.js';
import type { HostFacts, PostfixFacts } from '../types.js';

export async function readOauthFacts(
  sys: System,
  facts: Pick<HostFacts, 'saslPlugins' | 'caBundle'>,
  postfix: PostfixFacts,
  settings: Readonly<Record<string, string>>,
  consentWarnSeconds = consentWarnSecondsDefault,
): Promise<OauthFacts | undefined> {
  if (signInInUse(settings) !== 'oauth') return undefined;
  const name = (settings.mail_owner ?? 'postfix').trim();
  const passwd = (await sys.readFile('/etc/passwd').catch(() => undefined)) ?? '';
  const owner = { name, uid: uidOf(passwd, name) ?? -1, gid: gidOf(passwd, name) ?? -1 };
  const queue = (settings.queue_directory ?? '/var/spool/postfix').replace(/\/+$/, '');
  const chrootDir = postfix.tls?.chrootDir;
  const inside = chrootDir ? configPaths(chrootDir)[1] : undefined;
  const inChroot = inside ? await chrootFiles(sys, chrootDir!, inside, facts.caBundle) : {};
  // maillog_file: Postfix logs through postlogd, the plugin still through syslog(3) — to /dev/log, if anything listens.
  const maillog = (settings.maillog_file ?? '').trim();
  const syslog = maillog ? { maillogFile: maillog, devLog: (await sys.fileInfo('/dev/log')) !== undefined } : {};
  const dirPath = `${queue}/${tokenDirName}`;
  const dir = await sys.fileInfo(dirPath);
  const names = dir?.isDirectory ? (await sys.listDir(dirPath)).filter((n) => n.endsWith('.json')) : [];
  const tokens: OauthFacts['tokens'] = [];
  const consents = parseConsentRecord(await sys.readFile(consentRecordPath(postfix)).catch(() => undefined));
  for (const n of names) {
    const path = `${dirPath}/${n}`;
    const info = await sys.fileInfo(path);
    if (!info || !dir) continue;
    let expiry: number | undefined;
    try {
      const value = Number((JSON.parse((await sys.readFile(path)) ?? '') as Record<string, unknown>).expiry);
      if (value > 0) expiry = value;
    } catch {
      // A token file that is not JSON: the plugin cannot read it either; its owner and mode still count.
    }
    const consentExpiresAt = consents.find((c) => c.tokenFile === path)?.expiresAt;
    tokens.push({
      path,
      account: n.slice(0, -'.json'.length),
      ...(consentExpiresAt !== undefined ? { consentExpiresAt } : {}),
      mode: info.mode,
      uid: info.uid,
      dir: { mode: dir.mode, uid: dir.uid },
      ...(expiry ? { expiry } : {}),
      mtimeMs: info.mtimeMs,
    });
  }
  return {
    plugin: facts.saslPlugins.xoauth2 === true,
    ...inChroot,
    ...syslog,
    owner,
    now: Math.floor(sys.now().getTime() / 1000),
    consentWarnSeconds,
    tokens,
  };
}

/**
 * Chrooted smtp: the plugin's config inside the chroot, and the CA bundle its libcurl verifies the token
 * endpoint with (the config's ca_bundle_file, else the system's) at the same path inside it — a copy that
 * must follow the original, which a ca-certificates upgrade rewrites (the copy then stays the old one).
 */
async function chrootFiles(
  sys: System,
  chrootDir: string,
  config: string,
  systemBundle: string | undefined,
): Promise<Pick<OauthFacts, 'chrootConfigMissing' | 'chrootCa'>> {
  const text = await sys.readFile(config).catch(() => undefined);
  if (text === undefined) return { chrootConfigMissing: config };
  // A config the plugin cannot read is a person's to mend; the bundle is what counts here.
  const bundle = jsonString(text, 'ca_bundle_file');
  const from = bundle?.startsWith('/') ? bundle : systemBundle;
  if (!from) return {};
  const to = `${chrootDir.replace(/\/+$/, '')}${from}`;
  const [copy, original] = await Promise.all([
    sys.readFile(to).catch(() => undefined),
    sys.readFile(from).catch(() => undefined),
  ]);
  if (copy === undefined) return { chrootCa: { from, to, state: 'missing' } };
  return original !== undefined && copy !== original ? { chrootCa: { from, to, state: 'stale' } } : {};
}
