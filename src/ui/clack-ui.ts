// The interactive interface: @clack/prompts on a terminal. Output goes to
// the given stream (stderr under --json, so stdout carries only the JSON).
import * as clack from '@clack/prompts';
import type { Writable } from 'node:stream';
import { CancelledError } from '../errors.js';
import { t } from './messages.js';
import type { Progress, SelectOption, Ui } from './ui.js';

export class ClackUi implements Ui {
  readonly interactive = true;
  constructor(private readonly output: Writable) {}

  private unlessCancelled<T>(value: T | symbol): T {
    if (typeof value === 'symbol' || clack.isCancel(value)) {
      clack.cancel(t('cancelled'), { output: this.output });
      throw new CancelledError(t('cancelled'));
    }
    return value as T;
  }

  intro(title: string): void { clack.intro(title, { output: this.output }); }
  outro(message: string): void { clack.outro(message, { output: this.output }); }
  step(message: string): void { clack.log.step(message, { output: this.output }); }
  info(message: string): void { clack.log.info(message, { output: this.output }); }
  success(message: string): void { clack.log.success(message, { output: this.output }); }
  warn(message: string): void { clack.log.warn(message, { output: this.output }); }
  error(message: string): void { clack.log.error(message, { output: this.output }); }
  note(body: string, title?: string): void { clack.note(body, title, { output: this.output }); }

  progress(message: string): Progress {
    // NO_COLOR (and dumb terminals) get plain lines instead of animation.
    if (process.env.NO_COLOR || process.env.TERM === 'dumb') {
      clack.log.step(message, { output: this.output });
      let last = message;
      return {
        update: (m) => {
          if (m !== last) clack.log.message((last = m), { output: this.output });
        },
        stop: (m, outcome = 'ok') => (outcome === 'ok' ? this.success(m) : this.error(m)),
      };
    }
    const spin = clack.spinner({ output: this.output, indicator: 'timer' });
    spin.start(message);
    return {
      update: (m) => spin.message(m),
      stop: (m, outcome = 'ok') => (outcome === 'ok' ? spin.stop(m) : spin.error(m)),
    };
  }

  async text(q: { message: string; placeholder?: string; initialValue?: string; validate?: (v: string) => string | undefined }): Promise<string> {
    const validate = q.validate;
    return this.unlessCancelled<string>(await clack.text({
      message: q.message, placeholder: q.placeholder, initialValue: q.initialValue,
      validate: validate ? (v) => validate(v ?? '') : undefined, output: this.output,
    }));
  }
  async password(q: { message: string; validate?: (v: string) => string | undefined }): Promise<string> {
    const validate = q.validate;
    return this.unlessCancelled<string>(await clack.password({
      message: q.message, validate: validate ? (v) => validate(v ?? '') : undefined, output: this.output,
    }));
  }
  async confirm(q: { message: string; initialValue?: boolean }): Promise<boolean> {
    return this.unlessCancelled<boolean>(await clack.confirm({ ...q, active: t('ui.yes'), inactive: t('ui.no'), output: this.output }));
  }
  async select<T>(q: { message: string; options: SelectOption<T>[]; initialValue?: T }): Promise<T> {
    // clack's Option<T> type is conditional on T; the shapes are the same.
    const options = q.options as Parameters<typeof clack.select<T>>[0]['options'];
    return this.unlessCancelled<T>((await clack.select<T>({ message: q.message, options, initialValue: q.initialValue, output: this.output })) as T | symbol);
  }
}
