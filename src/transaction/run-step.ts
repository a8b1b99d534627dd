// The commands a transaction and its rollback run: one that must succeed (its failure is the step's), and
// Postfix's restart (stop, then start) when a plan changes what a reload cannot.
import { restartCommands, type ManagedPostfix } from '../postfix/service.js';
import type { CommandLine, System } from '../system/types.js';
import type { PlannedInstall } from './plan.js';

export interface TransactionTarget extends ManagedPostfix {
  running: boolean;
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

/** Stop (already stopped is fine: a failed start is being undone) and start again. */
export async function restart(sys: System, postfix: TransactionTarget): Promise<void> {
  const commands = restartCommands(postfix);
  for (const [index, command] of commands.entries()) {
    const stopping = commands.length > 1 && index === 0;
    if (stopping) await sys.exec(command.file, command.args);
    else await mustRun(sys, command);
  }
}
