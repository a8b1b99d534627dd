// ask: facts + flags → Answers. A prompt appears only for what no flag
// answered; without a terminal the missing answers are listed, all at once.
// What flags give is checked first, before the keychain, the network or a file
// is touched, so hostile input stops the run with exit 2 and nothing changed.
import { UsageError, WizardError } from '../../errors.js';
import {
  appPasswordUrl,
  checkAccount,
  checkAppPassword,
  type InputProblem,
  singleLine,
} from '../../gmail/credentials.js';
import type { SecretFileProblem, System } from '../../system/types.js';
import { parseRelay, workspaceRelayHost, type Relay } from '../../gmail/relay.js';
import { inputText } from '../../ui/input-text.js';
import { type MessageKey, t } from '../../ui/messages.js';
import type { Context } from '../context.js';
import type { Answers, Credential, HostFacts, PasswordSource } from '../types.js';

export { appPasswordUrl };

/** Flags a headless run lacks; empty when every answer is given (or can come from the keychain or the map). */
export function missingFlags(ctx: Pick<Context, 'options'>, havePassword: boolean): string[] {
  const o = ctx.options;
  const missing: string[] = [];
  if (!o.account) missing.push('--account ADDR');
  const wantsPassword = o.auth !== 'none' && o.auth !== 'oauth';
  if (wantsPassword && !o.passwordStdin && !o.passwordFile && !havePassword && !o.dryRun)
    missing.push(t('ask.passwordFlags'));
  if (!o.yes && !o.dryRun) missing.push('--yes');
  return missing;
}

export function resolveRelay(ctx: Pick<Context, 'options'>): Relay {
  // --auth none signs in with nothing: only Workspace's relay service admits a machine by its address.
  const given = ctx.options.relay ?? (ctx.options.auth === 'none' ? workspaceRelayHost : undefined);
  const relay = parseRelay(given);
  if (!relay.ok) throw new UsageError('invalid-relay', inputText(relay.problem), t('relay.fix'));
  return relay.value;
}

export async function resolveCaFile(
  ctx: Pick<Context, 'sys' | 'options'>,
  facts: HostFacts,
): Promise<{ path: string; pem: string }> {
  const path = ctx.options.caFile ?? facts.caBundle;
  if (!path) throw new WizardError('no-ca-bundle', t('ca.none'), t('ca.noneFix'));
  const pem = ctx.options.caFile ? await readGivenCaFile(ctx.sys, path) : await ctx.sys.readFile(path);
  if (!pem?.includes('-----BEGIN CERTIFICATE-----')) {
    throw new UsageError('invalid-ca-file', t('ca.unreadable', { path }), t('ca.unreadableFix'));
  }
  return { path, pem };
}

const caFileText: Partial<Record<SecretFileProblem, MessageKey>> = {
  symlink: 'ca.file.symlink',
  'not-regular': 'ca.file.notRegular',
  owner: 'ca.file.owner',
  writable: 'ca.file.writable',
  'too-large': 'ca.file.tooLarge',
  'unsafe-dir': 'ca.file.unsafeDir',
  changed: 'ca.file.changed',
};

/**
 * --ca-file: main.cf names it (smtp_tls_CAfile) and Postfix trusts what it holds from then on, so it is
 * read only if no other user can change it, and never a FIFO or a device (readTrustedFile).
 */
async function readGivenCaFile(sys: System, path: string): Promise<string | undefined> {
  const file = await sys.readTrustedFile(path);
  const key = file.problem && caFileText[file.problem];
  if (key) throw new UsageError('invalid-ca-file', t(key, { path, dir: file.where ?? '' }), t('ca.fileFix'));
  return file.text;
}

/** --account, --to and the password from --password-stdin/--password-file, each checked; exit 2 on the first bad one. */
export async function checkGivenInputs(
  ctx: Pick<Context, 'sys' | 'ui' | 'options' | 'readStdin' | 'warnings'>,
): Promise<{ account?: string; to?: string; credential?: Credential }> {
  return { ...checkGivenAddresses(ctx), credential: await readGivenPassword(ctx) };
}

/** --account and --to, checked without reading anything: setup calls this first, so bad input exits 2 before any other error. */
export function checkGivenAddresses(ctx: Pick<Context, 'options'>): { account?: string; to?: string } {
  const o = ctx.options;
  let account: string | undefined;
  if (o.account !== undefined) {
    const checked = checkAccount(o.account);
    if (!checked.ok) throw new UsageError('invalid-account', inputText(checked.problem), t('account.fix'));
    account = checked.value;
  }
  let to: string | undefined;
  if (o.to !== undefined) {
    const checked = checkAccount(o.to);
    if (!checked.ok)
      throw new UsageError(
        'invalid-recipient',
        t('recipient.invalid', { problem: inputText(checked.problem) }),
        t('recipient.fix'),
      );
    to = checked.value;
  }
  return { account, to };
}

/** The password from --password-stdin or --password-file — never from argv or the environment. */
async function readGivenPassword(
  ctx: Pick<Context, 'sys' | 'ui' | 'options' | 'readStdin' | 'warnings'>,
): Promise<Credential | undefined> {
  const o = ctx.options;
  let text: string;
  let source: PasswordSource;
  if (o.passwordStdin) {
    text = await ctx.readStdin();
    source = 'stdin';
  } else if (o.passwordFile) {
    const file = await readPasswordFile(ctx.sys, o.passwordFile);
    if (file.othersMayRead) {
      // A security finding, like an open relay: scripts reading --json must see it too.
      const warning = t('password.fileWorldReadable', { path: o.passwordFile });
      ctx.ui.warn(warning);
      ctx.warnings.push(warning);
    }
    text = file.text;
    source = 'file';
  } else {
    return undefined;
  }
  const checked = checkedPassword(text);
  if (checked.warning) ctx.ui.warn(inputText(checked.warning));
  return { password: checked.value, source };
}

const secretFileText: Record<SecretFileProblem, MessageKey> = {
  missing: 'password.file.missing',
  unreadable: 'password.file.unreadable',
  symlink: 'password.file.symlink',
  directory: 'password.file.directory',
  'not-regular': 'password.file.notRegular',
  owner: 'password.file.owner',
  writable: 'password.file.writable',
  'too-large': 'password.file.tooLarge',
  'unsafe-dir': 'password.file.unsafeDir',
  changed: 'password.file.changed',
};

/** --password-file's content, or exit 2 saying why the file is not one root may read a password from. */
export async function readPasswordFile(sys: System, path: string): Promise<{ text: string; othersMayRead: boolean }> {
  const file = await sys.readSecretFile(path);
  if (file.problem || file.text === undefined) {
    const problem = file.problem ?? 'unreadable';
    // The code scripts know since the first release stays for a file that is not there.
    const gone = problem === 'missing' || problem === 'unreadable' || problem === 'directory';
    throw new UsageError(
      gone ? 'password-file-missing' : 'unsafe-password-file',
      t(secretFileText[problem], { path, dir: file.where ?? '' }),
      t('password.fileFix'),
    );
  }
  return { text: file.text, othersMayRead: file.othersMayRead ?? false };
}

/** The app password in `text` (one line), checked; exit 2 when it cannot be one. */
export function checkedPassword(text: string): { value: string; warning?: InputProblem } {
  const fix = t('password.fix', { url: appPasswordUrl });
  const line = singleLine(text);
  if (!line.ok) throw new UsageError('invalid-password', inputText(line.problem), fix);
  const checked = checkAppPassword(line.value);
  if (!checked.ok) throw new UsageError('invalid-password', inputText(checked.problem), fix);
  return { value: checked.value, warning: checked.warning };
}

/** A stored password (keychain or map) is used only if it still passes the rules. */
export function usableStored(password: string | undefined): string | undefined {
  if (password === undefined) return undefined;
  const checked = checkAppPassword(password);
  return checked.ok ? checked.value : undefined;
}

export async function askAccount(ctx: Pick<Context, 'ui'>, initialValue?: string): Promise<string> {
  const value = await ctx.ui.text({
    message: t('ask.account'),
    placeholder: 'you@gmail.com',
    initialValue,
    validate: (v) => {
      const checked = checkAccount(v.trim());
      return checked.ok ? undefined : inputText(checked.problem);
    },
  });
  const checked = checkAccount(value.trim());
  if (!checked.ok) throw new UsageError('invalid-account', inputText(checked.problem), t('account.fix')); // validate already refused it
  return checked.value;
}

/** A masked prompt; the app-password link first. */
export async function promptPassword(ctx: Pick<Context, 'ui'>): Promise<Credential> {
  ctx.ui.info(t('ask.passwordHelp', { url: appPasswordUrl }));
  const typed = await ctx.ui.password({
    message: t('ask.password'),
    validate: (value) => {
      const checked = checkAppPassword(value);
      return checked.ok ? undefined : inputText(checked.problem);
    },
  });
  const checked = checkAppPassword(typed);
  if (!checked.ok) throw new UsageError('invalid-password', inputText(checked.problem)); // validate already refused it
  if (checked.warning) ctx.ui.warn(inputText(checked.warning));
  return { password: checked.value, source: 'typed' };
}

export async function askRecipient(ctx: Pick<Context, 'ui' | 'options'>, account: string): Promise<string> {
  const given = ctx.options.to;
  if (given !== undefined) {
    const checked = checkAccount(given);
    if (!checked.ok)
      throw new UsageError(
        'invalid-recipient',
        t('recipient.invalid', { problem: inputText(checked.problem) }),
        t('recipient.fix'),
      );
    return checked.value;
  }
  if (!ctx.ui.interactive || !ctx.options.test) return account;
  const value = await ctx.ui.text({
    message: t('ask.recipient'),
    initialValue: account,
    validate: (v) => {
      const checked = checkAccount(v.trim());
      return checked.ok ? undefined : inputText(checked.problem);
    },
  });
  const checked = checkAccount(value.trim());
  if (!checked.ok)
    throw new UsageError(
      'invalid-recipient',
      t('recipient.invalid', { problem: inputText(checked.problem) }),
      t('recipient.fix'),
    );
  return checked.value;
}

export type { Answers };
