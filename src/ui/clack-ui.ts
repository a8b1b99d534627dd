// The interactive interface: @clack/prompts on a terminal. Output goes to
// the given stream (stderr under --json, so stdout carries only the JSON).
// Every text is wrapped here, for the terminal's width at that moment, before
// clack sees it: clack itself cuts lines at the last column, inside words.
import type { Writable } from 'node:stream';
import { CancelledError } from '../errors.js';
import { breakCommand } from './columns.js';
import { frameNote, introFrame, joinWithGuide, terminalColumns, wrapForGuide } from './frame.js';
import { t } from './messages.js';
import type { Progress, SelectOption, Ui } from './ui.js';

type Clack = typeof import('@clack/prompts');

/**
 * Runs `start` (clack's spinner.start), then takes over the key handler it installs on standard input.
 * The spinner puts the terminal in raw mode, so Ctrl-C sends no SIGINT, and @clack/core's handler ends
 * the process on the spot with exit 0 — in the middle of a transaction, with no rollback. Here Ctrl-C
 * becomes the SIGINT it is in a cooked terminal, sent to this process alone (not to a postmap that
 * runs): a transaction holds it and rolls back (exit 130); anywhere else it ends the run (130).
 * `stopped` ends the spinner first, which gives the terminal back (cursor, raw mode). Returns the undo.
 */
function ctrlCIsSigint(stopped: () => void, start: () => void): () => void {
  const input = process.stdin;
  const before = new Set(input.listeners('keypress'));
  start();
  const clacks = input.listeners('keypress').filter((listener) => !before.has(listener));
  for (const listener of clacks) input.removeListener('keypress', listener as (...args: unknown[]) => void);
  const onKey = (_text: unknown, key?: { ctrl?: boolean; name?: string }) => {
    if (!key?.ctrl || key.name !== 'c') return;
    input.removeListener('keypress', onKey);
    stopped();
    process.kill(process.pid, 'SIGINT');
  };
  input.on('keypress', onKey);
  return () => input.removeListener('keypress', onKey);
}

// Loaded by openClackUi, not imported: in the one-file bundle that ships (scripts/bundle.ts) a static
// import would be hoisted to its top and load clack (tens of milliseconds) on every start, --help and check too.
let clack: Clack;

/** The interface on a terminal, once @clack/prompts is loaded. */
export async function openClackUi(output: Writable, errOutput?: Writable): Promise<ClackUi> {
  clack ??= await import('@clack/prompts');
  return new ClackUi(output, errOutput);
}

class ClackUi implements Ui {
  readonly interactive = true;
  constructor(
    private readonly output: Writable,
    /** Errors go to standard error, whatever the other lines do (a script's 2>). */
    private readonly errOutput: Writable = output,
  ) {}

  /** A question was just cancelled: its own drawing ends with the guide line the ending would add again. */
  private cancelledQuestion = false;

  private unlessCancelled<T>(value: T | symbol): T {
    if (typeof value === 'symbol' || clack.isCancel(value)) {
      // Not said here: the run's ending says it, once (cli.ts, reportFailure).
      this.cancelledQuestion = true;
      throw new CancelledError(t('cancelled'));
    }
    return value as T;
  }

  private get cols(): number {
    return terminalColumns(this.output);
  }
  /** Lines for clack's log and prompts: they put the symbol or guide before each. */
  private fit(text: string, reserveLast = 0): string {
    return wrapForGuide(text, this.cols, reserveLast).join('\n');
  }
  /** For the places where clack does not repeat its guide on a second line. */
  private guided(text: string, reserveLast = 0): string {
    return joinWithGuide(wrapForGuide(text, this.cols, reserveLast));
  }

  /** clack prints a refused answer's reason after "└  ", unwrapped. */
  private problem(text: string | undefined): string | undefined {
    return text === undefined ? undefined : this.guided(text);
  }

  intro(title: string): void {
    this.output.write(introFrame(title, this.cols));
  }
  outro(message: string): void {
    const text = this.fit(message).replace(/\n/g, '\n   ');
    if (this.cancelledQuestion) clack.cancel(text, { output: this.output });
    else clack.outro(text, { output: this.output });
  }
  step(message: string): void {
    clack.log.step(this.fit(message), { output: this.output });
  }
  info(message: string): void {
    clack.log.info(this.fit(message), { output: this.output });
  }
  success(message: string): void {
    clack.log.success(this.fit(message), { output: this.output });
  }
  warn(message: string): void {
    clack.log.warn(this.fit(message), { output: this.output });
  }
  error(message: string): void {
    clack.log.error(this.fit(message), { output: this.errOutput });
  }
  note(body: string, title?: string): void {
    this.output.write(frameNote(body, title, this.cols));
  }
  print(text: string): void {
    this.output.write(text.endsWith('\n') ? text : `${text}\n`);
  }
  command(intro: string, words: string[]): void {
    // Outside the guide and any frame, so that it can be selected and pasted as it stands.
    clack.log.info(this.fit(intro), { output: this.output });
    this.output.write(`\n${breakCommand(words, this.cols).join('\n')}\n\n`);
  }

  progress(message: string): Progress {
    // NO_COLOR (and dumb terminals) get plain lines instead of animation.
    if (process.env.NO_COLOR || process.env.TERM === 'dumb') {
      this.step(message);
      let last = message;
      return {
        update: (m) => {
          if (m !== last) clack.log.message(this.fit((last = m)), { output: this.output });
        },
        stop: (m, outcome = 'ok') => (outcome === 'ok' ? this.success(m) : this.error(m)),
      };
    }
    const spin = clack.spinner({ output: this.output, indicator: 'timer' });
    // The timer (" [12s]", " [1m 5s]") follows the last line.
    const timed = (m: string) => this.guided(m, 9);
    let current = message;
    const release = ctrlCIsSigint(
      () => {
        spin.cancel(timed(t('tui.stoppedByCtrlC', { step: current })));
      },
      () => spin.start(timed(message)),
    );
    return {
      update: (m) => spin.message(timed((current = m))),
      stop: (m, outcome = 'ok') => {
        release();
        if (outcome === 'ok') spin.stop(timed(m));
        else spin.error(timed(m));
      },
    };
  }

  async text(q: {
    message: string;
    placeholder?: string;
    initialValue?: string;
    validate?: (v: string) => string | undefined;
  }): Promise<string> {
    const validate = q.validate;
    return this.unlessCancelled<string>(
      await clack.text({
        message: this.guided(q.message),
        placeholder: q.placeholder,
        initialValue: q.initialValue,
        validate: validate ? (v) => this.problem(validate(v ?? '')) : undefined,
        output: this.output,
      }),
    );
  }
  async password(q: {
    message: string;
    validate?: (v: string) => string | undefined;
    signal?: AbortSignal;
  }): Promise<string> {
    const validate = q.validate;
    const answer = await clack.password({
      message: this.guided(q.message),
      validate: validate ? (v) => this.problem(validate(v ?? '')) : undefined,
      output: this.output,
      ...(q.signal ? { signal: q.signal } : {}),
    });
    // Ended from outside (OAuth's browser answer came first): not the person's Ctrl-C.
    if (q.signal?.aborted) return '';
    return this.unlessCancelled<string>(answer);
  }
  async confirm(q: { message: string; initialValue?: boolean }): Promise<boolean> {
    return this.unlessCancelled<boolean>(
      await clack.confirm({
        ...q,
        message: this.fit(q.message),
        active: t('ui.yes'),
        inactive: t('ui.no'),
        output: this.output,
      }),
    );
  }
  async select<T>(q: { message: string; options: SelectOption<T>[]; initialValue?: T }): Promise<T> {
    // clack's Option<T> type is conditional on T; the shapes are the same. A long label wraps under "● ".
    const labelled = q.options.map((o) => ({ ...o, label: wrapForGuide(o.label, this.cols - 2).join('\n  ') }));
    const options = labelled as Parameters<typeof clack.select<T>>[0]['options'];
    // clack's key help under the options is English only, and a line the plan needs more.
    return this.unlessCancelled<T>(
      (await clack.select<T>({
        message: this.fit(q.message),
        options,
        initialValue: q.initialValue,
        output: this.output,
        showInstructions: false,
      })) as T | symbol,
    );
  }
}
