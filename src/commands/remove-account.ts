// `remove --account ADDR`: take one sender-dependent account out — its entries in the password map
// and the sender → relay map — as a transaction; its senders go out through the default account again.
// The default account stays while others depend on it (refused, with the fix); alone, it is `remove`.
import { ExitCode, UsageError, type ExitCodeValue } from '../errors.js';
import { parseRelayhost } from '../gmail/relay.js';
import { compiledMapPaths, needsPostmap, postmapArgs } from '../postfix/maps.js';
import { passwordMapCredential } from '../postfix/password-map.js';
import { t } from '../ui/messages.js';
import { planSenderRelay } from '../flow/plan/accounts-plan.js';
import { configuredSenderAccounts, defaultAccount } from '../flow/ask/accounts.js';
import { showConfirmApply } from '../flow/apply/apply-plan.js';
import type { Context } from '../flow/context.js';
import { detect } from '../flow/detect/detect.js';
import { keychainKey, keychainState } from '../flow/ask/keychain-step.js';
import { readLocalFacts } from '../flow/detect/local-facts.js';
import { isOwnGenericMap, renderGenericMap } from '../flow/plan/options-plan.js';
import { passwordMapPath, renderPasswordMap, settingChanges } from '../flow/plan/plan.js';
import { requirePostfix, requireRoot } from '../flow/detect/requirements.js';
import { secretPaths } from '../flow/plan/secret-files.js';
import { buildPlan } from '../transaction/plan.js';
import { instanceDir } from '../postfix/postconf.js';

/** 'all': the account is the default and nothing else is configured — the whole `remove` applies. */
export async function removeAccount(ctx: Context, account: string): Promise<ExitCodeValue | 'all'> {
  const { sys, ui, options, outcome } = ctx;
  const facts = await detect(sys, options.configDir);
  const postfix = requirePostfix(facts);
  const wanted = account.trim().toLowerCase();
  const extras = configuredSenderAccounts(postfix);
  const current = defaultAccount(postfix);
  const target = extras.find((a) => a.account.toLowerCase() === wanted);
  if (!target) {
    if (current?.toLowerCase() !== wanted)
      throw new UsageError('unknown-account', t('accounts.removeUnknown', { account }), t('accounts.removeUnknownFix'));
    if (extras.length > 0)
      throw new UsageError(
        'remove-default-account',
        t('accounts.removeDefault', { account, others: extras.map((a) => a.account).join(', ') }),
        t('accounts.removeDefaultFix'),
      );
    return 'all';
  }
  if (!options.dryRun) requireRoot(facts, ctx.argv);
  const relayhost = postfix.settings.relayhost?.trim() ?? '';
  const relay = parseRelayhost(relayhost);
  const mapPath = passwordMapPath(postfix);
  const stored = passwordMapCredential(postfix.passwordMap?.content ?? '', relayhost);
  if (!relay || !stored)
    throw new UsageError('unknown-account', t('accounts.removeUnknown', { account }), t('accounts.removeUnknownFix'));
  const templates = await sys.loadTemplates(['sasl_passwd', 'sender_relay', 'generic']);
  const remaining = extras.filter((a) => a !== target);
  const entry = { account: stored.account, password: stored.password, relay };
  const type = postfix.defaultMapType;
  const senders = planSenderRelay(postfix, remaining, relayhost, templates.sender_relay);
  const settings = settingChanges(postfix, senders.settings);
  const plan = buildPlan(postfix.configDir, {
    settings,
    removeSettings: senders.removeSettings,
    files: [
      {
        path: mapPath,
        content: renderPasswordMap(templates.sasl_passwd, postfix, entry, remaining),
        mode: 0o600,
        secret: true,
        previous: postfix.passwordMap?.content,
        shown: renderPasswordMap(templates.sasl_passwd, postfix, entry, remaining, '********'),
      },
      ...senders.files,
    ],
    deletes: senders.deletes,
    commands: [
      ...(needsPostmap(type)
        ? [{ file: 'postmap', args: postmapArgs(instanceDir(postfix), type, mapPath), purpose: `${type}:${mapPath}` }]
        : []),
      ...senders.commands,
    ],
    touches: [
      `${postfix.configDir.replace(/\/+$/, '')}/main.cf`,
      mapPath,
      ...compiledMapPaths(type, mapPath),
      ...senders.touches,
    ],
    secretFiles: secretPaths([{ type, path: mapPath }]),
  });
  // The wizard's generic map rewrote the account's local senders to it: they go back to the default account.
  const local = await readLocalFacts(sys, postfix);
  if (isOwnGenericMap(local.settings.smtp_generic_maps, local)) {
    const content = renderGenericMap(templates.generic, local, stored.account, type, remaining);
    if (content !== local.generic.content) {
      plan.files.push({
        path: local.generic.path,
        content,
        mode: 0o644,
        secret: false,
        previous: local.generic.content,
      });
      if (needsPostmap(type))
        plan.commands.push({
          file: 'postmap',
          args: postmapArgs(instanceDir(postfix), type, local.generic.path),
          purpose: `${type}:${local.generic.path}`,
        });
      plan.touches.push(local.generic.path, ...compiledMapPaths(type, local.generic.path));
    }
  }
  outcome.account = target.account;
  outcome.configDir = postfix.configDir;
  const done = await showConfirmApply(ctx, postfix, plan, {
    title: t('accounts.removeTitle', { account: target.account }),
    explain: t('accounts.removeConfirm', {
      account: target.account,
      senders: target.senders.join(', '),
      default: stored.account,
    }),
    question: 'remove.confirm',
    initialValue: false,
    reason: 'remove',
    result: 'removed',
  });
  if (!done) return ExitCode.ok;
  ui.success(t('accounts.removed', { account: target.account, id: done.backup.id, default: stored.account }));
  if (options.purge) {
    // Only this account's keychain entry: the backups hold the default account's password too (`remove --purge` for those).
    const keychain = await keychainState(ctx);
    const removed =
      keychain.available && (await keychain.keychain?.remove(keychainKey(target.account, relay)).catch(() => false))
        ? 1
        : 0;
    outcome.purged = { backups: [], accounts: removed };
    ui.info(t('accounts.purged', { account: target.account, count: removed }));
  }
  return ExitCode.ok;
}
