// How Postfix signs in (--auth): Workspace's relay by address (flow/ask/relay-preflight.ts).
export const askAuthEn = {
  'authNone.connecting':
    'Trying {host}:{port} without a login (TLS verified; MAIL FROM and RCPT TO, then RSET: nothing is sent)…',
  'authNone.accepted': '{host} admits this machine: it accepted mail from {account} without a login.',
  'authNone.failed': '{host}:{port} did not accept the mail without a login: {detail}',
  'authNone.addressSeen': 'Google saw this machine as {address}; that is the address to allow.',
  'authNone.sendersConfigured':
    'Sender-dependent accounts ({accounts}) sign in with their own passwords; --auth none would leave them without a login.',
  'authNone.sendersConfiguredFix': 'Take them out first (postfix-gmail-wizard remove --account ADDR), then run again.',
  'authOauth.unavailable': 'This version cannot sign in with OAuth 2.0 yet.',
  'authOauth.unavailableFix':
    "Use an app password (--auth app-password) or Workspace's relay by address (--auth none).",
};
