// The --json document (schema "postfix-gmail-wizard/outcome", version 1).
// Field meanings are documented in README.md under "JSON output"; add
// fields freely, never rename or remove one without bumping the version.
import type { DiagnosisCode } from './gmail/diagnose.js';
import type { Problem, ProblemCode } from './postfix/problems/types.js';
import type { TlsSource } from './postfix/tls-policy.js';

/** test.status: how far the test message got (queued: still waiting when the wait ended; unknown: no queue id). */
export const TEST_STATUSES = ['sent', 'deferred', 'bounced', 'expired', 'queued', 'unknown'] as const;
/** result: what the command did. */
export const OUTCOME_RESULTS = [
  'delivered',
  'configured',
  'unchanged',
  'not-delivered',
  'failed',
  'cancelled',
  'dry-run',
  'status',
  'restored',
  'removed',
  'list',
  'healthy',
  'problems',
  'fixed',
] as const;

export interface TestResult {
  to: string;
  /** The envelope sender, when it was chosen (test --from, setup --senders). */
  from?: string;
  /** The account Postfix logs in as for that sender. */
  account?: string;
  queueId?: string;
  status: (typeof TEST_STATUSES)[number];
  dsn?: string;
  relay?: string;
  reply?: string;
  diagnosis?: DiagnosisCode;
}

export interface Outcome {
  schema: 'postfix-gmail-wizard/outcome';
  version: 1;
  command: string;
  result?: (typeof OUTCOME_RESULTS)[number];
  exitCode?: number;
  account?: string;
  relay?: string;
  /** setup: how Postfix signs in at the relay. */
  auth?: 'app-password' | 'oauth' | 'none';
  configDir?: string;
  changed: { settings: string[]; files: string[]; commands: string[] };
  backupId?: string;
  /** stored | unchanged | used (the password came from it) | not-stored:<reason> */
  keychain?: string;
  /** After a change of credentials: deferred messages flushed (postqueue -f), and how many went out. */
  flushed?: { deferred: number; sent: number };
  /** remove --purge: the backups deleted and how many keychain entries, because they held a password. */
  purged?: { backups: string[]; accounts: number; revoked?: number };
  /** Leaving OAuth (remove, or setup to another way of signing in): the old refresh tokens, revoked at Google or not. */
  revocation?: { revoked: number; failed: number; kept: number };
  test?: TestResult;
  /** Only for the status command. */
  status?: StatusReport;
  /** Only for doctor: the problems found (after --fix: those that remain), and the codes --fix repaired. */
  doctor?: { problems: ProblemJson[]; fixed?: string[] };
  /** Only for check: the Monitoring Plugins state and what it is made of. */
  check?: CheckJson;
  /** Only for restore --list. */
  backups?: { id: string; createdAt: string; reason: string; files: string[] }[];
  warnings: string[];
  error?: { code: string; message: string; fix?: string };
}

export function newOutcome(command: string): Outcome {
  return {
    schema: 'postfix-gmail-wizard/outcome',
    version: 1,
    command,
    changed: { settings: [], files: [], commands: [] },
    warnings: [],
  };
}

/** What a command's run decides of the document (commands/command.ts: outcomeOf); the CLI adds the rest. */
export type CommandOutcome = Partial<
  Omit<Outcome, 'schema' | 'version' | 'command' | 'exitCode' | 'error' | 'warnings'>
>;

/** How the run ended: its exit code, and the error that ended it, if one did. */
export interface RunEnding {
  exitCode: number;
  failure?: { result: 'failed' | 'cancelled'; error: NonNullable<Outcome['error']> };
}

/** The --json document, built once at the end from the command's fields, the warnings said, and the ending. */
export function finishOutcome(
  command: string,
  fields: CommandOutcome,
  warnings: readonly string[],
  ending: RunEnding,
): Outcome {
  const { failure } = ending;
  return {
    ...newOutcome(command),
    ...fields,
    ...(failure ? { result: failure.result } : {}),
    exitCode: ending.exitCode,
    warnings: [...warnings],
    ...(failure ? { error: failure.error } : {}),
  };
}

/** The status command's report (outcome.status). */
export interface StatusReport {
  relayhost: string;
  /** How Postfix signs in at the relay (postfix/sign-in.ts); absent without a relayhost. */
  auth?: 'app-password' | 'oauth' | 'none';
  account?: string;
  passwordMap?: string;
  mapType: string;
  /** The level smtp(8) really uses for the relay (a policy table or master.cf may override main.cf's). */
  tlsLevel: string;
  /** Where tlsLevel comes from: main.cf, master.cf (service), policy-map or per-site (table and key); and main.cf's own value. */
  tls: { source: TlsSource; where?: string; mainCf: string; obsolete?: string };
  caFile: string;
  running: boolean;
  /** stored | not-stored | unavailable:<reason> — for the current account's password. */
  keychain: string;
  /** Whose keychain, when root runs under sudo: the person who ran sudo. */
  keychainOwner?: string;
  /** Every account: the default (senders empty) first, then the sender-dependent ones; keychain: stored | not-stored | unavailable:<reason>. */
  accounts?: { account: string; default: boolean; senders: string[]; keychain: string }[];
  /** smtp_tls_mandatory_protocols as Postfix uses it (>=TLSv1.2 where the wizard set it). */
  tlsProtocols?: string;
  /** smtp_sasl_auth_cache_name and _time: a refused login is not tried again with the same password. */
  authCache?: { map: string; time: string };
  /**
   * OAuth: each sasl-xoauth2 token file, its account, its access token's expiry, the plugin's last rewrite
   * and when Google ends the consent (a consent screen in Testing; absent: no end known) — ISO 8601.
   */
  oauthTokens?: { path: string; account?: string; expiry?: string; refreshed: string; consentExpiry?: string }[];
  /** The scheduled check (setup --monitor), where one is set up: what runs it, its files, where it writes. */
  monitor?: { kind: 'systemd' | 'cron'; files: string[]; textfile?: string };
  /** Each account's recipients Gmail accepted in the last 24 h against its daily limit (gmail/limits.ts). */
  sending?: { account: string; sent: number; limit: number; kind: string; lastSent?: number }[];
  /** reasons: the deferred messages grouped by diagnosis (the test send's table). */
  queue: { total: number; deferred: number; reasons: DeferredReason[] };
  /** smtp_generic_maps, and the account the wizard's map sends local senders as (undefined: another map). */
  senderMap?: { map: string; account?: string };
  /** root's entry in the aliases file, and whether the wizard wrote it. */
  rootAlias?: { to: string; byWizard: boolean };
  /** inet_interfaces, and whether only this machine can connect. */
  interfaces: { value: string; loopbackOnly: boolean };
  /** smtp_address_preference (ipv4: the wizard found IPv6 unable to reach the relay). */
  addressPreference: string;
  /** mynetworks entries other hosts may relay through (only while Postfix listens beyond loopback). */
  openNetworks: string[];
  lastTest?: TestResult & { at?: string };
  problems: { code: string; message: string; fix?: string }[];
}

/** Deferred messages of one cause (status.queue.reasons). */
export interface DeferredReason {
  code: DiagnosisCode;
  /** Postfix's delay reason, one line (the server's reply; never a password). */
  detail: string;
  count: number;
}

/** One problem doctor found (outcome.doctor.problems). */
export interface ProblemJson {
  code: ProblemCode;
  severity: Problem['severity'];
  evidence: string[];
  fix: string;
  fixable: boolean;
}

/** check --json (outcome.check): what the plugin line says, as data. */
export interface CheckJson {
  state: 'ok' | 'warning' | 'critical' | 'unknown';
  /** 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (the same as the document's exitCode). */
  exitCode: 0 | 1 | 2 | 3;
  /** The plugin's status line, as `check` without --json prints it. */
  line: string;
  /** Worst first: doctor's problem codes, and check's own (deferred-count, queue-age, consent-expiring, consent-expired). */
  problems: { code: string; state: 'warning' | 'critical'; message: string; fix: string }[];
  perfdata: { label: string; value: number; warning: number; critical: number; min: number; max?: number }[];
  /** UNKNOWN: why check could not look (or could not write --textfile), and the fix. */
  unknown?: { message: string; fix?: string };
  /** --textfile: the file written (absent when it could not be). */
  textfile?: string;
}
