// Plain lines, no animation, no prompts: for pipes, CI, --json (on stderr)
// and NO_COLOR terminals used with --non-interactive.
import type { Writable } from 'node:stream';
import { breakCommand, wrapText } from './columns.js';
import { terminalColumns } from './frame.js';
import { t } from './messages.js';
import type { Progress, Ui } from './ui.js';

export class PlainUi implements Ui {
  readonly interactive = false;
  constructor(
    private readonly out: Writable,
    /** Errors go to standard error, whatever the other lines do (a script's 2>). */
    private readonly errOut: Writable = out,
  ) {}

  /** Wrapped only on a terminal: a pipe or a log file gets each message whole, for grep. */
  private get cols(): number | undefined {
    return (this.out as { isTTY?: boolean }).isTTY ? terminalColumns(this.out) : undefined;
  }
  private line(prefix: string, message: string, out = this.out): void {
    const cols = this.cols;
    if (cols === undefined) return void out.write(`${prefix}${message}\n`);
    const lines = wrapText(message, cols - prefix.length);
    out.write(lines.map((l, i) => `${i === 0 ? prefix : ' '.repeat(prefix.length)}${l}\n`).join(''));
  }
  intro(title: string): void {
    this.line('== ', title);
  }
  outro(message: string): void {
    this.line('== ', message);
  }
  step(message: string): void {
    this.line('-> ', message);
  }
  info(message: string): void {
    this.line('   ', message);
  }
  success(message: string): void {
    this.line('ok ', message);
  }
  warn(message: string): void {
    this.line('!! ', message);
  }
  error(message: string): void {
    this.line('xx ', message, this.errOut);
  }
  note(body: string, title?: string): void {
    if (title) this.line('-- ', title);
    for (const l of body.split('\n')) this.line('   ', l);
  }
  command(intro: string, words: string[]): void {
    this.info(intro);
    const cols = this.cols;
    this.out.write(`${(cols === undefined ? [words.join(' ')] : breakCommand(words, cols)).join('\n')}\n`);
  }
  print(text: string): void {
    this.out.write(text.endsWith('\n') ? text : `${text}\n`);
  }
  progress(message: string): Progress {
    this.step(message);
    let last = message;
    return {
      update: (m) => {
        if (m !== last) {
          last = m;
          this.info(m);
        }
      },
      stop: (m, outcome = 'ok') => (outcome === 'ok' ? this.success(m) : this.error(m)),
    };
  }
  private noPrompt(): never {
    // The flow asks only for what no flag answered; reaching here is a bug in
    // the flow's own missing-answer check, so say so plainly.
    throw new Error(t('internal.promptWithoutTty'));
  }
  text(): Promise<string> {
    return this.noPrompt();
  }
  password(): Promise<string> {
    return this.noPrompt();
  }
  confirm(): Promise<boolean> {
    return this.noPrompt();
  }
  select<T>(): Promise<T> {
    return this.noPrompt();
  }
}
