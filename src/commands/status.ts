// `status`: what the relay setup looks like now, read-only (works without root
// where reading suffices).
import { ExitCode } from '../errors.js';
import type { Command } from './command.js';
import type { HostFacts, PostfixFacts } from '../flow/types.js';
import { readQueueAndLog } from '../flow/doctor/failures.js';
import { sendingUse } from '../flow/doctor/facts.js';
import { t } from '../ui/messages.js';
import type { Context } from '../flow/context.js';
import { detect } from '../flow/detect/detect.js';
import { describeFacts } from '../flow/detect/describe.js';
import { parseRelayhost } from '../gmail/relay.js';
import { keychainState, keychainStatus, keychainStatusText } from '../flow/ask/keychain-step.js';
import { readLocalFacts } from '../flow/detect/local-facts.js';
import { isOwnGenericMap } from '../flow/plan/options-plan.js';
import { rootAliasOf, wizardRootAlias } from '../postfix/aliases.js';
import { isLoopbackOnly, openNetworks } from '../postfix/networks.js';
import type { StatusReport } from '../outcome.js';
import type { TlsSource } from '../postfix/tls-policy.js';
import { relayProblems, requirePostfix } from '../flow/detect/requirements.js';
import { exposedSecretFiles } from '../flow/plan/secret-files.js';
import { deferredReasons, legacyProblems, levelFromObsolete } from './status-legacy.js';
import { configuredSenderAccounts } from '../flow/ask/accounts.js';
import { maskInlineSecrets } from '../postfix/inline-secrets.js';

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
          status: report,
        }
      : {},
  // Like doctor: a problem listed is a non-zero exit, so scripts and monitoring notice it.
  exitOf: ({ report }) => (report && report.problems.length > 0 ? ExitCode.failed : ExitCode.ok),
};

async function examine(ctx: Context, run: StatusRun): Promise<void> {
  run.facts = await detect(ctx.sys, ctx.options.configDir);
  run.report = await statusReport(ctx, run.facts, requirePostfix(run.facts));
}

async function show(ctx: Context, { facts, report }: StatusRun): Promise<void> {
  if (!facts || !report) return;
  ctx.ui.note(renderStatus(describeFacts(facts), report), t('status.title'));
  for (const problem of report.problems) ctx.ui.warn(`${problem.message}\n${problem.fix ?? ''}`);
}

async function statusReport(ctx: Context, facts: HostFacts, postfix: PostfixFacts): Promise<StatusReport> {
  const { sys, options } = ctx;
  const s = postfix.settings;
  const keychain = await keychainState(ctx);
  const keychainWord = await keychainStatus(keychain, postfix.currentAccount, parseRelayhost(s.relayhost ?? ''));
  const relay = parseRelayhost(s.relayhost ?? '');
  const accounts = await Promise.all(
    [
      ...(postfix.currentAccount ? [{ account: postfix.currentAccount, default: true, senders: [] as string[] }] : []),
      ...configuredSenderAccounts(postfix).map((a) => ({ account: a.account, default: false, senders: a.senders })),
    ].map(async (a) => ({ ...a, keychain: await keychainStatus(keychain, a.account, relay) })),
  );
  // The queue once, and the log the verdict reads (journald's trusted lines where Postfix logs there).
  const read = await readQueueAndLog(sys, postfix);
  const queue = read.queue ?? [];
  const sending = sendingUse(sys, postfix, read);
  const lastTestText = await sys.readFile(`${options.stateDir}/last-test.json`).catch(() => undefined);
  const local = await readLocalFacts(sys, postfix);
  const l = local.settings;
  const generic = l.smtp_generic_maps?.trim() ?? '';
  const mappedTo = isOwnGenericMap(generic, local)
    ? /^\S+\s+(\S+@\S+)\s*$/m.exec((local.generic.content ?? '').replace(/^#.*$/gm, ''))?.[1]
    : undefined;
  const aliasTo = rootAliasOf(local.aliases?.content);
  const loopbackOnly = isLoopbackOnly(l.inet_interfaces);
  const reasons = deferredReasons(queue);
  const obsolete = levelFromObsolete(postfix);
  const tls = {
    source: postfix.tls?.effective.source ?? 'main.cf',
    where: postfix.tls?.effective.where,
    mainCf: s.smtp_tls_security_level ?? '',
    ...(obsolete ? { obsolete } : {}),
  };
  const open = loopbackOnly ? [] : openNetworks(l, postfix.explicit);
  const report: StatusReport = {
    relayhost: s.relayhost ?? '',
    account: postfix.currentAccount,
    passwordMap: s.smtp_sasl_password_maps
      ? maskInlineSecrets('smtp_sasl_password_maps', s.smtp_sasl_password_maps)
      : undefined,
    mapType: postfix.defaultMapType,
    tlsLevel: postfix.tls?.effective.level ?? s.smtp_tls_security_level ?? '',
    tls,
    caFile: s.smtp_tls_CAfile ?? '',
    running: postfix.running,
    keychain: keychainWord,
    keychainOwner: keychain.owner,
    ...(accounts.length > 0 ? { accounts } : {}),
    ...(sending.length > 0 ? { sending } : {}),
    queue: { total: queue.length, deferred: queue.filter((e) => e.queueName === 'deferred').length, reasons },
    senderMap: generic ? { map: generic, account: mappedTo } : undefined,
    rootAlias: aliasTo ? { to: aliasTo, byWizard: wizardRootAlias(local.aliases?.content) !== undefined } : undefined,
    interfaces: { value: l.inet_interfaces ?? 'all', loopbackOnly },
    addressPreference: l.smtp_address_preference ?? 'any',
    openNetworks: open,
    lastTest: lastTestText ? (JSON.parse(lastTestText) as StatusReport['lastTest']) : undefined,
    problems: [
      ...relayProblems(facts, postfix).map((p) => ({ code: p.code, message: p.message, fix: p.fix })),
      ...(s.relayhost &&
      postfix.tls &&
      postfix.tls.effective.source !== 'main.cf' &&
      postfix.tls.effective.level !== 'secure'
        ? [
            {
              code: 'tls-overridden',
              message: t('tls.weaker', {
                level: postfix.tls.effective.level,
                source: tlsSourceText(postfix.tls.effective),
              }),
              fix: t('tls.weakerFix'),
            },
          ]
        : []),
      ...(open.length > 0
        ? [
            {
              code: 'open-mynetworks',
              message: t('mynetworks.open', { networks: open.join(', ') }),
              fix: t('mynetworks.fix'),
            },
          ]
        : []),
      ...exposedProblem([...exposedSecretFiles(postfix.passwordMap), ...exposedSecretFiles(postfix.wizardMap)]),
      ...legacyProblems(postfix, reasons, tlsSourceText(tls)),
    ],
  };
  return report;
}

const tlsSourceKeys = {
  'main.cf': 'tls.source.main.cf',
  'master.cf': 'tls.source.master.cf',
  'policy-map': 'tls.source.policy-map',
  'per-site': 'tls.source.per-site',
} as const;

function tlsSourceText(tls: { source: TlsSource; where?: string; obsolete?: string }): string {
  const source = t(tlsSourceKeys[tls.source], { where: tls.where ?? '' });
  return tls.source === 'main.cf' && tls.obsolete ? t('legacy.tlsFrom', { source, settings: tls.obsolete }) : source;
}

function renderStatus(summary: string, r: StatusReport): string {
  const last = r.lastTest
    ? t('status.lastTest', {
        status: r.lastTest.status,
        to: r.lastTest.to,
        at: r.lastTest.at ?? '?',
        id: r.lastTest.queueId ?? '?',
      })
    : t('status.noTest');
  return [
    summary,
    `${t('status.relay')}: ${r.relayhost || t('status.none')}`,
    `${t('status.account')}: ${r.account ?? t('status.none')}`,
    `${t('status.map')}: ${r.passwordMap ?? t('status.none')}`,
    `${t('status.tls')}: ${r.tlsLevel || t('status.none')} — ${tlsSourceText(r.tls)}${r.caFile ? ` (${r.caFile})` : ''}`,
    `${t('status.keychain')}: ${keychainStatusText(r.keychain, r.account, r.keychainOwner)}`,
    ...(r.accounts && r.accounts.length > 1
      ? [`${t('accounts.statusLine')}:`, ...r.accounts.map((a) => `  ${accountLine(a, r.keychainOwner)}`)]
      : []),
    `${t('status.senders')}: ${r.senderMap ? (r.senderMap.account ? t('status.sendersMapped', { account: r.senderMap.account, map: r.senderMap.map }) : r.senderMap.map) : t('status.sendersNone')}`,
    `${t('status.rootAlias')}: ${r.rootAlias ? `${r.rootAlias.to}${r.rootAlias.byWizard ? ` ${t('status.byWizard')}` : ''}` : t('status.rootAliasNone')}`,
    `${t('status.listen')}: ${t(r.interfaces.loopbackOnly ? 'status.listenLoopback' : 'status.listenNetwork', { value: r.interfaces.value })}`,
    `${t('status.addressPreference')}: ${r.addressPreference}`,
    ...(r.sending ?? []).map(
      (u) =>
        `${t('status.sent')}: ${t('status.sentCount', { account: u.account, sent: u.sent, limit: u.limit, percent: Math.floor((u.sent * 100) / Math.max(1, u.limit)) })}`,
    ),
    `${t('status.queue')}: ${t('status.queueCounts', { total: r.queue.total, deferred: r.queue.deferred })}${r.queue.reasons.length > 0 ? ` (${r.queue.reasons.map((q) => t('legacy.queueReason', { count: q.count, code: q.code })).join(', ')})` : ''}`,
    `${t('status.last')}: ${last}`,
  ].join('\n');
}

function accountLine(a: NonNullable<StatusReport['accounts']>[number], owner: string | undefined): string {
  const keychain = keychainStatusText(a.keychain, a.account, owner);
  return a.default
    ? t('accounts.statusDefault', { account: a.account, keychain })
    : t('accounts.statusExtra', { account: a.account, senders: a.senders.join(', '), keychain });
}

function exposedProblem(files: { path: string; mode: number }[]): StatusReport['problems'] {
  if (files.length === 0) return [];
  const listed = files.map((f) => `${f.path} (${f.mode.toString(8).padStart(4, '0')})`).join(', ');
  return [
    {
      code: 'password-file-readable',
      message: t('status.secretReadable', { files: listed }),
      fix: t('status.secretReadableFix', { paths: files.map((f) => f.path).join(' ') }),
    },
  ];
}
