// A Context for calling one flow step by itself (as create-astro's tests call
// `git(ctx)` with a mock prompt): the recording FakeSystem, a ScriptedUi, the
// options the CLI would parse from these flags, and no warnings yet.
// A step typed with Pick<Context, …> takes it as it is; the test then asserts
// what the step returned, asked, showed, ran and warned about.
import type { Context } from '../../src/flow/context.js';
import { detect } from '../../src/flow/detect/detect.js';
import { lockProbe } from '../../src/distro/dpkg-state.js';
import type { Answers, HostFacts, PostfixFacts } from '../../src/flow/types.js';
import { defaultRelay } from '../../src/gmail/relay.js';
import { loadTemplates, type TemplateName } from '../../src/system/templates.js';
import { parseOptions } from '../../src/options.js';
import { FakeSystem } from './fake-system.js';
import { ScriptedUi, type Answer } from './scripted-ui.js';

export interface StepContext extends Context {
  sys: FakeSystem;
  ui: ScriptedUi;
}

export interface StepSetup {
  sys?: FakeSystem;
  /** The scripted answers, in order; with `headless` the UI has no terminal and any question fails the test. */
  answers?: Answer[];
  headless?: boolean;
  stdin?: string;
}

/** `argv` as on the command line (a command word first, or setup's flags alone). */
export function stepContext(argv: string[] = [], setup: StepSetup = {}): StepContext {
  const options = parseOptions(argv);
  return {
    sys: setup.sys ?? new FakeSystem(),
    ui: new ScriptedUi(setup.answers ?? [], !setup.headless),
    options,
    warnings: [],
    argv,
    readStdin: async () => setup.stdin ?? '',
  };
}

/** What detect finds on this fake machine: the facts a later step is given. */
export async function detected(sys: FakeSystem, configDir?: string): Promise<HostFacts & { postfix: PostfixFacts }> {
  const facts = await detect(sys, configDir);
  if (!facts.postfix) throw new Error('the fake machine has no Postfix');
  return facts as HostFacts & { postfix: PostfixFacts };
}

/** The commands that change something, as typed: queries (postconf without -e/-X/-PX, postfix status, postqueue -j) left out. */
export function changingCommands(sys: FakeSystem): string[] {
  const query = (file: string, args: readonly string[]) =>
    (file === 'postconf' && !args.some((a) => a === '-e' || a === '-X' || a === '-PX')) ||
    (file === 'postfix' && args.at(-1) === 'status') ||
    (file === 'postqueue' && args.includes('-j')) ||
    (file === 'dpkg' && args.join(' ') === '--audit') ||
    (file === 'perl' && args[1] === lockProbe); // is dpkg's lock held? (distro/dpkg-state.ts)
  return sys.calls.filter((c) => !query(c.file, c.args)).map((c) => [c.file, ...c.args].join(' '));
}

/** The app password the step tests use; it must never show up on screen or in a command's arguments. */
export const stepPassword = 'abcdefghijklmnop';

/** What ask hands to plan for the default Gmail relay. */
export function gmailAnswers(over: Partial<Answers> = {}): Answers {
  return {
    account: 'someone@gmail.com',
    credential: { password: stepPassword, source: 'stdin' },
    relay: defaultRelay,
    caFile: '/etc/ssl/certs/ca-certificates.crt',
    to: 'friend@example.com',
    ...over,
  };
}

/** Every template the plan renders (the package's own files). */
export function allTemplates(): Promise<Record<TemplateName, string>> {
  return loadTemplates(['sasl_passwd', 'generic', 'saved_settings', 'sender_relay']);
}
