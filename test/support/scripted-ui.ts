// A Ui for flow tests: prompts are answered from a script, in order, and
// everything shown is recorded. `cancel` in the script acts as Ctrl-C.
import { CancelledError } from '../../src/errors.js';
import type { Progress, SelectOption, Ui } from '../../src/ui/ui.js';

export const cancel = Symbol('cancel');
/** For a prompt with a signal (OAuth's paste-back): the person types nothing; the prompt ends when aborted. */
export const untilAborted = Symbol('untilAborted');
export type Answer = string | boolean | typeof cancel | typeof untilAborted | ((message: string) => string | boolean);

export class ScriptedUi implements Ui {
  readonly shown: string[] = [];
  readonly asked: string[] = [];
  constructor(
    private readonly answers: Answer[] = [],
    readonly interactive = true,
  ) {}

  private record(kind: string, message: string): void {
    this.shown.push(`${kind}: ${message}`);
  }
  get transcript(): string {
    return this.shown.join('\n');
  }
  intro(m: string): void {
    this.record('intro', m);
  }
  outro(m: string): void {
    this.record('outro', m);
  }
  step(m: string): void {
    this.record('step', m);
  }
  info(m: string): void {
    this.record('info', m);
  }
  success(m: string): void {
    this.record('success', m);
  }
  warn(m: string): void {
    this.record('warn', m);
  }
  error(m: string): void {
    this.record('error', m);
  }
  note(body: string, title?: string): void {
    this.record('note', `${title ?? ''}\n${body}`);
  }
  command(intro: string, words: string[]): void {
    this.record('command', `${intro}\n${words.join(' ')}`);
  }
  print(text: string): void {
    this.record('print', text);
  }
  progress(m: string): Progress {
    this.record('progress', m);
    return {
      update: (u) => this.record('progress', u),
      stop: (s, outcome = 'ok') => this.record(outcome === 'ok' ? 'done' : 'failed', s),
    };
  }

  private next(message: string, validate?: (v: string) => string | undefined, initialValue?: string): string | boolean {
    this.asked.push(message);
    if (!this.interactive) throw new Error(`prompted without a terminal: ${message}`);
    for (;;) {
      const answer = this.answers.shift();
      if (answer === undefined) throw new Error(`no scripted answer for: ${message}`);
      if (answer === cancel) throw new CancelledError('Cancelled — nothing was changed.');
      if (answer === untilAborted) throw new Error(`untilAborted answers only a prompt with a signal: ${message}`);
      const given = typeof answer === 'function' ? answer(message) : answer;
      const value = given === '' && initialValue !== undefined ? initialValue : given; // Enter keeps the pre-filled text
      const problem = typeof value === 'string' ? validate?.(value) : undefined;
      if (!problem) return value;
      this.record('invalid', problem); // like clack: show the problem, ask again
    }
  }
  async text(q: {
    message: string;
    validate?: (v: string) => string | undefined;
    initialValue?: string;
  }): Promise<string> {
    return String(this.next(q.message, q.validate, q.initialValue));
  }
  async password(q: {
    message: string;
    validate?: (v: string) => string | undefined;
    signal?: AbortSignal;
  }): Promise<string> {
    const { signal } = q;
    if (signal && this.answers[0] === untilAborted) {
      this.answers.shift();
      this.asked.push(q.message);
      return new Promise((resolve) => {
        if (signal.aborted) resolve('');
        signal.addEventListener('abort', () => resolve(''), { once: true });
      });
    }
    return String(this.next(q.message, q.validate));
  }
  async confirm(q: { message: string }): Promise<boolean> {
    return Boolean(this.next(q.message));
  }
  async select<T>(q: { message: string; options: SelectOption<T>[] }): Promise<T> {
    const given = this.next(q.message);
    // A yes/no answer to a select (the plan's Apply / Show the full diff / Cancel): its first or last option.
    if (typeof given === 'boolean') return (given ? q.options[0] : q.options.at(-1))!.value;
    const label = String(given);
    const option = q.options.find((o) => o.label === label || String(o.value) === label);
    if (!option) throw new Error(`no option "${label}" in ${q.options.map((o) => o.label).join(', ')}`);
    return option.value;
  }
}
