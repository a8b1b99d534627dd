// Before and around every command: yes/no, cancel, internal errors, the intros, and
// postconf failing under any command (ui/error-text.ts).
export const commonEn = {
  // ui/clack-ui.ts, ui/plain-ui.ts, cli.ts
  'ui.yes': 'Yes',
  'ui.no': 'No',
  cancelled: 'Cancelled — nothing was changed.',
  'internal.error': 'Unexpected error (please report it): {message}',
  'internal.promptWithoutTty': 'A question had to be asked, but there is no terminal to ask it on.',
  'setup.intro': "postfix-gmail-wizard — send this machine's mail through Gmail",
  'test.intro': 'postfix-gmail-wizard — test message',

  // ui/error-text.ts (postfix/postconf.ts raises the code)
  'postconf.failed': 'postconf failed: {reason}',
  'postconf.failedFix': 'Check that Postfix is installed and that the configuration directory is right (--config-dir).',
} as const;
