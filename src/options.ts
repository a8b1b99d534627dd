// Command line → typed Options, per ../shared/CLI.md. Only parsing and
// syntactic checks live here; meaning (is the account valid? does the file
// exist?) is checked by the flow, which knows the facts.
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { literalPathProblem, type PathProblem } from './postfix/paths.js';
import { t, type MessageKey } from './ui/messages.js';

/** How Postfix signs in at the relay (--auth): the app password, OAuth 2.0 (XOAUTH2), or none (Workspace's relay by IP address). */
export const authMethods = ['app-password', 'oauth', 'none'] as const;
export type AuthMethod = (typeof authMethods)[number];

export const commands = ['setup', 'status', 'test', 'restore', 'remove', 'doctor'] as const;
export type Command = (typeof commands)[number];

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
  /** doctor: repair the fixable problems. */
  fix: boolean;
  /** restore's backup id. */
  backupId?: string;
  help: boolean;
  version: boolean;
}

const spec = {
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
  fix: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

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

export function parseOptions(argv: readonly string[]): Options {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: typeof spec; allowPositionals: true; strict: true }>
  >;
  try {
    parsed = parseArgs({ args: [...argv], options: spec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError('usage', (error as Error).message, t('options.seeHelp'));
  }
  const { values: v, positionals } = parsed;
  if (v.password !== undefined) {
    throw new UsageError(
      'password-on-command-line',
      t('options.passwordOnCommandLine'),
      t('options.passwordOnCommandLineFix'),
    );
  }
  const [first, second, ...rest] = positionals;
  const command = (first ?? 'setup') as Command;
  if (!commands.includes(command)) {
    throw new UsageError(
      'unknown-command',
      t('options.unknownCommand', { command: first ?? '' }),
      t('options.useOneOf', { commands: commands.join(', ') }),
    );
  }
  if (rest.length > 0 || (second !== undefined && command !== 'restore')) {
    throw new UsageError('usage', t('options.unexpectedArgument', { argument: second ?? '' }), t('options.seeHelp'));
  }
  if (v.fix && command !== 'doctor') {
    throw new UsageError('usage', t('options.unexpectedArgument', { argument: '--fix' }), t('options.seeHelp'));
  }
  if (v['password-stdin'] && v['password-file'] !== undefined) {
    throw new UsageError('usage', t('options.twoPasswordSources'), t('options.twoPasswordSourcesFix'));
  }
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
    senders: v.senders,
    ...(auth ? { auth } : {}),
    ...(v['oauth-client'] !== undefined ? { oauthClient: v['oauth-client'] } : {}),
    ...(v['oauth-token-file'] !== undefined ? { oauthTokenFile: v['oauth-token-file'] } : {}),
    from: v.from,
    lang,
    backupDir: privateDir(absoluteDir('--backup-dir', v['backup-dir']), defaultBackupDir),
    stateDir: privateDir(absoluteDir('--state-dir', v['state-dir']), defaultStateDir),
    waitSeconds,
    list: v.list ?? false,
    purge: v.purge ?? false,
    fix: v.fix ?? false,
    backupId: command === 'restore' ? second : undefined,
    help: v.help ?? false,
    version: v.version ?? false,
  };
}

/** --auth and the flags that belong to one way of signing in only. */
function checkAuthFlags(v: {
  auth?: string;
  'oauth-client'?: string;
  'oauth-token-file'?: string;
  'password-stdin'?: boolean;
  'password-file'?: string;
  senders?: string;
}): AuthMethod | undefined {
  const auth = v.auth;
  if (auth !== undefined && !(authMethods as readonly string[]).includes(auth)) {
    throw new UsageError('usage', t('options.auth', { auth }), t('options.authFix'));
  }
  const oauthFlag =
    v['oauth-client'] !== undefined
      ? '--oauth-client'
      : v['oauth-token-file'] !== undefined
        ? '--oauth-token-file'
        : undefined;
  if (oauthFlag && auth !== 'oauth') {
    throw new UsageError(
      'usage',
      t('options.oauthFlagWithoutOauth', { flag: oauthFlag }),
      t('options.oauthFlagWithoutOauthFix', { flag: oauthFlag }),
    );
  }
  const passwordFlag = v['password-stdin']
    ? '--password-stdin'
    : v['password-file'] !== undefined
      ? '--password-file'
      : undefined;
  if (passwordFlag && (auth === 'oauth' || auth === 'none')) {
    throw new UsageError(
      'usage',
      t('options.passwordWithAuth', { flag: passwordFlag, auth }),
      t('options.passwordWithAuthFix', { flag: passwordFlag }),
    );
  }
  // Sender-dependent accounts each log in with their own password; the relay by IP address has no login to pick.
  if (v.senders !== undefined && auth === 'none') {
    throw new UsageError('usage', t('options.sendersWithAuthNone'), t('options.sendersWithAuthNoneFix'));
  }
  return auth as AuthMethod | undefined;
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
function absoluteDir(flag: string, given: string | undefined): string | undefined {
  if (given === undefined || given.startsWith('/')) return given;
  throw new UsageError(
    'invalid-path',
    t('trust.relativeDir', { option: flag, path: JSON.stringify(given) }),
    t('trust.relativeDirFix', { option: flag }),
  );
}

function pair(yes: boolean | undefined, no: boolean | undefined): boolean | undefined {
  if (yes && no) return undefined;
  return yes ? true : no ? false : undefined;
}
