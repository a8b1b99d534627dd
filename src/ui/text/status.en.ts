// The `status` command (commands/status.ts, ui/status-view.ts). Its keychain line is
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

  // ui/status-view.ts: where the TLS level comes from, the queue's reasons
  'legacy.tlsFrom': '{source}, from the obsolete {settings}',
  'legacy.queueReason': '{count} × {code}',
  'tls.source.main.cf': 'main.cf',
  'tls.source.master.cf': 'master.cf {where}',
  'tls.source.policy-map': 'smtp_tls_policy_maps {where}',
  'tls.source.per-site': 'smtp_tls_per_site {where}',
} as const;
