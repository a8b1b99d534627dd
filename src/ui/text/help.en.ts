// The --help screen (English): a document of its own, kept beside the message
// catalogue that shows it under the key 'help'.
export const helpEn = `Usage: postfix-gmail-wizard [setup] [options]
       postfix-gmail-wizard status [--json]
       postfix-gmail-wizard test [--to ADDR] [--from ADDR]
       postfix-gmail-wizard restore [ID] | restore --list
       postfix-gmail-wizard remove [--purge] | remove --account ADDR
       postfix-gmail-wizard doctor [--json] [--fix [--yes]]
       postfix-gmail-wizard check [-w N] [-c N] [--textfile [DIR]]

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
  --senders LIST          add --account for these envelope senders only
                          (comma-separated addresses or @domain); the default
                          account keeps every other sender
  --lang en|ja            language (default: from LC_ALL, LC_MESSAGES, LANG)
  --backup-dir DIR        backups go to DIR/postfix-gmail-wizard; the newest
                          10 are kept (default /var/backups/postfix-gmail-wizard)
  --state-dir DIR         lock, journal and last test in DIR/postfix-gmail-wizard
                          (default /var/lib/postfix-gmail-wizard)
  --wait SECONDS          longest wait for the test message (default 120)
  -h, --help, -V, --version

Option of test:
  --from ADDR             envelope sender of the test message (its account)

Options of remove:
  --purge                 also delete the backups and keychain entries that
                          still hold the password (asked when interactive)
  --account ADDR          take out only this sender-dependent account
                          (with --purge: also its keychain entry)

doctor finds what stops mail from leaving through the relay (settings, file
modes, maps, queue, log, reachability, login) and changes nothing; with --fix
it repairs the fixable problems as one transaction (backed up, rolled back on
failure). Exit codes: 0 no problem, 1 problems (remaining after --fix), 2 usage.

check is a monitoring check (Nagios, Icinga, Naemon, Sensu, Checkmk): one line
"GMAIL RELAY OK - ... | perfdata", exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
It reads this machine only (queue, log, settings), sends nothing, changes nothing.
  -w N, -c N              WARNING / CRITICAL above N deferred messages (5, 20)
  --queue-age SECONDS     WARNING when a message waits longer (default 3600)
  --limit-percent P       WARNING at P % of Gmail's daily limit (default 80)
  --daily-limit N         the accounts' daily limit, instead of Gmail's
                          (500 personal, 2,000 Workspace, 10,000 smtp-relay)
  --textfile [DIR]        also write DIR/postfix_gmail_wizard.prom for
                          node_exporter (default /var/lib/prometheus/node-exporter)

The app password is never accepted as an option value or from the environment.
Without a terminal, every missing answer is an error (exit 2) naming its option:
  printf '%s\\n' "$APP_PASSWORD" |
    postfix-gmail-wizard --account you@gmail.com --password-stdin --yes

Exit codes: 0 done (test delivered), 1 failed (nothing changed), 2 usage or
missing answers, 3 configured but the test message was not delivered,
130 cancelled. status: 0 no problem listed, 1 problems listed.
`;
