// `remove`: take the relay configuration out again — the settings the wizard
// owns and its password map — as a transaction; the rest of main.cf stays.
// The relay options go too (options-plan.ts): the generic map, root's alias,
// and the main.cf values the wizard replaced (inet_interfaces, …) put back,
// with the master.cf `-o` values and table entries its TLS fixes took out (plan/putback.ts).
import { ExitCode } from '../errors.js';
import type { CommandOutcome } from '../outcome.js';
import type { PostfixFacts } from '../flow/types.js';
import { runSteps, type Command } from './command.js';
import { compiledMapPaths } from '../postfix/maps.js';
import { readExplicitSettings, instanceDir } from '../postfix/postconf.js';
import { t, type MessageKey } from '../ui/messages.js';
import { type Applied, appliedOutcome, showConfirmApply } from '../flow/apply/apply-plan.js';
import type { Context } from '../flow/context.js';
import { detect } from '../flow/detect/detect.js';
import { readLocalFacts, readPutBackFacts } from '../flow/detect/local-facts.js';
import { optionRemoval, parseSaved } from '../flow/plan/options-plan.js';
import { offerPurge, type Purged } from '../flow/apply/purge.js';
import { passwordMapPath, settingChanges } from '../flow/plan/plan.js';
import { requirePostfix, requireRoot } from '../flow/detect/requirements.js';
import { planPutBack, type PutBackSkip, type PutBackSkipCode } from '../flow/plan/putback.js';
import { parseSavedRecord } from '../flow/plan/saved-record.js';
import { buildPlan, planIsEmpty, type Plan } from '../transaction/plan.js';
import { removeAccount, type RemoveAccountRun } from './remove-account.js';
import { senderRelayRemoval } from '../flow/plan/accounts-plan.js';

/** The main.cf parameters the wizard sets and remove takes out. */
export const ownedSettings = [
  'relayhost',
  'smtp_sasl_auth_enable',
  'smtp_sasl_password_maps',
  'smtp_sasl_tls_security_options',
  'smtp_tls_security_level',
  'smtp_tls_CAfile',
  'smtp_tls_wrappermode',
];

interface RemoveRun {
  /** remove --account: that account's own run (remove-account.ts). */
  account?: RemoveAccountRun;
  postfix?: PostfixFacts;
  plan?: Plan;
  /** The password map and its compiled forms: what makes a backup or keychain entry worth purging. */
  mapFiles: string[];
  /** The warnings about a person's edits since the setup, which stay. */
  skipped: string[];
  applied?: Applied;
  purged?: Purged;
}

export const remove: Command<RemoveRun> = {
  start: (ctx) => ({
    ...(ctx.options.account === undefined ? {} : { account: removeAccount.start(ctx) }),
    mapFiles: [],
    skipped: [],
  }),
  steps: [oneAccount, examine, planRemove, sayWhatStays, applyRemove, purge],
  outcomeOf,
  exitOf: () => ExitCode.ok,
};

function outcomeOf(run: RemoveRun): CommandOutcome {
  if (run.account && !run.account.whole) return removeAccount.outcomeOf(run.account);
  return {
    ...(run.plan && planIsEmpty(run.plan) ? { result: 'unchanged' as const } : appliedOutcome(run.applied, 'removed')),
    ...(run.purged ? { purged: run.purged } : {}),
  };
}

/** --account: one sender-dependent account goes; the default, alone, is the whole remove that follows. */
async function oneAccount(ctx: Context, run: RemoveRun): Promise<'stop' | undefined> {
  if (!run.account) return undefined;
  await runSteps(ctx, removeAccount, run.account);
  return run.account.whole ? undefined : 'stop';
}

async function examine(ctx: Context, run: RemoveRun): Promise<void> {
  const facts = await detect(ctx.sys, ctx.options.configDir);
  const postfix = requirePostfix(facts);
  if (!ctx.options.dryRun) requireRoot(facts, ctx.argv);
  run.postfix = postfix;
}

async function planRemove(ctx: Context, run: RemoveRun): Promise<void> {
  const { sys } = ctx;
  const postfix = run.postfix!;
  const explicit = await readExplicitSettings(sys, instanceDir(postfix));
  const local = await readLocalFacts(sys, postfix);
  const extra = optionRemoval(postfix, local, await sys.loadTemplates(['saved_settings']));
  const record = parseSavedRecord(local.saved.content);
  const back = planPutBack(postfix, record, await readPutBackFacts(sys, postfix, record));
  // Values the wizard recorded before changing them go back (options-plan.ts); a parameter it set
  // without such a record (a setup by an older version) is taken out, Postfix's default applies.
  // A recorded value that is still in place (a hand-made relay's own, equal to the wizard's) stays as it is.
  const putBack = new Set([
    ...Object.keys(extra.settings),
    ...extra.removeSettings,
    ...parseSaved(local.saved.content).keys(),
  ]);
  // smtp_sasl_security_options is no longer set; the value older versions wrote (noanonymous) goes, a person's own stays.
  const mapPath = passwordMapPath(postfix);
  // Only while the wizard's setup is in place (its record, or main.cf naming its map): a second
  // remove must not take out what the first one put back (a Debian smtp_tls_security_level = may).
  const configured =
    local.saved.content !== undefined ||
    (explicit.smtp_sasl_password_maps ?? '').split(/[\s,]+/).some((ref) => ref.endsWith(`:${mapPath}`));
  const oldSasl =
    configured && explicit.smtp_sasl_security_options === 'noanonymous' && !putBack.has('smtp_sasl_security_options')
      ? ['smtp_sasl_security_options']
      : [];
  const owned = configured ? ownedSettings.filter((name) => name in explicit && !putBack.has(name)) : [];
  // The sender-dependent accounts' settings and relay map go too (only where they name the wizard's map).
  const senders = senderRelayRemoval(postfix);
  const removeSettings = [...owned, ...oldSasl, ...extra.removeSettings, ...senders.removeSettings];
  const settings = settingChanges(postfix, extra.settings, { ...postfix.settings, ...local.settings });
  const mapFiles = [mapPath, ...compiledMapPaths(postfix.passwordMap?.type ?? postfix.defaultMapType, mapPath)];
  const mapDeletes = (await Promise.all(mapFiles.map(async (p) => ((await sys.fileInfo(p)) ? p : undefined)))).filter(
    (p): p is string => !!p,
  );
  const deletes = [...mapDeletes, ...senders.deletes, ...extra.deletes];
  const plan = buildPlan(
    postfix.configDir,
    {
      settings,
      removeSettings,
      files: extra.files,
      deletes,
      commands: extra.commands,
      touches: extra.touches,
      restart: extra.restart && postfix.running,
    },
    {
      files: back.files,
      commands: back.commands,
      touches: back.touches,
      ...(back.masterSettings.length > 0 ? { masterSettings: back.masterSettings } : {}),
    },
  );
  run.plan = plan;
  run.mapFiles = mapFiles;
  run.skipped = back.skipped.map(skipText);
}

/** A person's edit since the setup stays: said before the plan, and in --json. */
async function sayWhatStays(ctx: Context, run: RemoveRun): Promise<'stop' | undefined> {
  for (const warning of run.skipped) {
    ctx.ui.warn(warning);
    ctx.warnings.push(warning);
  }
  if (!planIsEmpty(run.plan!)) return undefined;
  ctx.ui.success(t('remove.nothing'));
  return 'stop';
}

async function applyRemove(ctx: Context, run: RemoveRun): Promise<'stop' | undefined> {
  run.applied = await showConfirmApply(ctx, run.postfix!, run.plan!, {
    title: t('remove.title'),
    question: 'remove.confirm',
    initialValue: false,
    reason: 'remove',
  });
  if (run.applied.dryRun) return 'stop';
  ctx.ui.success(t('remove.done', { id: run.applied.backupId }));
  return undefined;
}

async function purge(ctx: Context, run: RemoveRun): Promise<void> {
  run.purged = await offerPurge(ctx, run.mapFiles);
}

const skipKeys: Record<PutBackSkipCode, MessageKey> = {
  'master-changed': 'putback.masterChanged',
  'master-service-gone': 'putback.masterServiceGone',
  'table-changed': 'putback.tableChanged',
  'table-gone': 'putback.tableGone',
};

function skipText(skip: PutBackSkip): string {
  return t(skipKeys[skip.code], { where: skip.where, key: skip.key, value: skip.value, now: skip.now ?? '' });
}
