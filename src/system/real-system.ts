// The System the wizard runs with: node:fs, child processes through child.ts (execa), the SMTP talks
// (each loaded on first use: the first frame comes first).
import { constants, promises as fs } from 'node:fs';
import { programPaths } from './program-paths.js';
import { hostname } from 'node:os';
import { dirname, join, basename } from 'node:path';
import { tryLock } from './file-lock.js';
import { ensurePrivateDirs, unsafeDirOnTheWay } from './private-dirs.js';
import { installChildEnv, parsedChildEnv } from './child-env.js';
import { createKeychain } from './keychain.js';
import { checkEnvelope, checkSmtpAuth, postForm, probeRelay, submitLocal } from './smtp.js';
import type {
  ExecOptions,
  ExecResult,
  FileInfo,
  Keychain,
  LoggedExecOptions,
  SignalGuard,
  System,
  WriteOptions,
} from './types.js';
import { loadTemplates } from './templates.js';
import { runChild } from './child.js';
import { readSecretFile, readTrustedFile } from './secret-file.js';
import { chmodNoFollow } from './safe-chmod.js';
import { processInfo } from './process-info.js';
import { writeFileNoFollow } from './no-follow-write.js';
import { replaceFile, syncDir } from './atomic-write.js';
import { postfixChildren, postfixMasterRunning } from './postfix-master.js';
import { trustedGroups, trustedOwners } from './sudo-user.js';

export function createRealSystem(): System {
  let keychain: Keychain | undefined;
  return {
    exec,
    execLogged,
    readFile: async (path) => (await readBytes(path))?.toString('utf8'),
    readBytes,
    readSecretFile: (path) => readSecretFile(path, trustedOwners(), trustedGroups()),
    readTrustedFile: (path) => readTrustedFile(path, trustedOwners()),
    loadTemplates,
    fileInfo,
    listDir: async (path) => {
      try {
        return (await fs.readdir(path)).sort();
      } catch (error) {
        if (isMissing(error)) return [];
        throw error;
      }
    },
    writeFileAtomic,
    freeSpace,
    mkdirp: async (path, mode) => {
      // mkdir returns the first directory it created, undefined when path existed.
      if (await fs.mkdir(path, { recursive: true, mode })) await fs.chmod(path, mode); // the umask may have narrowed it
    },
    ownedDirectory: async (path, { mode, uid, gid }) => {
      await fs.mkdir(path, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      // lstat: a symlink planted there is refused, never followed to chown what it points at.
      if (!(await fs.lstat(path)).isDirectory()) throw new Error(`${path} is not a directory`);
      await fs.chmod(path, mode);
      await fs.lchown(path, uid, gid);
    },
    removeEmptyDirectory: (path) => fs.rmdir(path),
    // The state and backup folders may sit in a sticky /tmp-like folder (--state-dir /tmp), never in another's.
    ensurePrivateDir: (path) => ensurePrivateDirs(path, 0o700, { stickyAncestors: true }),
    unsafeDir: (path) => unsafeDirOnTheWay(path, { stickyAncestors: true }),
    chmod: chmodNoFollow,
    readFrom,
    removeFile: async (path) => fs.rm(path, { force: true }),
    linkFile: (existing, newPath) =>
      fs.link(existing, newPath).then(
        () => true,
        () => false,
      ),
    renameFile: async (from, to) => {
      await fs.rename(from, to);
      await syncDir(dirname(to));
    },
    tryLock,
    removeAtomicLeftovers,
    removeTree: (path) => fs.rm(path, { recursive: true, force: true }),
    pid: () => process.pid,
    processInfo,
    postfixMasterRunning,
    postfixChildren,
    holdSignals,
    isRoot: () => process.getuid?.() === 0,
    program: programPaths,
    env: () => process.env,
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    checkSmtpAuth: (endpoint, user, password) => checkSmtpAuth(endpoint, user, password, hostname()),
    checkEnvelope: (endpoint, check) => checkEnvelope(endpoint, check, hostname()),
    postForm,
    listenLoopback: async (...args) => (await import('./loopback-listener.js')).listenLoopback(...args),
    probeRelay,
    submitLocal,
    keychain: () => (keychain ??= createKeychain()),
  };
}

// PGW_TRACE=1 prints every command (argv never holds a secret) and its duration on stderr; never stdin.
const trace = process.env.PGW_TRACE === '1';
const started = Date.now();

async function exec(file: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const t0 = Date.now();
  const result = await runChild(file, args, {
    input: options.input ?? '',
    env: parsedChildEnv(options.env),
    timeoutMs: options.timeoutMs,
  });
  if (trace)
    process.stderr.write(
      `[trace +${t0 - started}ms] ${file} ${args.join(' ')} → ${result.exitCode} in ${Date.now() - t0}ms\n`,
    );
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, notFound: result.notFound };
}

// A package install can run for minutes: its output goes line by line to the
// caller (progress) and to a log file that is kept for the user to read.
async function execLogged(
  file: string,
  args: readonly string[],
  options: LoggedExecOptions,
): Promise<{ exitCode: number; notFound?: boolean }> {
  await fs.mkdir(dirname(options.logPath), { recursive: true, mode: 0o700 });
  const log = await fs.open(options.logPath, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND, 0o600);
  await log.write(`$ ${[file, ...args].join(' ')}\n`);
  let writes = Promise.resolve();
  const emit = (line: string) => {
    writes = writes.then(() => log.write(`${line}\n`)).then(() => undefined);
    options.onLine?.(line);
  };
  try {
    const result = await runChild(file, args, {
      input: options.input ?? '',
      env: installChildEnv(process.env, options.env),
      onLine: emit,
    });
    if (result.notFound) {
      emit(`${file}: command not found`);
      return { exitCode: 127, notFound: true };
    }
    if (result.signal) emit(`${file}: killed by ${result.signal}`);
    return { exitCode: result.exitCode };
  } finally {
    await writes;
    await log.sync().catch(() => {});
    await log.close();
  }
}

function holdSignals(): SignalGuard {
  let received: string | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    received ??= signal;
    // After a hangup the terminal is gone: a write to it fails (EIO), and must not end the rollback.
    if (signal === 'SIGHUP') for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  };
  // SIGHUP is what an SSH drop delivers: held too, so the rollback still runs.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, onSignal);
  return {
    interrupted: () => received,
    release: () => {
      for (const signal of signals) process.removeListener(signal, onSignal);
    },
  };
}

async function readBytes(path: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(path);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

async function readFrom(path: string, start: number): Promise<string> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, constants.O_RDONLY);
  } catch (error) {
    if (isMissing(error)) return '';
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const from = start <= size ? start : 0; // rotated: read the new file whole
    const buffer = Buffer.alloc(size - from);
    await handle.read(buffer, 0, buffer.length, from);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}

async function fileInfo(path: string): Promise<FileInfo | undefined> {
  try {
    const s = await fs.stat(path);
    return {
      mode: s.mode & 0o7777,
      uid: s.uid,
      gid: s.gid,
      size: s.size,
      mtimeMs: s.mtimeMs,
      isDirectory: s.isDirectory(),
      inode: s.ino,
    };
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

async function freeSpace(path: string): Promise<{ free: number; device: number } | undefined> {
  for (let at = path; ; at = dirname(at)) {
    try {
      const [fsInfo, info] = await Promise.all([fs.statfs(at), fs.stat(at)]);
      return { free: fsInfo.bfree * fsInfo.bsize, device: info.dev }; // root may use the reserved blocks too
    } catch (error) {
      if (!isMissing(error) || at === dirname(at)) return undefined;
    }
  }
}

/** One step, never half written (atomic-write.ts); with othersOnTheWay, inside the folder opened without following another user's link. */
async function writeFileAtomic(path: string, content: string | Buffer, options: WriteOptions): Promise<void> {
  if (options.othersOnTheWay && (await writeFileNoFollow(path, content, options.mode))) return;
  await replaceFile(dirname(path), basename(path), content, options);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^$|()[\]{}\\]/g, '\\$&');
const atomicTempName = (name: string) => new RegExp(`^\\.${escapeRegExp(name)}\\.[0-9a-f]{12}\\.tmp$`);

async function removeAtomicLeftovers(path: string): Promise<string[]> {
  const dir = dirname(path);
  const pattern = atomicTempName(basename(path));
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const leftovers = names.filter((name) => pattern.test(name)).map((name) => join(dir, name));
  for (const leftover of leftovers) await fs.rm(leftover, { force: true });
  return leftovers;
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
