// The TLS level Postfix really uses for the relay (issue 11 item 3): overrides
// the plan takes out, the refusal when it cannot, and where status says the level comes from.
export const tlsEn = {
  'tls.overrides': 'These settings would make Postfix use another TLS level for {nexthop} than main.cf\'s {level}; they are taken out:',
  'tls.override.master': 'master.cf {service}/{type}: -o {name}={value}',
  'tls.override.policy': '{map}: {key} {value}',
  'tls.refused': '{map} says "{key} {value}" for the relay: Postfix would use that instead of smtp_tls_security_level = secure, and could send the password to a server whose certificate it never checked. The wizard edits only hash, btree, lmdb, cdb, dbm, sdbm and texthash tables, not this one.',
  'tls.refusedFix': 'Take the entry for {key} out of {map} (or make its level "secure"), then run the wizard again.',
  'tls.source.main.cf': 'main.cf',
  'tls.source.master.cf': 'master.cf {where}',
  'tls.source.policy-map': 'smtp_tls_policy_maps {where}',
  'tls.source.per-site': 'smtp_tls_per_site {where}',
  'tls.weaker': 'Postfix uses TLS level "{level}" for the relay ({source}), not "secure": the password may go to a server whose certificate was not verified.',
  'tls.weakerFix': 'Run the wizard again (sudo npx postfix-gmail-wizard): it takes the override out.',
  'apply.step.masterRemove': 'Removing master.cf overrides (postconf -PX)',
} as const;
