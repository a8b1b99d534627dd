// The plain data that flows between the phases:
//   detect → HostFacts, ask → Answers, plan → Plan, apply/verify → Outcome.
import type { DistroFamily, InitSystem } from '../distro/family.js';
import type { ProgramPaths, ProgramProblem, ScheduleKind } from '../distro/schedule.js';
import type { GentooFacts } from '../distro/gentoo.js';
import type { OsRelease } from '../distro/os-release.js';
import type { OauthCredential } from '../gmail/oauth.js';
import type { Relay } from '../gmail/relay.js';
import type { OauthFileFacts, OauthRemovalFacts } from '../postfix/xoauth2-files.js';
import type { LegacySetting } from '../postfix/legacy-settings.js';
import type { Listener } from '../postfix/master.js';
import type { Settings } from '../postfix/postconf.js';
import type { TlsFacts, TlsReading } from '../postfix/tls-overrides.js';
import type { MasterParameter } from '../postfix/tls-policy.js';
import type { SavedRecord } from '../postfix/saved-record.js';

export interface PasswordMapFacts {
  type: string;
  path: string;
  /** The source file's text; holds a secret, so it never leaves memory. */
  content?: string;
  mode?: number;
  uid?: number;
  /** The compiled map (e.g. sasl_passwd.db) exists and is not older than the source. */
  compiledCurrent: boolean;
  /** The compiled files that exist, with their mode and owner (a secret too). */
  compiled: { path: string; mode: number; uid: number }[];
  /** Something besides smtp_sasl_password_maps (main.cf or master.cf) names the file: a map the wizard replaces then stays, 0600. */
  namedElsewhere?: boolean;
}

export interface PostfixFacts {
  version: string;
  /** The directory passed to postconf/postfix with -c (the default instance's when not given). */
  configDir: string;
  isDefaultInstance: boolean;
  running: boolean;
  /** `postconf -A`: SASL client implementations Postfix was built with ("cyrus"). */
  saslClientTypes: string[];
  /** `postconf -m`: lookup table types this build supports. */
  mapTypes: string[];
  defaultMapType: string;
  /** Current values of the parameters the wizard reads or owns. */
  settings: Settings;
  /** Names set explicitly in main.cf (`postconf -n`); the rest are defaults. */
  explicit: string[];
  /** Their values as `postconf -n` gave them (detect's one reading; doctor's rules look at them). */
  explicitSettings?: Settings;
  passwordMap?: PasswordMapFacts;
  /** <configDir>/sasl_passwd, when main.cf names another map (or none): a file left there still holds a password. */
  wizardMap?: PasswordMapFacts;
  /** <configDir>/sender_relay (sender_dependent_relayhost_maps of the sender-dependent accounts), as it is now. */
  senderRelayMap?: PasswordMapFacts;
  /** Account currently in the password map for the relayhost, if any. */
  currentAccount?: string;
  listener?: Listener;
  /** Who starts and reloads this instance: the init system for the default one, else 'none' (postfix -c DIR). */
  serviceManager: InitSystem;
  /** Superseded or misused main.cf settings (legacy-settings.ts), as main.cf sets them now. */
  legacy?: LegacySetting[];
  /** What overrides main.cf's TLS level for the relay (tls-overrides.ts); setup reads it again for the relay it plans. */
  tls?: TlsFacts;
  /** What detect read of the TLS settings, looked at again (not read again) for another relay (setup-answers.ts). */
  tlsReading?: TlsReading;
  /** Where delivery lines can be read: a file, or journald. */
  log: { kind: 'file'; path: string } | { kind: 'journal' } | { kind: 'none' };
  /** sasl-xoauth2's files in the wizard's token directory (setup reads them before its plan): what a switch away from OAuth takes out. */
  oauthFiles?: OauthRemovalFacts;
}

export interface HostFacts {
  os: OsRelease;
  distro: DistroFamily;
  isRoot: boolean;
  postfix?: PostfixFacts;
  /** xoauth2: sasl-xoauth2's libsasl-xoauth2.so is in a plugin directory (OAuth 2.0 needs it). */
  saslPlugins: { plain: boolean; login: boolean; xoauth2?: boolean; dir?: string };
  caBundle?: string;
  /** Who starts services here (systemd, OpenRC, an init script, launchd, or nobody). */
  init?: InitSystem;
  /** Gentoo only: the installed Postfix's USE flags and the state of package.use. */
  gentoo?: GentooFacts;
}

/** map: the password the current password map already holds (a re-run that keeps the account). */
export type PasswordSource = 'typed' | 'stdin' | 'file' | 'keychain' | 'map';

/** An app password and where it came from; it lives in memory only, on its one way from ask to the plan. */
export interface Credential {
  password: string;
  source: PasswordSource;
}

/** A map or aliases file the options write, as it is now. */
export interface OptionFile {
  /** The lookup table type it is compiled with (hash, lmdb, …). */
  type: string;
  path: string;
  content?: string;
  mode?: number;
  /** The compiled copies that exist (sasl-style: .db, .lmdb, …). */
  compiled: string[];
  /** Every compiled copy exists and is not older than the source. */
  compiledCurrent: boolean;
}

/** What the relay options read beyond detect (relay-options.ts, local-facts.ts). */
export interface LocalFacts {
  /** Current values (main.cf or default, as postconf prints them) of the parameters the options read. */
  settings: Settings;
  /** The domains local senders get: myorigin (Debian's /etc/mailname read), myhostname, mydomain. */
  domains: { myorigin: string; myhostname: string; mydomain: string };
  /** Domains delivered on this machine (mydestination with $names expanded; tables left out). */
  localDestinations: string[];
  /** The wizard's smtp_generic_maps source file. */
  generic: OptionFile;
  /** The main.cf values the wizard replaced, for remove (postfix-gmail-wizard.saved). */
  saved: { path: string; content?: string; mode?: number };
  /** The aliases file local(8) reads (first file-based alias_maps entry); undefined when there is none the wizard may edit. */
  aliases?: OptionFile;
  /** The scheduled check (setup --monitor): what runs it here, its files as they are, and this program's paths. */
  schedule?: ScheduleFacts;
}

/** distro/schedule.ts: a systemd timer where systemd is PID 1, else cron.d. */
export interface ScheduleFacts {
  kind: ScheduleKind;
  /** Every schedule file of either kind that exists now. */
  files: { path: string; content?: string; mode?: number }[];
  program: ProgramPaths;
  /** Why a root timer must not call this copy of the program (npx's cache, a directory others can change). */
  problem?: ProgramProblem;
}

/** --monitor / --no-monitor, or the answer to the question. */
export interface MonitorChoice {
  on: boolean;
  /** The directory the scheduled check writes postfix_gmail_wizard.prom to. */
  textfile: string;
}

/** The relay options of issue 6; undefined fields leave things as they are. */
export interface RelayOptions {
  /** true: local senders go out as the account (smtp_generic_maps); false: take the wizard's mapping out. */
  mapSenders?: boolean;
  /** root's mail goes to this address (aliases). */
  rootAlias?: string;
  /** true: inet_interfaces = loopback-only; false: put back what the wizard replaced. */
  loopbackOnly?: boolean;
  /** smtp_address_preference = ipv4: the relay is unreachable over IPv6 from here, reachable over IPv4. */
  preferIpv4?: boolean;
  /** The scheduled check: on (with its textfile directory) or taken out; absent: left as it is. */
  monitor?: MonitorChoice;
  local: LocalFacts;
}

export interface Answers {
  account: string;
  /** The password the pre-flight login accepted for `relay`; undefined only in --dry-run without one (the plan shows a placeholder). */
  credential?: Credential;
  /** Settled before the password is asked (port, implicit TLS, Workspace's smtp-relay): the one the pre-flight logged in to. */
  relay: Relay;
  /** How Postfix signs in; absent: with the app password in `credential`. none: the relay admits this machine by address; oauth: XOAUTH2 (`oauth`). */
  auth?: 'none' | 'oauth';
  /** --auth oauth: the token the pre-flight proved (undefined in --dry-run) and where the plugin's files go. */
  oauth?: { credential?: OauthCredential; files: OauthFileFacts; caBundle?: string };
  caFile: string;
  to: string;
  /** --senders: `account` is an extra account for these envelope senders; the default account stays (accounts.ts). */
  senders?: string[];
  /** Sender identity and listening options (relay-options.ts); absent: none of them is touched. */
  options?: RelayOptions;
  /** The re-run's "keep it and test it again" was the answer: the test is not asked about a second time. */
  retest?: true;
}

/** What `remove` compares the saved record's master.cf and table lines with (plan/putback.ts). */
export interface PutBackFacts {
  /** `service/type` of every master.cf service (postconf -M). */
  services: string[];
  /** Every `-o` of master.cf now (postconf -P). */
  master: MasterParameter[];
  /** The recorded tables' source files now, by path. */
  tables: Record<string, { content?: string; mode?: number }>;
}

/** What remove reads beyond detect (detect/remove-facts.ts) before its plan (plan/remove-plan.ts). */
export interface RemoveFacts {
  /** Only what main.cf sets (postconf -n), with values. */
  explicit: Settings;
  local: LocalFacts;
  /** The wizard's record of what it replaced (postfix-gmail-wizard.saved). */
  record: SavedRecord;
  putBack: PutBackFacts;
  /** Which of the password map's files exist now. */
  existing: string[];
  /** sasl-xoauth2's files the wizard wrote (--auth oauth), as they are now. */
  oauth?: OauthRemovalFacts;
}
