// Command line → typed Options, per ../shared/CLI.md. Only parsing and
// syntactic checks live here; meaning (is the account valid? does the file
// exist?) is checked by the flow, which knows the facts.
import { UsageError } from './errors.js';
import { type Command, commandOperands, commands, type Flag, takes } from './flags.js';
import { type FlagValues, readFlags } from './read-flags.js';
import { closest } from './suggest.js';
import { literalPathProblem, type PathProblem } from './postfix/paths.js';
import { t, type MessageKey } from './ui/messages.js';
import { checkAuthFlags, type AuthMethod } from './auth-flags.js';

export { authMethods, type AuthMethod } from './auth-flags.js';
import { monitorFlags, parseCheckOptions, withTextfileDefault, type CheckOptions } from './check-options.js';

export type { Command };
export { commands };

export interface Options {
  command: Command;
  account?: string;
  passwordStdin: boolean;
  passwordFile?: string;
  relay?: string;
  caFile?: string;
  configDir?: string;
  to?: string;
  test: boolean;
  keychain: boolean;
  install: boolean;
  yes: boolean;
  dryRun: boolean;
  nonInteractive: boolean;
  json: boolean;
  mapSenders?: boolean;
  rootAlias?: string;
  loopbackOnly?: boolean;
  /** setup --monitor / --no-monitor: the scheduled check on or taken out. */
  monitor?: boolean;
  /** setup --textfile DIR: where the scheduled check writes (default: check's). */
  monitorTextfile?: string;
  /** --senders LIST as given (setup): the account serves only these envelope senders. Parsed by the flow (accounts.ts). */
  senders?: string;
  /** --auth: undefined when not given (the app password, or what is configured). */
  auth?: AuthMethod;
  /** --oauth-client FILE: the Desktop-app client JSON (holds the client secret; read by the flow). */
  oauthClient?: string;
  /** --oauth-token-file FILE: a token from an earlier consent (holds the refresh token; read by the flow). */
  oauthTokenFile?: string;
  /** test --from ADDR: the test message's envelope sender. */
  from?: string;
  lang?: 'en' | 'ja';
  backupDir: string;
  stateDir: string;
  /** Longest wait, in seconds, for the test message to reach its end. */
  waitSeconds: number;
  list: boolean;
  /** remove: also delete the backups and keychain entries that still hold a password. */
  purge: boolean;
  /** remove, and setup leaving OAuth: leave the old OAuth refresh token valid at Google (not revoked). */
  keepToken: boolean;
  /** doctor: repair the fixable problems. */
  fix: boolean;
  /** check's thresholds and --textfile (check-options.ts). */
  check?: CheckOptions;
  /** restore's backup id. */
  backupId?: string;
  help: boolean;
  /** With help: the command was named (`status --help`, `help status`), so its own help is shown. */
  helpForCommand?: boolean;
  version: boolean;
}

const pathProblemText: Record<PathProblem, MessageKey> = {
  relative: 'path.relative',
  control: 'path.control',
  whitespace: 'path.whitespace',
  comma: 'path.comma',
  dollar: 'path.dollar',
  brace: 'path.brace',
};

export const defaultBackupDir = '/var/backups/postfix-gmail-wizard';
export const defaultStateDir = '/var/lib/postfix-gmail-wizard';

/** --lang as given (`--lang ja` or `--lang=ja`), read before the full parse so its errors are in that language. */
export function langFlag(argv: readonly string[]): 'en' | 'ja' | undefined {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.slice('--lang='.length) : argv[i + 1];
  return value === 'en' || value === 'ja' ? value : undefined;
}

/** --json anywhere before `--`: a usage error must then still print its JSON document. */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--json' || a.startsWith('--json='));
}

export function parseOptions(argv: readonly string[]): Options {
  const { values: v, positionals } = readFlags(withTextfileDefault(argv));
  if (v.password !== undefined) {
    throw new UsageError(
      'password-on-command-line',
      t('options.passwordOnCommandLine'),
      t('options.passwordOnCommandLineFix'),
    );
  }
  // `help COMMAND` is `COMMAND --help`.
  const asksHelp = positionals[0] === 'help';
  const [first, ...operands] = asksHelp ? positionals.slice(1) : positionals;
  if (asksHelp && operands.length > 0) {
    throw new UsageError(
      'unexpected-argument',
      t('options.unexpectedArgument', { argument: operands[0]!, command: 'help' }),
      t('options.seeHelp'),
    );
  }
  const command = (first ?? 'setup') as Command;
  if (!commands.includes(command)) {
    const guess = closest(first ?? '', commands);
    throw new UsageError(
      'unknown-command',
      t('options.unknownCommand', { command: first ?? '' }),
      guess ? t('options.didYouMean', { word: guess }) : t('options.useOneOf', { commands: commands.join(', ') }),
    );
  }
  const extra = operands[commandOperands[command]];
  if (extra !== undefined) {
    throw new UsageError(
      'unexpected-argument',
      t('options.unexpectedArgument', { argument: extra, command }),
      t('options.seeCommandHelp', { command }),
    );
  }
  if (asksHelp || v.help) return helpOptions(command, first !== undefined);
  for (const flag of Object.keys(v) as Flag[]) {
    if (!takes(command, flag)) {
      throw new UsageError(
        'option-not-for-command',
        t('options.notForCommand', { option: `--${flag}`, command }),
        t('options.seeCommandHelp', { command }),
      );
    }
  }
  const second = operands[0];
  checkCombinations(command, v, second);
  const lang = v.lang;
  if (lang !== undefined && lang !== 'en' && lang !== 'ja') {
    throw new UsageError('usage', t('options.lang', { lang }), t('options.langFix'));
  }
  for (const [flag, path] of [
    ['--ca-file', v['ca-file']],
    ['--config-dir', v['config-dir']],
  ] as const) {
    const problem = path === undefined ? undefined : literalPathProblem(path);
    if (problem)
      throw new UsageError(
        'invalid-path',
        t(pathProblemText[problem], { option: flag, path: JSON.stringify(path) }),
        t('path.fix', { option: flag }),
      );
  }
  const auth = checkAuthFlags(v);
  const check = command === 'check' ? parseCheckOptions(v) : undefined;
  const waitSeconds = v.wait === undefined ? 120 : Number(v.wait);
  if (!Number.isFinite(waitSeconds) || waitSeconds <= 0) {
    throw new UsageError('usage', t('options.wait', { wait: v.wait ?? '' }), t('options.waitFix'));
  }
  return {
    command,
    account: v.account,
    passwordStdin: v['password-stdin'] ?? false,
    passwordFile: v['password-file'],
    relay: v.relay,
    caFile: v['ca-file'],
    configDir: v['config-dir'],
    to: v.to,
    test: !v['no-test'],
    keychain: !v['no-keychain'],
    install: v.install ?? false,
    yes: v.yes ?? false,
    dryRun: v['dry-run'] ?? false,
    nonInteractive: v['non-interactive'] ?? false,
    json: v.json ?? false,
    mapSenders: pair(v['map-senders'], v['no-map-senders']),
    rootAlias: v['root-alias'],
    loopbackOnly: pair(v['loopback-only'], v['no-loopback-only']),
    ...(command === 'setup' ? monitorFlags(v) : {}),
    senders: v.senders,
    ...(auth ? { auth } : {}),
    ...(v['oauth-client'] !== undefined ? { oauthClient: v['oauth-client'] } : {}),
    ...(v['oauth-token-file'] !== undefined ? { oauthTokenFile: v['oauth-token-file'] } : {}),
    from: v.from,
    lang,
    backupDir: privateDir(absoluteDir('--backup-dir', v['backup-dir'], '/var/backups'), defaultBackupDir),
    stateDir: privateDir(absoluteDir('--state-dir', v['state-dir'], '/var/lib'), defaultStateDir),
    waitSeconds,
    list: v.list ?? false,
    purge: v.purge ?? false,
    keepToken: v['keep-token'] ?? false,
    fix: v.fix ?? false,
    ...(check ? { check } : {}),
    backupId: command === 'restore' ? second : undefined,
    help: v.help ?? false,
    version: v.version ?? false,
  };
}

/** `--help`, `COMMAND --help`, `help [COMMAND]`: nothing else is read or checked. */
function helpOptions(command: Command, named: boolean): Options {
  return {
    ...parseOptions([]),
    command,
    help: true,
    helpForCommand: named,
  };
}

/**
 * --backup-dir/--state-dir DIR: the wizard works in DIR/postfix-gmail-wizard, a directory of its own
 * (0700), and never changes DIR itself — `--state-dir /tmp` must leave /tmp as it is. A DIR already
 * named postfix-gmail-wizard (the defaults given explicitly) is used as it is.
 */
export function privateDir(given: string | undefined, fallback: string): string {
  if (given === undefined) return fallback;
  const dir = given.replace(/(.)\/+$/, '$1');
  return dir.endsWith('/postfix-gmail-wizard') || dir === 'postfix-gmail-wizard'
    ? dir
    : `${dir === '/' ? '' : dir}/postfix-gmail-wizard`;
}

/** Root's lock, journal and backups must not move with the directory a run was started from. */
function absoluteDir(flag: string, given: string | undefined, example: string): string | undefined {
  if (given === undefined || given.startsWith('/')) return given;
  throw new UsageError(
    'invalid-path',
    t('trust.relativeDir', { option: flag, path: JSON.stringify(given) }),
    t('trust.relativeDirFix', { option: flag, example }),
  );
}

function pair(yes: boolean | undefined, no: boolean | undefined): boolean | undefined {
  return yes ? true : no ? false : undefined;
}

const together: readonly (readonly [Flag, Flag])[] = [
  ['password-stdin', 'password-file'],
  ['map-senders', 'no-map-senders'],
  ['loopback-only', 'no-loopback-only'],
  ['monitor', 'no-monitor'],
  ['no-monitor', 'textfile'],
  ['list', 'yes'],
  ['list', 'dry-run'],
];

/** Flags that are each well formed but wrong together, or an empty --password-file. */
function checkCombinations(command: Command, v: FlagValues, operand: string | undefined): void {
  for (const [a, b] of together) {
    if (v[a] !== undefined && v[b] !== undefined) {
      throw new UsageError(
        'conflicting-options',
        t('options.together', { a: `--${a}`, b: `--${b}` }),
        t('options.togetherFix'),
      );
    }
  }
  if (v.senders !== undefined && v.account === undefined) {
    throw new UsageError(
      'senders-without-account',
      t('options.sendersWithoutAccount'),
      t('options.sendersWithoutAccountFix'),
    );
  }
  if (command === 'doctor' && v.yes && !v.fix) {
    throw new UsageError(
      'option-not-for-command',
      t('options.yesWithoutFix'),
      t('options.seeCommandHelp', { command }),
    );
  }
  if (command === 'restore' && v.list && operand !== undefined) {
    throw new UsageError(
      'unexpected-argument',
      t('options.listTakesNoId', { argument: operand }),
      t('options.seeCommandHelp', { command }),
    );
  }
  const file = v['password-file'];
  if (file !== undefined && !file.startsWith('/')) {
    throw new UsageError(
      'invalid-password-file',
      file === '' ? t('options.passwordFileEmpty') : t('options.passwordFileRelative', { path: JSON.stringify(file) }),
      t('options.passwordFileFix'),
    );
  }
}
