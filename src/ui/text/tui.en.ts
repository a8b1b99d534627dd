// Sentences of the terminal UI: the one-screen plan, its question, the command to copy.
export const tuiEn = {
  'tui.files': 'Files:',
  'tui.fileNew': '{path} (new, mode {mode})',
  'tui.fileChanged': '{path} (changed, mode {mode})',
  'tui.commands': 'Then it runs:',
  'tui.testTo': 'The test message goes to {to} (--to ADDR sends it elsewhere, --no-test skips it).',
  'tui.mainCf': '{path}: {count} settings change',
  'tui.alsoSet': 'set: {names}',
  'tui.removed': 'removed: {names}',
  'tui.notSet': '(not set)',
  'tui.apply': 'Apply',
  'tui.showDiff': 'Show the full diff',
  'tui.cancel': 'Cancel',
  'tui.diffTitle': 'The full diff',
  'tui.equivalent': 'To do the same without questions (e.g. on other machines):',
} as const;
