// What a transaction's steps and its rollback run: a command that must succeed (its failure is the
// step's), a package install, Postfix's restart (stop, then start) when a plan changes what a reload
// cannot, the wait for main.cf to settle, and the password files' modes.
import { reloadCommand, restartCommands, type ManagedPostfix } from '../postfix/service.js';
import type { CommandLine, System } from '../system/types.js';
import { compiledMapPaths } from '../postfix/maps.js';
import type { PlannedInstall, SecretFileFix } from './plan.js';

export interface TransactionTarget extends ManagedPostfix {
  running: boolean;
  /** main.cf's values as read before the change: queue_directory finds master's processes after a reload. */
  settings?: { readonly queue_directory?: string };
}

/** A command a step ran ended badly: its facts (ui/ words them), not a sentence. */
export class CommandFailed extends Error {
  constructor(
    readonly file: string,
    readonly exitCode: number,
    /** The last lines of its output, or empty (an install's whole output is in its log). */
    readonly output: string,
  ) {
    super(`${file} exited ${exitCode}${output ? `: ${output}` : ''}`);
    this.name = 'CommandFailed';
  }
}

export async function mustRun(sys: System, command: CommandLine): Promise<void> {
  const result = await sys.exec(command.file, command.args);
  if (result.exitCode !== 0)
    throw new CommandFailed(
      command.file,
      result.exitCode,
      (result.stderr || result.stdout).trim().split('\n').slice(-3).join(' '),
    );
}

/** A package install: every output line appended to `logPath` (0600) and passed to `onLine` as it comes. */
export async function mustInstall(
  sys: System,
  command: PlannedInstall,
  logPath: string,
  onLine?: (line: string) => void,
): Promise<void> {
  const result = await sys.execLogged(command.file, command.args, {
    env: command.env,
    input: command.input,
    logPath,
    onLine,
  });
  if (result.exitCode !== 0) throw new CommandFailed(command.file, result.exitCode, '');
}

const reloadSettleMs = 10_000;

/**
 * Reload a running Postfix (or start a stopped one), and wait until the processes of the old
 * configuration have left. A reload is asynchronous: master rereads main.cf at once, but an smtp(8)
 * already running exits only at its next turn, and meanwhile may still take the next delivery with
 * the old password map (a flush right after a new password then failed once more, quietly, through
 * the login cache). They leave within milliseconds when idle; a busy one finishes its delivery first,
 * so the wait is bounded.
 */
export async function reload(sys: System, postfix: TransactionTarget): Promise<void> {
  const queue = postfix.running ? postfix.settings?.queue_directory : undefined;
  const before = queue ? await sys.postfixChildren(queue) : undefined;
  await mustRun(sys, reloadCommand(postfix, postfix.running));
  if (!queue || !before?.length) return;
  const deadline = sys.now().getTime() + reloadSettleMs;
  for (;;) {
    const now = await sys.postfixChildren(queue);
    if (!now || !before.some((pid) => now.includes(pid)) || sys.now().getTime() >= deadline) return;
    await sys.sleep(50);
  }
}

/** Stop (already stopped is fine: a failed start is being undone) and start again. */
export async function restart(sys: System, postfix: TransactionTarget): Promise<void> {
  const commands = restartCommands(postfix);
  for (const [index, command] of commands.entries()) {
    const stopping = commands.length > 1 && index === 0;
    if (stopping) await sys.exec(command.file, command.args);
    else await mustRun(sys, command);
  }
}

// Postfix programs will not read a main.cf modified in the current or the
// previous whole second (it might still be being written): each one sleeps in
// one-second steps until it is older. Waiting here for exactly that moment,
// once, spares `postfix check` and the reload those stalls (up to ~1 s each).
export async function waitForSettledMainCf(sys: System, mainCf: string): Promise<void> {
  const info = await sys.fileInfo(mainCf);
  if (!info) return;
  const settled = (Math.floor(info.mtimeMs / 1000) + 2) * 1000 + 20;
  const wait = settled - sys.now().getTime();
  if (wait > 0) await sys.sleep(wait);
}

/** The compiled files a `postmap TYPE:PATH` command rewrites in place. */
export function postmapOutputs(command: { file: string; args: readonly string[] }): string[] {
  const map = command.file === 'postmap' ? command.args.at(-1) : undefined;
  const colon = map?.indexOf(':') ?? -1;
  return map && colon > 0 ? compiledMapPaths(map.slice(0, colon), map.slice(colon + 1)) : [];
}

export async function fixSecretFiles(sys: System, fixes: readonly SecretFileFix[]): Promise<void> {
  for (const fix of fixes) {
    if (fix.action === 'remove') await sys.removeFile(fix.path);
    else await sys.chmod(fix.path, 0o600);
  }
}

// A new compiled map gets the source's mode (0600); this only confirms it, in
// case a command created one some other way.
export async function tightenSecretFiles(sys: System, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    const info = await sys.fileInfo(path);
    if (info && (info.mode & 0o077) !== 0) await sys.chmod(path, 0o600);
  }
}
