// The environment every child process gets: built from nothing, never inherited. The wizard runs
// as root, often under sudo with whatever the caller's shell had: a PATH with a writable directory
// in front (a `postconf` planted there would run as root and see the password on its stdin),
// LD_PRELOAD-style variables, tokens. So children get a fixed PATH of the system's own directories,
// LC_ALL=C where their output is parsed (postconf, postqueue, journalctl speak one language), and
// nothing else unless asked for by name.
//
// No /usr/local: every program the wizard runs (Postfix's commands, systemctl/rc-service/service,
// launchctl, journalctl, the distributions' package managers) lives in these four on every family
// it supports, and /usr/local/* is where a local admin — or an installer — puts replacements.
export const childPath = '/usr/sbin:/usr/bin:/sbin:/bin';

/** What a package manager may need from the caller: a proxy to reach its mirrors, the language to speak. */
const installPassThrough = [
  'http_proxy',
  'https_proxy',
  'ftp_proxy',
  'no_proxy',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'FTP_PROXY',
  'NO_PROXY',
  'LANG',
  'LC_ALL',
  'LC_MESSAGES',
];

/** For a command whose output the wizard reads. */
export function parsedChildEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: childPath, LC_ALL: 'C', ...withoutPath(extra) };
}

/** For a long command whose output is only shown and logged (a package install). */
export function installChildEnv(
  parent: Readonly<Record<string, string | undefined>>,
  extra: Record<string, string> = {},
): Record<string, string> {
  const env: Record<string, string> = { PATH: childPath, HOME: '/root' };
  for (const name of installPassThrough) {
    const value = parent[name];
    if (value !== undefined) env[name] = value;
  }
  return { ...env, ...withoutPath(extra) };
}

// A caller cannot widen the search path: the fixed PATH is the point.
function withoutPath(extra: Record<string, string>): Record<string, string> {
  const { PATH: _ignored, ...rest } = extra;
  return rest;
}
