// Every child process the wizard starts goes through here, with execa: one
// place where a child gets only the environment it is given (nothing
// inherited), its input on stdin (where secrets travel, never argv), a
// timeout, and an exit code instead of a throw. execa is loaded on first use,
// so the first frame is drawn before it is.
import { createRequire } from 'node:module';

export interface ChildOptions {
  /** The child's whole environment (child-env.ts makes it). */
  env: Record<string, string | undefined>;
  input?: string;
  timeoutMs?: number;
  /** Run as this user (the keychain helper runs as the person who ran sudo). */
  uid?: number;
  gid?: number;
  cwd?: string;
  /** Handed to the child as its fd 3 (flock(1) locks our descriptor); stdin and stdout are then closed. */
  fd3?: number;
  /** Each line of stdout and stderr as it comes (a package install's progress). */
  onLine?: (line: string) => void;
}

export interface ChildResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The program does not exist. */
  notFound: boolean;
  /** The signal that ended it (a timeout kills with SIGKILL). */
  signal?: string;
}

type Execa = typeof import('execa');
let execaLoading: Promise<Execa> | undefined;

/**
 * execa, loaded once. Where Node can require() an ES module (20.19+, 22.12+) it is required: the
 * synchronous loader reads execa's ~150 files in about two thirds of import()'s time, which the
 * monitoring check (a process every few minutes) feels; older Nodes import it.
 */
function loadExeca(): Promise<Execa> {
  execaLoading ??= requireExeca() ?? import('execa');
  return execaLoading;
}

function requireExeca(): Promise<Execa> | undefined {
  if (!process.features.require_module) return undefined;
  try {
    return Promise.resolve(createRequire(import.meta.url)('execa') as Execa);
  } catch {
    return undefined; // a later execa that require() cannot load (top-level await): import() can
  }
}

export async function runChild(file: string, args: readonly string[], options: ChildOptions): Promise<ChildResult> {
  const { execa } = await loadExeca();
  const streaming = options.onLine !== undefined;
  const child = execa(file, args, {
    env: options.env,
    extendEnv: false,
    ...(options.fd3 === undefined
      ? { input: options.input ?? '' }
      : // execa hands an integer in stdio[3] to the child as Node's spawn does (the lock relies on
        // it: flock(1) must lock our open file, not reopen the path); its types list integers for 0-2 only.
        { stdio: ['ignore', 'ignore', 'pipe', options.fd3] as unknown as ['ignore', 'ignore', 'pipe'] }),
    timeout: options.timeoutMs,
    killSignal: 'SIGKILL',
    uid: options.uid,
    gid: options.gid,
    cwd: options.cwd,
    reject: false,
    stripFinalNewline: false,
    ...(streaming ? { all: true } : {}),
  });
  // Lines of both streams, in the order they came; \r (a progress bar) ends a line too.
  let pending = '';
  if (streaming) {
    (child as unknown as { all?: NodeJS.ReadableStream }).all
      ?.setEncoding('utf8')
      .on('data', (chunk: string | Buffer) => {
        const lines = (pending + chunk).split(/\r?\n|\r/);
        pending = lines.pop() ?? '';
        for (const line of lines) options.onLine!(line);
      });
  }
  const result = await child; // settles once every stream has ended
  if (pending) options.onLine!(pending);
  const notFound = (result as { code?: string }).code === 'ENOENT';
  const signal = (result as { signal?: string }).signal;
  return {
    exitCode: result.exitCode ?? (notFound ? 127 : 128),
    stdout: typeof result.stdout === 'string' ? result.stdout : '',
    stderr: (typeof result.stderr === 'string' ? result.stderr : '') || (notFound ? `${file}: command not found` : ''),
    notFound,
    ...(signal ? { signal } : {}),
  };
}
