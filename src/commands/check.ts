// `check`: a monitoring check in the Monitoring Plugins format (CLI.md). It reads this machine only —
// the queue once, the log from a bounded tail, no connection to the relay, no lock — judges doctor's
// problems and Gmail's daily limit, prints one status line and exits 0/1/2/3. --textfile DIR also
// writes the same facts for node_exporter's textfile collector. Whatever stops it from looking is
// UNKNOWN (exit 3), in the same one-line format, never an error of the wizard's own kind.
import { errorWords, failureText } from '../ui/error-text.js';
import { defaultThresholds, type CheckOptions } from '../check-options.js';
import { WizardError } from '../errors.js';
import { accessTokensOf, consentsOf } from '../flow/check/consent.js';
import {
  type CheckState,
  checkExit,
  findingCode,
  judge,
  type CheckVerdict,
  type ConsentFacts,
} from '../flow/check/judge.js';
import { perfValues } from '../flow/check/perfdata.js';
import { renderMetrics, textfileName } from '../flow/check/metrics.js';
import type { Context } from '../flow/context.js';
import { detect } from '../flow/detect/detect.js';
import { requirePostfix } from '../flow/detect/requirements.js';
import { gatherLocalFacts } from '../flow/doctor/facts.js';
import type { AccountUse } from '../gmail/limits.js';
import { parseRelayhost } from '../gmail/relay.js';
import { readQueue } from '../postfix/queue.js';
import type { CommandOutcome } from '../outcome.js';
import { findProblems } from '../postfix/problems/index.js';
import type { Failure } from '../postfix/problems/types.js';
import { findingWords, renderCheck, renderUnknown } from '../ui/check-view.js';
import { t } from '../ui/messages.js';
import type { Command } from './command.js';

interface CheckRun {
  options: CheckOptions;
  configDir?: string;
  relayhost?: string;
  verdict?: CheckVerdict;
  failures: readonly Failure[];
  use: AccountUse[];
  /** host:port, '' without a relay. */
  relay: string;
  consents: ConsentFacts[];
  accessTokens: { account: string; expiry: number }[];
  now: number;
  /** Set when check could not look (or write --textfile): the UNKNOWN line's words. */
  unknown?: { message: string; fix?: string };
  /** The plugin output as printed (or, with --json, as it would be). */
  output?: string;
  /** --textfile: the file written. */
  written?: string;
}

export const check: Command<CheckRun> = {
  start: (ctx) => ({
    options: ctx.options.check ?? { thresholds: defaultThresholds },
    failures: [],
    use: [],
    relay: '',
    consents: [],
    accessTokens: [],
    now: 0,
  }),
  steps: [look, report, textfile],
  outcomeOf,
  exitOf: (run) => (run.unknown || !run.verdict ? checkExit.unknown : checkExit[run.verdict.state]),
};

function outcomeOf(run: CheckRun): CommandOutcome {
  const state: CheckState = run.unknown || !run.verdict ? 'unknown' : run.verdict.state;
  return {
    configDir: run.configDir,
    relay: run.relayhost || undefined,
    result: state === 'unknown' ? 'failed' : state === 'ok' ? 'healthy' : 'problems',
    check: {
      state,
      exitCode: checkExit[state],
      line: (run.output ?? '').split('\n')[0] ?? '',
      problems: (run.verdict?.findings ?? []).map((f) => ({
        code: findingCode(f),
        state: f.state === 'critical' ? 'critical' : 'warning',
        message: findingWords(f).title,
        fix: findingWords(f).fix,
      })),
      perfdata: run.verdict ? perfValues(run.verdict, run.use, run.options.thresholds) : [],
      ...(run.unknown ? { unknown: run.unknown } : {}),
      ...(run.written ? { textfile: run.written } : {}),
    },
  };
}

/** The plugin's lines: on stdout, unless --json puts its one document there instead. */
function say(ctx: Context, run: CheckRun, output: string): void {
  run.output = output;
  if (!ctx.options.json) ctx.ui.print(output);
}

/** Everything check judges, read once; a failure to read is UNKNOWN, not an exception. */
async function look(ctx: Context, run: CheckRun): Promise<'stop' | undefined> {
  try {
    const sys = ctx.sys;
    // The queue is read beside detect's postconf round, not in a round of its own after it (each round is
    // a wait on a busy box). -c as given, less a trailing slash (postqueue refuses `/etc/postfix/` to
    // non-root); the default instance's own directory named is the default instance.
    const given = ctx.options.configDir?.replace(/(.)\/+$/, '$1');
    const queue = readQueue(sys, { configDir: given ?? '', isDefaultInstance: given === undefined }).catch(
      () => undefined,
    );
    // Only what its rules use: no master.cf listener (postconf -M), which only setup and test submit to.
    const facts = await detect(sys, ctx.options.configDir, { listener: false });
    const postfix = requirePostfix(facts);
    run.configDir = postfix.configDir;
    run.relayhost = postfix.settings.relayhost;
    const gathered = await gatherLocalFacts(sys, facts, postfix, {
      warnPercent: run.options.thresholds.limitPercent,
      consentWarnSeconds: run.options.thresholds.consentWarning,
      ...(run.options.dailyLimit !== undefined ? { dailyLimit: run.options.dailyLimit } : {}),
      queue,
    });
    const nowDate = ctx.sys.now();
    run.now = Math.floor(nowDate.getTime() / 1000);
    const relay = parseRelayhost(postfix.settings.relayhost ?? '');
    run.relay = relay ? `${relay.host}:${relay.port}` : '';
    run.use = [...(gathered.doctor.sending?.accounts ?? [])];
    run.failures = gathered.doctor.failures;
    run.consents = consentsOf(gathered.doctor.oauth);
    run.accessTokens = accessTokensOf(gathered.doctor.oauth);
    run.verdict = judge({
      doctor: gathered.doctor,
      problems: findProblems(gathered.doctor),
      queue: gathered.read.queue,
      consents: run.consents,
      now: run.now,
      thresholds: run.options.thresholds,
    });
    return undefined;
  } catch (error) {
    const words = error instanceof WizardError ? errorWords(error) : { message: failureText(error) };
    run.unknown = { message: words.message, ...(words.fix ? { fix: words.fix } : {}) };
    say(ctx, run, renderUnknown(run.unknown.message, run.unknown.fix));
    return 'stop';
  }
}

async function report(ctx: Context, run: CheckRun): Promise<void> {
  if (!run.verdict) return;
  say(ctx, run, renderCheck(run.verdict, { relay: run.relay, use: run.use, thresholds: run.options.thresholds }));
}

/** --textfile: readable by node_exporter's user; written whole or not at all (temp file, rename), so a scrape never sees half. */
async function textfile(ctx: Context, run: CheckRun): Promise<void> {
  const dir = run.options.textfile;
  if (!dir || !run.verdict) return;
  const path = `${dir}/${textfileName}`;
  try {
    // Debian's /var/lib/prometheus is the prometheus user's: no symlink of theirs on the way is followed.
    const metrics = renderMetrics({ ...run, verdict: run.verdict });
    await ctx.sys.writeFileAtomic(path, metrics, { mode: 0o644, othersOnTheWay: true });
    run.written = path;
  } catch (error) {
    run.unknown = {
      message: t('check.textfileFailed', { path, reason: failureText(error) }),
      fix: t('check.textfileFailedFix'),
    };
    say(ctx, run, renderUnknown(run.unknown.message, run.unknown.fix));
  }
}
