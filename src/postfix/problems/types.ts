// What doctor knows about a relay and what it finds wrong with it: plain data, no sentences
// (ui/doctor-view.ts words each code), no I/O (flow/doctor/ gathers the facts).
import type { DiagnosisCode } from '../../gmail/diagnose.js';
import type { EffectiveTls } from '../tls-policy.js';
import type { AccountUse } from '../../gmail/limits.js';

export const PROBLEM_CODES = [
  'dpkg-interrupted',
  'data-dir-owner',
  'postfix-not-running',
  'postfix-without-sasl',
  'postfix-without-tls',
  'map-type-unsupported',
  'password-file-readable',
  'map-not-compiled',
  'obsolete-settings',
  'tls-unverified',
  'wrappermode-mismatch',
  'sasl-plugins-missing',
  'oauth-plugin-missing',
  'oauth-token-unwritable',
  'oauth-chroot-ca-stale',
  'oauth-consent-revoked',
  'oauth-ca-unreadable',
  'oauth-plugin-unheard',
  'oauth-consent-expired',
  'oauth-consent-expiring',
  'relay-taken-out',
  'relay-bypassed',
  'open-relay',
  'dns-failure',
  'relay-unreachable',
  'ipv6-unreachable',
  'login-refused',
  'deferred-auth',
  'quota-exceeded',
  'daily-limit',
  'throttled',
  'mail-deferred',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];
export type Severity = 'error' | 'warning';

/** What --fix does about a problem; the flow turns it into a Plan for the usual transaction. */
export interface Repair {
  /** postconf -e */
  settings?: Record<string, string>;
  /** postconf -X */
  removeSettings?: string[];
  /** Made 0600 (files holding a password). */
  chmod?: string[];
  /** postmap type:path */
  postmap?: { type: string; path: string }[];
  /** Files copied into Postfix's chroot (the resolver's). */
  copy?: { from: string; to: string }[];
  /** main.cf's level becomes secure, and what overrides it for the relay (master.cf -o, a policy entry) goes. */
  tlsSecure?: boolean;
  /** Start Postfix. */
  start?: boolean;
  /** chown -R: a directory given back to the user Postfix runs as (what `postfix set-permissions` does for it). */
  chown?: { path: string; owner: string }[];
}

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  /** The setting, file or log line that shows it — never a password. */
  evidence: string[];
  fixable: boolean;
  repair?: Repair;
  /** Placeholders for the sentence that words the fix. */
  vars?: Record<string, string | number>;
}

export interface FileState {
  path: string;
  mode: number;
  uid: number;
  mtimeMs: number;
}

/** A lookup table main.cf names, with its source and compiled files as they are. */
export interface MapState {
  /** The main.cf parameter that names it; '' for a password file left behind that main.cf no longer names. */
  parameter: string;
  type: string;
  path: string;
  /** It holds relay passwords (smtp_sasl_password_maps). */
  secret: boolean;
  source?: FileState;
  /** Every file postmap makes for it, undefined where it does not exist. */
  compiled: { path: string; state?: FileState }[];
}

/** A failed delivery: a deferred message still queued, or a verdict in the recent log. */
export interface Failure {
  queueId: string;
  status: 'deferred' | 'bounced' | 'expired';
  /** Postfix's reason (delay_reason, or the log line's text in parentheses). */
  reason: string;
  diagnosis: DiagnosisCode;
  /** Cyrus SASL failed on this side ("cannot authenticate to server …"), in the reason or a line before it. */
  signInFailed?: true;
  /** The account the message signs in as (its envelope sender through the password map), where known. */
  account?: string;
}

export interface DoctorFacts {
  running: boolean;
  /** Values (explicit or default) of the parameters doctor reads. */
  settings: Readonly<Record<string, string>>;
  /** Only those set in main.cf (postconf -n). */
  explicit: Readonly<Record<string, string>>;
  /** The level smtp(8) really uses toward the relay (tls-overrides.ts), when a relayhost is set. */
  tls?: EffectiveTls;
  saslClientTypes: readonly string[];
  /** What this Postfix was built with: its default table type and those postconf -m lists; Gentoo: its USE flags. */
  build?: { defaultMapType: string; mapTypes: readonly string[]; useFlags?: readonly string[] };
  saslPlugins: { plain: boolean; login: boolean };
  maps: readonly MapState[];
  failures: readonly Failure[];
  /** The relay (relayhost), with what a bare connection per address family found. */
  relay?: {
    host: string;
    port: number;
    lookupError?: string;
    addresses: { family: 4 | 6; address: string; ok: boolean; errorCode?: string }[];
    implicitTls?: boolean;
  };
  /** The pre-flight login with the password stored for exactly this relay (undefined: none was tried). */
  login?: { ok: boolean; diagnosis?: DiagnosisCode; detail?: string };
  /** smtp(8) is chrooted here; the resolver files missing inside it. */
  chroot?: { dir: string; missing: string[] };
  /** mynetworks entries other hosts may relay through while Postfix listens beyond loopback (networks.ts). */
  openNetworks: readonly string[];
  /** data_directory as it is, and mail_owner (the user that must own it) with its uid; undefined when either is missing. */
  dataDir?: { path: string; uid: number; owner: string; ownerUid: number };
  /** Each account's recipients in the last 24 h against Gmail's daily limit, and the per cent from which to warn. */
  sending?: { accounts: readonly AccountUse[]; warnPercent: number };
  /** A CA file for smtp_tls_CAfile when main.cf has none (the distribution's bundle). */
  caBundle?: string;
  /** The relayhost the wizard wrote, while its setup is in place (flow/doctor/configured-relay.ts). */
  configuredRelay?: string;
  /** dpkg --audit's report when an install or upgrade was cut off midway (distro/dpkg-state.ts); doctor only. */
  dpkgInterrupted?: readonly string[];
  /** OAuth (XOAUTH2 filter in main.cf): the plugin, and the token files as smtp(8) must find them. */
  oauth?: OauthFacts;
}

export interface OauthFacts {
  /** libsasl-xoauth2.so in a Cyrus SASL plugin directory. */
  plugin: boolean;
  /** smtp runs chrooted and the plugin's config is missing inside the chroot (the plugin reads it there). */
  chrootConfigMissing?: string;
  /** smtp runs chrooted and the copy of the CA bundle the plugin names is missing inside it, or not the original's content. */
  chrootCa?: { from: string; to: string; state: 'missing' | 'stale' };
  /** main.cf's maillog_file (Postfix logs through postlogd), and whether /dev/log is there for the plugin's syslog(3). */
  maillogFile?: string;
  devLog?: boolean;
  /** mail_owner and its ids: the user that must own the token files and their directory. */
  owner: { name: string; uid: number; gid: number };
  /** Epoch seconds when these facts were read, and how long before a consent's end to warn. */
  now: number;
  consentWarnSeconds: number;
  tokens: {
    path: string;
    /** The account (the token file is named after it). */
    account: string;
    /** Epoch seconds when Google ends the consent (the wizard's record); undefined: no end known. */
    consentExpiresAt?: number;
    mode: number;
    uid: number;
    /** The directory's mode and owner: the plugin writes a new file beside the token and renames it. */
    dir: { mode: number; uid: number };
    /** Epoch seconds the access token in the file expires (the plugin's "expiry"). */
    expiry?: number;
    /** The file's last rewrite: the plugin's last refresh. */
    mtimeMs: number;
  }[];
}
