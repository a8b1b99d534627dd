// The --json document (schema "postfix-gmail-wizard/outcome", version 1).
// Field meanings are documented in README.md under "JSON output"; add
// fields freely, never rename or remove one without bumping the version.
import type { DiagnosisCode } from '../gmail/diagnose.js';
import type { ProblemJson } from '../ui/doctor-view.js';
import type { StatusReport } from './status.js';

/** test.status: how far the test message got (queued: still waiting when the wait ended; unknown: no queue id). */
export const TEST_STATUSES = ['sent', 'deferred', 'bounced', 'expired', 'queued', 'unknown'] as const;
/** result: what the command did. */
export const OUTCOME_RESULTS = ['delivered', 'configured', 'unchanged', 'not-delivered', 'failed', 'cancelled', 'dry-run', 'status', 'restored', 'removed', 'list', 'healthy', 'problems', 'fixed'] as const;

export interface TestResult {
  to: string;
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
  configDir?: string;
  changed: { settings: string[]; files: string[]; commands: string[] };
  backupId?: string;
  /** stored | unchanged | used (the password came from it) | not-stored:<reason> */
  keychain?: string;
  /** After a change of credentials: deferred messages flushed (postqueue -f), and how many went out. */
  flushed?: { deferred: number; sent: number };
  /** remove --purge: the backups deleted and how many keychain entries, because they held a password. */
  purged?: { backups: string[]; accounts: number };
  test?: TestResult;
  /** Only for the status command. */
  status?: StatusReport;
  /** Only for doctor: the problems found (after --fix: those that remain), and the codes --fix repaired. */
  doctor?: { problems: ProblemJson[]; fixed?: string[] };
  /** Only for restore --list. */
  backups?: { id: string; createdAt: string; reason: string; files: string[] }[];
  warnings: string[];
  error?: { code: string; message: string; fix?: string };
}

export function newOutcome(command: string): Outcome {
  return { schema: 'postfix-gmail-wizard/outcome', version: 1, command, changed: { settings: [], files: [], commands: [] }, warnings: [] };
}
