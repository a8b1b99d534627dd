// Sentences about secrets on screen and on disk (plan display, file modes) and
// about paths Postfix must read literally.
export const secretsEn = {
  'plan.hiddenLines': '({count} lines, hidden: this file holds a password)',
  'plan.secretFixes': 'Files with a password that other users can read (made root-only before postmap runs):',
  'plan.secretRemove': '- {path} (mode {mode}): removed; postmap writes it again, root-only (0600)',
  'plan.secretChmod': '~ {path} (mode {mode}): chmod 0600',
  'apply.step.secretFixes': 'Making the password files readable by root only',
  'status.secretReadable': 'Other users can read the Gmail app password: {files}.',
  'status.secretReadableFix': 'Run the wizard again (it makes them root-only), or: chmod 600 {paths}',

  'path.relative': '{option} {path} is not an absolute path: Postfix would look for it relative to its own working directory, not yours.',
  'path.control': '{option} {path} contains a control character (a newline, a tab…), which main.cf cannot hold.',
  'path.whitespace': '{option} {path} contains a space: Postfix splits lists at white space, so it would read two paths.',
  'path.comma': '{option} {path} contains a comma: Postfix splits lists at commas, so it would read two paths.',
  'path.dollar': '{option} {path} contains "$": Postfix would replace $name with the value of a parameter.',
  'path.brace': '{option} {path} contains "{" or "}": Postfix reads braces as grouping in a list.',
  'path.fix': 'Give {option} an absolute path without spaces, commas, "$" or braces (move or link the file to one, e.g. under /etc/postfix/).',
} as const;
