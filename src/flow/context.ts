// What every phase may use. Phases take only the fields they need
// (Pick<Context, …>), which keeps them testable with a small fake.
import type { Options } from '../options.js';
import type { System } from '../system/types.js';
import type { Ui } from '../ui/ui.js';
import type { Outcome } from '../outcome.js';

export interface Context {
  sys: System;
  ui: Ui;
  options: Options;
  /** Filled as the run goes; printed as the --json document at the end. */
  outcome: Outcome;
  /** The command line as given (it never holds a password), for hints such as `sudo …`. */
  argv: readonly string[];
  /** Standard input, for --password-stdin. */
  readStdin: () => Promise<string>;
}
