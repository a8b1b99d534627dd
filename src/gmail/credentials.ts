// Rules for what the user types. Both values end up in a sasl_passwd line
// (`[host]:port user:password`) and the account in main.cf-adjacent text
// (generic maps, aliases), so anything that could break those lines is
// refused, not escaped — and refused before anything else happens.

/** Where a Google account makes its app passwords (2-Step Verification must be on). */
export const appPasswordUrl = 'https://myaccount.google.com/apppasswords';

/** What is wrong with an input, as a code (the catalogue key ui/ words it with) and its facts. */
export interface InputProblem {
  code: InputProblemCode;
  vars?: Record<string, string | number>;
}
export const INPUT_PROBLEMS = [
  'account.empty',
  'account.tooLong',
  'account.whitespace',
  'account.nonAscii',
  'account.forbiddenChar',
  'account.notAddress',
  'password.empty',
  'password.controlChars',
  'password.tooLong',
  'password.nonAscii',
  'password.colon',
  'password.multiLine',
  'password.notAppPasswordAt',
  'relay.invalid',
  'relay.portRange',
] as const;
export type InputProblemCode = (typeof INPUT_PROBLEMS)[number];

export type Checked<T> = { ok: true; value: T; warning?: InputProblem } | { ok: false; problem: InputProblem };

const problem = (code: InputProblemCode, vars?: InputProblem['vars']) => ({
  ok: false as const,
  problem: { code, ...(vars ? { vars } : {}) },
});

// RFC 5321 caps an address at 254 characters and a local part at 64. The local part is narrower
// than RFC 5322 allows: Gmail addresses are letters, digits and dots (plus a +tag), Workspace user
// names add - _ and '. That leaves out $ (main.cf expansion), % and ! (old source routing), and
// every quote, bracket and separator. ASCII only, so a look-alike letter (Cyrillic "а",
// full-width "＠") cannot pass for the real one.
const localPart = /^[A-Za-z0-9_'+-]+(\.[A-Za-z0-9_'+-]+)*$/;
const domainPart = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const maxAccountLength = 254;
// Google's own passwords are at most 100 characters; its app passwords are 16 letters.
const maxPasswordLength = 100;

export function checkAccount(input: string): Checked<string> {
  if (input.length === 0) return problem('account.empty');
  if (input.length > maxAccountLength) return problem('account.tooLong', { length: input.length });
  // eslint-disable-next-line no-control-regex
  if (/[\s\x00-\x1f\x7f]/.test(input)) return problem('account.whitespace');
  if (/[^\x20-\x7e]/.test(input)) return problem('account.nonAscii');
  if (/[:[\]<>(),;"\\]/.test(input)) return problem('account.forbiddenChar');
  const at = input.lastIndexOf('@');
  const local = input.slice(0, at);
  const domain = input.slice(at + 1);
  // The input is plain printable ASCII by now, so it may be quoted back to the user.
  if (at <= 0 || !localPart.test(local) || local.length > 64 || !domainPart.test(domain)) {
    return problem('account.notAddress', { input });
  }
  return { ok: true, value: input };
}

export function isConsumerGmail(account: string): boolean {
  return /@(gmail|googlemail)\.com$/i.test(account);
}

/**
 * Google shows app passwords as four groups of four letters; people paste them with the spaces
 * (a browser copy may turn them into no-break spaces). Whatever else is not a printable ASCII
 * character is refused, and so is a colon: Google never puts one in an app password, and in the
 * password map it is the separator between account and password.
 */
export function checkAppPassword(input: string): Checked<string> {
  const value = input.replace(/[ \u00a0]/g, '');
  if (value.length === 0) return problem('password.empty');
  // eslint-disable-next-line no-control-regex
  if (/[\s\x00-\x1f\x7f]/.test(value)) return problem('password.controlChars');
  if (value.length > maxPasswordLength) return problem('password.tooLong');
  if (/[^\x21-\x7e]/.test(value)) return problem('password.nonAscii');
  if (value.includes(':')) return problem('password.colon');
  const warning = /^[a-z]{16}$/i.test(value)
    ? undefined
    : { code: 'password.notAppPasswordAt' as const, vars: { url: appPasswordUrl } };
  return { ok: true, value, warning };
}

/**
 * --password-stdin and --password-file take one line. A line ending (LF or CRLF) and blank lines
 * after it are fine; a second line with text is refused rather than silently dropped, since
 * whatever wrote it did not write an app password.
 */
export function singleLine(text: string): Checked<string> {
  const [first = '', ...rest] = text.split(/\r?\n/);
  if (rest.some((line) => line.trim() !== '')) return problem('password.multiLine');
  return { ok: true, value: first };
}
