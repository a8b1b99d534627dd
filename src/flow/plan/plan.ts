// plan: a pure function (facts, answers, templates) → Plan. A plan with
// nothing in it is how a re-run with the same answers changes nothing.
import { renderTemplate } from './render-template.js';
import { relayhostValue, type Relay } from '../../gmail/relay.js';
import { compiledMapPaths, needsPostmap, postmapArgs } from '../../postfix/maps.js';
import { isErrorTransport } from '../../postfix/transports.js';
import { instanceDir, type Settings } from '../../postfix/postconf.js';
import type { TemplateName } from '../../system/templates.js';
import { parseSaved, planOptions } from './options-plan.js';
import { readableByOthers, secretFileFixes, secretPaths } from './secret-files.js';
import { planTlsFixes } from './tls-fixes.js';
import type { Answers, HostFacts, PostfixFacts } from '../types.js';
import type { PlannedCommand, SettingChange } from '../../transaction/plan.js';
import { planLegacy, retiredMapFiles } from './legacy-plan.js';
import { type PlanNotes, type ShownFile, type ShownPiece, type ShownPlan, shownPlan } from './plan-part.js';
import { passwordMapPath } from '../../postfix/wizard-files.js';
import { passwordMapCredential } from '../../postfix/password-map.js';
import { currentSenderAccounts, planSenderRelay, plannedSenderAccounts } from './accounts-plan.js';
import type { SenderAccount } from '../../postfix/sender-maps.js';
import { noLoginPiece } from './no-login-plan.js';
import { authCacheSettings, hardening } from '../../postfix/hardening.js';
import { signInInUse } from '../../postfix/sign-in.js';
import { oauthFilesPiece } from './oauth-plan.js';
import { oauthLeftoversPiece } from './oauth-leftovers.js';

export const passwordPlaceholder = '<app password>';
const maskedPassword = '********';
const secretMode = 0o600;

export { passwordMapPath };

/** What main.cf must say for mail to leave through the relay. */
export function desiredSettings(postfix: PostfixFacts, answers: Answers): Settings {
  const current = postfix.settings;
  // --auth none: no login at all (no-login-plan.ts takes the SASL settings out).
  const login: Settings =
    answers.auth === 'none'
      ? {}
      : {
          smtp_sasl_auth_enable: 'yes',
          smtp_sasl_password_maps: `${postfix.defaultMapType}:${passwordMapPath(postfix)}`,
          // smtp_sasl_security_options keeps Postfix's default (noplaintext, noanonymous):
          // PLAIN/LOGIN are allowed only inside TLS, which the level below makes mandatory.
          smtp_sasl_tls_security_options: 'noanonymous',
          // OAuth: only XOAUTH2 (sasl-xoauth2), whose "password" is the token file's path.
          ...(answers.auth === 'oauth' ? { smtp_sasl_mechanism_filter: 'xoauth2' } : {}),
        };
  const desired: Settings = {
    relayhost: relayhostValue(answers.relay),
    ...login,
    // "secure": verify the chain and that the certificate names the relay, so
    // the password goes to nobody else (the classic recipe's "may" did not).
    smtp_tls_security_level: 'secure',
    smtp_tls_CAfile: answers.caFile,
  };
  // A refused password not tried again and again; TLS 1.2 at least (postfix/hardening.ts). No login, no login cache.
  const hardened = hardening(postfix, postfix.explicit);
  if (answers.auth === 'none') for (const name of authCacheSettings) delete hardened[name];
  Object.assign(desired, hardened);
  if (answers.relay.implicitTls) desired.smtp_tls_wrappermode = 'yes';
  else if (current.smtp_tls_wrappermode === 'yes') desired.smtp_tls_wrappermode = 'no';
  // Debian's "Local only" install routes every non-local message to the
  // error transport; mail would never reach the relay.
  if (isErrorTransport(current.default_transport)) desired.default_transport = 'smtp';
  if (isErrorTransport(current.relay_transport)) desired.relay_transport = 'relay';
  return desired;
}

/** `answers` names the default account (the relay's entry); `senders` the sender-dependent ones after it. */
export function renderPasswordMap(
  template: string,
  postfix: PostfixFacts,
  answers: { account: string; password?: string; relay: Relay },
  senders: readonly SenderAccount[] = [],
  mask?: string,
): string {
  return renderTemplate(template, {
    account: answers.account,
    password: mask ?? answers.password ?? passwordPlaceholder,
    relayhost: relayhostValue(answers.relay),
    mapType: postfix.defaultMapType,
    path: passwordMapPath(postfix),
    senders: senders.flatMap((a) =>
      a.senders.map((sender) => ({ sender, account: a.account, password: mask ?? a.password })),
    ),
  });
}

export function plan(facts: HostFacts, answers: Answers, templates: Record<TemplateName, string>): ShownPlan {
  const postfix = facts.postfix;
  if (!postfix) throw new Error('plan() needs an installed Postfix; detect reports its absence first');
  // The relay options (options-plan.ts): their settings join the one postconf -e batch.
  const desired = desiredSettings(postfix, answers);
  const nexthop = relayhostValue(answers.relay);
  const mapPath = passwordMapPath(postfix);
  // --map-senders rewrites local senders to the default account, whichever account a run adds.
  const defaultAccount = answers.senders ? (postfix.currentAccount ?? answers.account) : answers.account;
  const senders = planSenderRelay(
    postfix,
    plannedSenderAccounts(currentSenderAccounts(postfix, mapPath), answers, passwordPlaceholder),
    nexthop,
    templates.sender_relay ?? '',
  );
  // The TLS fixes first, so that what they take out is recorded with the replaced main.cf values
  // (the options set no TLS parameter: `desired` holds every one main.cf will say).
  const tls = postfix.tls?.nexthop === nexthop ? planTlsFixes(postfix, postfix.tls, desired) : undefined;
  // A hand-made relay's superseded settings: replaced in the same batch, their old values recorded for remove.
  const legacy = planLegacy(postfix.legacy, desired);
  const options = answers.options
    ? planOptions(
        postfix,
        answers.options,
        defaultAccount,
        templates,
        { ...desired, ...legacy.settings, ...senders.settings },
        { ...takenOver(postfix, desired), ...legacy.removed },
        tls?.takenOut,
        senders.accounts,
      )
    : undefined;
  const current = { ...postfix.settings, ...answers.options?.local.settings };
  // Back to a password from OAuth: the mechanism filter the person had before the wizard's xoauth2 comes back.
  const filterBack = leavingOauth(postfix, answers) ? filterBefore(answers) : undefined;
  const wanted: Settings = {
    ...desired,
    ...legacy.settings,
    ...options?.settings,
    ...senders.settings,
    ...(filterBack !== undefined ? { smtp_sasl_mechanism_filter: filterBack } : {}),
  };
  const settings = settingChanges(postfix, wanted, current);
  const map = postfix.passwordMap?.path === mapPath ? postfix.passwordMap : undefined;
  // A map main.cf named elsewhere (the recipe's /etc/postfix/saslpass) still holds a password.
  const superseded = postfix.passwordMap && !map ? postfix.passwordMap : undefined;
  // What is at our path now, named by main.cf or not (a leftover holds a password too).
  const onDisk = map ?? postfix.wizardMap;
  const files: ShownFile[] = [];
  // --senders: answers.account is an extra account; the relay's entry keeps the default account (accounts.ts checked it exists).
  const senderAccounts = senders.accounts;
  const stored = map?.content !== undefined ? passwordMapCredential(map.content, nexthop) : undefined;
  const defaultEntry =
    answers.senders && stored
      ? { ...stored, relay: answers.relay }
      : {
          account: answers.account,
          password: answers.oauth ? answers.oauth.files.tokenPathForSmtp : answers.credential?.password,
          relay: answers.relay,
        };
  const keepStoredPassword =
    !answers.senders &&
    !answers.oauth &&
    answers.credential === undefined &&
    postfix.currentAccount === answers.account &&
    map?.content !== undefined;
  const content = keepStoredPassword
    ? (map?.content ?? '')
    : renderPasswordMap(templates.sasl_passwd, postfix, defaultEntry, senderAccounts);
  if (onDisk?.content !== content || onDisk.mode !== secretMode || readableByOthers(onDisk)) {
    // Only the wizard's own rendering may be shown, password masked; a kept (maybe hand-written) map never is.
    const shown = keepStoredPassword
      ? undefined
      : renderPasswordMap(templates.sasl_passwd, postfix, defaultEntry, senderAccounts, maskedPassword);
    files.push({
      path: mapPath,
      content,
      mode: secretMode,
      secret: true,
      previous: onDisk?.content,
      ...(shown ? { shown } : {}),
    });
  }
  const type = postfix.defaultMapType;
  const mapTypeChanged = postfix.settings.smtp_sasl_password_maps !== `${type}:${mapPath}`;
  // The map it replaces goes (it is in the backup), unless something else still reads it: then it is made 0600.
  const retired = retiredMapFiles(superseded, postfix.configDir);
  const secretFixes = secretFileFixes(onDisk, retired.length > 0 ? undefined : superseded);
  const commands: PlannedCommand[] = [];
  if (
    needsPostmap(type) &&
    (files.length > 0 || !map?.compiledCurrent || mapTypeChanged || secretFixes.some((f) => f.action === 'remove'))
  ) {
    commands.push({
      file: 'postmap',
      args: postmapArgs(instanceDir(postfix), type, mapPath),
    });
  }
  // The wizard once weakened smtp_sasl_security_options to noanonymous; its default comes back.
  const oldSasl =
    postfix.explicit.includes('smtp_sasl_security_options') &&
    postfix.settings.smtp_sasl_security_options === 'noanonymous';
  // Back to a password from OAuth: the XOAUTH2-only filter goes, unless a filter of the person's own comes back.
  const oauthFilter =
    filterBack === undefined &&
    leavingOauth(postfix, answers) &&
    postfix.explicit.includes('smtp_sasl_mechanism_filter');
  const removeSettings = [
    ...(oauthFilter ? ['smtp_sasl_mechanism_filter'] : []),
    ...(options?.removeSettings ?? []),
    ...senders.removeSettings,
    ...(oldSasl ? ['smtp_sasl_security_options'] : []),
    ...legacy.removeSettings.filter((n) => !(n in wanted)),
  ];
  const loginPiece: ShownPiece = {
    settings,
    removeSettings,
    files,
    commands,
    deletes: retired,
    touches: [
      ...(files.length > 0 || commands.length > 0 ? [mapPath, ...compiledMapPaths(type, mapPath)] : []),
      ...secretFixes.map((f) => f.path),
    ],
    secretFixes,
    secretFiles: secretPaths([{ type, path: mapPath }, onDisk, superseded]),
  };
  const passwordMap = answers.auth === 'none' ? noLoginPiece(postfix, loginPiece, onDisk) : loginPiece;
  const relayOptions: ShownPiece | undefined = options && {
    files: options.files,
    deletes: options.deletes,
    commands: options.commands,
    touches: options.touches,
    restart: options.restart && postfix.running,
  };
  const tlsFixes: ShownPiece | undefined = tls && {
    files: tls.files,
    commands: tls.commands,
    touches: tls.touches,
    ...(tls.overrides.length > 0 ? { masterRemovals: tls.masterRemovals } : {}),
  };
  const senderRelay: ShownPiece = {
    files: senders.files,
    deletes: senders.deletes,
    commands: senders.commands,
    touches: senders.touches,
  };
  // Said beside the changes, for the person: what overrode the TLS level, the superseded settings, the retired map.
  const notes: PlanNotes = {
    ...(tls && tls.overrides.length > 0
      ? { tlsOverrides: tls.overrides, tlsTarget: { nexthop, level: wanted.smtp_tls_security_level ?? '' } }
      : {}),
    ...(legacy.shown.length > 0 ? { legacy: legacy.shown } : {}),
    ...(superseded && retired.length > 0 ? { retiredMap: { path: superseded.path, files: retired } } : {}),
  };
  const oauth = answers.oauth && oauthFilesPiece(answers.oauth, templates);
  // The token files no account signs in with after this run (and, OAuth left, the plugin configs).
  const oauthLeft = postfix.oauthFiles && oauthLeftoversPiece(postfix.oauthFiles, answers.oauth?.files.tokenPath);
  const said = Object.keys(notes).length > 0 ? notes : undefined;
  return shownPlan(postfix.configDir, said, oauth, oauthLeft, passwordMap, senderRelay, relayOptions, tlsFixes);
}

/** A password from now on where Postfix signs in with OAuth today. */
function leavingOauth(postfix: PostfixFacts, answers: Answers): boolean {
  return answers.auth === undefined && signInInUse(postfix.settings) === 'oauth';
}

/** The filter main.cf set before the wizard's xoauth2 (its saved record), when there was one. */
function filterBefore(answers: Answers): string | undefined {
  const before = parseSaved(answers.options?.local.saved.content).get('smtp_sasl_mechanism_filter');
  return before && before.trim().toLowerCase() !== 'xoauth2' ? before : undefined;
}

/**
 * Taking over a relay set up by hand (main.cf names another password map): the values it set that
 * equal the wizard's are recorded too, so that `remove` leaves them as they were rather than taking them out.
 */
function takenOver(postfix: PostfixFacts, desired: Settings): Settings {
  const own = `${postfix.configDir.replace(/\/+$/, '')}/sasl_passwd`;
  if (!postfix.passwordMap || postfix.passwordMap.path === own) return {};
  return Object.fromEntries(
    Object.entries(desired).filter(
      ([name, value]) => postfix.explicit.includes(name) && postfix.settings[name] === value,
    ),
  );
}

/** `from` is the main.cf line that goes away; empty where only a default applied. */
export function settingChanges(
  postfix: PostfixFacts,
  desired: Settings,
  current: Settings = postfix.settings,
): SettingChange[] {
  return Object.entries(desired)
    .filter(([name, value]) => (current[name] ?? '') !== value)
    .map(([name, to]) => ({ name, from: postfix.explicit.includes(name) ? (current[name] ?? '') : '', to }));
}
