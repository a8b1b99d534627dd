// What every command is (doctor's shape, as create-astro's src/index.ts): a typed run state, the
// steps that read it and add what they found or did, top to bottom, and a pure outcomeOf that
// builds the --json fields from the run once it has ended (done, stopped early, or failed).
// No step writes the outcome; the CLI assembles the document once (outcome.ts: finishOutcome).
import type { ExitCodeValue } from '../errors.js';
import type { Context } from '../flow/context.js';
import type { CommandOutcome } from '../outcome.js';

/** One step: reads what it needs of the run, records what it found or did; 'stop' ends the command there. */
// biome-ignore lint/suspicious/noConfusingVoidType: a step that never stops the command returns nothing at all
export type Step<R> = (ctx: Context, run: R) => Promise<'stop' | undefined | void>;

export interface Command<R> {
  /** The run state before the first step. */
  start: (ctx: Context) => R;
  steps: readonly Step<R>[];
  /** Pure: what the run decides of the --json document (also for a run a step's error ended). */
  outcomeOf: (run: R) => CommandOutcome;
  /** Pure: the exit code of a run that ended without an error. */
  exitOf: (run: R) => ExitCodeValue;
}

/** The steps in order, until one says stop; the run is left as the steps made it (a failure's outcome reads it too). */
export async function runSteps<R>(ctx: Context, command: Command<R>, run: R): Promise<ExitCodeValue> {
  for (const step of command.steps) if ((await step(ctx, run)) === 'stop') break;
  return command.exitOf(run);
}
