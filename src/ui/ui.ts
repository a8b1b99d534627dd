// What the flow needs from a human interface. Two implementations: the
// interactive one (@clack/prompts, clack-ui.ts) and plain lines for scripts,
// pipes and NO_COLOR (plain-ui.ts). Flow tests script a third.

export interface SelectOption<T> {
  value: T;
  label: string;
  hint?: string;
}

export interface Progress {
  update(message: string): void;
  stop(message: string, outcome?: 'ok' | 'failed'): void;
}

export interface Ui {
  /** true when prompts can be shown (a terminal, and not --non-interactive). */
  readonly interactive: boolean;
  intro(title: string): void;
  outro(message: string): void;
  step(message: string): void;
  info(message: string): void;
  success(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** A framed block: the plan, a diff, a summary. */
  note(body: string, title?: string): void;
  /** A shell command to copy: shown after `intro`, outside any frame, broken only between its words. */
  command(intro: string, words: string[]): void;
  /** Text exactly as given, no prefix, frame or wrapping: a line other programs parse (check's plugin output). */
  print(text: string): void;
  progress(message: string): Progress;
  // Prompts: resolve with the answer, reject with CancelledError on Ctrl-C/Esc.
  text(question: {
    message: string;
    placeholder?: string;
    initialValue?: string;
    validate?: (value: string) => string | undefined;
  }): Promise<string>;
  password(question: {
    message: string;
    validate?: (value: string) => string | undefined;
    /** Ends the prompt from outside (another answer came first): it then resolves with '' and says nothing. */
    signal?: AbortSignal;
  }): Promise<string>;
  confirm(question: { message: string; initialValue?: boolean }): Promise<boolean>;
  select<T>(question: { message: string; options: SelectOption<T>[]; initialValue?: T }): Promise<T>;
}
