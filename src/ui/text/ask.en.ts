// The ask phase (flow/ask/): the answers and their checks, and the one login pre-flight.
// The account choice, the keychain and the relay options have their own ask-*.en.ts.
export const askEn = {
  // the answers' checks (gmail/credentials.ts, flow/ask/ask.ts)
  'account.empty': 'The Gmail address is empty.',
  'account.tooLong': 'That address is {length} characters long; an e-mail address has at most 254.',
  'account.whitespace': 'The address contains a space, tab, line break or control character.',
  'account.nonAscii':
    'The address contains a non-ASCII character (perhaps a look-alike letter); type it with plain ASCII letters.',
  'account.forbiddenChar': 'The address contains a character that cannot appear in it here (: [ ] < > ( ) , ; " \\).',
  'account.notAddress': '"{input}" is not an e-mail address like you@gmail.com.',
  'account.fix': 'Give the Gmail or Google Workspace address, e.g. --account you@gmail.com.',
  'recipient.invalid': 'The test recipient is not usable: {problem}',
  'recipient.empty': 'The test recipient (--to) is empty.',
  'recipient.fix': 'Give a plain address, e.g. --to friend@example.com.',
  'password.empty': 'The app password is empty.',
  'password.controlChars': 'The app password contains a tab, line break or control character.',
  'password.tooLong': 'That is far too long for an app password.',
  'password.fix': 'Create an app password at {url} and give it with --password-stdin or --password-file.',
  'password.file.missing': 'The password file {path} does not exist.',
  'password.file.unreadable': 'The password file {path} cannot be read.',
  'password.file.symlink':
    'The password file {path} is a symbolic link: root reads a password only from the file itself, which no one can point elsewhere.',
  'password.file.directory': '{path} is a directory, not a password file.',
  'password.file.notRegular':
    'The password file {path} is not a regular file (a device, a FIFO or a socket): root reads a password only from a plain file.',
  'password.file.owner':
    'The password file {path} belongs to another user: root reads a password only from a file owned by root or by you.',
  'password.file.writable':
    'The password file {path} can be changed by other users (its group or everyone may write it).',
  'password.file.tooLarge': 'The password file {path} is larger than 4 KiB: it is not a password file.',
  'password.file.unsafeDir':
    'The password file {path} is under {dir}, which another user can change (it is theirs, or they may write it): they could swap the file.',
  'password.file.changed': 'The password file {path} changed while it was being read.',
  'password.fileFix':
    'Write the app password alone on one line to a file only root can read and change, and give its path: install -m 600 /dev/null /root/gmail-app-password, then write the password into it.',
  'password.fileWorldReadable':
    'The password file {path} can be read by other users of this machine (everyone, or the members of its group): chmod 600 it.',
  'relay.invalid': '"{input}" is not a relay like smtp.gmail.com:587.',
  'relay.portRange': 'The port {port} in "{input}" is out of range: a port is a number from 1 to 65535.',
  'relay.fix': 'Use --relay HOST[:PORT], e.g. --relay smtp.gmail.com:587 (or :465 for implicit TLS).',
  'password.nonAscii':
    'The app password contains a character that is not plain ASCII (perhaps a look-alike letter); an app password is 16 plain letters.',
  'password.colon': 'The app password contains a colon, which an app password never has (it is 16 letters).',
  'password.multiLine': 'The password input has more than one line; give the app password alone on the first line.',
  'password.notAppPasswordAt':
    'This does not look like an app password (16 letters, shown as four groups of four); Gmail refuses your normal password here. Create an app password at {url}',

  // flow/ask/ask.ts
  'ask.passwordFlags': '--password-stdin or --password-file PATH',
  'ca.none': "No CA bundle was found to check the relay's certificate against.",
  'ca.noneFix': "Install your distribution's ca-certificates package, or give one with --ca-file PATH.",
  'ca.unreadable': '{path} is not a readable file of PEM certificates.',
  'ca.unreadableFix': 'Give a PEM file with --ca-file, e.g. /etc/ssl/certs/ca-certificates.crt.',
  'ca.file.symlink':
    'The CA file {path} is a symbolic link another user owns: they could point it at a certificate of theirs.',
  'ca.file.notRegular':
    'The CA file {path} is not a regular file (a device, a FIFO or a socket): root reads trust anchors only from a plain file.',
  'ca.file.owner':
    'The CA file {path} belongs to another user: they could add a certificate of their own, which Postfix would then trust as Gmail.',
  'ca.file.writable':
    'The CA file {path} can be changed by other users (its group or everyone may write it): they could add a certificate of their own.',
  'ca.file.tooLarge': 'The CA file {path} is larger than 8 MiB: it is not a CA bundle.',
  'ca.file.unsafeDir':
    'The CA file {path} is under {dir}, which another user can change (it is theirs, or they may write it): they could swap the file.',
  'ca.file.changed': 'The CA file {path} changed while it was being read.',
  'ca.fileFix':
    'Postfix keeps reading the file at that path: copy it where only root can change it (sudo install -m 644 FILE /usr/local/share/ca-certificates/) and give that path with --ca-file.',
  'ask.account': 'Gmail address to send as',
  'ask.passwordHelp':
    'Gmail needs an app password here, not your normal password. Create one at {url} (2-Step Verification must be on).',
  'ask.password': 'App password (16 letters; spaces are fine)',
  'ask.recipient': 'Send the test message to',

  // flow/ask/confirm.ts, flow/ask/account-choice.ts
  'ask.missing': 'Not running interactively, and these answers are missing: {flags}.',
  'ask.missingFix':
    'Give them as options (see --help), or run the wizard at a terminal with neither standard input nor standard output piped or redirected (and without --non-interactive).',

  // flow/ask/preflight.ts
  'preflight.failed': 'Could not log in to {host}:{port}: {detail}',
  'preflight.passwordNotSent': 'The password was not sent.',
  'preflight.otherPort':
    'Port {port} of {host} cannot be reached from this network (many ISPs block outgoing mail ports). Try the other port Gmail offers: --relay {host}:{other}',
  'preflight.storedRefused': 'That was the password stored in the keychain: it is no longer valid.',
  'preflight.mapRefused': 'That was the password Postfix has been using: it is no longer valid.',
  'preflight.connecting': 'Logging in to {host}:{port} (TLS verified) before changing anything…',
  'preflight.accepted': '{host} accepted the login of {account}.',
  'preflight.nothingChanged': 'Nothing was changed.',
  'preflight.askAgain':
    'Create a new app password at https://myaccount.google.com/apppasswords (2-Step Verification must be on) and type it below (try {attempt} of {max}). If {account} is the wrong address, press Esc and start again.',
} as const;
