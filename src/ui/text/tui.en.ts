// Sentences of the terminal UI: the one-screen plan, its question, the command to copy.
export const tuiEn = {
  'tui.fileNew': 'New: {path} (mode {mode})',
  'tui.fileChanged': 'Changed: {path} (mode {mode})',
  'tui.command': 'Runs: {command}',
  'tui.testTo': 'Test message to {to} (--to ADDR changes it, --no-test skips it).',
  'tui.mainCf': '{path}: {count} settings change',
  'tui.alsoSet': 'set: {names}',
  'tui.removed': 'removed: {names}',
  'tui.notSet': '(not set)',
  'tui.apply': 'Apply',
  'tui.showDiff': 'Show the full diff',
  'tui.cancel': 'Cancel',
  'tui.diffTitle': 'The full diff',
  'tui.stoppedByCtrlC': '{step} — stopped by Ctrl-C',
  'tui.equivalent': 'To do the same without questions (e.g. on other machines):',
  'tui.passwordFile':
    'It reads the app password from a file that must exist, readable by root only: create it empty with\n{create}\nthen write the app password into it, alone on one line:\n{edit}',
  'tui.oauthFiles':
    "It reads the OAuth client JSON you downloaded from Google Cloud's console from {client}, and a refresh token from {token}; both must be readable by root only.",
  'tui.oauthTokenCopy': 'Make {token} from the token this run saved:\n{copy}',
} as const;
