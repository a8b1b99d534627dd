// A relay someone set up by hand (issue 14): the settings setup replaces, the
// password map it retires, and what status says about such a machine.
export const legacyEn = {
  'legacy.plan': 'Left over from a hand-made setup; replaced in main.cf (`remove` puts them back):',
  'legacy.obsolete': '{name} = {value}: obsolete (Postfix warns about it since 3.9)',
  'legacy.misused.smtp_tls_CApath': '{name} = {value}: names a file, but Postfix reads only a directory of hashed certificates there — the bundle is never read',
  'legacy.misused.smtp_tls_CAfile': '{name} = {value}: names a directory, but Postfix reads a file there',
  'legacy.misused.smtp_tls_per_site': '{name} = {value}: ignored, because smtp_tls_policy_maps is set',
  'legacy.misused': '{name} = {value}: does not do what it seems to',
  'legacy.instead': 'instead: {settings}',
  'legacy.removed': 'taken out',
  'legacy.retired': 'The password map main.cf named before ({path}) is replaced by the wizard\'s: its files are deleted (a copy stays in the backup, readable by root only):',
  'legacy.tlsFrom': '{source}, from the obsolete {settings}',
  'legacy.tlsUnverified': 'Postfix uses TLS level "{level}" for the relay ({source}): it does not check the server\'s certificate, so the password could go to another server.',
  'legacy.tlsUnverifiedFix': 'Run the wizard again (sudo npx postfix-gmail-wizard): it sets smtp_tls_security_level = secure.',
  'legacy.status': 'main.cf has settings left over from a hand-made setup: {settings}.',
  'legacy.statusFix': 'Run the wizard again (sudo npx postfix-gmail-wizard): it replaces them with their current equivalents.',
  'legacy.deferred': '{count} deferred message(s): {cause} Postfix said: {detail}',
  'legacy.deferredFix': '{fix} Then run the wizard again: the waiting mail goes out with the new login.',
  'legacy.summary': 'Superseded by this setup (hand-made settings): {names}',
  'legacy.summaryRetired': 'The old password map {path} is replaced and deleted (a copy stays in the backup)',
  'legacy.queueReason': '{count} × {code}',
} as const;
