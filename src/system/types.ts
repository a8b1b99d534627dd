// The seam between the wizard and the machine. Everything outside src/system/
// receives a `System` and never imports node:fs, node:child_process or a
// network client itself, so flow tests can hand it a recording fake.
import type { LoopbackListener, LoopbackPages, LoopbackVerdict } from './loopback-listener.js';
import type { TemplateName } from './templates.js';

/** A program and its arguments: every command the wizard plans, journals or runs is one. */
export interface CommandLine {
  file: string;
  args: string[];
}

export interface ExecOptions {
  /** Written to the child's standard input (secrets travel this way, never in argv or env). */
  input?: string;
  /** Extra variables for the child, over its own environment (system/child-env.ts): PATH fixed, LC_ALL=C, nothing inherited. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** true when the program could not be started at all (not installed). */
  notFound?: boolean;
}

/** Why a secret file (--password-file) was refused: see secret-file.ts. */
export type SecretFileProblem =
  | 'missing'
  | 'unreadable'
  | 'symlink'
  | 'directory'
  | 'not-regular'
  | 'owner'
  | 'writable'
  | 'too-large'
  | 'unsafe-dir'
  | 'changed';

export interface SecretFile {
  text?: string;
  problem?: SecretFileProblem;
  /** With unsafe-dir: the directory another user could change. */
  where?: string;
  /** Everyone, or a group other than root's or the sudo user's own, may read it (a warning, not a refusal). */
  othersMayRead?: boolean;
}

export interface FileInfo {
  mode: number; // permission bits only (e.g. 0o600)
  uid: number;
  gid: number;
  size: number;
  mtimeMs: number;
  /** true for a directory (e.g. Gentoo's /etc/portage/package.use can be either). */
  isDirectory?: boolean;
  /** Its inode number (/proc/locks names a locked file by it). */
  inode?: number;
}

export interface LoggedExecOptions {
  env?: Record<string, string>;
  input?: string;
  /** Every output line (stdout and stderr, in order) is appended to this file, created 0600. */
  logPath: string;
  /** Called with each output line as it comes, for live progress. */
  onLine?: (line: string) => void;
}

/** Why a directory is not trusted: a symlink, another user's, writable by others, not a directory. */
export type DirProblem = 'symlink' | 'owner' | 'writable' | 'not-directory';

export interface UnsafeDir {
  path: string;
  problem: DirProblem;
}

export interface WriteOptions {
  mode: number;
  uid?: number;
  gid?: number;
  /**
   * A folder on the way may be another user's (node_exporter's textfile folder): the way is walked
   * without following a symlink of theirs (no-follow-write.ts); no owner is given then.
   */
  othersOnTheWay?: boolean;
}

export interface SmtpEndpoint {
  host: string;
  port: number;
  /** true: TLS from the first byte (port 465, "wrapper mode"); false: STARTTLS required. */
  implicitTls: boolean;
  /** PEM trust anchors; undefined: Node's built-in roots. */
  ca?: string;
}

/** What the envelope pre-flight (smtp-talk.ts) tries: MAIL FROM `from`, RCPT TO `to`, then RSET. */
export interface EnvelopeCheck {
  from: string;
  to: string;
  /** Log in with XOAUTH2 first (the access token is a secret: sent inside TLS only, never returned). */
  xoauth2?: { user: string; accessToken: string };
}

export interface EnvelopeCheckResult {
  ok: boolean;
  /** Where it stopped. */
  stage?: 'connect' | 'greeting' | 'tls' | 'auth' | 'mail' | 'rcpt' | 'reset';
  response?: string;
  responseCode?: number;
  errorCode?: string;
}

/** An OAuth endpoint's answer; status 0 with errorCode when no answer came (TLS, network). */
export interface HttpReply {
  status: number;
  body: string;
  errorCode?: string;
  errorMessage?: string;
}

export interface AuthCheckResult {
  ok: boolean;
  /** The server's reply or the socket error, e.g. "535-5.7.8 Username and Password not accepted". */
  response?: string;
  responseCode?: number;
  /** nodemailer's error code: EAUTH, ETIMEDOUT, ECONNREFUSED, ESOCKET, ETLS, … */
  errorCode?: string;
}

/** One address of the relay, tried with a bare TCP connection (nothing is sent). */
export interface AddressProbe {
  family: 4 | 6;
  address: string;
  ok: boolean;
  /** ETIMEDOUT, ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, … when not ok. */
  errorCode?: string;
}

export interface RelayProbe {
  /** The name did not resolve (ENOTFOUND, EAI_AGAIN): nothing was tried. */
  lookupError?: string;
  /** The first address of each family the name resolves to. */
  addresses: AddressProbe[];
  /** Asked for (tls: true): whether the server finished a TLS handshake straight away, i.e. speaks implicit TLS. */
  implicitTls?: boolean;
}

export interface SubmitRequest {
  host: string;
  port: number;
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

export interface SubmitResult {
  /** The final reply to DATA, e.g. "250 2.0.0 Ok: queued as 4F2C21A0B3". */
  response: string;
}

export interface Keychain {
  /** A short word on why the keychain cannot be used, or undefined when it can. */
  unavailableReason(): Promise<string | undefined>;
  get(account: string): Promise<string | undefined>;
  set(account: string, password: string): Promise<void>;
  remove(account: string): Promise<boolean>;
  accounts(): Promise<string[]>;
}

export interface System {
  exec(file: string, args: readonly string[], options?: ExecOptions): Promise<ExecResult>;
  /** Run a long command (a package install), streaming its output to a log file and to onLine. */
  execLogged(
    file: string,
    args: readonly string[],
    options: LoggedExecOptions,
  ): Promise<{ exitCode: number; notFound?: boolean }>;
  readFile(path: string): Promise<string | undefined>;
  /**
   * A secret root was pointed at (--password-file): read only from a regular file, not through a
   * symlink, owned by root or the person who ran sudo, with no other user able to change it or a
   * directory above it; otherwise the problem and nothing read.
   */
  readSecretFile(path: string): Promise<SecretFile>;
  /**
   * Trust anchors root hands Postfix (--ca-file): the same rules as readSecretFile, up to 8 MiB, and a
   * symlink a trusted user owns is followed to a target held to them too (never a FIFO or a device).
   */
  readTrustedFile(path: string): Promise<SecretFile>;
  /** The package's own templates (templates/*.ejs): every file the wizard writes is rendered from one. */
  loadTemplates(names: readonly TemplateName[]): Promise<Record<TemplateName, string>>;
  readBytes(path: string): Promise<Buffer | undefined>;
  fileInfo(path: string): Promise<FileInfo | undefined>;
  listDir(path: string): Promise<string[]>;
  /**
   * The file system holding `path` (or its nearest existing parent): bytes free for root, and its device
   * number (two paths with one device share their free space). undefined where that cannot be told.
   */
  freeSpace(path: string): Promise<{ free: number; device: number } | undefined>;
  /** Temp file in the same directory, mode/owner before content, fsync, rename, fsync dir. */
  writeFileAtomic(path: string, content: string | Buffer, options: WriteOptions): Promise<void>;
  /** Create the directory and missing parents; a directory that already exists keeps its mode (never chmod what we did not create). */
  mkdirp(path: string, mode: number): Promise<void>;
  /** One directory (its parents must exist), never through a symlink, with this owner and mode, whether it is new or not. */
  ownedDirectory(path: string, options: Required<Omit<WriteOptions, 'othersOnTheWay'>>): Promise<void>;
  /** rmdir: the directory goes only if it is empty. */
  removeEmptyDirectory(path: string): Promise<void>;
  /**
   * The wizard's own directory (state, backups): created 0700 with its parents; one that exists must be a
   * real directory (not a symlink) owned by us that no one else can write, else this throws.
   */
  ensurePrivateDir(path: string): Promise<void>;
  /**
   * The first directory from / down to `path` (itself included) that another user could change — a
   * symlink, another's, writable by others (a root-owned sticky /tmp on the way is fine) — or undefined
   * when every one that exists is safe: what root reads there (a backup) is root's own.
   */
  unsafeDir(path: string): Promise<UnsafeDir | undefined>;
  /**
   * Take an exclusive flock(2) lock on path (created 0600, never through a symlink) without waiting;
   * undefined when another process holds it. `note` (our pid) is written into the file. The file is
   * never deleted; the lock goes with release() or with this process, however it dies.
   */
  tryLock(path: string, note: string): Promise<FileLock | undefined>;
  /** Delete the temp files writeFileAtomic leaves beside path when it is killed mid-write; returns their paths. */
  removeAtomicLeftovers(path: string): Promise<string[]>;
  /** Delete a directory and everything in it (a backup being pruned). */
  removeTree(path: string): Promise<void>;
  pid(): number;
  /** The program name (/proc/PID/comm) and real uid of a running process; undefined when gone or unknown here. */
  processInfo(pid: number): Promise<{ comm: string; uid: number } | undefined>;
  /**
   * Whether Postfix's master runs for this queue directory, as `postfix status` decides (master.pid names a
   * live master; a stale one means not running) but without its processes; undefined where that cannot be
   * read here (no /proc, the pid file unreadable), and postfix status must answer (postfix-master.ts).
   */
  postfixMasterRunning(queueDirectory: string): Promise<boolean | undefined>;
  /** The live processes master started for this queue directory; undefined where that cannot be read here. */
  postfixChildren(queueDirectory: string): Promise<number[] | undefined>;
  /** Keep SIGINT/SIGTERM/SIGHUP from killing the process while a transaction runs; report them instead. */
  holdSignals(): SignalGuard;
  /** Through the file's descriptor, never through a symlink another user could have planted (safe-chmod.ts). */
  chmod(path: string, mode: number): Promise<void>;
  /** Bytes from `start` to the end (log files grow; read only what is new). */
  readFrom(path: string, start: number): Promise<string>;
  removeFile(path: string): Promise<void>;
  /** A second name for the same file (a hard link: no space taken); false where the file system refuses one. */
  linkFile(existing: string, newPath: string): Promise<boolean>;
  /** Rename within one file system (atomic, needs no space), the directory synced after. */
  renameFile(from: string, to: string): Promise<void>;
  isRoot(): boolean;
  /** Where this program runs from: the node binary and bin/postfix-gmail-wizard.js (a scheduled check calls them). */
  program(): { node: string; script: string };
  env(): Readonly<Record<string, string | undefined>>;
  now(): Date;
  sleep(ms: number): Promise<void>;
  /** Connect, upgrade to TLS, verify the certificate and its name, then AUTH. */
  checkSmtpAuth(endpoint: SmtpEndpoint, user: string, password: string): Promise<AuthCheckResult>;
  /** Connect, verified TLS, (XOAUTH2,) MAIL FROM, RCPT TO, RSET: nothing is sent (smtp-talk.ts). */
  checkEnvelope(endpoint: SmtpEndpoint, check: EnvelopeCheck): Promise<EnvelopeCheckResult>;
  /** A form POST to an OAuth endpoint, TLS verified against `ca` (secrets in the body only: oauth-http.ts). */
  postForm(url: string, form: Record<string, string>, ca?: string): Promise<HttpReply>;
  /** A one-shot HTTP listener on 127.0.0.1, a free port, for OAuth's loopback redirect (loopback-listener.ts). */
  listenLoopback(
    path: string,
    judge: (query: URLSearchParams) => LoopbackVerdict,
    pages: LoopbackPages,
  ): Promise<LoopbackListener>;
  /**
   * Can host:port be reached, per address family (IPv6 broken while IPv4 works is a common home
   * network fault)? With tls, also whether the server speaks TLS from the first byte. Never sends a
   * credential; the certificate is checked later, by the pre-flight login.
   */
  probeRelay(host: string, port: number, options: { timeoutMs: number; tls?: boolean }): Promise<RelayProbe>;
  /** Hand a message to an SMTP listener on this machine (no AUTH, plain loopback). */
  submitLocal(request: SubmitRequest): Promise<SubmitResult>;
  keychain(): Keychain;
}

export interface FileLock {
  release(): Promise<void>;
}

export interface SignalGuard {
  /** The signal received since holdSignals(), if any. */
  interrupted(): string | undefined;
  release(): void;
}
