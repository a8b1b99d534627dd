// Plain lines, no animation, no prompts: for pipes, CI, --json (on stderr)
// and NO_COLOR terminals used with --non-interactive.
import type { Writable } from 'node:stream';
import { t } from './messages.js';
import type { Progress, Ui } from './ui.js';

export class PlainUi implements Ui {
  readonly interactive = false;
  constructor(private readonly out: Writable) {}

  private line(prefix: string, message: string): void {
    this.out.write(`${prefix}${message}\n`);
  }
  intro(title: string): void { this.line('== ', title); }
  outro(message: string): void { this.line('== ', message); }
  step(message: string): void { this.line('-> ', message); }
  info(message: string): void { this.line('   ', message); }
  success(message: string): void { this.line('ok ', message); }
  warn(message: string): void { this.line('!! ', message); }
  error(message: string): void { this.line('xx ', message); }
  note(body: string, title?: string): void {
    if (title) this.line('-- ', title);
    for (const l of body.split('\n')) this.line('   ', l);
  }
  progress(message: string): Progress {
    this.step(message);
    let last = message;
    return {
      update: (m) => { if (m !== last) { last = m; this.info(m); } },
      stop: (m, outcome = 'ok') => (outcome === 'ok' ? this.success(m) : this.error(m)),
    };
  }
  private noPrompt(): never {
    // The flow asks only for what no flag answered; reaching here is a bug in
    // the flow's own missing-answer check, so say so plainly.
    throw new Error(t('internal.promptWithoutTty'));
  }
  text(): Promise<string> { return this.noPrompt(); }
  password(): Promise<string> { return this.noPrompt(); }
  confirm(): Promise<boolean> { return this.noPrompt(); }
  select<T>(): Promise<T> { return this.noPrompt(); }
}
