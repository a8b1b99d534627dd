// The command line's vocabulary: every command, every flag, and which commands
// take which flag (CLI.md). A flag a command does not take is refused (exit 2)
// before anything runs, so `setup --purge` cannot be mistaken for a purge.
// Each command's --help (ui/text/help.*.ts) documents exactly its flags here;
// test/unit/help.test.ts holds the two together.
//
// To add a flag: one line in `flags`, its name in the commands that take it,
// and a line in those commands' help texts (English and Japanese).
// To add a command: its name in `commands`, an entry in `commandFlags`,
// its help text (help.<command> in help.en.ts and help.ja.ts, listed in
// ui/help.ts) and its case in cli.ts's runFlow.

export const commands = ['setup', 'status', 'test', 'restore', 'remove', 'doctor', 'check'] as const;
export type Command = (typeof commands)[number];

export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
}

export const flags = {
  account: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'password-file': { type: 'string' },
  password: { type: 'string' }, // accepted only to refuse it with a clear message
  relay: { type: 'string' },
  'ca-file': { type: 'string' },
  'config-dir': { type: 'string' },
  to: { type: 'string' },
  'no-test': { type: 'boolean' },
  'no-keychain': { type: 'boolean' },
  install: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  'dry-run': { type: 'boolean' },
  'non-interactive': { type: 'boolean' },
  json: { type: 'boolean' },
  'map-senders': { type: 'boolean' },
  'no-map-senders': { type: 'boolean' },
  'root-alias': { type: 'string' },
  'loopback-only': { type: 'boolean' },
  'no-loopback-only': { type: 'boolean' },
  // setup: the scheduled check (distro/schedule.ts); --textfile names the directory it writes to
  monitor: { type: 'boolean' },
  'no-monitor': { type: 'boolean' },
  senders: { type: 'string' },
  auth: { type: 'string' },
  'oauth-client': { type: 'string' },
  'oauth-token-file': { type: 'string' },
  from: { type: 'string' },
  lang: { type: 'string' },
  'backup-dir': { type: 'string' },
  'state-dir': { type: 'string' },
  wait: { type: 'string' },
  list: { type: 'boolean' },
  purge: { type: 'boolean' },
  // remove, and setup leaving OAuth: the old refresh token is not revoked at Google (flow/apply/revoke.ts)
  'keep-token': { type: 'boolean' },
  fix: { type: 'boolean' },
  // check's thresholds (Monitoring Plugins style) and its Prometheus file (check-options.ts)
  warning: { type: 'string', short: 'w' },
  critical: { type: 'string', short: 'c' },
  'queue-age': { type: 'string' },
  'limit-percent': { type: 'string' },
  'daily-limit': { type: 'string' },
  'consent-days': { type: 'string' },
  textfile: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const satisfies Record<string, FlagSpec>;
export type Flag = keyof typeof flags;

/**
 * Flags every command takes: where the wizard's files are and how it talks. Scripts and roles pass
 * the same locations to every command, so these describe the machine, not the action.
 */
export const commonFlags: readonly Flag[] = [
  'config-dir',
  'state-dir',
  'backup-dir',
  'no-keychain',
  'non-interactive',
  'json',
  'lang',
  'help',
  'version',
];

/** Each command's own flags (besides commonFlags). */
export const commandFlags: Record<Command, readonly Flag[]> = {
  setup: [
    'account',
    'password-stdin',
    'password-file',
    'password',
    'relay',
    'ca-file',
    'to',
    'no-test',
    'install',
    'yes',
    'dry-run',
    'map-senders',
    'no-map-senders',
    'root-alias',
    'loopback-only',
    'no-loopback-only',
    'senders',
    'auth',
    'oauth-client',
    'oauth-token-file',
    'wait',
    'monitor',
    'no-monitor',
    'textfile',
    'keep-token',
  ],
  status: [],
  test: ['to', 'from', 'wait'],
  restore: ['list', 'yes', 'dry-run'],
  remove: ['account', 'purge', 'keep-token', 'yes', 'dry-run'],
  doctor: ['fix', 'yes'],
  check: ['warning', 'critical', 'queue-age', 'limit-percent', 'daily-limit', 'consent-days', 'textfile'],
};

/** How many operands (words after the command) each command takes: restore's backup id. */
export const commandOperands: Record<Command, number> = {
  setup: 0,
  status: 0,
  test: 0,
  restore: 1,
  remove: 0,
  doctor: 0,
  check: 0,
};

export function takes(command: Command, flag: Flag): boolean {
  return commonFlags.includes(flag) || commandFlags[command].includes(flag);
}
