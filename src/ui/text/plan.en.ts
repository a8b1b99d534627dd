// The plan phase (flow/plan/, ui/plan-view.ts, ui/plan-summary.ts): the plan as shown, the
// settings it replaces or takes out (hand-made relays, TLS overrides), secrets kept off screen.
// The one-screen plan of the terminal UI is in tui.en.ts.
export const planEn = {
  // flow/plan/confirm-plan.ts
  'ask.confirm': 'Apply this plan?',
  'plan.title': 'The plan',

  // ui/plan-view.ts, ui/plan-summary.ts
  'plan.mainCf': '{path} (settings that change):',
  'plan.newFile': '{path} (new, mode {mode}):',
  'plan.changedFile': '{path} (changed, mode {mode}):',
  'plan.commands': 'Commands:',
  'plan.binaryFile': '{path} (put back from the backup, {bytes} bytes)',
  'plan.deletes': 'Files to remove:',
  'plan.restart': 'Postfix will be stopped and started again: a reload does not apply a new inet_interfaces.',
  'plan.hiddenLines': '({count} lines, hidden: this file holds a password)',
  'plan.secretFixes': 'Files with a password that other users can read (made root-only before postmap runs):',
  'plan.secretRemove': '- {path} (mode {mode}): removed; postmap writes it again, root-only (0600)',
  'plan.secretChmod': '~ {path} (mode {mode}): chmod 0600',

  // ui/plan-view.ts: TLS overrides taken out; flow/plan/tls-fixes.ts
  'tls.overrides':
    "These settings would make Postfix use another TLS level for {nexthop} than main.cf's {level}; they are taken out:",
  'tls.override.master': 'master.cf {service}/{type}: -o {name}={value}',
  'tls.override.policy': '{map}: {key} {value}',
  'tls.refused':
    '{map} says "{key} {value}" for the relay: Postfix would use that instead of smtp_tls_security_level = secure, and could send the password to a server whose certificate it never checked. The wizard edits only hash, btree, lmdb, cdb, dbm, sdbm and texthash tables, not this one.',
  'tls.refusedFix': 'Take the entry for {key} out of {map} (or make its level "secure"), then run the wizard again.',

  // ui/plan-view.ts, ui/legacy-text.ts, ui/plan-summary.ts: a hand-made relay
  'legacy.plan': 'Left over from a hand-made setup; replaced in main.cf (`remove` puts them back):',
  'legacy.obsolete': '{name} = {value}: obsolete (Postfix warns about it since 3.9)',
  'legacy.misused.smtp_tls_CApath':
    '{name} = {value}: names a file, but Postfix reads only a directory of hashed certificates there — the bundle is never read',
  'legacy.misused.smtp_tls_CAfile': '{name} = {value}: names a directory, but Postfix reads a file there',
  'legacy.misused.smtp_tls_per_site': '{name} = {value}: ignored, because smtp_tls_policy_maps is set',
  'legacy.misused': '{name} = {value}: does not do what it seems to',
  'legacy.instead': 'instead: {settings}',
  'legacy.removed': 'taken out',
  'legacy.retired':
    "The password map main.cf named before ({path}) is replaced by the wizard's: its files are deleted (a copy stays in the backup, readable by root only):",
  'legacy.summary': 'Superseded by this setup (hand-made settings): {names}',
  'legacy.summaryRetired': 'The old password map {path} is replaced and deleted (a copy stays in the backup)',

  // commands/setup.ts, between the plan and its confirmation
  'plan.relayhostReplaced': 'Mail now goes out through {from}; after this change it goes through {to} instead.',
  'plan.nothing': 'Already configured this way: nothing to change.',
  'plan.dryRunDone': 'Dry run: nothing was changed, nothing was sent.',
  'accounts.replacesDefault':
    '{account} replaces {previous} as the default account (mail from every sender not listed for another account). To add it for some senders only, use --senders.',
  'accounts.added': '{account} will send mail from {senders}; every other sender still goes out as {default}.',
} as const;
