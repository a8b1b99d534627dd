// Reading and writing main.cf through postconf(1) itself, never by editing
// text: postconf knows the syntax, the defaults and the -c config directory.
import type { System } from '../system/types.js';
import { codedError } from '../errors.js';

export type Settings = Record<string, string>;

/** Which Postfix: its config directory, and whether it is the default instance (then no -c is passed). */
export interface PostfixInstance {
  configDir: string;
  isDefaultInstance: boolean;
}

/** The -c directory Postfix's commands get: none for the default instance. */
export function instanceDir(postfix: PostfixInstance): string | undefined {
  return postfix.isDefaultInstance ? undefined : postfix.configDir;
}

export function postconfArgs(configDir: string | undefined, ...args: string[]): string[] {
  return configDir ? ['-c', configDir, ...args] : args;
}

/** Parse `name = value` lines as postconf prints them. */
export function parsePostconf(stdout: string): Settings {
  const settings: Settings = {};
  for (const line of stdout.split('\n')) {
    const match = /^([A-Za-z0-9_.-]+) =(?: (.*))?$/.exec(line);
    if (match?.[1]) settings[match[1]] = match[2] ?? '';
  }
  return settings;
}

/** Current values (explicit or default) of the named parameters; unknown names are left out. */
export async function readSettings(
  sys: System,
  configDir: string | undefined,
  names: readonly string[],
): Promise<Settings> {
  const result = await sys.exec('postconf', postconfArgs(configDir, ...names));
  if (result.exitCode !== 0 && !result.stdout) {
    throw codedError('postconf-failed', { reason: result.stderr.trim() });
  }
  return parsePostconf(result.stdout);
}

/** Only the parameters set explicitly in main.cf (`postconf -n`). */
export async function readExplicitSettings(sys: System, configDir: string | undefined): Promise<Settings> {
  const result = await sys.exec('postconf', postconfArgs(configDir, '-n'));
  return parsePostconf(result.stdout);
}

/** One `postconf -e` batch: Postfix rereads main.cf once, and the edit is all-or-nothing. */
export function postconfEditArgs(configDir: string | undefined, settings: Readonly<Settings>): string[] {
  return postconfArgs(configDir, '-e', ...Object.entries(settings).map(([name, value]) => `${name}=${value}`));
}

/**
 * `postconf -X`: remove parameters from main.cf, so their defaults apply again. Each name once:
 * Postfix 3.7's `postconf -X a a` crashes (SIGSEGV) on the second, and the whole remove rolled back.
 */
export function postconfRemoveArgs(configDir: string | undefined, names: readonly string[]): string[] {
  return postconfArgs(configDir, '-X', ...new Set(names));
}

/** `smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd` → { type, path }. */
export function parseMapReference(value: string): { type: string; path: string } | undefined {
  const first = value.split(/[\s,]+/).find(Boolean);
  const match = first && /^([a-z0-9]+):(\/.+)$/.exec(first);
  return match?.[1] && match[2] ? { type: match[1], path: match[2] } : undefined;
}
