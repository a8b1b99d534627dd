// ask: facts + flags → Answers. A prompt appears only for what no flag
// answered; without a terminal the missing answers are listed, all at once.
import { UsageError, WizardError } from '../errors.js';
import { checkAccount, checkAppPassword } from '../gmail/credentials.js';
import { parseRelay, type Relay } from '../gmail/relay.js';
import { t } from '../ui/messages.js';
import type { Context } from './context.js';
import type { Answers, HostFacts, PasswordSource } from './types.js';

export const appPasswordUrl = 'https://myaccount.google.com/apppasswords';

/** Flags a headless run lacks; empty when every answer is given (or can come from the keychain). */
export function missingFlags(ctx: Pick<Context, 'options'>, storedPassword: boolean): string[] {
  const o = ctx.options;
  const missing: string[] = [];
  if (!o.account) missing.push('--account ADDR');
  if (!o.passwordStdin && !o.passwordFile && !storedPassword && !o.dryRun) missing.push(t('ask.passwordFlags'));
  if (!o.yes && !o.dryRun) missing.push('--yes');
  return missing;
}

export function resolveRelay(ctx: Pick<Context, 'options'>): Relay {
  const relay = parseRelay(ctx.options.relay);
  if (!relay.ok) throw new UsageError('invalid-relay', relay.problem, t('relay.fix'));
  return relay.value;
}

export async function resolveCaFile(ctx: Pick<Context, 'sys' | 'options'>, facts: HostFacts): Promise<{ path: string; pem: string }> {
  const path = ctx.options.caFile ?? facts.caBundle;
  if (!path) throw new WizardError('no-ca-bundle', t('ca.none'), t('ca.noneFix'));
  const pem = await ctx.sys.readFile(path);
  if (!pem || !pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new UsageError('invalid-ca-file', t('ca.unreadable', { path }), t('ca.unreadableFix'));
  }
  return { path, pem };
}

export async function askAccount(ctx: Pick<Context, 'ui' | 'options'>, current: string | undefined): Promise<string> {
  const given = ctx.options.account;
  if (given !== undefined) {
    const checked = checkAccount(given);
    if (!checked.ok) throw new UsageError('invalid-account', checked.problem, t('account.fix'));
    return checked.value;
  }
  return ctx.ui.text({
    message: t('ask.account'),
    placeholder: 'you@gmail.com',
    initialValue: current,
    validate: (value) => {
      const checked = checkAccount(value.trim());
      return checked.ok ? undefined : checked.problem;
    },
  }).then((value) => value.trim());
}

/** The password from a flag, the keychain, or a masked prompt — never from argv or the environment. */
export async function askPassword(ctx: Pick<Context, 'sys' | 'ui' | 'options' | 'readStdin'>, stored: string | undefined): Promise<{ password: string; source: PasswordSource } | undefined> {
  const o = ctx.options;
  let raw: string | undefined;
  let source: PasswordSource | undefined;
  if (o.passwordStdin) {
    raw = firstLine(await ctx.readStdin());
    source = 'stdin';
  } else if (o.passwordFile) {
    const text = await ctx.sys.readFile(o.passwordFile);
    if (text === undefined) throw new UsageError('password-file-missing', t('password.fileMissing', { path: o.passwordFile }), t('password.fileFix'));
    const info = await ctx.sys.fileInfo(o.passwordFile);
    if (info && (info.mode & 0o004) !== 0) ctx.ui.warn(t('password.fileWorldReadable', { path: o.passwordFile }));
    raw = firstLine(text);
    source = 'file';
  } else if (stored !== undefined) {
    return { password: stored, source: 'keychain' };
  }
  if (raw !== undefined && source) {
    const checked = checkAppPassword(raw);
    if (!checked.ok) throw new UsageError('invalid-password', checked.problem, t('password.fix', { url: appPasswordUrl }));
    if (checked.warning) ctx.ui.warn(checked.warning);
    return { password: checked.value, source };
  }
  if (!ctx.ui.interactive) return undefined; // only --dry-run gets here without one
  ctx.ui.info(t('ask.passwordHelp', { url: appPasswordUrl }));
  const typed = await ctx.ui.password({
    message: t('ask.password'),
    validate: (value) => {
      const checked = checkAppPassword(value);
      return checked.ok ? undefined : checked.problem;
    },
  });
  const checked = checkAppPassword(typed);
  if (!checked.ok) throw new UsageError('invalid-password', checked.problem); // validate already refused it
  if (checked.warning) ctx.ui.warn(checked.warning);
  return { password: checked.value, source: 'typed' };
}

export async function askRecipient(ctx: Pick<Context, 'ui' | 'options'>, account: string): Promise<string> {
  const given = ctx.options.to;
  if (given !== undefined) {
    const checked = checkAccount(given);
    if (!checked.ok) throw new UsageError('invalid-recipient', t('recipient.invalid', { problem: checked.problem }), t('recipient.fix'));
    return checked.value;
  }
  if (!ctx.ui.interactive || !ctx.options.test) return account;
  const value = await ctx.ui.text({
    message: t('ask.recipient'),
    initialValue: account,
    validate: (v) => {
      const checked = checkAccount(v.trim());
      return checked.ok ? undefined : checked.problem;
    },
  });
  return value.trim();
}

export type { Answers };

function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? '';
}
