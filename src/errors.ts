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

/** The facts an error carries for its sentence. */
export type ErrorVars = Record<string, string | number>;

export class WizardError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fix: string | undefined,
    readonly exitCode: ExitCodeValue = ExitCode.failed,
    /** The facts of a coded error (codedError), for its words. */
    readonly vars?: ErrorVars,
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

/**
 * An error raised below ui/ (postfix/, transaction/, system/): those modules know the code and the
 * facts, never the sentence. It carries both; ui/error-text.ts words it, in the run's language, where
 * it is shown (the CLI's failure report, apply's rollback message). `message` is only a fallback.
 */
export function codedError(code: string, vars: ErrorVars = {}, exitCode: ExitCodeValue = ExitCode.failed): WizardError {
  return new WizardError(code, `${code} ${JSON.stringify(vars)}`, undefined, exitCode, vars);
}
