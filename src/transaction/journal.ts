// The journal: before each apply step, a line of record in the state
// directory says what is about to happen and which backup undoes it. A run
// that dies mid-apply (kill -9, power loss) leaves the journal behind; the
// next run finds it and rolls back first (recoverUnfinished).
import type { CommandLine, System } from '../system/types.js';

/** What a transaction step does, as a code (ui/step-text.ts words it); target: the path or command line. */
export const STEP_CODES = [
  'mkdir',
  'write',
  'delete',
  'secret-fixes',
  'install',
  'command',
  'map-modes',
  'postconf',
  'postconf-remove',
  'master-remove',
  'master-set',
  'settle',
  'check',
  'restart',
  'reload',
] as const;
export interface StepRef {
  code: (typeof STEP_CODES)[number];
  target?: string;
}

/**
 * What puts a step's effect outside the files back (systemctl enable --now: a timer running and linked
 * into timers.target.wants), run by a rollback — or the recovery after a crash — once the step began:
 * `before` while this run's files are still in place (systemctl disable reads the unit file), in the
 * reverse order of the steps; `after` once the backup is back (daemon-reload rereads it), in step order.
 */
export interface StepUndo {
  before?: CommandLine[];
  after?: CommandLine[];
}

export interface Journal {
  backupId: string;
  backupDir: string;
  configDir: string;
  /** How to make Postfix reread its configuration after a rollback (absent: it was stopped). */
  reload?: CommandLine;
  /** When the plan restarts Postfix (inet_interfaces): the commands that do, run in order on recovery instead. */
  restart?: CommandLine[];
  /** Postfix was stopped and this run starts it: how to stop it again on a rollback. */
  stop?: CommandLine;
  /** How many steps the transaction has; all of them done means the change is complete (absent in old journals). */
  planned?: number;
  startedAt: string;
  /** `name`: a journal written by an older version, whose steps were labels. */
  steps: (Partial<StepRef> & { name?: string; state: 'started' | 'done'; undo?: StepUndo })[];
}

/** The undo commands of every step that began (journal.steps), in the order a rollback runs them, each once. */
export function undoCommands(steps: Journal['steps']): { before: CommandLine[]; after: CommandLine[] } {
  const once = (commands: CommandLine[]) => {
    const byLine = new Map(commands.map((c) => [JSON.stringify([c.file, ...c.args]), c]));
    return [...byLine.values()]; // a Map keeps each line's first place
  };
  return {
    before: once([...steps].reverse().flatMap((s) => s.undo?.before ?? [])),
    after: once(steps.flatMap((s) => s.undo?.after ?? [])),
  };
}

/** Best effort, each on its own: a rollback goes on whatever one of them answers. */
export async function runUndo(sys: System, commands: readonly CommandLine[]): Promise<void> {
  for (const command of commands) await sys.exec(command.file, command.args).catch(() => undefined);
}

export function journalPath(stateDir: string): string {
  return `${stateDir}/journal.json`;
}

export async function writeJournal(sys: System, stateDir: string, journal: Journal): Promise<void> {
  await sys.writeFileAtomic(journalPath(stateDir), `${JSON.stringify(journal, null, 2)}\n`, { mode: 0o600 });
}

export async function readJournal(sys: System, stateDir: string): Promise<Journal | undefined> {
  const text = await sys.readFile(journalPath(stateDir));
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Journal;
  } catch {
    return undefined; // torn write of the journal itself: the backup dir is still listed by restore --list
  }
}

/** Every planned step finished: the change is whole, only the journal's removal was cut off. */
export function journalComplete(journal: Journal): boolean {
  return (
    journal.planned !== undefined &&
    journal.steps.length === journal.planned &&
    journal.steps.every((s) => s.state === 'done')
  );
}

export async function clearJournal(sys: System, stateDir: string): Promise<void> {
  await sys.removeFile(journalPath(stateDir));
}
