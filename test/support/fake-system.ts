// A recording fake of src/system for flow tests: an in-memory file tree,
// and commands answered by handlers (a fake Postfix below). Every call is
// recorded so a test can assert what would be run and written.
import type {
  FileLock,
  SignalGuard,
  AuthCheckResult,
  EnvelopeCheck,
  EnvelopeCheckResult,
  HttpReply,
  RelayProbe,
  ExecOptions,
  ExecResult,
  FileInfo,
  Keychain,
  LoggedExecOptions,
  SmtpEndpoint,
  SubmitRequest,
  SubmitResult,
  System,
  WriteOptions,
  DirProblem,
  UnsafeDir,
  SecretFile,
} from '../../src/system/types.js';
import { loadTemplates, type TemplateName } from '../../src/system/templates.js';
import {
  listenLoopback,
  type LoopbackListener,
  type LoopbackPages,
  type LoopbackVerdict,
} from '../../src/system/loopback-listener.js';

export interface FakeFile {
  content: Buffer;
  mode: number;
  uid: number;
  gid: number;
  mtimeMs: number;
}

export type CommandHandler = (args: readonly string[], options: ExecOptions) => ExecResult | undefined;

export interface ExecCall {
  file: string;
  args: string[];
  input?: string;
  env?: Record<string, string>;
  /** Set for execLogged: the log file the output went to. */
  logged?: string;
}

export class FakeSystem implements System {
  readonly files = new Map<string, FakeFile>();
  readonly dirs = new Set<string>();
  readonly calls: ExecCall[] = [];
  readonly writes: { path: string; mode: number }[] = [];
  readonly authChecks: { endpoint: SmtpEndpoint; user: string; password: string }[] = [];
  readonly submitted: SubmitRequest[] = [];
  readonly handlers = new Map<string, CommandHandler>();
  readonly secrets = new Map<string, string>();
  root = true;
  clock = Date.parse('2026-11-28T09:00:00Z');
  environment: Record<string, string | undefined> = {
    PATH: '/usr/sbin:/usr/bin',
    DBUS_SESSION_BUS_ADDRESS: 'unix:path=/fake',
  };
  keychainMissing?: string;
  /** Makes every keychain call after the probe fail with this reason (e.g. 'locked'), as a real keychain's errors do. */
  keychainFailure?: string;
  authResult: (user: string, password: string) => AuthCheckResult = () => ({ ok: true });
  readonly envelopeChecks: { endpoint: SmtpEndpoint; check: EnvelopeCheck }[] = [];
  envelopeResult: (check: EnvelopeCheck) => EnvelopeCheckResult = () => ({ ok: true });
  submitResult: (request: SubmitRequest) => SubmitResult = () => ({ response: '250 2.0.0 Ok: queued as 4F2C21A0B3' });
  readonly probes: { host: string; port: number; tls?: boolean }[] = [];
  /** The relay's reachability; by default it answers over IPv4 only, and speaks STARTTLS. */
  probeResult: (host: string, port: number) => RelayProbe = () => ({
    addresses: [{ family: 4, address: '142.250.102.109', ok: true }],
  });

  constructor(files: Record<string, string | { content: string; mode?: number }> = {}) {
    for (const [path, spec] of Object.entries(files)) {
      const { content, mode } = typeof spec === 'string' ? { content: spec, mode: 0o644 } : spec;
      this.put(path, content, mode ?? 0o644);
    }
  }

  put(path: string, content: string | Buffer, mode = 0o644, uid = 0, gid = 0): void {
    this.files.set(path, { content: Buffer.from(content), mode, uid, gid, mtimeMs: this.clock });
  }
  text(path: string): string | undefined {
    return this.files.get(path)?.content.toString('utf8');
  }
  on(file: string, handler: CommandHandler): this {
    this.handlers.set(file, handler);
    return this;
  }

  async exec(file: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    this.calls.push({ file, args: [...args], input: options.input, env: options.env });
    const result = this.handlers.get(file)?.(args, options);
    return result ?? { exitCode: 127, stdout: '', stderr: `${file}: command not found`, notFound: true };
  }
  /** Like exec (same handlers, recorded in calls with logged: true); the output goes to the log file and onLine. */
  async execLogged(
    file: string,
    args: readonly string[],
    options: LoggedExecOptions,
  ): Promise<{ exitCode: number; notFound?: boolean }> {
    const result = await this.exec(file, args, { input: options.input, env: options.env });
    this.calls[this.calls.length - 1]!.logged = options.logPath;
    const lines = `${result.stdout}${result.stderr}`.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
    const previous = this.text(options.logPath) ?? '';
    this.put(
      options.logPath,
      `${previous}$ ${[file, ...args].join(' ')}\n${lines.map((l) => `${l}\n`).join('')}`,
      0o600,
    );
    for (const line of lines) options.onLine?.(line);
    return { exitCode: result.exitCode, notFound: result.notFound };
  }
  /** The package's real templates: the fake stands in for the machine, not for the wizard's own files. */
  loadTemplates(names: readonly TemplateName[]): Promise<Record<TemplateName, string>> {
    return loadTemplates(names);
  }

  async readFile(path: string): Promise<string | undefined> {
    return this.text(path);
  }
  /** Paths that are not regular files here (a symlink, a device), for readSecretFile. */
  readonly specialFiles = new Map<string, 'symlink' | 'directory' | 'not-regular'>();
  /** The uid of the person who ran sudo, trusted like root to own a secret file. */
  sudoUid?: number;
  async readSecretFile(path: string): Promise<SecretFile> {
    const special = this.specialFiles.get(path);
    if (special) return { problem: special };
    const f = this.files.get(path);
    if (!f) return { problem: (await this.fileInfo(path))?.isDirectory ? 'directory' : 'missing' };
    if (f.uid !== 0 && f.uid !== this.sudoUid) return { problem: 'owner' };
    if ((f.mode & 0o022) !== 0) return { problem: 'writable' };
    const unsafe = await this.unsafeDir(path.slice(0, path.lastIndexOf('/')) || '/');
    if (unsafe) return { problem: 'unsafe-dir', where: unsafe.path };
    const othersMayRead = (f.mode & 0o004) !== 0 || ((f.mode & 0o040) !== 0 && f.gid !== 0);
    return { text: f.content.toString('utf8'), othersMayRead };
  }
  /** As readSecretFile here: the fake has no symlinks and no size rule. */
  readTrustedFile(path: string): Promise<SecretFile> {
    return this.readSecretFile(path);
  }
  async readBytes(path: string): Promise<Buffer | undefined> {
    return this.files.get(path)?.content;
  }
  async readFrom(path: string, start: number): Promise<string> {
    const content = this.files.get(path)?.content;
    return content ? content.subarray(start <= content.length ? start : 0).toString('utf8') : '';
  }
  async fileInfo(path: string): Promise<FileInfo | undefined> {
    const f = this.files.get(path);
    if (f) return { mode: f.mode, uid: f.uid, gid: f.gid, size: f.content.length, mtimeMs: f.mtimeMs };
    const prefix = `${path.replace(/\/+$/, '')}/`;
    const isDir = this.dirs.has(path) || [...this.files.keys(), ...this.dirs].some((p) => p.startsWith(prefix));
    const owned = this.dirOwners.get(path);
    return isDir
      ? {
          mode: owned?.mode ?? 0o755,
          uid: owned?.uid ?? 0,
          gid: owned?.gid ?? 0,
          size: 0,
          mtimeMs: this.clock,
          isDirectory: true,
        }
      : undefined;
  }
  /** Directories made with an owner and mode (ownedDirectory). */
  readonly dirOwners = new Map<string, { mode: number; uid: number; gid: number }>();
  async ownedDirectory(path: string, options: { mode: number; uid: number; gid: number }): Promise<void> {
    this.dirs.add(path);
    this.dirOwners.set(path, { mode: options.mode, uid: options.uid, gid: options.gid });
  }
  async removeEmptyDirectory(path: string): Promise<void> {
    const prefix = `${path.replace(/\/+$/, '')}/`;
    if ([...this.files.keys(), ...this.dirs].some((p) => p.startsWith(prefix))) throw new Error(`ENOTEMPTY: ${path}`);
    this.dirs.delete(path);
    this.dirOwners.delete(path);
  }
  /** Free bytes per device: a test sets it to see the wizard refuse a change that would not fit. */
  freeBytes: number | undefined = undefined;
  async freeSpace(_path: string): Promise<{ free: number; device: number } | undefined> {
    return this.freeBytes === undefined ? undefined : { free: this.freeBytes, device: 1 };
  }
  async listDir(path: string): Promise<string[]> {
    const prefix = `${path.replace(/\/+$/, '')}/`;
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]!);
    }
    return [...names].sort();
  }
  async writeFileAtomic(path: string, content: string | Buffer, options: WriteOptions): Promise<void> {
    this.writes.push({ path, mode: options.mode });
    this.clock += 1;
    this.files.set(path, {
      content: Buffer.from(content),
      mode: options.mode,
      uid: options.uid ?? 0,
      gid: options.gid ?? 0,
      mtimeMs: this.clock,
    });
  }
  async mkdirp(path: string): Promise<void> {
    this.dirs.add(path);
  }
  async ensurePrivateDir(path: string): Promise<void> {
    this.dirs.add(path);
  }
  /** Directories another user could change (as lstat would find them): unsafeDir reports the first on the way. */
  readonly unsafeDirs = new Map<string, DirProblem>();
  async unsafeDir(path: string): Promise<UnsafeDir | undefined> {
    for (const [dir, problem] of [...this.unsafeDirs].sort(([a], [b]) => a.length - b.length)) {
      if (path === dir || path.startsWith(`${dir.replace(/\/+$/, '')}/`)) return { path: dir, problem };
    }
    return undefined;
  }
  async chmod(path: string, mode: number): Promise<void> {
    const f = this.files.get(path);
    if (f) f.mode = mode;
  }
  async removeFile(path: string): Promise<void> {
    this.files.delete(path);
  }
  /** A hard link: both names share one entry (a chmod shows through both; a write replaces only one). */
  async linkFile(existing: string, newPath: string): Promise<boolean> {
    const f = this.files.get(existing);
    if (!f || this.files.has(newPath)) return false;
    this.files.set(newPath, f);
    return true;
  }
  async renameFile(from: string, to: string): Promise<void> {
    const f = this.files.get(from);
    if (!f) throw Object.assign(new Error(`ENOENT: rename '${from}'`), { code: 'ENOENT' });
    this.files.delete(from);
    this.files.set(to, f);
  }
  /** Lock files another (fake) process holds; tryLock on them fails. */
  readonly lockedByOthers = new Set<string>();
  /** Lock files this process holds now. */
  readonly heldLocks = new Set<string>();
  async tryLock(path: string, note: string): Promise<FileLock | undefined> {
    if (this.lockedByOthers.has(path) || this.heldLocks.has(path)) return undefined;
    this.heldLocks.add(path);
    this.put(path, note, 0o600);
    return { release: async () => void this.heldLocks.delete(path) };
  }
  async removeAtomicLeftovers(path: string): Promise<string[]> {
    const slash = path.lastIndexOf('/');
    const prefix = `${path.slice(0, slash)}/.${path.slice(slash + 1)}.`;
    const leftovers = [...this.files.keys()].filter(
      (p) => p.startsWith(prefix) && /\.[0-9a-f]{12}\.tmp$/.test(p) && p.length === prefix.length + 16,
    );
    for (const leftover of leftovers) this.files.delete(leftover);
    return leftovers;
  }
  async removeTree(path: string): Promise<void> {
    const prefix = `${path.replace(/\/+$/, '')}/`;
    for (const p of [...this.files.keys()]) if (p.startsWith(prefix)) this.files.delete(p);
    for (const d of [...this.dirs]) if (d === path || d.startsWith(prefix)) this.dirs.delete(d);
  }
  pid(): number {
    return 4242;
  }
  /** Running processes by pid, as /proc would show them (a Postfix smtp(8) delivering, say). */
  readonly processes = new Map<number, { comm: string; uid: number }>();
  async processInfo(pid: number): Promise<{ comm: string; uid: number } | undefined> {
    return this.processes.get(pid);
  }
  /** Postfix's master for a queue directory (installFakePostfix answers from its state); undefined: ask postfix status. */
  masterRunning: (queueDirectory: string) => boolean | undefined = () => undefined;
  readonly masterReadings: string[] = [];
  async postfixMasterRunning(queueDirectory: string): Promise<boolean | undefined> {
    this.masterReadings.push(queueDirectory);
    return this.masterRunning(queueDirectory);
  }
  /** master's children for a queue directory (none by default: a reload has nothing to wait for). */
  children: (queueDirectory: string) => number[] | undefined = () => undefined;
  async postfixChildren(queueDirectory: string): Promise<number[] | undefined> {
    return this.children(queueDirectory);
  }
  /** A signal to deliver at the next interrupted() check (simulates Ctrl-C during apply). */
  pendingSignal?: string;
  holdSignals(): SignalGuard {
    return { interrupted: () => this.pendingSignal, release: () => undefined };
  }
  isRoot(): boolean {
    return this.root;
  }
  /** A global npm install, unless a test says otherwise (npx's cache, a clone in a home directory). */
  programPaths = {
    node: '/usr/bin/node',
    script: '/usr/local/lib/node_modules/postfix-gmail-wizard/bin/postfix-gmail-wizard.js',
  };
  program(): { node: string; script: string } {
    return this.programPaths;
  }
  env(): Readonly<Record<string, string | undefined>> {
    return this.environment;
  }
  now(): Date {
    return new Date(this.clock);
  }
  async sleep(ms: number): Promise<void> {
    this.clock += ms;
  }
  async checkSmtpAuth(endpoint: SmtpEndpoint, user: string, password: string): Promise<AuthCheckResult> {
    this.authChecks.push({ endpoint, user, password });
    return this.authResult(user, password);
  }
  async checkEnvelope(endpoint: SmtpEndpoint, check: EnvelopeCheck): Promise<EnvelopeCheckResult> {
    this.envelopeChecks.push({ endpoint, check });
    return this.envelopeResult(check);
  }
  readonly posts: { url: string; form: Record<string, string>; ca?: string }[] = [];
  postResult: (url: string, form: Record<string, string>) => HttpReply = () => ({ status: 404, body: '' });
  async postForm(url: string, form: Record<string, string>, ca?: string): Promise<HttpReply> {
    this.posts.push({ url, form, ...(ca ? { ca } : {}) });
    return this.postResult(url, form);
  }
  /** The real listener: OAuth's redirect is tested with real sockets on 127.0.0.1. */
  listenLoopback(
    path: string,
    judge: (query: URLSearchParams) => LoopbackVerdict,
    pages: LoopbackPages,
  ): Promise<LoopbackListener> {
    return listenLoopback(path, judge, pages);
  }
  async probeRelay(host: string, port: number, options: { timeoutMs: number; tls?: boolean }): Promise<RelayProbe> {
    this.probes.push({ host, port, tls: options.tls });
    const result = this.probeResult(host, port);
    return options.tls ? { implicitTls: false, ...result } : result;
  }
  async submitLocal(request: SubmitRequest): Promise<SubmitResult> {
    this.submitted.push(request);
    return this.submitResult(request);
  }
  keychain(): Keychain {
    const check = () => {
      if (this.keychainFailure)
        throw Object.assign(new Error(`keychain: ${this.keychainFailure}`), { reason: this.keychainFailure });
    };
    return {
      unavailableReason: async () => this.keychainMissing,
      get: async (account) => (check(), this.secrets.get(account)),
      set: async (account, password) => (check(), void this.secrets.set(account, password)),
      remove: async (account) => (check(), this.secrets.delete(account)),
      accounts: async () => (check(), [...this.secrets.keys()].sort()),
    };
  }
}
