// Where sasl-xoauth2's files go for this Postfix, read from it, not assumed: the relaying smtp(8)
// service runs chrooted in queue_directory or not (master.cf: Debian 12 says y, sid n); the plugin
// opens the token file named as the password map's "password" from inside that chroot, and reads its
// config (/etc/sasl-xoauth2.conf, compiled in) there too. The token file belongs to mail_owner, the
// user smtp runs as, because the plugin rewrites it (a new file beside it, renamed: the directory
// must be that user's too).
import { uidOf } from './journal.js';
import { instanceDir, readSettings } from './postconf.js';
import { consentRecordPath } from './wizard-files.js';
import type { System } from '../system/types.js';

/** The plugin's config file, as the Debian and Fedora packages build it. */
export const xoauth2ConfigPath = '/etc/sasl-xoauth2.conf';
/** The token directory inside queue_directory (seen as /sasl-xoauth2 from a chrooted smtp). */
export const tokenDirName = 'sasl-xoauth2';

export interface OauthFileFacts {
  account: string;
  /** The relaying smtp service runs chrooted here (queue_directory): smtp sees paths under it. */
  chrootDir?: string;
  tokenDir: string;
  tokenPath: string;
  /** The token file's path as smtp(8) opens it: relative to its chroot when chrooted. */
  tokenPathForSmtp: string;
  /** mail_owner: the user smtp runs as. */
  owner: { name: string; uid: number; gid: number };
  /** The token file and its directory as they are now. */
  token?: { content?: string; mode: number; uid: number; gid: number };
  dir?: { mode: number; uid: number; gid: number };
  /** The plugin's config, where smtp reads it: /etc, and inside the chroot when chrooted. */
  configs: { path: string; content?: string; mode?: number }[];
  /** When each consent ends (postfix/oauth-consent-record.ts), as it is now. */
  consentRecord: RecordFile;
}

/** The consent record's path, and its text and mode where it exists. */
export interface RecordFile {
  path: string;
  content?: string;
  mode?: number;
}

async function readRecordFile(sys: System, postfix: { configDir: string }): Promise<RecordFile> {
  const path = consentRecordPath(postfix);
  const info = await sys.fileInfo(path);
  return info ? { path, content: await sys.readFile(path), mode: info.mode } : { path };
}

/** The gid of a user in /etc/passwd text (its primary group), or undefined. */
export function gidOf(passwd: string, user: string): number | undefined {
  const line = passwd.split('\n').find((l) => l.split(':')[0] === user);
  const gid = Number(line?.split(':')[3]);
  return line && Number.isInteger(gid) ? gid : undefined;
}

/** A token file's name: the account, which is an address (checked), so it cannot climb out of the directory. */
export function tokenLocation(
  queueDirectory: string,
  chrootDir: string | undefined,
  account: string,
): Pick<OauthFileFacts, 'tokenDir' | 'tokenPath' | 'tokenPathForSmtp'> {
  const queue = queueDirectory.replace(/\/+$/, '');
  const tokenDir = `${queue}/${tokenDirName}`;
  const name = `${account.toLowerCase()}.json`;
  return {
    tokenDir,
    tokenPath: `${tokenDir}/${name}`,
    tokenPathForSmtp: chrootDir ? `/${tokenDirName}/${name}` : `${tokenDir}/${name}`,
  };
}

export function configPaths(chrootDir: string | undefined): string[] {
  return chrootDir ? [xoauth2ConfigPath, `${chrootDir.replace(/\/+$/, '')}${xoauth2ConfigPath}`] : [xoauth2ConfigPath];
}

/** Read what the plan needs; throws when mail_owner is not in /etc/passwd (Postfix would not run either). */
export async function readOauthFileFacts(
  sys: System,
  postfix: { configDir: string; isDefaultInstance: boolean },
  chrootDir: string | undefined,
  account: string,
): Promise<OauthFileFacts> {
  const settings = await readSettings(sys, instanceDir(postfix), ['queue_directory', 'mail_owner']);
  const name = (settings.mail_owner ?? 'postfix').trim();
  const passwd = (await sys.readFile('/etc/passwd')) ?? '';
  const uid = uidOf(passwd, name);
  const gid = gidOf(passwd, name);
  if (uid === undefined || gid === undefined) throw new Error(`mail_owner ${name} is not in /etc/passwd`);
  const where = tokenLocation(settings.queue_directory ?? '/var/spool/postfix', chrootDir, account);
  const [tokenInfo, dirInfo] = await Promise.all([sys.fileInfo(where.tokenPath), sys.fileInfo(where.tokenDir)]);
  const configs = await Promise.all(
    configPaths(chrootDir).map(async (path) => {
      const info = await sys.fileInfo(path);
      return { path, ...(info ? { content: await sys.readFile(path), mode: info.mode } : {}) };
    }),
  );
  return {
    account,
    ...(chrootDir ? { chrootDir } : {}),
    ...where,
    owner: { name, uid, gid },
    ...(tokenInfo
      ? {
          token: {
            content: await sys.readFile(where.tokenPath),
            mode: tokenInfo.mode,
            uid: tokenInfo.uid,
            gid: tokenInfo.gid,
          },
        }
      : {}),
    ...(dirInfo ? { dir: { mode: dirInfo.mode, uid: dirInfo.uid, gid: dirInfo.gid } } : {}),
    configs,
    consentRecord: await readRecordFile(sys, postfix),
  };
}

/** The keys of templates/sasl_xoauth2_conf.ejs: a config with these only, and no secret, is the wizard's. */
const ownConfigKeys = new Set([
  'client_id',
  'client_secret',
  'token_endpoint',
  'ca_bundle_file',
  'log_to_syslog_on_failure',
  'log_full_trace_on_failure',
]);

export function isOwnConfig(text: string | undefined): boolean {
  try {
    const o = JSON.parse(text ?? '') as Record<string, unknown>;
    return (
      typeof o === 'object' &&
      o !== null &&
      Object.keys(o).every((k) => ownConfigKeys.has(k)) &&
      o.client_secret === '' &&
      o.log_to_syslog_on_failure === 'yes'
    );
  } catch {
    return false;
  }
}

/** What remove takes out: the token files in the wizard's token directory, the directory, its plugin configs. */
export interface OauthRemovalFacts {
  tokens: { path: string; content?: string }[];
  dir?: { path: string; mode: number; uid: number; gid: number };
  /** The wizard's own configs (isOwnConfig): a person's /etc/sasl-xoauth2.conf stays. */
  configs: { path: string; content?: string }[];
  /** The record of when each consent ends, where it exists: it goes with the token files. */
  consentRecord?: RecordFile;
}

export async function readOauthRemoval(
  sys: System,
  postfix: { configDir: string; isDefaultInstance: boolean },
): Promise<OauthRemovalFacts> {
  const settings = await readSettings(sys, instanceDir(postfix), ['queue_directory']);
  return readOauthFilesIn(sys, settings.queue_directory, postfix);
}

/** The same, for a queue_directory already read (setup's detect read it): no postconf asked. */
export async function readOauthFilesIn(
  sys: System,
  queueDirectory: string | undefined,
  postfix: { configDir: string },
): Promise<OauthRemovalFacts> {
  const queue = (queueDirectory ?? '/var/spool/postfix').replace(/\/+$/, '');
  const dirPath = `${queue}/${tokenDirName}`;
  const dirInfo = await sys.fileInfo(dirPath);
  const names = dirInfo?.isDirectory ? await sys.listDir(dirPath) : [];
  // The directory goes only when the token files were all it held (rmdir would refuse anything else).
  const onlyTokens = names.every((n) => n.endsWith('.json'));
  const tokens = await Promise.all(
    names
      .filter((n) => n.endsWith('.json'))
      .map(async (n) => ({ path: `${dirPath}/${n}`, content: await sys.readFile(`${dirPath}/${n}`) })),
  );
  const configs = (
    await Promise.all(configPaths(queue).map(async (path) => ({ path, content: await sys.readFile(path) })))
  ).filter((c) => isOwnConfig(c.content));
  const record = await readRecordFile(sys, postfix);
  return {
    tokens,
    ...(record.content !== undefined ? { consentRecord: record } : {}),
    ...(dirInfo?.isDirectory && onlyTokens
      ? { dir: { path: dirPath, mode: dirInfo.mode, uid: dirInfo.uid, gid: dirInfo.gid } }
      : {}),
    configs,
  };
}
