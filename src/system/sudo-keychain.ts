// The keychain of the person who ran `sudo`. sudo resets the environment, so
// root has no session bus, and root's own keychain (if any) is not where this
// person keeps their passwords. Their Secret Service only talks to them: a D-Bus
// session bus accepts connections from its owner's uid alone. So each keychain
// operation runs in a child process that runs as SUDO_USER (uid/gid switched
// by the spawn itself, child.ts), on that user's session bus, and the password travels
// over the child's stdin/stdout pipes, never in its argv or environment.
//
// Where the bus is: the address sudo -E kept, /run/user/UID/bus (systemd and
// elogind), or else the DBUS_SESSION_BUS_ADDRESS of one of the user's own
// running processes (a desktop started by a display manager without systemd).
import { runChild } from './child.js';
import { readdir, readFile, stat } from 'node:fs/promises';
import { helperFiles, type HelperFiles } from './keychain-helper-files.js';
import { classifyKeychainError, keychainError, type KeychainReason } from './keychain-errors.js';
import { sudoUser, type SudoUser } from './sudo-user.js';
import type { Keychain } from './types.js';

export { sudoUser, type SudoUser };
export { readableBy, stageHelper, type HelperFiles } from './keychain-helper-files.js';

/** A session bus of the user, and the variables a client on it needs. */
export interface UserSession {
  DBUS_SESSION_BUS_ADDRESS: string;
  XDG_RUNTIME_DIR?: string;
  HOME?: string;
}

export type HelperRequest =
  | { op: 'probe' }
  | { op: 'get'; account: string }
  | { op: 'set'; account: string; password: string }
  | { op: 'remove'; account: string }
  | { op: 'accounts' };
export type HelperResponse =
  | { ok: true; reason?: KeychainReason; password?: string | null; removed?: boolean; accounts?: string[] }
  | { ok: false; reason: KeychainReason; message: string };

const helperTimeoutMs = 120_000; // a desktop may show an unlock prompt and wait for the person

export function createSudoKeychain(user: SudoUser, env: Readonly<Record<string, string | undefined>> = {}): Keychain {
  let chosen: Promise<{ session?: UserSession; reason?: KeychainReason }> | undefined;
  const choose = () => (chosen ??= chooseSession(user, env));
  const call = async (request: HelperRequest): Promise<HelperResponse & { ok: true }> => {
    const { session, reason } = await choose();
    if (!session) throw keychainError(reason ?? 'no-session-bus');
    const response = await runHelper(user, session, request);
    if (!response.ok) throw keychainError(response.reason, response.message);
    return response;
  };
  return {
    unavailableReason: async () => (await choose()).reason,
    get: async (account) => (await call({ op: 'get', account })).password ?? undefined,
    set: async (account, password) => void (await call({ op: 'set', account, password })),
    remove: async (account) => (await call({ op: 'remove', account })).removed ?? false,
    accounts: async () => (await call({ op: 'accounts' })).accounts ?? [],
  };
}

// The first session whose Secret Service can be used wins; otherwise the most telling reason:
// a locked keyring says more than "only the kernel keyring", which says more than "no bus".
async function chooseSession(
  user: SudoUser,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ session?: UserSession; reason?: KeychainReason }> {
  const rank: KeychainReason[] = ['locked', 'kernel-keyring-only', 'module-missing', 'error', 'no-session-bus'];
  let best: KeychainReason = 'no-session-bus';
  for (const session of await findUserSessions(user, env)) {
    let reason: KeychainReason | undefined;
    try {
      const response = await runHelper(user, session, { op: 'probe' });
      reason = response.reason;
    } catch (error) {
      reason = classifyKeychainError(error);
    }
    if (!reason) return { session };
    if (rank.indexOf(reason) < rank.indexOf(best)) best = reason;
  }
  return { reason: best };
}

export async function findUserSessions(
  user: SudoUser,
  env: Readonly<Record<string, string | undefined>>,
): Promise<UserSession[]> {
  const found = new Map<string, UserSession>();
  const add = (session: UserSession) => {
    if (
      /^(unix|tcp|nonce-tcp):/.test(session.DBUS_SESSION_BUS_ADDRESS) &&
      !found.has(session.DBUS_SESSION_BUS_ADDRESS)
    ) {
      found.set(session.DBUS_SESSION_BUS_ADDRESS, session);
    }
  };
  if (env.DBUS_SESSION_BUS_ADDRESS) add({ DBUS_SESSION_BUS_ADDRESS: env.DBUS_SESSION_BUS_ADDRESS });
  const runtime = `/run/user/${user.uid}`;
  const bus = await stat(`${runtime}/bus`).catch(() => undefined);
  if (bus?.isSocket() && bus.uid === user.uid)
    add({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${runtime}/bus`, XDG_RUNTIME_DIR: runtime });
  for (const session of await sessionsFromProcesses(user.uid)) add(session);
  return [...found.values()];
}

/** DBUS_SESSION_BUS_ADDRESS (with XDG_RUNTIME_DIR and HOME) from the environments of the user's processes, newest first. */
async function sessionsFromProcesses(uid: number): Promise<UserSession[]> {
  const pids = (await readdir('/proc').catch(() => [] as string[]))
    .filter((p) => /^\d+$/.test(p))
    .sort((a, b) => Number(b) - Number(a));
  const sessions: UserSession[] = [];
  for (const pid of pids) {
    const info = await stat(`/proc/${pid}`).catch(() => undefined);
    if (info?.uid !== uid) continue;
    const environ = await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '');
    const vars = new Map<string, string>();
    for (const entry of environ.split('\0')) {
      const eq = entry.indexOf('=');
      const name = entry.slice(0, eq);
      if (name === 'DBUS_SESSION_BUS_ADDRESS' || name === 'XDG_RUNTIME_DIR' || name === 'HOME')
        vars.set(name, entry.slice(eq + 1));
    }
    const address = vars.get('DBUS_SESSION_BUS_ADDRESS');
    if (address)
      sessions.push({
        DBUS_SESSION_BUS_ADDRESS: address,
        XDG_RUNTIME_DIR: vars.get('XDG_RUNTIME_DIR'),
        HOME: vars.get('HOME'),
      });
  }
  return sessions;
}

/** Runs one request in a child as the user; the request (with any password) goes in on stdin. */
export async function runHelper(
  user: SudoUser,
  session: UserSession,
  request: HelperRequest,
  files?: HelperFiles,
): Promise<HelperResponse> {
  files ??= await helperFiles(user);
  const env: Record<string, string> = {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    USER: user.name,
    LOGNAME: user.name,
    HOME: session.HOME ?? (await homeOf(user)) ?? '/',
    DBUS_SESSION_BUS_ADDRESS: session.DBUS_SESSION_BUS_ADDRESS,
    ...(session.XDG_RUNTIME_DIR ? { XDG_RUNTIME_DIR: session.XDG_RUNTIME_DIR } : {}),
  };
  // cwd "/": root's working directory may be closed to the user (and no module is looked up there anyway).
  const args = [files.script, ...(files.binding ? [files.binding] : [])];
  const { stdout, stderr, exitCode, signal } = await runChild(process.execPath, args, {
    uid: user.uid,
    gid: user.gid,
    env,
    cwd: '/',
    input: JSON.stringify(request),
    timeoutMs: helperTimeoutMs,
  });
  const code = signal ? null : exitCode;
  try {
    return JSON.parse(stdout) as HelperResponse;
  } catch {
    // Never echo stdout: for a get it may hold the password.
    const reason = classifyKeychainError(new Error(stderr));
    return {
      ok: false,
      reason,
      message: `keychain helper for ${user.name} exited ${code ?? 'abnormally'}: ${stderr
        .replace(/[^\x20-\x7e]+/g, ' ')
        .trim()
        .slice(-200)}`,
    };
  }
}

async function homeOf(user: SudoUser): Promise<string | undefined> {
  const passwd = await readFile('/etc/passwd', 'utf8').catch(() => '');
  const line = passwd.split('\n').find((l) => l.split(':')[2] === String(user.uid));
  return line?.split(':')[5] || undefined;
}
