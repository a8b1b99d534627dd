// The ask phase: the relay's options (flow/ask/relay-options.ts): port and TLS style, Google
// Workspace, IPv6, sender identity, root's mail, listening, mynetworks (also said by status).
export const askRelayEn = {
  // flow/ask/relay-options.ts: port and TLS style, a password of another relay
  'relay.implicitTlsFound':
    '{host}:{port} speaks TLS from the first byte: Postfix will use wrapper mode (smtp_tls_wrappermode = yes).',
  'relay.portBlocked':
    'Port {port} of {host} cannot be reached from here ({code}); many ISPs block outgoing mail ports.',
  'relay.tryOtherPort': 'Port {port} of {host} answers. Use it instead?',
  'relay.tryOtherPortToo': 'Port {port} of {host} does not answer either. Try it anyway?',
  'relaypw.otherRelayHost': 'The stored app password for {account} belongs to another relay; type it again for {host}.',

  // flow/ask/relay-options.ts: Google Workspace, IPv6
  'workspace.title': 'Google Workspace',
  'workspace.explain':
    '{domain} is a Google Workspace domain. Its accounts send through smtp.gmail.com like any Gmail account. Workspace also has a relay of its own, {host}: it takes mail for the whole domain, but only after an administrator adds a rule in the Admin console (Apps → Google Workspace → Gmail → Routing → SMTP relay service) with "Require SMTP Authentication" and "Require TLS encryption" on, and the allowed senders set to the domain\'s addresses.',
  'workspace.question': 'Which server should Postfix send through?',
  'workspace.keep': '{host} (works now, no admin rule needed)',
  'workspace.switch': '{host} (Workspace SMTP relay service; needs the Admin console rule)',
  'workspace.rule':
    '{host} is Google Workspace\'s SMTP relay service: Google accepts the mail only after an administrator added the rule in the Admin console (Apps → Google Workspace → Gmail → Routing → SMTP relay service, with "Require SMTP Authentication" and "Require TLS encryption" on).',
  'ipv6.preferIpv4':
    '{host} cannot be reached over IPv6 from here ({address}: {code}), but over IPv4 it can: Postfix will try IPv4 first (smtp_address_preference = ipv4). IPv6 stays on for everything else.',

  // flow/ask/relay-options.ts: sender identity, root's mail
  'rootAlias.invalid': '"{input}" is neither an address nor a user name of this machine that root\'s mail could go to.',
  'rootAlias.fix': 'Give an address (--root-alias you@example.com) or a local user name (--root-alias alice).',
  'rootAlias.noFile':
    "Root's mail cannot be redirected: alias_maps ({value}) names no aliases file of this Postfix that the wizard may edit.",
  'rootAlias.question': "Deliver root's mail (cron output, system warnings) to",
  'senders.title': 'Sender address',
  'senders.explain':
    'Gmail sends every message as {account}: it replaces any other From address unless that address is one of your verified "Send mail as" addresses in Gmail\'s settings. Mail from this machine (root@{host}, cron, other users) can also leave as {account}, so that bounces and replies come back to you (smtp_generic_maps).',
  'senders.explainRoot':
    "Root's own mail (cron output, system warnings) can go to a real inbox instead of a local mailbox nobody reads.",
  'senders.explainWorkspace':
    "Google Workspace's relay takes senders of your domains only, so mail from root@{host} may be refused. Mail from this machine (root, cron, other users) can leave as {account} (smtp_generic_maps).",
  'senders.question': "Mail from this machine's users (root@{host}, cron):",
  'senders.both': "Send it as {account}, and deliver root's mail to {account} (recommended)",
  'senders.mapOnly': "Send it as {account}; leave root's mail where it goes now",
  'senders.other': "Send it as {account}, and deliver root's mail to another address…",
  'senders.none': "Leave sender addresses and root's mail as they are",
  'senders.mapQuestion': "Send mail from this machine's users (root@{host}, cron) as {account}?",
  'senders.foreignMap':
    'smtp_generic_maps already names a map the wizard did not write ({value}), so local senders are not mapped: add the addresses to that map instead.',

  // flow/ask/relay-options.ts: listening (mynetworks also in commands/status.ts)
  'loopback.explain':
    'Postfix accepts connections from the network (inet_interfaces = {value}). A machine that only sends mail needs no open mail port.',
  'loopback.needed': 'This configuration looks like it receives mail from other machines: {reasons}.',
  'loopback.question': 'Accept mail from this machine only (inet_interfaces = loopback-only)?',
  'mynetworks.open':
    'mynetworks lets other hosts send mail through this Postfix — and so through your Gmail account: {networks}.',
  'mynetworks.fix':
    'Run the wizard with --loopback-only if only this machine sends mail, or narrow mynetworks to the hosts you trust (`postconf -e mynetworks=127.0.0.0/8`).',
} as const;
