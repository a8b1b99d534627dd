// Every human-facing sentence comes from one catalogue per language
// (text/en.ts is the reference; others must have the same keys and the same
// {placeholders}, which test/unit/messages.test.ts enforces).
import { en } from './text/en.js';

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
export type Lang = 'en' | 'ja';
export type Vars = Record<string, string | number>;

let current: Catalogue = en;

export function setCatalogue(catalogue: Catalogue): void {
  current = catalogue;
}

/** The language asked for by --lang, else by the locale variables, as gettext orders them. */
export function pickLang(flag: Lang | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  if (flag) return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ja(_|$|\.)/i.test(locale) ? 'ja' : 'en';
}

export function t(key: MessageKey, vars: Vars = {}): string {
  const template = current[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
