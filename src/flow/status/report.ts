// status's report: the relay setup as it is now, read only (no probe, no login). Its problems are
// doctor's rules over the same facts (postfix/problems/): one rule list, one set of codes.
import { scheduleFiles, scheduledTextfile } from '../../distro/schedule.js';
import { maskInlineSecrets } from '../../postfix/inline-secrets.js';
import { signInInUse } from '../../postfix/sign-in.js';
import { parseRelayhost } from '../../gmail/relay.js';
import type { StatusReport } from '../../outcome.js';
import { rootAliasOf, wizardRootAlias } from '../../postfix/aliases.js';
import { isLoopbackOnly } from '../../postfix/networks.js';
import { findProblems } from '../../postfix/problems/index.js';
import { problemFix, problemTitle } from '../../ui/doctor-view.js';
import { configuredSenderAccounts } from '../ask/accounts.js';
import { keychainState, keychainStatus } from '../keychain/keychain-state.js';
import type { Context } from '../context.js';
import { readLocalFacts } from '../detect/local-facts.js';
import { gatherLocalFacts, sendingUse } from '../doctor/facts.js';
import { namedRelay } from '../doctor/reach.js';
import { isOwnGenericMap } from '../plan/options-plan.js';
import type { HostFacts, PostfixFacts, ScheduleFacts } from '../types.js';
import { deferredReasons, levelFromObsolete } from './queue-reasons.js';

export async function statusReport(
  ctx: Pick<Context, 'sys' | 'options'>,
  facts: HostFacts,
  postfix: PostfixFacts,
): Promise<StatusReport> {
  const { sys, options } = ctx;
  const s = postfix.settings;
  const relay = parseRelayhost(s.relayhost ?? '');
  const keychain = await keychainState(ctx);
  const keychainWord = await keychainStatus(keychain, postfix.currentAccount, relay);
  const accounts = await Promise.all(
    [
      ...(postfix.currentAccount ? [{ account: postfix.currentAccount, default: true, senders: [] as string[] }] : []),
      ...configuredSenderAccounts(postfix).map((a) => ({ account: a.account, default: false, senders: a.senders })),
    ].map(async (a) => ({ ...a, keychain: await keychainStatus(keychain, a.account, relay) })),
  );
  const lastTestText = await sys.readFile(`${options.stateDir}/last-test.json`).catch(() => undefined);
  const local = await readLocalFacts(sys, postfix);
  // doctor's facts as far as this machine alone tells them (the queue read once, and the log the verdict
  // reads); the relay as main.cf names it, not contacted.
  const machine = await gatherLocalFacts(sys, facts, postfix);
  const doctor = { ...machine.doctor, relay: await namedRelay(postfix) };
  const queue = machine.read.queue ?? [];
  const sending = sendingUse(sys, postfix, machine.read);
  const l = local.settings;
  const generic = l.smtp_generic_maps?.trim() ?? '';
  const mappedTo = isOwnGenericMap(generic, local)
    ? /^\S+\s+(\S+@\S+)\s*$/m.exec((local.generic.content ?? '').replace(/^#.*$/gm, ''))?.[1]
    : undefined;
  const aliasTo = rootAliasOf(local.aliases?.content);
  const loopbackOnly = isLoopbackOnly(l.inet_interfaces);
  const obsolete = levelFromObsolete(postfix);
  return {
    relayhost: s.relayhost ?? '',
    auth: signInInUse(s),
    account: postfix.currentAccount,
    // A password written inline (static:user:pw) is masked: status prints this, --json too.
    passwordMap: s.smtp_sasl_password_maps
      ? maskInlineSecrets('smtp_sasl_password_maps', s.smtp_sasl_password_maps)
      : undefined,
    mapType: postfix.defaultMapType,
    tlsLevel: postfix.tls?.effective.level ?? s.smtp_tls_security_level ?? '',
    tlsProtocols: s.smtp_tls_mandatory_protocols ?? '',
    ...(doctor.oauth
      ? {
          oauthTokens: doctor.oauth.tokens.map((tk) => ({
            path: tk.path,
            account: tk.account,
            ...(tk.expiry ? { expiry: new Date(tk.expiry * 1000).toISOString() } : {}),
            refreshed: new Date(tk.mtimeMs).toISOString(),
            ...(tk.consentExpiresAt ? { consentExpiry: new Date(tk.consentExpiresAt * 1000).toISOString() } : {}),
          })),
        }
      : {}),
    ...(s.smtp_sasl_auth_cache_name
      ? { authCache: { map: s.smtp_sasl_auth_cache_name, time: s.smtp_sasl_auth_cache_time ?? '' } }
      : {}),
    tls: {
      source: postfix.tls?.effective.source ?? 'main.cf',
      where: postfix.tls?.effective.where,
      mainCf: s.smtp_tls_security_level ?? '',
      ...(obsolete ? { obsolete } : {}),
    },
    caFile: s.smtp_tls_CAfile ?? '',
    running: postfix.running,
    keychain: keychainWord,
    keychainOwner: keychain.owner,
    ...(accounts.length > 0 ? { accounts } : {}),
    ...(sending.length > 0 ? { sending } : {}),
    ...monitorReport(local.schedule),
    queue: {
      total: queue.length,
      deferred: queue.filter((e) => e.queueName === 'deferred').length,
      reasons: deferredReasons(queue),
    },
    senderMap: generic ? { map: generic, account: mappedTo } : undefined,
    rootAlias: aliasTo ? { to: aliasTo, byWizard: wizardRootAlias(local.aliases?.content) !== undefined } : undefined,
    interfaces: { value: l.inet_interfaces ?? 'all', loopbackOnly },
    addressPreference: l.smtp_address_preference ?? 'any',
    openNetworks: [...doctor.openNetworks],
    lastTest: lastTestText ? (JSON.parse(lastTestText) as StatusReport['lastTest']) : undefined,
    // doctor's problems, each with its evidence; the fix says when doctor --fix repairs it.
    problems: findProblems(doctor).map((p) => ({
      code: p.code,
      message: [problemTitle(p), ...p.evidence].join('\n  '),
      fix: problemFix(p),
    })),
  };
}

/** The scheduled check's files that exist: a timer's units say systemd, a cron.d file cron. */
function monitorReport(schedule: ScheduleFacts | undefined): Pick<StatusReport, 'monitor'> {
  const files = schedule?.files ?? [];
  if (files.length === 0) return {};
  const kind = files.some((f) => scheduleFiles.systemd.includes(f.path)) ? 'systemd' : 'cron';
  const textfile = files.map((f) => scheduledTextfile(f.content)).find(Boolean);
  return { monitor: { kind, files: files.map((f) => f.path), ...(textfile ? { textfile } : {}) } };
}
