// Sentences of the command-line contract's edge cases (the `test` command on a machine the wizard
// has not set up), kept apart from en.ts so that file stays readable.
export const contractEn = {
  'test.notConfigured': 'There is nothing to test: relayhost is empty, so Postfix would deliver directly, not through Gmail. Nothing was sent.',
  'test.notConfiguredFix': 'Set the relay up first: postfix-gmail-wizard --account you@gmail.com (then `postfix-gmail-wizard test`).',
} as const;
