// A real Secret Service for tests: a private D-Bus session (dbus-run-session)
// with gnome-keyring-daemon in it, HOME and XDG_RUNTIME_DIR pointing into a
// temp folder before the session starts, so no person's keyring is touched.
// The wizard reaches it through DBUS_SESSION_BUS_ADDRESS (see `env`).
//
// Variants: unlocked (the usual desktop), locked (a keyring that exists but was
// not unlocked at login), and a bus with no Secret Service at all (where the
// keyring library would fall back to the kernel keyring). `user` runs the whole
// session as another uid, as a desktop user's session is when root runs sudo.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface KeyringSession {
  /** DBUS_SESSION_BUS_ADDRESS of the session. */
  address: string;
  home: string;
  runtimeDir: string;
  /** The variables a client of this session needs (give them to the wizard). */
  env: Record<string, string>;
  /** `secret-tool` (libsecret) on this session, as the session's user: an independent view of the keyring. */
  secretTool(args: string[], input?: string): Promise<{ code: number; stdout: string }>;
  /** Ends the session (the keyring daemon, the bus) and removes its folder (a `home` given in the options stays). */
  close(): Promise<void>;
}

export interface KeyringSessionOptions {
  /** default 'unlocked' */
  kind?: 'unlocked' | 'locked' | 'no-secret-service';
  /** Run the session as this user (the test runs as root). */
  user?: { uid: number; gid: number };
  /** A home of the caller's (kept at close), e.g. to meet an earlier session's keyring again, locked. */
  home?: string;
}

/** Why these tests cannot run here, or undefined: for `{ skip: keyringSkipReason() }`. */
export function keyringSkipReason(): string | undefined {
  for (const tool of [
    '/usr/bin/dbus-run-session',
    '/usr/bin/gnome-keyring-daemon',
    '/usr/bin/dbus-send',
    '/usr/bin/secret-tool',
  ]) {
    if (!existsSync(tool)) return `${tool} is not installed (bash test/install-deps.sh)`;
  }
  return undefined;
}

const keyringPassword = 'test-keyring-login-password';

// The session's shell: start the keyring daemon (its login password on stdin, so --unlock
// creates or opens the "login" keyring), wait until org.freedesktop.secrets has an owner, print the
// bus address, then live until our end of its stdin closes.
const script = `
set -u
read -r pw
if [ "$PGW_KIND" != no-secret-service ]; then
  if [ "$PGW_KIND" = unlocked ]; then
    printf %s "$pw" | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
  else
    gnome-keyring-daemon --foreground --components=secrets >/dev/null 2>&1 </dev/null &
  fi
  daemon=$!
  i=0
  until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \\
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; do
    i=$((i + 1)); [ $i -gt 200 ] && { echo "FAILED no Secret Service"; exit 1; }
    sleep 0.05
  done
fi
echo "ADDRESS=$DBUS_SESSION_BUS_ADDRESS"
cat >/dev/null
[ -n "\${daemon:-}" ] && kill "$daemon" 2>/dev/null
wait
`;

// A session bus without service activation: nothing can start a Secret Service on demand.
const busWithoutServices = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;

export async function startKeyringSession(options: KeyringSessionOptions = {}): Promise<KeyringSession> {
  const kind = options.kind ?? 'unlocked';
  const base = await mkdtemp('/tmp/pgw-keyring-');
  const home = options.home ?? join(base, 'home');
  const runtimeDir = join(base, 'run');
  await mkdir(home, { recursive: true, mode: 0o700 });
  await mkdir(runtimeDir, { mode: 0o700 });
  const owned = [base, home, runtimeDir];
  if (options.user) for (const dir of owned) await chown(dir, options.user.uid, options.user.gid);
  const sessionEnv = {
    PATH: '/usr/bin:/bin',
    HOME: home,
    XDG_RUNTIME_DIR: runtimeDir,
    LANG: 'C.UTF-8',
    PGW_KIND: kind,
  };
  const args = kind === 'no-secret-service' ? [`--config-file=${join(base, 'bus.conf')}`] : [];
  if (kind === 'no-secret-service') await writeFile(join(base, 'bus.conf'), busWithoutServices);
  const child = spawn('dbus-run-session', [...args, '--', 'sh', '-c', script], {
    env: sessionEnv,
    cwd: home,
    uid: options.user?.uid,
    gid: options.user?.gid,
    stdio: ['pipe', 'pipe', 'pipe'],
  }) as ChildProcessWithoutNullStreams;
  child.stdin.write(`${keyringPassword}\n`);
  let log = '';
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const address = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`keyring session did not start in 20 s:\n${out}${log}`)), 20_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /^ADDRESS=(\S+)$/m.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      } else if (/FAILED/.test(out)) {
        clearTimeout(timer);
        reject(new Error(`keyring session failed: ${out}${log}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dbus-run-session exited ${code}:\n${out}${log}`));
    });
  });
  const env = { DBUS_SESSION_BUS_ADDRESS: address, XDG_RUNTIME_DIR: runtimeDir };
  let closed = false;
  return {
    address,
    home,
    runtimeDir,
    env,
    secretTool: (toolArgs, input = '') =>
      new Promise((resolve) => {
        const tool = spawn('secret-tool', toolArgs, {
          env: { ...sessionEnv, ...env },
          uid: options.user?.uid,
          gid: options.user?.gid,
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        // `lookup` never reads its input: a tool that has already exited closes the pipe (EPIPE), harmlessly.
        tool.stdin.on('error', () => undefined);
        tool.stdin.end(input);
        let stdout = '';
        tool.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        tool.on('close', (code) => resolve({ code: code ?? -1, stdout }));
      }),
    async close() {
      if (closed) return;
      closed = true;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000).unref())]);
      await killLeftovers(home);
      await rm(base, { recursive: true, force: true });
    },
  };
}

/** A keyring daemon started by D-Bus activation would outlive the session: end ours, found by our unique HOME. */
async function killLeftovers(home: string): Promise<void> {
  for (const pid of (await readdir('/proc')).filter((p) => /^\d+$/.test(p))) {
    const environ = await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '');
    if (environ.split('\0').includes(`HOME=${home}`)) {
      try {
        process.kill(Number(pid), 'SIGTERM');
      } catch {
        // gone already
      }
    }
  }
}
