// The help screens (English): `--help` (the commands), and one per command
// (`COMMAND --help`, `help COMMAND`), each documenting exactly the flags
// src/flags.ts gives that command. Every line fits 80 columns; the man page
// (npm run man) is made from these same texts.
const common = `Options of every command:
  --config-dir DIR        Postfix configuration directory (like postconf -c)
  --state-dir DIR         lock, journal and last test go in
                          DIR/postfix-gmail-wizard
                          (default /var/lib/postfix-gmail-wizard)
  --backup-dir DIR        backups go in DIR/postfix-gmail-wizard; the newest
                          10 are kept
                          (default /var/backups/postfix-gmail-wizard)
  --no-keychain           neither read nor write the OS keychain
  --non-interactive       never prompt (default when stdin is not a terminal)
  --json                  print one JSON document with the outcome on stdout
  --lang en|ja            language (default: from LC_ALL, LC_MESSAGES, LANG)
  -h, --help, -V, --version
`;

const commonShort = `Options of every command: --config-dir, --state-dir, --backup-dir,
--no-keychain, --non-interactive, --json, --lang (postfix-gmail-wizard --help
describes them).
`;

export const helpEn = `Usage: postfix-gmail-wizard [setup] [options]
       postfix-gmail-wizard COMMAND [options]

Makes this machine's Postfix deliver mail through Gmail's submission server
([smtp.gmail.com]:587, STARTTLS, SASL with a Google app password), then proves
it with a live test message. Run it again to change account, re-test or undo.

Commands:
  setup     the wizard (the default command): configure the relay, test it
  status    the current relay, account, TLS level, queue and last test
  test      send a test message through the current setup and follow it
  restore   put back the files of a backup; restore --list lists them
  remove    take the relay configuration out again (backed up first)
  doctor    find what stops mail from leaving; --fix repairs it
  check     a monitoring check (Nagios, Icinga, ...; --textfile: Prometheus)
  help      help COMMAND shows a command's options (as COMMAND --help does)

${common}
The app password is never accepted as an option value or from the environment.
Without a terminal, every missing answer is an error (exit 2) naming its option:
  printf '%s\\n' "$APP_PASSWORD" |
    sudo postfix-gmail-wizard --account you@gmail.com --password-stdin --yes

Exit codes: 0 done (test delivered), 1 failed (nothing changed), 2 usage or
missing answers, 3 configured but the test message was not delivered,
130 cancelled. Each command's help lists its own.
`;

export const helpSetupEn = `Usage: postfix-gmail-wizard [setup] [options]

Configures Postfix to relay through Gmail and sends a test message. Asks for
what no option answers; shows the plan and every file's diff before changing
anything; backs up and rolls back on failure. Needs root (sudo).

Options:
  --account ADDR          Gmail or Google Workspace address to authenticate as
  --password-stdin        read the app password from standard input (one line)
  --password-file PATH    read the app password from a file holding only it
                          (one line), owned by root or you, writable by no one
                          else
  --relay HOST[:PORT]     relay server (default smtp.gmail.com:587;
                          port 465 means implicit TLS)
  --ca-file PATH          trust anchors for the relay's certificate
                          (default: the system's CA bundle)
  --to ADDR               recipient of the test message (default: the account)
  --no-test               skip the test message
  --wait SECONDS          longest wait for the test message (default 120)
  --install               install missing packages without asking
  -y, --yes               accept the plan without asking
  --dry-run               show the plan and diffs; change nothing, send nothing
  --map-senders, --no-map-senders
                          rewrite local senders to the account (or stop)
  --root-alias ADDR       deliver root's mail to ADDR
  --loopback-only, --no-loopback-only
                          accept mail from this machine only (or stop)
  --monitor, --no-monitor run check every 5 minutes (a systemd timer, else
                          cron.d), or take it out; needs the wizard installed
                          for good (npm install -g), not npx's cache
  --textfile DIR          with --monitor: where the check writes its metrics
                          (default /var/lib/prometheus/node-exporter)
  --senders LIST          add --account for these envelope senders only
                          (comma-separated addresses or @domain); the default
                          account keeps every other sender
  --auth app-password|oauth|none
                          how Postfix signs in: an app password (default),
                          OAuth 2.0 (XOAUTH2, the sasl-xoauth2 plugin), or
                          none (Workspace's SMTP relay service admitting this
                          machine's address; relay smtp-relay.gmail.com:587)
  --oauth-client FILE     with --auth oauth: the Desktop-app client JSON from
                          Google Cloud's console
  --oauth-token-file FILE with --auth oauth, headless: a token from an earlier
                          consent (at least refresh_token)
  --keep-token            leaving OAuth (another way of signing in, another
                          account): do not revoke the old refresh token at
                          Google (it is revoked once the change is done)

${commonShort}
Exit codes: 0 done (test delivered), 1 failed (nothing changed), 2 usage or
missing answers, 3 configured but the test message was not delivered,
130 cancelled.
`;

export const helpStatusEn = `Usage: postfix-gmail-wizard status [options]

Shows the current relay, account (and the accounts of --senders), map type,
TLS level, keychain, queue and the last test's result. Changes nothing.

${commonShort}
Exit codes: 0 no problem listed, 1 problems listed, 2 usage.
`;

export const helpTestEn = `Usage: postfix-gmail-wizard test [options]

Sends a test message through the current setup and follows it until the relay
accepts it (or refuses, or the wait ends). Changes no configuration.

Options:
  --to ADDR               recipient (default: asked; without a terminal, the
                          account)
  --from ADDR             envelope sender of the test message (its account)
  --wait SECONDS          longest wait for the test message (default 120)

${commonShort}
Exit codes: 0 delivered, 1 failed, 2 usage, 3 not delivered (deferred or
bounced: the reason is shown).
`;

export const helpRestoreEn = `Usage: postfix-gmail-wizard restore [ID] [options]
       postfix-gmail-wizard restore --list [options]

Puts back the files of a backup (the latest when ID is omitted) and reloads
Postfix. Each run that changes the machine makes a backup first.

Options:
  --list                  list the backups (ID, date, reason, files)
  -y, --yes               restore without asking
  --dry-run               show what would be put back; change nothing

${commonShort}
Exit codes: 0 restored, 1 failed (nothing changed), 2 usage or unknown ID.
`;

export const helpRemoveEn = `Usage: postfix-gmail-wizard remove [options]
       postfix-gmail-wizard remove --account ADDR [options]

Takes the relay configuration out again (backed up first): the settings and
files the wizard made, and the values it replaced put back.

Options:
  --account ADDR          take out only this sender-dependent account (its
                          senders fall back to the default account)
  --purge                 also delete the backups and keychain entries that
                          still hold the password (asked when interactive)
  --keep-token            after OAuth: do not revoke the refresh token at
                          Google (it is revoked once the removal is done)
  -y, --yes               remove without asking
  --dry-run               show the plan and diffs; change nothing

${commonShort}
Exit codes: 0 removed, 1 failed (nothing changed), 2 usage.
`;

export const helpDoctorEn = `Usage: postfix-gmail-wizard doctor [--fix [--yes]] [options]

Finds what stops mail from leaving through the relay (settings, overrides,
file modes, maps, queue, log, reachability, login) and changes nothing.

Options:
  --fix                   repair the fixable problems as one transaction
                          (backed up, rolled back on failure)
  -y, --yes               with --fix: repair without asking

${commonShort}
Exit codes: 0 no problem, 1 problems (remaining after --fix), 2 usage.
`;

export const helpCheckEn = `Usage: postfix-gmail-wizard check [-w N] [-c N] [--textfile [DIR]] [options]

A monitoring check in the Monitoring Plugins format (Nagios, Icinga, Naemon,
Sensu, Checkmk): one line "GMAIL RELAY OK - ... | perfdata", then one line per
finding with its fix. Reads this machine only (settings, queue, log); never
prompts, logs in, sends or changes anything; takes no lock. With --json: one
JSON document instead (state, problems with codes, perfdata values).

Options:
  -w, --warning N         WARNING above N deferred messages (default 5)
  -c, --critical N        CRITICAL above N deferred messages (default 20)
  --queue-age SECONDS     WARNING when a message waits longer (default 3600)
  --limit-percent P       WARNING at P % of Gmail's daily limit (default 80)
  --daily-limit N         the accounts' daily limit instead of Gmail's
                          (500 personal, 2,000 Workspace, 10,000 smtp-relay)
  --consent-days N        WARNING when an OAuth consent ends within N days
                          (default 3; a consent screen in Testing: 7 days)
  --textfile [DIR]        also write DIR/postfix_gmail_wizard.prom for
                          node_exporter's textfile collector
                          (default /var/lib/prometheus/node-exporter)

${commonShort}
Exit codes: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (a bad option too).
`;
