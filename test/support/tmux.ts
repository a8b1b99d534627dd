import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** tmux takes any argument ending in ";" as a command separator, unless it ends in "\\;". */
const literal = (arg: string) => arg.replace(/;$/, '\\;');

/** Reads until the text matches (a text, a pattern, or a test of the whole text); on timeout throws with the text. */
async function poll(
  read: () => Promise<string>,
  where: string,
  pattern: string | RegExp | ((text: string) => boolean),
  timeoutMs: number,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const matches = (s: string) =>
    typeof pattern === 'string' ? s.includes(pattern) : typeof pattern === 'function' ? pattern(s) : pattern.test(s);
  for (;;) {
    const text = await read();
    if (matches(text)) return text;
    if (Date.now() > deadline) throw new Error(`tmux: ${String(pattern)} not ${where} after ${timeoutMs} ms:\n${text}`);
    await sleep(100);
  }
}

/** A program running in a real pseudo-terminal (a private tmux server), driven like a person would. */
export interface TmuxSession {
  /** tmux key names: 'Enter', 'C-c', 'Escape', 'Down', 'Space', 'BSpace', ... */
  sendKeys(...keys: string[]): Promise<void>;
  /** Types text literally (send-keys -l). */
  type(text: string): Promise<void>;
  /** The visible screen (capture-pane -p). */
  screen(): Promise<string>;
  /** Scrollback and screen (capture-pane -p -S -); `joinWrapped` undoes the terminal's own line wrapping (-J). */
  history(joinWrapped?: boolean): Promise<string>;
  /**
   * Polls the screen until it matches (a text, a pattern, or a test of the whole screen, e.g. that a
   * question is gone); on timeout throws with the screen in the message.
   */
  waitFor(pattern: string | RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
  /** As waitFor, over the scrollback with wrapped lines joined: for what may have scrolled off the screen already. */
  waitForHistory(pattern: string | RegExp, timeoutMs?: number): Promise<string>;
  /** The program's exit status (128+N when killed by signal N); waits for it to exit. */
  exitCode(timeoutMs?: number): Promise<number>;
  /** Kills the tmux server, the program with it, and removes the session's files. Safe to call twice. */
  kill(): Promise<void>;
}

/** Why tmux tests cannot run here, or undefined if they can: for `{ skip: tmuxSkipReason() }`. */
export function tmuxSkipReason(): string | undefined {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'tmux is not installed';
  }
}

export interface TmuxOptions {
  cols?: number;
  rows?: number;
  env?: Record<string, string>;
  cwd?: string;
}

/**
 * Runs `command` in a new tmux server of its own (socket in a private temp dir, no user config).
 * The program is wrapped in `sh -c`, which writes its exit status to a file and then sleeps, so the
 * final screen stays as the program left it (tmux's remain-on-exit would scroll it away) and the
 * status can be read. The wrapper traps SIGINT with a no-op (reset on exec, so the program still
 * gets the default) so that C-c can end the program without ending the wrapper before it reports.
 * opts.env is added to this process's environment (TMUX removed) with `env`. CI is removed too: a
 * person's terminal is not a CI job, and @clack/prompts draws its spinner without erasing under CI=true
 * (which .ci/run sets), so the screens would differ from what a person sees.
 */
export async function startInTmux(command: string[], opts: TmuxOptions = {}): Promise<TmuxSession> {
  const dir = await mkdtemp('/tmp/tmux-test-');
  const socket = join(dir, 'socket');
  const statusFile = join(dir, 'status');
  const { TMUX: _nested, CI: _ci, ...parentEnv } = process.env;
  const tmux = async (...args: string[]) =>
    (await execFileP('tmux', ['-S', socket, '-f', '/dev/null', ...args], { env: parentEnv })).stdout;
  const envPairs = Object.entries(opts.env ?? {}).map(([k, v]) => `${k}=${v}`);
  const wrapper = `trap : INT; "$@"; echo $? > "$0"; exec sleep 86400`;
  const args = ['new-session', '-d', '-s', 'main', '-x', String(opts.cols ?? 100), '-y', String(opts.rows ?? 30)];
  if (opts.cwd) args.push('-c', opts.cwd);
  try {
    // One invocation: a server without sessions exits at once.
    const program = ['sh', '-c', wrapper, statusFile, 'env', ...envPairs, ...command].map(literal);
    await tmux('start-server', ';', 'set-option', '-g', 'history-limit', '50000', ';', ...args, ...program);
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }

  let killed = false;
  const screen = () => tmux('capture-pane', '-p', '-t', 'main');
  const session: TmuxSession = {
    async sendKeys(...keys) {
      await tmux('send-keys', '-t', 'main', ...keys.map(literal));
    },
    async type(text) {
      await tmux('send-keys', '-t', 'main', '-l', '--', literal(text));
    },
    screen,
    history: (joinWrapped = false) =>
      tmux('capture-pane', '-p', ...(joinWrapped ? ['-J'] : []), '-S', '-', '-t', 'main'),
    waitFor: (pattern, timeoutMs = 15_000) => poll(screen, 'on screen', pattern, timeoutMs),
    waitForHistory: (pattern, timeoutMs = 15_000) =>
      poll(() => session.history(true), 'in the scrollback', pattern, timeoutMs),
    async exitCode(timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const status = await readFile(statusFile, 'utf8').catch(() => '');
        if (status.endsWith('\n')) return Number(status.trim());
        if (Date.now() > deadline) {
          throw new Error(`tmux: ${command.join(' ')} still running after ${timeoutMs} ms; screen:\n${await screen()}`);
        }
        await sleep(100);
      }
    },
    async kill() {
      if (killed) return;
      killed = true;
      await tmux('kill-server').catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
  return session;
}
