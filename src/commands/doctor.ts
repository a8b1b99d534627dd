// `doctor`: find what stops mail from leaving through the relay, and with --fix repair what can be
// repaired, as one transaction. Reads only, unless --fix. Exit 0: nothing found (or all fixed).
import { ExitCode } from '../errors.js';
import type { CommandOutcome } from '../outcome.js';
import { type Command, runSteps } from './command.js';
import { setup } from './setup.js';
import { consentsToRenew } from '../flow/doctor/reconsent.js';
import { defaultAccount } from '../flow/ask/accounts.js';
import { type Applied, appliedOutcome, showConfirmApply } from '../flow/apply/apply-plan.js';
import type { Context } from '../flow/context.js';
import { detect } from '../flow/detect/detect.js';
import { gatherDoctorFacts } from '../flow/doctor/facts.js';
import { repairPlan } from '../flow/plan/repair-plan.js';
import { requirePostfix, requireRoot } from '../flow/detect/requirements.js';
import type { HostFacts, PostfixFacts } from '../flow/types.js';
import { flushQueue } from '../postfix/queue.js';
import { findProblems } from '../postfix/problems/index.js';
import type { OauthFacts, Problem } from '../postfix/problems/types.js';
import { problemsJson, renderProblems } from '../ui/doctor-view.js';
import { t } from '../ui/messages.js';

interface DoctorRun {
  /** --fix. */
  fixing: boolean;
  facts?: HostFacts;
  postfix?: PostfixFacts;
  settings: Readonly<Record<string, string>>;
  problems: Problem[];
  oauth?: OauthFacts;
  /** Codes repaired by --fix. */
  fixed: string[];
  applied?: Applied;
  judged?: boolean;
}

export const doctor: Command<DoctorRun> = {
  start: (ctx) => ({ fixing: ctx.options.fix, settings: {}, problems: [], fixed: [] }),
  steps: [examine, report, fix, offerConsent, judged],
  outcomeOf,
  exitOf: (run) => (run.problems.length > 0 ? ExitCode.failed : ExitCode.ok),
};

function outcomeOf(run: DoctorRun): CommandOutcome {
  return {
    configDir: run.postfix?.configDir,
    relay: run.postfix?.settings.relayhost || undefined,
    ...appliedOutcome(run.applied),
    ...(run.judged
      ? {
          result: run.problems.length > 0 ? 'problems' : run.fixed.length > 0 ? 'fixed' : 'healthy',
          doctor: { problems: problemsJson(run.problems), ...(run.fixing ? { fixed: run.fixed } : {}) },
        }
      : {}),
  };
}

/** The verdict stands once every step ran (a run an error ended has none). */
async function judged(_ctx: Context, run: DoctorRun): Promise<void> {
  run.judged = true;
}

/** Read the machine (detect), then every fact the rules look at; change nothing. */
async function examine(ctx: Context, run: DoctorRun): Promise<void> {
  const progress = ctx.ui.progress(t('doctor.reading'));
  run.facts = await detect(ctx.sys, ctx.options.configDir, { listener: false });
  run.postfix = requirePostfix(run.facts);
  const gathered = await gatherDoctorFacts(ctx.sys, run.facts, run.postfix);
  run.settings = gathered.doctor.settings;
  run.problems = findProblems(gathered.doctor);
  run.oauth = gathered.doctor.oauth;
  progress.stop(t('doctor.read', { dir: run.postfix.configDir }));
}

async function report(ctx: Context, run: DoctorRun): Promise<void> {
  if (run.problems.length === 0) {
    ctx.ui.success(t('doctor.healthy', { relay: run.postfix?.settings.relayhost || '-' }));
    return;
  }
  ctx.ui.note(renderProblems(run.problems), t('doctor.title', { count: run.problems.length }));
  const fixable = run.problems.filter((p) => p.fixable).length;
  if (!ctx.options.fix) ctx.ui.info(fixable > 0 ? t('doctor.fixHint', { count: fixable }) : t('doctor.noneFixable'));
}

/** --fix: the fixable problems' repairs as one plan, shown, confirmed, applied; then look again. */
async function fix(ctx: Context, run: DoctorRun): Promise<void> {
  if (!ctx.options.fix || !run.facts || !run.postfix) return;
  const { plan, start, codes } = await repairPlan(ctx.sys, run.postfix, run.problems, run.settings);
  if (codes.length === 0) {
    if (run.problems.length > 0) ctx.ui.info(t('doctor.noneFixable'));
    return;
  }
  requireRoot(run.facts, ctx.argv);
  const applied = await showConfirmApply(ctx, run.postfix, plan, {
    title: t('doctor.planTitle'),
    whenEmpty: t('doctor.startOnly'),
    question: 'doctor.confirm',
    initialValue: true,
    reason: 'doctor',
    startIfStopped: start,
  });
  run.applied = applied;
  if (applied.dryRun) return;
  const before = new Set(run.problems.map((p) => p.code));
  // Mail that waited for what was just repaired is tried again now, not at the next queue run.
  if (
    run.problems.some((p) =>
      [
        'dns-failure',
        'map-not-compiled',
        'postfix-not-running',
        'tls-unverified',
        'mail-deferred',
        'wrappermode-mismatch',
        'relay-bypassed',
      ].includes(p.code),
    )
  ) {
    await flushQueue(ctx.sys, run.postfix);
  }
  await examine(ctx, run);
  // Repaired: nothing fixable is left under the code (mail still waiting from before the repair may be).
  run.fixed = [...before].filter(
    (code) => codes.includes(code) && !run.problems.some((p) => p.code === code && p.fixable),
  );
  ctx.ui.success(t('doctor.fixed', { codes: run.fixed.join(', ') || '-', id: applied.backupId }));
  if (run.problems.length > 0)
    ctx.ui.note(renderProblems(run.problems), t('doctor.remaining', { count: run.problems.length }));
}

const consentCodes = ['oauth-consent-revoked', 'oauth-consent-expired'];

/**
 * --fix at a terminal (not --yes, not --json): a consent Google refused is offered again for each account
 * it was refused for, in turn, through setup's own road for --account A --auth oauth with the client the
 * token file keeps. After each new consent doctor looks again: an account no longer refused is not asked.
 */
async function offerConsent(ctx: Context, run: DoctorRun): Promise<void> {
  const { options } = ctx;
  if (!options.fix || !ctx.ui.interactive || options.yes || options.json || options.dryRun) return;
  const before = run.problems.filter((p) => consentCodes.includes(p.code)).map((p) => p.code);
  const asked = new Set<string>();
  for (;;) {
    // Setup's road renews the default account's consent (OAuth signs in for it alone); a sender-dependent
    // account made by hand is left to the fix text, which names the command.
    const main = run.postfix ? defaultAccount(run.postfix)?.toLowerCase() : undefined;
    const renew = (await consentsToRenew(ctx.sys, run.problems, run.oauth)).find(
      (r) => !asked.has(r.account) && (main === undefined || r.account.toLowerCase() === main),
    );
    if (!renew) break;
    asked.add(renew.account);
    if (!(await ctx.ui.confirm({ message: t('doctor.reconsent.ask', { account: renew.account }), initialValue: true })))
      continue;
    const setupCtx: Context = { ...ctx, options: { ...options, account: renew.account, auth: 'oauth', fix: false } };
    await runSteps(setupCtx, setup, { ...setup.start(setupCtx), oauthInputs: { client: renew.client } });
    await examine(ctx, run);
  }
  run.fixed.push(...before.filter((code) => !run.problems.some((p) => p.code === code)));
}
