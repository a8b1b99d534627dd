// Rules for what the user types. Both values end up in a sasl_passwd line
// (`[host]:port user:password`) and the account in main.cf-adjacent text, so
// anything that could break those lines is refused, not escaped.
import { t } from '../ui/messages.js';

export type Checked<T> = { ok: true; value: T; warning?: string } | { ok: false; problem: string };

// RFC 5321 limits; ASCII only, so look-alike letters (Cyrillic "а", full-width "＠") cannot sneak in.
const localPart = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const domainPart = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function checkAccount(input: string): Checked<string> {
  if (input.length === 0) return { ok: false, problem: t('account.empty') };
  if (input.length > 254) return { ok: false, problem: t('account.tooLong', { length: input.length }) };
  // eslint-disable-next-line no-control-regex
  if (/[\s\x00-\x1f\x7f]/.test(input)) return { ok: false, problem: t('account.whitespace') };
  if (/[^\x20-\x7e]/.test(input)) return { ok: false, problem: t('account.nonAscii') };
  if (/[:[\]<>(),;"\\]/.test(input)) return { ok: false, problem: t('account.forbiddenChar') };
  const at = input.lastIndexOf('@');
  const local = input.slice(0, at);
  const domain = input.slice(at + 1);
  if (at <= 0 || !localPart.test(local) || local.length > 64 || !domainPart.test(domain)) {
    return { ok: false, problem: t('account.notAddress', { input }) };
  }
  return { ok: true, value: input };
}

export function isConsumerGmail(account: string): boolean {
  return /@(gmail|googlemail)\.com$/i.test(account);
}

/** Google shows app passwords as four groups of four letters; people paste them with the spaces. */
export function checkAppPassword(input: string): Checked<string> {
  const value = input.replace(/ /g, '');
  if (value.length === 0) return { ok: false, problem: t('password.empty') };
  // eslint-disable-next-line no-control-regex
  if (/[\s\x00-\x1f\x7f]/.test(value)) return { ok: false, problem: t('password.controlChars') };
  if (value.length > 256) return { ok: false, problem: t('password.tooLong') };
  const warning = /^[a-z]{16}$/i.test(value) ? undefined : t('password.notAppPassword');
  return { ok: true, value, warning };
}
