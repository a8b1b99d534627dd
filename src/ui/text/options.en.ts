// The command line's flags, checked before anything runs (src/options.ts).
export const optionsEn = {
  // src/options.ts: flags
  'options.seeHelp': 'Run with --help to see the options.',
  'options.passwordOnCommandLine':
    'The app password is never accepted on the command line: every user of this machine can read it there (ps, /proc/*/cmdline).',
  'options.passwordOnCommandLineFix':
    'Use --password-stdin (one line on standard input) or --password-file PATH (a file only root can read).',
  'options.unknownCommand': 'Unknown command "{command}".',
  'options.useOneOf': 'Use one of: {commands}.',
  'options.unexpectedArgument': 'Unexpected argument "{argument}": {command} does not take it.',
  'options.seeCommandHelp': 'Run "postfix-gmail-wizard help {command}" to see what it takes.',
  'options.unknownOption': 'Unknown option {option}.',
  'options.didYouMean': 'Did you mean {word}?',
  'options.notForCommand': '{option} is not an option of {command}.',
  'options.noValue': '{option} takes no value.',
  'options.needsValue': '{option} needs a value.',
  'options.needsValueFix':
    'Give it after the option ({option} VALUE), or as {option}=VALUE if the value starts with "-".',
  'options.together': '{a} and {b} cannot be used together.',
  'options.togetherFix': 'Choose one of them.',
  'options.sendersWithoutAccount': '--senders needs --account: it names the senders that account relays.',
  'options.sendersWithoutAccountFix': 'Add --account ADDR, the account those senders go out as.',
  'options.yesWithoutFix': 'doctor --yes only means something with --fix: it accepts the repairs without asking.',
  'options.listTakesNoId': 'restore --list lists every backup; it takes no backup id ("{argument}").',
  'options.passwordFileEmpty': '--password-file is empty: it needs the path of a file holding the app password.',
  'options.passwordFileRelative':
    '--password-file {path} is not an absolute path: root reads it, so it must not depend on the folder the run started in.',
  'options.passwordFileFix':
    'Give --password-file the absolute path of a file only root can read, e.g. --password-file /root/gmail-app-password.',
  'options.auth': '--auth must be app-password, oauth or none, not "{auth}".',
  'options.authFix': 'Use --auth app-password (the default), --auth oauth or --auth none.',
  'options.oauthFlagWithoutOauth': '{flag} belongs to --auth oauth.',
  'options.oauthFlagWithoutOauthFix': 'Add --auth oauth, or leave {flag} out.',
  'options.passwordWithAuth': '{flag} gives an app password, which --auth {auth} does not use.',
  'options.passwordWithAuthFix': 'Leave {flag} out, or use --auth app-password.',
  'options.sendersWithAuthNone':
    '--senders adds an account that signs in with its own password; --auth none signs in with none.',
  'options.sendersWithAuthNoneFix':
    'Leave --senders out with --auth none (the relay admits this machine for every sender of the domain).',
  'options.sendersWithAuthOauth':
    '--senders with --auth oauth: OAuth is for the default account only. Postfix has one SASL mechanism list for every account (smtp_sasl_mechanism_filter = xoauth2), so a sender-dependent account could not sign in with its password beside it.',
  'options.sendersWithAuthOauthFix':
    'Set up the default account with --auth oauth (without --senders), or give every account an app password (--auth app-password).',
  'options.lang': '--lang must be "en" or "ja", not "{lang}".',
  'options.langFix': 'Use --lang en or --lang ja.',
  'options.wait': '--wait takes a number of seconds, not "{wait}".',
  'options.waitFix': 'For example: --wait 60.',

  // src/options.ts: paths Postfix must read literally
  'path.relative':
    '{option} {path} is not an absolute path: Postfix would look for it relative to its own working directory, not yours.',
  'path.control': '{option} {path} contains a control character (a newline, a tab…), which main.cf cannot hold.',
  'path.whitespace':
    '{option} {path} contains a space: Postfix splits lists at white space, so it would read two paths.',
  'path.comma': '{option} {path} contains a comma: Postfix splits lists at commas, so it would read two paths.',
  'path.dollar': '{option} {path} contains "$": Postfix would replace $name with the value of a parameter.',
  'path.brace': '{option} {path} contains "{" or "}": Postfix reads braces as grouping in a list.',
  'path.fix':
    'Give {option} an absolute path without spaces, commas, "$" or braces (move or link the file to one, e.g. under /etc/postfix/).',

  // src/options.ts: --state-dir / --backup-dir
  'trust.relativeDir':
    '{option} {path} is not an absolute path: root would keep its lock, journal or backups in whatever folder the run started in.',
  'trust.relativeDirFix': 'Give {option} an absolute path (starting with /), e.g. {option} {example}.',
} as const;
