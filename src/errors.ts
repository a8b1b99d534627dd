// Every failure the user can meet is a WizardError: it carries a stable code
// (for --json and scripts), the exit code of CLI.md, and the fix in plain words.

export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  notDelivered: 3,
  cancelled: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class WizardError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fix: string | undefined,
    readonly exitCode: ExitCodeValue = ExitCode.failed,
  ) {
    super(message);
    this.name = 'WizardError';
  }
}

export class UsageError extends WizardError {
  constructor(code: string, message: string, fix?: string) {
    super(code, message, fix, ExitCode.usage);
    this.name = 'UsageError';
  }
}

/** The user pressed Ctrl-C or Esc at a prompt. */
export class CancelledError extends WizardError {
  constructor(message: string) {
    super('cancelled', message, undefined, ExitCode.cancelled);
    this.name = 'CancelledError';
  }
}

/** The facts an error carries for its sentence. */
export type ErrorVars = Record<string, string | number>;
type Wording = (code: string, vars: ErrorVars) => { message: string; fix?: string } | undefined;
let wording: Wording = () => undefined;

/** ui/ registers how codes become sentences (ui/error-text.ts) before a command runs. */
export function setErrorWording(words: Wording): void {
  wording = words;
}

/**
 * An error raised below ui/ (postfix/, transaction/, system/): those modules know the code and the
 * facts, never the sentence; the registered wording supplies message and fix, in the chosen language.
 */
export function codedError(code: string, vars: ErrorVars = {}, exitCode: ExitCodeValue = ExitCode.failed): WizardError {
  const worded = wording(code, vars);
  return new WizardError(code, worded?.message ?? `${code} ${JSON.stringify(vars)}`, worded?.fix, exitCode);
}
