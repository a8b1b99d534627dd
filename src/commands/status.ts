// `status`: what the relay setup looks like now, read-only (works without root where reading
// suffices). Its problems are doctor's rules, shown without a probe or a login.
import { ExitCode } from '../errors.js';
import type { Context } from '../flow/context.js';
import { describeFacts } from '../flow/detect/describe.js';
import { detect } from '../flow/detect/detect.js';
import { requirePostfix } from '../flow/detect/requirements.js';
import { statusReport } from '../flow/status/report.js';
import type { HostFacts } from '../flow/types.js';
import type { StatusReport } from '../outcome.js';
import { t } from '../ui/messages.js';
import { renderStatus } from '../ui/status-view.js';
import type { Command } from './command.js';

interface StatusRun {
  facts?: HostFacts;
  report?: StatusReport;
}

export const status: Command<StatusRun> = {
  start: () => ({}),
  steps: [examine, show],
  outcomeOf: ({ facts, report }) =>
    report && facts?.postfix
      ? {
          result: 'status',
          configDir: facts.postfix.configDir,
          account: report.account,
          relay: report.relayhost || undefined,
          auth: report.auth,
          status: report,
        }
      : {},
  // Like doctor: a problem listed is a non-zero exit, so scripts and monitoring notice it.
  exitOf: ({ report }) => (report && report.problems.length > 0 ? ExitCode.failed : ExitCode.ok),
};

async function examine(ctx: Context, run: StatusRun): Promise<void> {
  run.facts = await detect(ctx.sys, ctx.options.configDir, { listener: false });
  run.report = await statusReport(ctx, run.facts, requirePostfix(run.facts));
}

async function show(ctx: Context, { facts, report }: StatusRun): Promise<void> {
  if (!facts || !report) return;
  ctx.ui.note(renderStatus(describeFacts(facts), report), t('status.title'));
  for (const problem of report.problems) ctx.ui.warn(`${problem.message}\n${problem.fix ?? ''}`);
}
