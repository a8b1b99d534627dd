// What every phase may use. Phases take only the fields they need
// (Pick<Context, …>), which keeps them testable with a small fake.
import type { Options } from '../options.js';
import type { System } from '../system/types.js';
import type { Ui } from '../ui/ui.js';

export interface Context {
  sys: System;
  ui: Ui;
  options: Options;
  /** What the run warned about (ui.warn said it too): the --json outcome lists them (outcome.ts). */
  warnings: string[];
  /** The command line as given (it never holds a password), for hints such as `sudo …`. */
  argv: readonly string[];
  /** Standard input, for --password-stdin. */
  readStdin: () => Promise<string>;
}
