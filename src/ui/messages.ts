// Every human-facing sentence comes from one catalogue per language (text/en.ts is the reference;
// others must have the same keys and the same {placeholders}, which test/unit/ui/messages.test.ts
// enforces), the diagnosis codes' causes and fixes beside it (text/diagnoses.*.ts, keyed by the codes).
//
// The language is the run's: main() runs a command inside inLanguage(words, …), and every t() under
// it — however deep, across awaits — reads that run's catalogue from the async context
// (AsyncLocalStorage). No module global holds a language, so two runs in one process (the tests) never
// see each other's; outside any run the words are English.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DiagnosisCode } from '../gmail/diagnose.js';
import { diagnosesEn, type DiagnosisText } from './text/diagnoses.en.js';
import { en } from './text/en.js';

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
export type Lang = 'en' | 'ja';
export type Vars = Record<string, string | number>;

/** One language's words: the catalogue, and the diagnosis codes' causes and fixes. */
export interface Words {
  lang: Lang;
  catalogue: Catalogue;
  diagnoses: Record<DiagnosisCode, DiagnosisText>;
}

export const english: Words = { lang: 'en', catalogue: en, diagnoses: diagnosesEn };

const runWords = new AsyncLocalStorage<Words>();

/** A language's words; Japanese is loaded only when asked for. */
export async function wordsFor(lang: Lang): Promise<Words> {
  if (lang === 'en') return english;
  const [{ ja }, { diagnosesJa }] = await Promise.all([import('./text/ja.js'), import('./text/diagnoses.ja.js')]);
  return { lang, catalogue: ja, diagnoses: diagnosesJa };
}

/**
 * Runs `work` (and everything it awaits) in `words`' language. English outside any other run's context
 * needs no context: there currentWords() is English already. Node 20's AsyncLocalStorage hooks every
 * promise once one run has used it, which cost check (English, every few minutes) ~7% of its CPU time.
 */
export function inLanguage<T>(words: Words, work: () => T): T {
  if (words === english && runWords.getStore() === undefined) return work();
  return runWords.run(words, work);
}

/** The words of the run this code is part of. */
export function currentWords(): Words {
  return runWords.getStore() ?? english;
}

/** The language asked for by --lang, else by the locale variables, as gettext orders them. */
export function pickLang(flag: Lang | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  if (flag) return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ja(_|$|\.)/i.test(locale) ? 'ja' : 'en';
}

export function t(key: MessageKey, vars: Vars = {}): string {
  const template = currentWords().catalogue[key] ?? en[key];
  return fill(template, vars);
}

export function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
