// The English catalogue: the reference every other language must match
// (same keys, same {placeholders}). Keep sentences plain; say the fix.
export const en = {
  'ui.yes': 'Yes',
  'ui.no': 'No',
  'cancelled': 'Cancelled — nothing was changed.',
  'internal.error': 'Unexpected error (please report it): {message}',
  'internal.promptWithoutTty': 'A question had to be asked, but there is no terminal to ask it on.',

  'setup.intro': 'postfix-gmail-wizard — send this machine\'s mail through Gmail',
  'test.intro': 'postfix-gmail-wizard — test message',
  'detect.running': 'Looking at this machine…',
  'detect.running.yes': 'running',
  'detect.running.no': 'stopped',
  'detect.summary': '{os}: Postfix {version} ({state}), configuration in {configDir}, maps of type {mapType}',
  'detect.noPostfix': '{os}: Postfix is not installed',

  'req.postfixMissing': 'Postfix is not installed on this machine.',
  'req.runThen': 'To fix it: {command} — then run the wizard again.',
  'req.installManually': 'install the package(s) {packages} with your system\'s package manager',
  'ask.passwordFlags': '--password-stdin or --password-file PATH',
  'req.noSasl': 'This Postfix was built without Cyrus SASL (postconf -A lists: {types}), so it cannot log in to Gmail.',
  'req.noSaslFix': 'Install a Postfix built with SASL support ({command}); on Gentoo enable the "sasl" USE flag for mail-mta/postfix.',
  'req.noTls': 'This Postfix was built without TLS (the Gentoo USE flag "ssl" is off), so it cannot use STARTTLS, and Gmail accepts no login without it.',
  'req.noTlsFix': 'Run the wizard with --install to rebuild mail-mta/postfix with USE="sasl ssl", or add "mail-mta/postfix sasl ssl" to /etc/portage/package.use and run: emerge --oneshot --newuse mail-mta/postfix',
  'req.noPlugins': 'The SASL PLAIN and LOGIN plugins are missing: Postfix would fail with "no mechanism available".',
  'req.saslPluginsManual': 'Install the Cyrus SASL PLAIN/LOGIN plugins for your system, then run the wizard again.',
  'req.mapType': 'Postfix\'s default map type "{type}" is not supported by this build (postconf -m: {types}).',
  'req.mapTypeFix': 'Set default_database_type to a type listed by postconf -m, or install the map plugin for "{type}".',
  'req.notRoot': 'Changing the Postfix configuration needs root.',
  'req.notRootFix': 'Run it again as root: {command}   (--dry-run and status work without root)',

  'install.title': 'To install first',
  'install.why.postfix': 'Postfix is not installed.',
  'install.why.sasl': 'The SASL PLAIN/LOGIN plugins are missing: without them Postfix cannot log in to Gmail ("no mechanism available").',
  'install.why.mapType': 'Postfix\'s default map type "{type}" needs the package {package}.',
  'install.why.useFlags': 'Postfix was built without the USE flag(s) {flags}: "sasl" lets it log in to Gmail (SMTP AUTH) and "ssl" lets it encrypt the connection (STARTTLS), without which Gmail refuses the login. It has to be rebuilt with them.',
  'install.why.gentooNew': 'Postfix is not installed. It will be built with the USE flags "sasl" (to log in to Gmail) and "ssl" (STARTTLS), which the relay needs.',
  'install.packageUseComment': 'Added by postfix-gmail-wizard: Postfix needs SASL (to log in to Gmail) and TLS (STARTTLS).',
  'install.newFile': 'New file {path}:',
  'install.appendFile': 'Add to {path}:',
  'install.commands': 'Commands:',
  'install.confirm': 'Install now?',
  'install.dryRun': 'Dry run: nothing is installed.',
  'install.notDone': 'Nothing was installed. Run the wizard with --install to install it, or install it yourself.',
  'install.backedUp': '{path} is backed up first (backup {id}).',
  'install.log': 'The full output of the install goes to {path}',
  'install.running': 'Running {command}',
  'install.done': 'Done: {command}',
  'install.failed': '{command} failed (exit code {code}); nothing else was changed.',
  'install.failedFix': 'Last lines of the log {path}:\n{tail}\nFix the cause and run the wizard again.',
  'install.reverted': '{path} is back as it was.',
  'install.reloading': 'Reloading Postfix, so that its smtp processes load the new SASL plugins: {command}',
  'install.starting': 'Starting the newly installed Postfix: {command}',
  'install.serviceFailed': '{command} failed: {reason}',

  'account.empty': 'The Gmail address is empty.',
  'account.tooLong': 'That address is {length} characters long; an e-mail address has at most 254.',
  'account.whitespace': 'The address contains a space, tab, line break or control character.',
  'account.nonAscii': 'The address contains a non-ASCII character (perhaps a look-alike letter); type it with plain ASCII letters.',
  'account.forbiddenChar': 'The address contains a character that cannot appear in it here (: [ ] < > ( ) , ; " \\).',
  'account.notAddress': '"{input}" is not an e-mail address like you@gmail.com.',
  'account.fix': 'Give the Gmail or Google Workspace address, e.g. --account you@gmail.com.',
  'recipient.invalid': 'The test recipient is not usable: {problem}',
  'recipient.fix': 'Give a plain address, e.g. --to friend@example.com.',
  'password.empty': 'The app password is empty.',
  'password.controlChars': 'The app password contains a tab, line break or control character.',
  'password.tooLong': 'That is far too long for an app password.',
  'password.fix': 'Create an app password at {url} and give it with --password-stdin or --password-file.',
  'password.fileMissing': 'The password file {path} does not exist or cannot be read.',
  'password.fileFix': 'Write the app password as the first line of a file only root can read (chmod 600), and pass its path.',
  'password.fileWorldReadable': 'The password file {path} can be read by every user of this machine: chmod 600 it.',
  'relay.invalid': '"{input}" is not a relay like smtp.gmail.com:587.',
  'relay.fix': 'Use --relay HOST[:PORT], e.g. --relay smtp.gmail.com:587 (or :465 for implicit TLS).',
  'ca.none': 'No CA bundle was found to check the relay\'s certificate against.',
  'ca.noneFix': 'Install your distribution\'s ca-certificates package, or give one with --ca-file PATH.',
  'ca.unreadable': '{path} is not a readable file of PEM certificates.',
  'ca.unreadableFix': 'Give a PEM file with --ca-file, e.g. /etc/ssl/certs/ca-certificates.crt.',

  'ask.account': 'Gmail address to send as',
  'ask.passwordHelp': 'Gmail needs an app password here, not your normal password. Create one at {url} (2-Step Verification must be on).',
  'ask.password': 'App password (16 letters; spaces are fine)',
  'ask.recipient': 'Send the test message to',
  'ask.confirm': 'Apply this plan?',
  'ask.testAgain': 'Send a test message now?',
  'ask.missing': 'Not running interactively, and these answers are missing: {flags}.',
  'ask.missingFix': 'Give them as options (see --help), or run the wizard in a terminal.',

  'keychain.using': 'Using the app password stored in the keychain for {account}.',
  'keychain.unavailable': 'App password not stored in a keychain: {reason}. Postfix does not need it; you will be asked again next time.',
  'keychain.reason.bus': 'no keychain is reachable (no desktop session bus, as usual over SSH)',
  'keychain.reason.module': 'the keychain module is not installed',

  // Credentials: validation, keychain, re-run choice, pre-flight, flushing deferred mail.
  'password.nonAscii': 'The app password contains a character that is not plain ASCII (perhaps a look-alike letter); an app password is 16 plain letters.',
  'password.colon': 'The app password contains a colon, which an app password never has (it is 16 letters).',
  'password.multiLine': 'The password input has more than one line; give the app password alone on the first line.',
  'password.notAppPasswordAt': 'This does not look like an app password (16 letters, shown as four groups of four); Gmail refuses your normal password here. Create an app password at {url}',
  'keychain.own': 'your keychain',
  'keychain.ofUser': 'the keychain of {user}',
  'keychain.storedIn': 'App password for {account} stored in {where}.',
  'keychain.alreadyStored': 'The app password for {account} is already in {where}.',
  'keychain.notStored': 'App password for {account} NOT stored in a keychain: {reason}. Postfix does not need it; you will be asked for it again next time.',
  'keychain.unusable': 'The keychain holds something for {account} that is not a usable app password; it is ignored.',
  'keychain.noStoredPassword': 'No stored password could be used for {account}: {reason}.',
  'keychain.noneFor': 'The keychain holds no app password for {account}.',
  'keychain.reason.busOf': 'no session bus of {user} was found (no desktop session of theirs is running), so their keychain cannot be reached',
  'keychain.reason.kernelOnly': 'no Secret Service (such as GNOME Keyring or KWallet) answers on the session bus; the only store left is the kernel keyring, which forgets everything at reboot, so it is not used',
  'keychain.reason.locked': 'the keyring is locked; unlock it (log in to the desktop, or open "Passwords and Keys") and run the wizard again',
  'keychain.reason.disabled': 'the keychain is turned off with --no-keychain',
  'keychain.reason.error': 'the keychain reported an error',
  'choice.current': 'Postfix currently logs in to the relay as {account}.',
  'choice.question': 'Which account should Postfix use?',
  'choice.keep': 'Keep {account} and test it again',
  'choice.switch': 'Switch to {account}',
  'choice.hintStored': 'password in the keychain',
  'choice.new': 'Add another account',
  'choice.keepOrType': 'Press Enter to keep {account} and test it again, or type another address to use that one.',
  'choice.usingMap': 'Using the app password Postfix already has for {account}.',
  'preflight.failed': 'Could not log in to {host}:{port}: {detail}',
  'preflight.passwordNotSent': 'The password was not sent.',
  'preflight.otherPort': 'Port {port} of {host} cannot be reached from this network (many ISPs block outgoing mail ports). Try the other port Gmail offers: --relay {host}:{other}',
  'preflight.storedRefused': 'That was the password stored in the keychain: it is no longer valid.',
  'preflight.mapRefused': 'That was the password Postfix has been using: it is no longer valid.',
  'status.keychainStored': 'the password of {account} is stored in {where}',
  'status.keychainNotStored': 'no password of {account} in {where}',
  'status.keychainEmpty': 'no account in {where}',
  'status.keychainUnavailable': 'not usable: {reason}',
  'flush.running': 'Asking Postfix to send the {count} deferred message(s) now (postqueue -f)…',
  'flush.waiting': '{sent} of {count} deferred message(s) sent so far…',
  'flush.done': '{sent} of {count} deferred message(s) went out with the new login.',
  'flush.failed': 'postqueue -f failed: {reason}',
  'flush.notAll': '{left} deferred message(s) are still waiting; Postfix retries them on its own (see: postqueue -p).',

  'preflight.connecting': 'Logging in to {host}:{port} (TLS verified) before changing anything…',
  'preflight.accepted': '{host} accepted the login of {account}.',
  'preflight.nothingChanged': 'Nothing was changed.',

  'plan.title': 'The plan',
  'plan.mainCf': '{path} (settings that change):',
  'plan.newFile': '{path} (new, mode {mode}):',
  'plan.changedFile': '{path} (changed, mode {mode}):',
  'plan.commands': 'Commands:',
  'plan.relayhostReplaced': 'Mail now goes out through {from}; after this change it goes through {to} instead.',
  'plan.nothing': 'Already configured this way: nothing to change.',
  'plan.dryRunDone': 'Dry run: nothing was changed, nothing was sent.',

  'apply.backup': 'Backing up the files the plan touches…',
  'apply.backupFailed': 'Could not back up to {dir}: {reason}. Nothing was changed.',
  'apply.backupFailedFix': 'Make the backup folder writable for root, or choose another with --backup-dir.',
  'apply.step.write': 'Writing {path}',
  'apply.step.postconf': 'Setting main.cf parameters (postconf -e)',
  'apply.step.mapModes': 'Checking the compiled map is readable by root only',
  'apply.step.settle': 'Letting main.cf settle (Postfix reads it once it is two seconds old)',
  'apply.step.check': 'Checking the configuration (postfix check)',
  'apply.step.reload': 'Reloading Postfix',
  'apply.stepFailed': 'Failed: {step}',
  'apply.failed': 'Failed.',
  'apply.done': 'Configuration applied and Postfix reloaded.',
  'apply.summary': 'Changes applied: {count}; backup {id}.',
  'apply.rollbackDone': 'Rolled back: the previous configuration is in place again.',
  'apply.rollbackFailed': 'Rollback failed ({reason}). The backup is in {dir}; restore it with: postfix-gmail-wizard restore',
  'apply.rollbackReloadFailed': 'The files are back, but reloading Postfix failed ({reason}); it keeps running the configuration it had.',
  'apply.rolledBack': '"{step}" failed: {reason}. Every change was rolled back.',
  'apply.rolledBackFix': 'Fix the cause above and run the wizard again. The backup taken first is in {dir}.',

  'apply.step.delete': 'Removing {path}',
  'apply.step.postconfRemove': 'Removing main.cf parameters (postconf -X)',
  'apply.interrupted': 'Interrupted ({signal}) while applying: every change was rolled back.',
  'plan.binaryFile': '{path} (put back from the backup, {bytes} bytes)',
  'plan.deletes': 'Files to remove:',
  'lock.busy': 'Another postfix-gmail-wizard (pid {pid}) is changing the configuration right now ({path}).',
  'lock.busyFix': 'Wait for it to finish, then run this again.',
  'recover.found': 'An earlier run stopped in the middle of a change ({when}, at "{step}"); backup {id} holds the state before it.',
  'recover.needYes': 'An unfinished change must be rolled back first, and no one is here to confirm it.',
  'recover.needYesFix': 'Run again with --yes to roll it back automatically, or restore it yourself: postfix-gmail-wizard restore {id} --yes',
  'recover.confirm': 'Roll the unfinished change back now?',
  'recover.backupMissing': 'The backup of the unfinished change is gone ({dir}).',
  'recover.backupMissingFix': 'Check the Postfix configuration by hand (postfix check), then delete journal.json in the state directory.',
  'recover.done': 'Rolled back the unfinished change (backup {id}).',
  'restore.damaged': 'The backup copy of {path} is missing in {dir}.',
  'options.seeHelp': 'Run with --help to see the options.',
  'options.passwordOnCommandLine': 'The app password is never accepted on the command line: every user of this machine can read it there (ps, /proc/*/cmdline).',
  'options.passwordOnCommandLineFix': 'Use --password-stdin (one line on standard input) or --password-file PATH (a file only root can read).',
  'options.unknownCommand': 'Unknown command "{command}".',
  'options.useOneOf': 'Use one of: {commands}.',
  'options.unexpectedArgument': 'Unexpected argument "{argument}".',
  'options.twoPasswordSources': '--password-stdin and --password-file cannot be used together.',
  'options.twoPasswordSourcesFix': 'Choose one of them.',
  'options.lang': '--lang must be "en" or "ja", not "{lang}".',
  'options.langFix': 'Use --lang en or --lang ja.',
  'options.wait': '--wait takes a number of seconds, not "{wait}".',
  'options.waitFix': 'For example: --wait 60.',
  'postconf.failed': 'postconf failed: {reason}',
  'postconf.failedFix': 'Check that Postfix is installed and that the configuration directory is right (--config-dir).',
  'verify.noListener': 'Postfix has no SMTP listener (no "smtp inet … smtpd" line in master.cf) to hand the test message to.',
  'verify.noListenerFix': 'Enable the smtp service in master.cf, or run with --no-test.',
  'verify.submitting': 'Handing a test message to Postfix at {host}:{port}…',
  'verify.subject': 'Test message from {host} via postfix-gmail-wizard',
  'verify.body': 'This message was sent by postfix-gmail-wizard on {host} at {time} to check that Postfix delivers through Gmail.\n\nIf you can read it, the relay works.\n',
  'verify.submitFailed': 'Postfix did not take the test message.',
  'verify.submitFailedDetail': 'Postfix at {host}:{port} did not accept the test message: {reason}',
  'verify.submitFailedFix': 'Check that Postfix is running (postfix status) and look at its log.',
  'verify.noQueueId': 'Postfix answered without a queue id: {response}',
  'verify.queued': 'Queued as {id}; waiting for the relay…',
  'verify.waiting': 'Queue id {id} is in the {queue} queue…',
  'verify.sent': 'Message {id} was accepted by the relay.',
  'verify.notSent': 'Message {id} was not delivered ({status}).',
  'verify.timedOut': 'Message {id} is still waiting after {seconds} s.',

  'summary.sent': 'Delivered to {to} through {relay}: {reply}',
  'summary.deliveredLocally': '{to} is delivered on this machine, not through the relay; send the test to an outside address to check the relay.',
  'summary.stillQueued': 'Message {id} is still in the queue. Follow it with: postqueue -p; postfix-gmail-wizard status',
  'summary.failed': 'Not delivered ({status}, queue id {id}): {reply}',
  'summary.whatToDo': 'Why, and what to do',
  'summary.equivalent': 'To do the same without questions (e.g. on other machines):\n{command}',
  'summary.done': 'Done: this machine sends mail through Gmail.',
  'summary.notDelivered': 'The configuration is in place, but the test message was not delivered.',

  'status.title': 'Relay status',
  'status.relay': 'Relay',
  'status.account': 'Account',
  'status.map': 'Password map',
  'status.tls': 'TLS level',
  'status.keychain': 'Keychain',
  'status.queue': 'Queue',
  'status.queueCounts': '{total} message(s), {deferred} deferred',
  'status.last': 'Last test',
  'status.lastTest': '{status} to {to} at {at} (queue id {id})',
  'status.noTest': 'none recorded',
  'status.none': '(none)',

  // Relay options: port and TLS style, Google Workspace, sender identity, root's mail, listening, IPv6.
  'apply.step.restart': 'Restarting Postfix (stop, then start: a reload does not move its listening sockets)',
  'plan.restart': 'Postfix will be stopped and started again: a reload does not apply a new inet_interfaces.',
  'relay.implicitTlsFound': '{host}:{port} speaks TLS from the first byte: Postfix will use wrapper mode (smtp_tls_wrappermode = yes).',
  'relay.portBlocked': 'Port {port} of {host} cannot be reached from here ({code}); many ISPs block outgoing mail ports.',
  'relay.tryOtherPort': 'Port {port} of {host} answers. Use it instead?',
  'relay.tryOtherPortToo': 'Port {port} of {host} does not answer either. Try it anyway?',
  'rootAlias.invalid': '"{input}" is neither an address nor a user name of this machine that root\'s mail could go to.',
  'rootAlias.fix': 'Give an address (--root-alias you@example.com) or a local user name (--root-alias alice).',
  'rootAlias.noFile': 'Root\'s mail cannot be redirected: alias_maps ({value}) names no aliases file of this Postfix that the wizard may edit.',
  'rootAlias.question': 'Deliver root\'s mail (cron output, system warnings) to',
  'workspace.title': 'Google Workspace',
  'workspace.explain': '{domain} is a Google Workspace domain. Its accounts send through smtp.gmail.com like any Gmail account. Workspace also has a relay of its own, {host}: it takes mail for the whole domain, but only after an administrator adds a rule in the Admin console (Apps → Google Workspace → Gmail → Routing → SMTP relay service) with "Require SMTP Authentication" and "Require TLS encryption" on, and the allowed senders set to the domain\'s addresses.',
  'workspace.question': 'Which server should Postfix send through?',
  'workspace.keep': '{host} (works now, no admin rule needed)',
  'workspace.switch': '{host} (Workspace SMTP relay service; needs the Admin console rule)',
  'workspace.rule': '{host} is Google Workspace\'s SMTP relay service: Google accepts the mail only after an administrator added the rule in the Admin console (Apps → Google Workspace → Gmail → Routing → SMTP relay service, with "Require SMTP Authentication" and "Require TLS encryption" on).',
  'ipv6.preferIpv4': '{host} cannot be reached over IPv6 from here ({address}: {code}), but over IPv4 it can: Postfix will try IPv4 first (smtp_address_preference = ipv4). IPv6 stays on for everything else.',
  'senders.title': 'Sender address',
  'senders.explain': 'Gmail sends every message as {account}: it replaces any other From address unless that address is one of your verified "Send mail as" addresses in Gmail\'s settings. Mail from this machine (root@{host}, cron, other users) can also leave as {account}, so that bounces and replies come back to you (smtp_generic_maps).',
  'senders.explainRoot': 'Root\'s own mail (cron output, system warnings) can go to a real inbox instead of a local mailbox nobody reads.',
  'senders.explainWorkspace': 'Google Workspace\'s relay takes senders of your domains only, so mail from root@{host} may be refused. Mail from this machine (root, cron, other users) can leave as {account} (smtp_generic_maps).',
  'senders.question': 'Mail from this machine\'s users (root@{host}, cron):',
  'senders.both': 'Send it as {account}, and deliver root\'s mail to {account} (recommended)',
  'senders.mapOnly': 'Send it as {account}; leave root\'s mail where it goes now',
  'senders.other': 'Send it as {account}, and deliver root\'s mail to another address…',
  'senders.none': 'Leave sender addresses and root\'s mail as they are',
  'senders.mapQuestion': 'Send mail from this machine\'s users (root@{host}, cron) as {account}?',
  'senders.foreignMap': 'smtp_generic_maps already names a map the wizard did not write ({value}), so local senders are not mapped: add the addresses to that map instead.',
  'loopback.explain': 'Postfix accepts connections from the network (inet_interfaces = {value}). A machine that only sends mail needs no open mail port.',
  'loopback.needed': 'This configuration looks like it receives mail from other machines: {reasons}.',
  'loopback.question': 'Accept mail from this machine only (inet_interfaces = loopback-only)?',
  'mynetworks.open': 'mynetworks lets other hosts send mail through this Postfix — and so through your Gmail account: {networks}.',
  'mynetworks.fix': 'Run the wizard with --loopback-only if only this machine sends mail, or narrow mynetworks to the hosts you trust (`postconf -e mynetworks=127.0.0.0/8`).',
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

  'test.noRelayhost': 'relayhost is empty: Postfix delivers directly, not through Gmail. Run the wizard to set it up.',


  'restore.listTitle': 'Backups',
  'restore.none': 'No backups in {dir}.',
  'restore.unknown': 'There is no backup "{id}".',
  'restore.unknownFix': 'List the backups with: postfix-gmail-wizard restore --list',
  'restore.title': 'Restore backup {id}',
  'restore.confirm': 'Put these files back and reload Postfix?',
  'restore.done': 'Backup {id} restored and Postfix reloaded (the state before it is saved as backup {safety}).',

  'remove.title': 'Remove the relay configuration',
  'remove.confirm': 'Remove these settings and files (a backup is taken first)?',
  'remove.nothing': 'No relay configuration of the wizard is present: nothing to remove.',
  'remove.done': 'Relay configuration removed; backup {id}.',

  'help': `Usage: postfix-gmail-wizard [setup] [options]
       postfix-gmail-wizard status [--json]
       postfix-gmail-wizard test [--to ADDR]
       postfix-gmail-wizard restore [ID] | restore --list
       postfix-gmail-wizard remove

Makes this machine's Postfix deliver mail through Gmail's submission server
([smtp.gmail.com]:587, STARTTLS, SASL with a Google app password), then proves
it with a live test message. Run it again to change account, re-test or undo.

Options of setup:
  --account ADDR          Gmail or Google Workspace address to authenticate as
  --password-stdin        read the app password from standard input (one line)
  --password-file PATH    read the app password from a file (first line)
  --relay HOST[:PORT]     relay server (default smtp.gmail.com:587;
                          port 465 means implicit TLS)
  --ca-file PATH          trust anchors for the relay's certificate
                          (default: the system's CA bundle)
  --config-dir DIR        Postfix configuration directory (like postconf -c)
  --to ADDR               recipient of the test message (default: the account)
  --no-test               skip the test message
  --no-keychain           neither read nor write the OS keychain
  --install               install missing packages without asking
  -y, --yes               accept the plan without asking
  --dry-run               show the plan and diffs; change nothing, send nothing
  --non-interactive       never prompt (default when stdin is not a terminal)
  --json                  print one JSON document with the outcome on stdout
  --map-senders, --no-map-senders   rewrite local senders to the account
  --root-alias ADDR       deliver root's mail to ADDR
  --loopback-only, --no-loopback-only   accept mail from this machine only
  --lang en|ja            language (default: from LC_ALL, LC_MESSAGES, LANG)
  --backup-dir DIR        where backups go
                          (default /var/backups/postfix-gmail-wizard)
  --state-dir DIR         where the last test result is kept
                          (default /var/lib/postfix-gmail-wizard)
  --wait SECONDS          longest wait for the test message (default 120)
  -h, --help, -V, --version

The app password is never accepted as an option value or from the environment.
Without a terminal, every missing answer is an error (exit 2) naming its option:
  printf '%s\\n' "$APP_PASSWORD" |
    postfix-gmail-wizard --account you@gmail.com --password-stdin --yes

Exit codes: 0 done (test delivered), 1 failed (nothing changed), 2 usage or
missing answers, 3 configured but the test message was not delivered,
130 cancelled.
`,
} as const;
