// The end of a run: the test result in plain words, the equivalent
// command line for automation (never with the password), the record for status.
import { defaultTextfileDir } from '../../check-options.js';
import { ExitCode, type ExitCodeValue } from '../../errors.js';
import { defaultRelay } from '../../gmail/relay.js';
import type { Options } from '../../options.js';
import { explainDiagnosis } from '../../ui/diagnosis-text.js';
import { t } from '../../ui/messages.js';
import type { Context } from '../context.js';
import type { TestResult } from '../../outcome.js';
import type { Answers } from '../types.js';

/** `host`: the relay the message went to (the names in a failure's explanation are its own). */
export function reportTest(ctx: Pick<Context, 'ui'>, result: TestResult, host?: string): ExitCodeValue {
  if (result.from && result.account)
    ctx.ui.info(t('accounts.wentThrough', { from: result.from, account: result.account }));
  if (result.status === 'sent') {
    ctx.ui.success(t('summary.sent', { to: result.to, relay: result.relay ?? '', reply: result.reply ?? '' }));
    if (result.relay === 'local' || result.relay === 'virtual')
      ctx.ui.warn(t('summary.deliveredLocally', { to: result.to }));
    return ExitCode.ok;
  }
  if (result.status === 'unknown' && result.queueId && !result.reply) {
    ctx.ui.warn(t('summary.noLog', { id: result.queueId, to: result.to }));
    return ExitCode.notDelivered;
  }
  if (result.status === 'queued') {
    ctx.ui.warn(t('summary.stillQueued', { id: result.queueId ?? '?' }));
    return ExitCode.notDelivered;
  }
  const { cause, fix } = explainDiagnosis(result.diagnosis ?? 'unknown', host);
  ctx.ui.error(t('summary.failed', { status: result.status, id: result.queueId ?? '?', reply: result.reply ?? '' }));
  ctx.ui.note(`${cause}\n${fix}`, t('summary.whatToDo'));
  return ExitCode.notDelivered;
}

export async function saveLastTest(ctx: Pick<Context, 'sys' | 'options'>, result: TestResult): Promise<void> {
  try {
    await ctx.sys.ensurePrivateDir(ctx.options.stateDir); // never a folder another user made for us
    const record = { ...result, at: ctx.sys.now().toISOString() };
    await ctx.sys.writeFileAtomic(`${ctx.options.stateDir}/last-test.json`, `${JSON.stringify(record, null, 2)}\n`, {
      mode: 0o600,
    });
  } catch {
    // status will say "no test recorded"; not worth failing a delivered run for
  }
}

/** Where the equivalent command reads the app password: a file root creates first (passwordFileSteps). */
export const equivalentPasswordFile = '/root/gmail-app-password';
/** Where it reads OAuth's files when this run was not given them (the client JSON typed at a prompt, the consent given in a browser). */
export const equivalentOauthFiles = { client: '/root/oauth-client.json', token: '/root/oauth-token.json' };

/** The OAuth files the repeated run reads: this run's flags, else the places the closing screen says to fill. */
function oauthFiles(options: Options): { client: string; token: string } {
  return {
    client: options.oauthClient ?? equivalentOauthFiles.client,
    token: options.oauthTokenFile ?? equivalentOauthFiles.token,
  };
}

/** How the repeated run signs in, as this one did: never an app password's flags for OAuth or the relay by address. */
function signInWords(options: Options, answers: Answers): string[] {
  if (answers.auth === 'none') return ['--auth', 'none'];
  if (answers.auth === 'oauth') {
    const { client, token } = oauthFiles(options);
    return ['--auth', 'oauth', '--oauth-client', client, '--oauth-token-file', token];
  }
  return ['--password-file', equivalentPasswordFile];
}

/**
 * The command line, word by word (each quoted for a POSIX shell), that repeats this run without
 * questions, as the person would type it: through sudo when they ran the wizard with sudo.
 */
export function equivalentWords(options: Options, answers: Answers, viaSudo = false): string[] {
  const words = [
    ...(viaSudo ? ['sudo'] : []),
    'npx',
    'postfix-gmail-wizard',
    '--account',
    answers.account,
    ...signInWords(options, answers),
  ];
  const relay = `${answers.relay.host}:${answers.relay.port}`;
  if (relay !== `${defaultRelay.host}:${defaultRelay.port}`) words.push('--relay', relay);
  if (options.caFile) words.push('--ca-file', options.caFile);
  if (options.configDir) words.push('--config-dir', options.configDir);
  if (answers.to !== answers.account) words.push('--to', answers.to);
  if (answers.senders) words.push('--senders', answers.senders.join(','));
  if (!options.test) words.push('--no-test');
  if (!options.keychain) words.push('--no-keychain');
  const chosen = answers.options;
  if (chosen?.mapSenders !== undefined) words.push(chosen.mapSenders ? '--map-senders' : '--no-map-senders');
  if (chosen?.rootAlias) words.push('--root-alias', chosen.rootAlias);
  if (chosen?.loopbackOnly !== undefined) words.push(chosen.loopbackOnly ? '--loopback-only' : '--no-loopback-only');
  if (chosen?.monitor) words.push(...(chosen.monitor.on ? ['--monitor'] : ['--no-monitor']));
  if (chosen?.monitor?.on && chosen.monitor.textfile !== defaultTextfileDir)
    words.push('--textfile', chosen.monitor.textfile);
  words.push('--yes');
  return words.map(shellQuote);
}

/** How to make that password file root-only before anything is written into it. */
export function passwordFileSteps(viaSudo: boolean): string[] {
  // sudoedit (or an editor as root) writes into the file it was given, which keeps its 0600.
  const file = equivalentPasswordFile;
  return viaSudo
    ? [`sudo install -m 600 /dev/null ${file}`, `sudoedit ${file}`]
    : [`install -m 600 /dev/null ${file}`, `editor ${file}`];
}

/** What the closing screen says of the files the repeated run reads; undefined when it reads none (--auth none). */
export function signInFilesText(options: Options, answers: Answers, viaSudo: boolean): string | undefined {
  if (answers.auth === 'none') return undefined;
  if (answers.auth === 'oauth') {
    const { client, token } = oauthFiles(options);
    const text = t('tui.oauthFiles', { client, token });
    // sasl-xoauth2's token file is postfix's (the plugin rewrites it), and a secret file must be root's:
    // a root-only copy of it, made by root, carries this run's refresh token.
    const saved = answers.oauth?.files.tokenPath;
    if (options.oauthTokenFile || !saved) return text;
    const copy = `${viaSudo ? 'sudo ' : ''}install -m 600 ${shellQuote(saved)} ${token}`;
    return `${text}\n${t('tui.oauthTokenCopy', { token, copy })}`;
  }
  const [create, edit] = passwordFileSteps(viaSudo);
  return t('tui.passwordFile', { create: create!, edit: edit! });
}

function shellQuote(word: string): string {
  return /^[A-Za-z0-9@%+=:,./_-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
