// The commands a transaction and its rollback run: one that must succeed (its failure is the step's), and
// Postfix's restart (stop, then start) when a plan changes what a reload cannot.
import { restartCommands, type ManagedPostfix } from '../postfix/service.js';
import type { CommandLine, System } from '../system/types.js';

export interface TransactionTarget extends ManagedPostfix {
  running: boolean;
}

export async function mustRun(sys: System, command: CommandLine): Promise<void> {
  const result = await sys.exec(command.file, command.args);
  if (result.exitCode !== 0) {
    throw new Error(
      `${command.file} exited ${result.exitCode}: ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ')}`,
    );
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
