// Flags → options → the command's flow → exit code (CLI.md). Heavy modules
// are imported only once we know they are needed, so --version and the
// first frame of the wizard appear fast.
import type { Readable, Writable } from 'node:stream';
import { ExitCode, WizardError, type ExitCodeValue } from './errors.js';
import { errorWords } from './ui/error-text.js';
import type { Context } from './flow/context.js';
import { type CheckJson, finishOutcome, type RunEnding } from './outcome.js';
import { packageFile } from './package-files.js';
import { runSteps, type Command } from './commands/command.js';
import { commands, langFlag, parseOptions, wantsJson, type Command as CommandName, type Options } from './options.js';
import { helpText } from './ui/help.js';
import type { System } from './system/types.js';
import { inLanguage, pickLang, t, wordsFor, type MessageKey } from './ui/messages.js';
import { introFrame, terminalColumns } from './ui/frame.js';
import type { Ui } from './ui/ui.js';

export interface Io {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
}

const intros: Partial<Record<CommandName, MessageKey>> = { setup: 'setup.intro', test: 'test.intro' };

const processIo: Io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };

export async function main(
  argv: readonly string[],
  io: Io = processIo,
  system?: System,
  uiOverride?: Ui,
): Promise<ExitCodeValue> {
  // The run's language, carried in its async context to every t() below (ui/messages.ts).
  const words = await wordsFor(pickLang(langFlag(argv), io.env));
  return inLanguage(words, () => runMain(argv, io, system, uiOverride));
}

async function runMain(
  argv: readonly string[],
  io: Io,
  system: System | undefined,
  uiOverride: Ui | undefined,
): Promise<ExitCodeValue> {
  let options: Options;
  // A system is loaded only when a flag must be checked against the machine (--password-file).
  let sys = system;
  const loadSystem = async () => (sys ??= (await import('./system/real-system.js')).createRealSystem());
  try {
    options = parseOptions(argv);
    if (options.help) {
      io.stdout.write(helpText(options.helpForCommand ? options.command : undefined));
      return ExitCode.ok;
    }
    if (options.version) {
      io.stdout.write(`${await packageVersion()}\n`);
      return ExitCode.ok;
    }
    // Every malformed flag is exit 2 before anything is read, locked or printed (checked-flags.ts).
    await (await import('./flow/ask/checked-flags.js')).checkFlags(options, loadSystem);
  } catch (error) {
    if (argv.find((a) => !a.startsWith('-')) === 'check') return checkUsageFailure(io, error, argv);
    return usageFailure(io, error as WizardError, argv);
  }
  const human = options.json ? io.stderr : io.stdout;
  const interactive = !options.nonInteractive && Boolean(io.stdin.isTTY) && Boolean(human.isTTY);
  // The first frame goes out before @clack/prompts, the flow, execa and friends are loaded.
  const intro = intros[options.command];
  const drawsOwnIntro = interactive && !uiOverride;
  if (intro && drawsOwnIntro) human.write(introFrame(t(intro), terminalColumns(human)));
  const ui =
    uiOverride ??
    (interactive
      ? await (await import('./ui/clack-ui.js')).openClackUi(human, io.stderr)
      : new (await import('./ui/plain-ui.js')).PlainUi(human, io.stderr));
  if (intro && !drawsOwnIntro) ui.intro(t(intro));
  await loadSystem();
  const ctx: Context = { sys: sys!, ui, options, warnings: [], argv, readStdin: () => readAll(io.stdin) };
  const command = await commandFor(options.command);
  const run = command.start(ctx);
  let ending: RunEnding;
  try {
    ending = { exitCode: await runCommand(ctx, () => runSteps(ctx, command, run)) };
  } catch (error) {
    ending = reportFailure(ctx, error);
  }
  // Built once, here, from the run as it ended (commands/command.ts).
  const outcome = finishOutcome(options.command, command.outcomeOf(run), ctx.warnings, ending);
  if (options.json) io.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
  return ending.exitCode as ExitCodeValue;
}

async function runCommand(ctx: Context, runFlow: () => Promise<ExitCodeValue>): Promise<ExitCodeValue> {
  const { command, dryRun, list } = ctx.options;
  const changes =
    ((command === 'setup' || command === 'restore' || command === 'remove') && !dryRun && !list) ||
    (command === 'doctor' && ctx.options.fix);
  if (!changes || !ctx.sys.isRoot()) return runFlow();
  // One run at a time, from the first look at the machine to the verdict (lock.ts).
  const { acquireLock } = await import('./transaction/lock.js');
  const lock = await acquireLock(ctx.sys, ctx.options.stateDir);
  try {
    await (await import('./flow/apply/recover.js')).recoverUnfinished(ctx);
    return await runFlow();
  } finally {
    await lock.release();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: each command has its own run type; the CLI only passes it along
async function commandFor(name: CommandName): Promise<Command<any>> {
  switch (name) {
    case 'setup':
      return (await import('./commands/setup.js')).setup;
    case 'status':
      return (await import('./commands/status.js')).status;
    case 'test':
      return (await import('./commands/test.js')).test;
    case 'restore':
      return (await import('./commands/restore.js')).restore;
    case 'remove':
      return (await import('./commands/remove.js')).remove;
    case 'doctor':
      return (await import('./commands/doctor.js')).doctor;
    case 'check':
      return (await import('./commands/check.js')).check;
  }
}

function reportFailure(ctx: Context, error: unknown): RunEnding {
  if (error instanceof WizardError) {
    const cancelled = error.exitCode === ExitCode.cancelled;
    const { message, fix } = errorWords(error);
    if (cancelled) ctx.ui.outro(t('cancelled'));
    else ctx.ui.error(fix ? `${message}\n${fix}` : message);
    return {
      exitCode: error.exitCode,
      failure: { result: cancelled ? 'cancelled' : 'failed', error: { code: error.code, message, fix } },
    };
  }
  const message = (error as Error)?.stack ?? String(error);
  ctx.ui.error(t('internal.error', { message }));
  return {
    exitCode: ExitCode.failed,
    failure: { result: 'failed', error: { code: 'internal', message: String((error as Error)?.message ?? error) } },
  };
}

/** A usage error: its words on stderr; with --json, also the one JSON document on stdout. */
/** check's bad flags are UNKNOWN (exit 3) in its own format, as the Monitoring Plugins guidelines ask; with --json, in its document. */
async function checkUsageFailure(io: Io, error: unknown, argv: readonly string[]): Promise<ExitCodeValue> {
  if (!(error instanceof WizardError)) throw error;
  const { renderUnknown } = await import('./ui/check-view.js');
  const { message, fix } = errorWords(error);
  const line = renderUnknown(message, fix);
  if (!wantsJson(argv)) {
    io.stdout.write(`${line}\n`);
    return ExitCode.notDelivered; // 3, UNKNOWN
  }
  const unknown = { message, ...(fix ? { fix } : {}) };
  const check: CheckJson = { state: 'unknown', exitCode: 3, line, problems: [], perfdata: [], unknown };
  const outcome = finishOutcome('check', { result: 'failed', check }, [], { exitCode: ExitCode.notDelivered });
  io.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
  return ExitCode.notDelivered;
}

function usageFailure(io: Io, error: WizardError, argv: readonly string[]): ExitCodeValue {
  if (!(error instanceof WizardError)) throw error;
  const { message, fix } = errorWords(error);
  io.stderr.write(`${message}\n${fix ? `${fix}\n` : ''}`);
  if (wantsJson(argv)) {
    const command = argv.find((a): a is CommandName => (commands as readonly string[]).includes(a)) ?? 'setup';
    const outcome = finishOutcome(command, {}, [], {
      exitCode: error.exitCode,
      failure: { result: 'failed', error: { code: error.code, message, fix } },
    });
    io.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
  }
  return error.exitCode;
}

async function packageVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(packageFile('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
