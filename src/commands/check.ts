// `check`: a monitoring check in the Monitoring Plugins format (CLI.md). It reads this machine only —
// the queue once, the log from a bounded tail, no connection to the relay, no lock — judges doctor's
// problems and Gmail's daily limit, prints one status line and exits 0/1/2/3. --textfile DIR also
// writes the same facts for node_exporter's textfile collector.
import type { ExitCodeValue } from '../errors.js';
import { WizardError } from '../errors.js';
import { configuredSenderAccounts } from '../flow/ask/accounts.js';
import { readConsent } from '../flow/check/consent.js';
import { checkExit, judge, type CheckVerdict, type ConsentFacts } from '../flow/check/judge.js';
import { renderMetrics, textfileName } from '../flow/check/metrics.js';
import type { Context } from '../flow/context.js';
import { detect } from '../flow/detect/detect.js';
import { requirePostfix } from '../flow/detect/requirements.js';
import { gatherLocalFacts } from '../flow/doctor/facts.js';
import { accountUse, type AccountUse } from '../gmail/limits.js';
import { parseRelayhost } from '../gmail/relay.js';
import { findProblems } from '../postfix/problems/index.js';
import type { Failure } from '../postfix/problems/types.js';
import { sentSince } from '../postfix/sent-log.js';
import { defaultThresholds } from '../check-options.js';
import { renderCheck, renderUnknown } from '../ui/check-view.js';
import { t } from '../ui/messages.js';

interface CheckRun {
  verdict: CheckVerdict;
  failures: readonly Failure[];
  use: AccountUse[];
  relay: string;
  consent?: ConsentFacts;
  now: number;
}

export async function runCheck(ctx: Context): Promise<ExitCodeValue> {
  const options = ctx.options.check ?? { thresholds: defaultThresholds };
  let run: CheckRun;
  try {
    if (ctx.options.json) throw new WizardError('usage', t('check.json'), t('check.jsonFix'));
    run = await look(ctx, options.thresholds, options.dailyLimit);
  } catch (error) {
    return unknown(ctx, error);
  }
  ctx.ui.print(renderCheck(run.verdict, { relay: run.relay, use: run.use, thresholds: options.thresholds }));
  ctx.outcome.result = run.verdict.state === 'ok' ? 'healthy' : 'problems';
  if (options.textfile) {
    const path = `${options.textfile}/${textfileName}`;
    try {
      // Readable by the node_exporter user; written whole or not at all (temp file, rename), so a scrape never sees half.
      await ctx.sys.writeFileAtomic(path, renderMetrics({ ...run, verdict: run.verdict }), { mode: 0o644 });
    } catch (error) {
      ctx.ui.print(
        renderUnknown(
          t('check.textfileFailed', { path, reason: (error as Error).message }),
          t('check.textfileFailedFix'),
        ),
      );
      return checkExit.unknown;
    }
  }
  return checkExit[run.verdict.state];
}

async function look(
  ctx: Context,
  thresholds: Parameters<typeof judge>[0]['thresholds'],
  dailyLimit: number | undefined,
): Promise<CheckRun> {
  const facts = await detect(ctx.sys, ctx.options.configDir);
  const postfix = requirePostfix(facts);
  const gathered = await gatherLocalFacts(ctx.sys, facts, postfix);
  const nowDate = ctx.sys.now();
  const now = Math.floor(nowDate.getTime() / 1000);
  const relay = parseRelayhost(postfix.settings.relayhost ?? '');
  const accounts = [
    ...(postfix.currentAccount ? [{ account: postfix.currentAccount, senders: [] as string[] }] : []),
    ...configuredSenderAccounts(postfix).map((a) => ({ account: a.account, senders: a.senders })),
  ];
  const sent = sentSince(gathered.read.logText, now - 86400, nowDate);
  const use = accountUse(sent, accounts, relay, dailyLimit);
  const consent = await readConsent(ctx.sys, postfix);
  const problems = findProblems(gathered.doctor);
  const verdict = judge({
    doctor: gathered.doctor,
    problems,
    queue: gathered.read.queue,
    use,
    ...(consent ? { consent } : {}),
    now,
    thresholds,
  });
  ctx.outcome.configDir = postfix.configDir;
  ctx.outcome.relay = postfix.settings.relayhost || undefined;
  return {
    verdict,
    failures: gathered.doctor.failures,
    use,
    relay: relay ? `${relay.host}:${relay.port}` : '',
    ...(consent ? { consent } : {}),
    now,
  };
}

function unknown(ctx: Context, error: unknown): ExitCodeValue {
  const e = error as WizardError;
  ctx.ui.print(renderUnknown(e?.message ?? String(error), e instanceof WizardError ? e.fix : undefined));
  return checkExit.unknown;
}
