// The `status` command (commands/status.ts, commands/status-legacy.ts). Its keychain line is
// in ask-keychain.en.ts, its mynetworks warning in ask-relay.en.ts.
export const statusEn = {
  // commands/status.ts
  'status.title': 'Relay status',
  'status.relay': 'Relay',
  'status.account': 'Account',
  'status.map': 'Password map',
  'status.tls': 'TLS level',
  'status.sent': 'Sent in 24 h',
  'status.sentCount': '{account}: {sent} of {limit} recipients a day ({percent} %)',
  'status.queue': 'Queue',
  'status.queueCounts': '{total} message(s), {deferred} deferred',
  'status.last': 'Last test',
  'status.lastTest': '{status} to {to} at {at} (queue id {id})',
  'status.noTest': 'none recorded',
  'status.none': '(none)',
  'status.senders': 'Local senders',
  'status.sendersMapped': 'sent as {account} ({map})',
  'status.sendersNone': 'not mapped',
  'status.rootAlias': 'Mail for root',
  'status.byWizard': '(set by the wizard)',
  'status.rootAliasNone': 'local mailbox',
  'status.listen': 'Accepts mail from',
  'status.listenLoopback': 'this machine only (inet_interfaces = {value})',
  'status.listenNetwork': 'the network (inet_interfaces = {value})',
  'status.addressPreference': 'Preferred address family (smtp_address_preference)',
  'accounts.statusLine': 'Accounts',
  'accounts.statusDefault': '{account} (default: every other sender) — {keychain}',
  'accounts.statusExtra': '{account} for {senders} — {keychain}',

  // commands/status.ts: problems it lists
  'legacy.tlsFrom': '{source}, from the obsolete {settings}',
  'legacy.queueReason': '{count} × {code}',
  'status.secretReadable': 'Other users can read the Gmail app password: {files}.',
  'status.secretReadableFix': 'Run the wizard again (it makes them root-only), or: chmod 600 {paths}',
  'tls.source.main.cf': 'main.cf',
  'tls.source.master.cf': 'master.cf {where}',
  'tls.source.policy-map': 'smtp_tls_policy_maps {where}',
  'tls.source.per-site': 'smtp_tls_per_site {where}',
  'tls.weaker':
    'Postfix uses TLS level "{level}" for the relay ({source}), not "secure": the password may go to a server whose certificate was not verified.',
  'tls.weakerFix': 'Run the wizard again (sudo npx postfix-gmail-wizard): it takes the override out.',

  // commands/status-legacy.ts: a hand-made relay
  'legacy.tlsUnverified':
    'Postfix uses TLS level "{level}" for the relay ({source}): it does not check the server\'s certificate, so the password could go to another server.',
  'legacy.tlsUnverifiedFix':
    'Run the wizard again (sudo npx postfix-gmail-wizard): it sets smtp_tls_security_level = secure.',
  'legacy.status': 'main.cf has settings left over from a hand-made setup: {settings}.',
  'legacy.statusFix':
    'Run the wizard again (sudo npx postfix-gmail-wizard): it replaces them with their current equivalents.',
  'legacy.deferred': '{count} deferred message(s): {cause} Postfix said: {detail}',
  'legacy.deferredFix': '{fix} Then run the wizard again: the waiting mail goes out with the new login.',
} as const;
