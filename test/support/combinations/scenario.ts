// One combination, step by step, as a machine accumulates it: the first setup with the options,
// the second and third accounts, the change, then what follows — an identical re-run, `test`,
// `remove --account` (and the restore of its backup), `remove`, the restore of remove's backup, and
// the restore of every setup's backup, newest first (or only the first setup's). After each step the checks of checks.ts; a
// re-run must change nothing, a remove must leave every effective value and file as before the
// first setup, a restore the configuration as before the step it undoes.
import { join } from 'node:path';
import { keptBackups } from '../../../src/transaction/backup.js';
import { configSnapshot, snapshotDiff, type ConfigSnapshot } from '../config-snapshot.js';
import { runWizard, type WizardRun } from '../wizard-process.js';
import { healthFindings, routingFindings, startingWarnings, type Routing } from './checks.js';
import { GMAIL, WORKSPACE, passwords, type ComboLab } from './lab.js';
import type { Combination } from './model.js';

export interface StepReport {
  step: string;
  ms: number;
  findings: string[];
}

const SECOND = 'billing@company.example';
const THIRD = 'ops@gmail.com';
const probes = { root: 'root', second: 'clerk@company.example', third: 'sales@invoices.example' };

interface Account {
  account: string;
  senders: string[];
}
/** What the wizard should have configured (undefined: nothing). */
interface Model {
  relay: string;
  defaultAccount: string;
  extra: Account[];
}

function routing(model: Model): Routing {
  const bySender: Record<string, string> = { [probes.root]: model.defaultAccount };
  const second = model.extra.find((a) => a.account === SECOND);
  const third = model.extra.find((a) => a.account === THIRD);
  bySender[probes.second] = second ? SECOND : model.defaultAccount;
  bySender[probes.third] = third ? THIRD : model.defaultAccount;
  return { relay: model.relay, bySender };
}

/**
 * `restores`: 'every' backup a setup step took, newest first (`npm run combos`), or only the first
 * setup's, which must give back the machine as it was (each `npm test`: the budget).
 */
export async function runScenario(
  lab: ComboLab,
  c: Combination,
  restores: 'every' | 'first' = 'every',
): Promise<StepReport[]> {
  const reports: StepReport[] = [];
  const dir = lab.postfix.configDir;
  const paths = ['--config-dir', dir, '--backup-dir', join(lab.postfix.base, 'backups')];
  const state = ['--state-dir', join(lab.postfix.base, 'state'), '--no-keychain'];
  const wizard = (args: string[], stdin?: string): Promise<WizardRun> =>
    runWizard([...args, ...paths, ...state, '--yes', '--json'], { stdin, secret: stdin?.trim() });
  const host = c.workspace ? WORKSPACE : GMAIL;
  let port = c.port465 ? 465 : 587;
  // The default relay without --relay, as most people run it; once moved, named (a re-run without
  // --relay keeps the Google relay in place, port included).
  let named = false;
  const relayArgs = () => (host === GMAIL && port === 587 && !named ? [] : ['--relay', `${host}:${port}`]);
  let defaultAccount = c.workspace ? 'admin@company.example' : 'someone@gmail.com';
  const setupArgs = (account: string, extra: string[] = []) => [
    ...relayArgs(),
    '--ca-file',
    lab.ca.caPath,
    '--account',
    account,
    '--password-stdin',
    '--no-test',
    ...extra,
  ];
  const options = [
    ...(c.mapSenders ? ['--map-senders'] : []),
    ...(c.loopbackOnly ? ['--loopback-only'] : []),
    ...(c.rootAlias ? ['--root-alias', 'admin@example.com'] : []),
  ];

  let model: Model | undefined;
  let lastSetup: string[] = [];
  const undo: { backup: string; before: ConfigSnapshot; step: string }[] = [];
  /**
   * The differences that must not be there. One is on purpose: the recipe's password file, which
   * others could read (0644), never comes back so — remove leaves it out, restore makes it 0600 —
   * and main.cf holds the recipe's lines again, in another order (every effective value as before).
   */
  const asBefore = (expected: ConfigSnapshot, now: ConfigSnapshot) =>
    snapshotDiff(expected, now).filter(
      (d) =>
        c.start !== 'seed-recipe' ||
        !(
          /^file main\.cf: /.test(d) ||
          /^file saslpass(\.db)?: 644 (entries )?(\w+) → (\(none\)|600 (entries )?\3)$/.test(d)
        ),
    );
  /** Every backup id the runs reported, oldest first. */
  const taken: string[] = [];
  const pristine = await configSnapshot(dir);
  // Taken after that snapshot on purpose: its `postmap -s hash:…saslpass` (the recipe's .db) is the first
  // open of the person's own hash: map, and sid's Postfix 3.11 logs "hash/btree support is deprecated" for
  // it — a warning of the starting point, which each later snapshot of that map (before a setup, after a
  // restore) repeats. The wizard itself neither compiles nor reads it (its maps use default_database_type).
  const known = await startingWarnings(lab.postfix);

  /** Runs one step: the checks after it, plus `expect`'s own findings. */
  const step = async (name: string, body: () => Promise<string[]>, check: 'routing' | 'health' = 'health') => {
    const started = Date.now();
    const logFrom = (await lab.postfix.readLog()).length;
    let findings: string[];
    try {
      findings = await body();
    } catch (error) {
      findings = [`threw: ${(error as Error).stack ?? error}`];
    }
    findings.push(...(await healthFindings(lab.postfix, logFrom, known)));
    if (check === 'routing' && model) findings.push(...(await routingFindings(lab, routing(model))));
    reports.push({ step: name, ms: Date.now() - started, findings });
    return findings.length === 0;
  };
  const outcomeOf = (run: WizardRun, wanted: number[]) => {
    const findings: string[] = [];
    let outcome: { result?: string; backupId?: string; error?: { code?: string; message?: string } } = {};
    try {
      outcome = JSON.parse(run.stdout);
      if (outcome.backupId) taken.push(outcome.backupId);
    } catch {
      findings.push(`no JSON on stdout: ${run.stdout.slice(0, 200)} ${run.stderr.slice(-500)}`);
    }
    if (!wanted.includes(run.code))
      findings.push(
        `exit ${run.code}: ${outcome.error ? `${outcome.error.code}: ${outcome.error.message}` : run.stderr.slice(-800)}`,
      );
    if (run.leaks.length > 0) findings.push(`the password was seen in /proc: ${run.leaks.join('; ')}`);
    return { findings, outcome };
  };
  const restore = async (backup: string, expected: ConfigSnapshot) => {
    // Only the newest ten are kept: an older one is refused by name and nothing changes.
    if (taken.length - taken.indexOf(backup) > keptBackups) {
      const before = await configSnapshot(dir);
      const { findings, outcome } = outcomeOf(await wizard(['restore', backup]), [2]);
      if (outcome.error?.code !== 'unknown-backup') findings.push(`a pruned backup: ${outcome.error?.code}`);
      findings.push(...snapshotDiff(before, await configSnapshot(dir)).map((d) => `refused, yet changed: ${d}`));
      return findings;
    }
    const { findings, outcome } = outcomeOf(await wizard(['restore', backup]), [0]);
    if (outcome.result !== 'restored') findings.push(`result ${outcome.result}, not restored`);
    findings.push(...asBefore(expected, await configSnapshot(dir)).map((d) => `not as before: ${d}`));
    return findings;
  };

  /** A setup that changes the machine: remembered for the identical re-run and the restores. */
  const setup = async (name: string, account: string, args: string[], next: Model, refusable = false) =>
    step(
      name,
      async () => {
        const before = await configSnapshot(dir);
        const run = await wizard(args, `${passwords[account]}\n`);
        const { findings, outcome } = outcomeOf(run, refusable ? [0, 2] : [0]);
        if (run.code === 2) {
          // Refused (a change of relay while other accounts hold passwords stored for the old one): nothing changed.
          findings.push(...snapshotDiff(before, await configSnapshot(dir)).map((d) => `refused, yet changed: ${d}`));
          return findings;
        }
        if (outcome.result !== 'configured') findings.push(`result ${outcome.result}, not configured`);
        if (outcome.backupId) undo.push({ backup: outcome.backupId, before, step: name });
        model = next;
        lastSetup = args;
        return findings;
      },
      'routing',
    );

  const first = setupArgs(defaultAccount, options);
  if (!(await setup('first setup', defaultAccount, first, { relay: `${host}:${port}`, defaultAccount, extra: [] })))
    return reports; // nothing else means anything after a failed first setup
  if (c.accounts >= 2) {
    const senders = [SECOND, probes.second];
    await setup('a second account for two addresses', SECOND, setupArgs(SECOND, ['--senders', senders.join(',')]), {
      ...model!,
      extra: [...model!.extra, { account: SECOND, senders }],
    });
  }
  if (c.accounts >= 3) {
    const senders = ['@invoices.example'];
    await setup('a third account for a domain', THIRD, setupArgs(THIRD, ['--senders', senders.join(',')]), {
      ...model!,
      extra: [...model!.extra, { account: THIRD, senders }],
    });
  }
  if (c.change === 'default-account') {
    defaultAccount = c.workspace ? 'boss@company.example' : 'other@gmail.com';
    await setup('the default account replaced', defaultAccount, setupArgs(defaultAccount, options), {
      ...model!,
      defaultAccount,
    });
  } else if (c.change === 'relay') {
    port = port === 465 ? 587 : 465;
    named = true;
    await setup(
      `the relay moved to port ${port}`,
      defaultAccount,
      setupArgs(defaultAccount, options),
      { ...model!, relay: `${host}:${port}` },
      model!.extra.length > 0,
    );
  }

  await step('the identical re-run', async () => {
    const before = await configSnapshot(dir);
    const account = lastSetup[lastSetup.indexOf('--account') + 1]!;
    const { findings, outcome } = outcomeOf(await wizard(lastSetup, `${passwords[account]}\n`), [0]);
    if (outcome.result !== 'unchanged') findings.push(`result ${outcome.result}, not unchanged`);
    findings.push(...snapshotDiff(before, await configSnapshot(dir)).map((d) => `the re-run changed: ${d}`));
    return findings;
  });

  await step('test', async () => {
    const run = await runWizard(['test', '--to', 'friend@example.com', '--wait', '60', '--json', ...paths, ...state]);
    const { findings, outcome } = outcomeOf(run, [0]);
    if (outcome.result !== 'delivered') findings.push(`result ${outcome.result}, not delivered`);
    return findings;
  });

  const removable = model!.extra.at(-1);
  if (removable) {
    const before = await configSnapshot(dir);
    const kept = model!;
    let backup: string | undefined;
    await step(
      `remove --account ${removable.account}`,
      async () => {
        const { findings, outcome } = outcomeOf(await wizard(['remove', '--account', removable.account]), [0]);
        if (outcome.result !== 'removed') findings.push(`result ${outcome.result}, not removed`);
        backup = outcome.backupId;
        model = { ...kept, extra: kept.extra.filter((a) => a !== removable) };
        return findings;
      },
      'routing',
    );
    if (backup) {
      await step(`restore of remove --account's backup`, async () => {
        model = kept;
        return restore(backup!, before);
      });
    }
  }

  const configured = await configSnapshot(dir);
  let removeBackup: string | undefined;
  await step('remove', async () => {
    const { findings, outcome } = outcomeOf(await wizard(['remove']), [0]);
    if (outcome.result !== 'removed') findings.push(`result ${outcome.result}, not removed`);
    removeBackup = outcome.backupId;
    findings.push(...asBefore(pristine, await configSnapshot(dir)).map((d) => `not as before setup: ${d}`));
    return findings;
  });
  const configuredModel = model;
  model = undefined;
  if (removeBackup) {
    model = configuredModel;
    await step("restore of remove's backup", () => restore(removeBackup!, configured), 'routing');
  }
  for (const { backup, before, step: name } of restores === 'every' ? undo.reverse() : undo.slice(0, 1)) {
    model = undefined;
    await step(`restore of the backup taken by "${name}"`, () => restore(backup, before));
  }
  return reports;
}
