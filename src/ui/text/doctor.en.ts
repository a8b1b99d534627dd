// doctor's sentences (English): progress, the report, and a title and a fix for every problem code.
export const doctorEn = {
  'doctor.reading': 'Reading main.cf, master.cf, the maps, the queue, the log and the relay…',
  'doctor.read': 'Read the Postfix configuration in {dir}',
  'doctor.healthy': 'No problem found: mail can leave through {relay}.',
  'doctor.title': 'Problems found: {count}',
  'doctor.fixHint': '{count} of them can be repaired by: postfix-gmail-wizard doctor --fix',
  'doctor.noneFixable': 'None of these can be repaired automatically; each one says what to do.',
  'doctor.planTitle': 'What doctor --fix will change',
  'doctor.startOnly': 'Start Postfix.',
  'doctor.confirm': 'Apply these repairs (everything is backed up first)?',
  'doctor.fixed': 'Repaired: {codes} (backup {id}).',
  'doctor.remaining': 'Still to do: {count}',
  'doctor.byFix': '(doctor --fix does this.)',

  'doctor.title.data-dir-owner': "Postfix's data directory {path} is not owned by {owner}: Postfix cannot start",
  'doctor.fix.data-dir-owner':
    'Give it back to {owner}: chown -R {owner} {path} (or postfix set-permissions), then start Postfix. A reinstall after apt-get remove leaves it like this.',
  'doctor.title.postfix-not-running': 'Postfix is not running',
  'doctor.fix.postfix-not-running': 'Start Postfix (systemctl start postfix, or postfix start).',
  'doctor.title.password-file-readable': 'A file holding the relay password can be read by other users',
  'doctor.fix.password-file-readable': 'Make it readable by root only: chmod 600 {paths}',
  'doctor.title.map-not-compiled':
    'A lookup table is not compiled as it stands: Postfix reads an older copy, or none (the lines below say which)',
  'doctor.fix.map-not-compiled': 'Compile it: postmap {maps}',
  'doctor.title.obsolete-settings': 'main.cf uses obsolete or misused settings ({names})',
  'doctor.fix.obsolete-settings':
    'Take them out; smtp_tls_security_level says the TLS level, and a certificate file belongs in smtp_tls_CAfile (smtp_tls_CApath is a directory).',
  'doctor.title.tls-unverified':
    "The relay's certificate is not verified (TLS level {level}, set in {where}): the password goes to whoever answers",
  'doctor.fix.tls-unverified':
    'Set smtp_tls_security_level = secure with smtp_tls_CAfile naming a CA bundle, and take out what overrides it for the relay (master.cf -o, a policy table entry).',
  'doctor.title.wrappermode-mismatch': 'smtp_tls_wrappermode does not match port {port}',
  'doctor.fix.wrappermode-mismatch':
    'Port 465 speaks TLS from the first byte, 587 starts plain and uses STARTTLS: set smtp_tls_wrappermode = {want}.',
  'doctor.title.postfix-without-sasl':
    'This Postfix was built without Cyrus SASL (postconf -A: {types}): it cannot log in to the relay',
  'doctor.fix.postfix-without-sasl':
    'Install a Postfix built with SASL support (the distribution\'s postfix package; on Gentoo the "sasl" USE flag for mail-mta/postfix), or run the wizard with --install.',
  'doctor.title.postfix-without-tls':
    'This Postfix was built without TLS (the Gentoo USE flag "ssl" is off): no STARTTLS, and Gmail accepts no login without it',
  'doctor.fix.postfix-without-tls':
    'Run the wizard with --install to rebuild mail-mta/postfix with USE="sasl ssl", or add "mail-mta/postfix sasl ssl" to /etc/portage/package.use and run: emerge --oneshot --newuse mail-mta/postfix',
  'doctor.title.map-type-unsupported':
    'Postfix\'s default map type "{type}" is not supported by this build (postconf -m: {types})',
  'doctor.fix.map-type-unsupported':
    'Set default_database_type to a type listed by postconf -m, or install the map plugin for "{type}".',
  'doctor.title.sasl-plugins-missing':
    'Postfix has no SASL mechanism it may use with the relay ("no mechanism available")',
  'doctor.fix.sasl-plugins-missing':
    'Install the Cyrus SASL PLAIN and LOGIN plugins (Debian: libsasl2-modules; RHEL: cyrus-sasl-plain; Gentoo: dev-libs/cyrus-sasl), and make sure TLS is used before login (smtp_tls_security_level = secure).',
  'doctor.title.dpkg-interrupted':
    'dpkg was interrupted during an install or upgrade: some packages are only half installed, and no package can be installed until that is finished',
  'doctor.fix.dpkg-interrupted':
    'Run `dpkg --configure -a` as root: dpkg finishes the work that was cut off. Then run the wizard (or doctor) again.',
  'doctor.title.relay-taken-out': 'The relay the wizard configured is no longer set: mail does not go through Gmail',
  'doctor.fix.relay-taken-out':
    'Something rewrote main.cf (on Debian: dpkg-reconfigure postfix or a package upgrade, writing its own answers back). Set relayhost = {relayhost} again.',
  'doctor.title.relay-bypassed': 'Some mail does not go through the relay',
  'doctor.fix.relay-bypassed':
    'Mail sent around Gmail is rejected by receivers that check DMARC for your address. Take out the tables or transports shown, or make them point at the relay; with no relayhost, run postfix-gmail-wizard setup.',
  'doctor.title.open-relay':
    'Other hosts may send mail through this machine, and so through your Gmail account ({networks})',
  'doctor.fix.open-relay':
    'Limit mynetworks to the hosts that must relay, or let Postfix listen on this machine only (setup --loopback-only).',
  'doctor.title.dns-failure': 'Names cannot be looked up',
  'doctor.fix.dns-failure': 'Check /etc/resolv.conf and that `getent hosts {host}` works.',
  'doctor.title.relay-unreachable': 'The relay {host} cannot be reached on port {port}',
  'doctor.fix.relay-unreachable':
    'A firewall or the provider blocks the port: try the other submission port (setup --relay smtp.gmail.com:465, or :587), or open outbound TCP 587/465.',
  'doctor.title.ipv6-unreachable': 'The relay cannot be reached over IPv6, only over IPv4',
  'doctor.fix.ipv6-unreachable':
    'Prefer IPv4 toward the relay: postconf -e smtp_address_preference=ipv4 (IPv6 stays on otherwise), or repair the IPv6 route.',
  'doctor.title.login-refused': 'The relay refuses the account and password Postfix holds',
  'doctor.fix.login-refused': 'Run postfix-gmail-wizard setup with a new app password.',
  'doctor.title.deferred-auth': 'Mail waits in the queue because the relay refused the login (messages: {count})',
  'doctor.fix.deferred-auth':
    'When the login works again, the waiting mail goes out at the next retry (or at once with postqueue -f).',
  'doctor.title.quota-exceeded':
    "Gmail returned mail: the account's daily sending limit was reached (messages: {count})",
  'doctor.fix.quota-exceeded': 'The limits: 500 messages a day for Gmail, 2,000 for Google Workspace.',
  'doctor.title.daily-limit': '{account} sent {sent} of its {limit} recipients a day ({percent} %) in the last 24 h',
  'doctor.fix.daily-limit':
    'Gmail refuses further mail from the account (550 5.4.5) until the 24 hours have passed: spread the mail out, or send some of it through another account (setup --senders), or Workspace through smtp-relay.gmail.com (10,000 a day).',
  'doctor.title.throttled': 'Gmail is slowing this account down for now (messages: {count})',
  'doctor.fix.throttled': 'Nothing to change in Postfix: it retries deferred mail by itself.',
  'doctor.title.mail-deferred': 'Mail is waiting or was returned (messages: {count})',
  'doctor.fix.mail-deferred': 'Postfix retries deferred mail by itself; returned mail must be sent again.',
  'doctor.title.oauth-plugin-missing':
    'Postfix signs in with OAuth (XOAUTH2), but the sasl-xoauth2 plugin or a file it needs is missing ({where})',
  'doctor.fix.oauth-plugin-missing':
    'Install the sasl-xoauth2 package (Debian sid: from experimental; Fedora/EPEL: dnf install sasl-xoauth2), or run postfix-gmail-wizard --auth oauth again, which writes the plugin config and the CA bundle it needs inside the chroot too.',
  'doctor.title.oauth-token-unwritable':
    'smtp cannot rewrite the OAuth token file {paths}: it must be owned by {owner}, 0600, in a 0700 directory of {owner}',
  'doctor.fix.oauth-token-unwritable':
    'The plugin rewrites the token at each refresh: run postfix-gmail-wizard --auth oauth again (it gives the file and its directory to {owner}), or chown {owner} and chmod 600 the file, 700 its directory.',
  'doctor.title.oauth-consent-revoked':
    'Postfix cannot refresh its OAuth token: Google refused it (the consent was revoked or expired, or the OAuth client was deleted), mail waits (messages: {count})',
  'doctor.fix.oauth-consent-revoked':
    'A person must consent again: run postfix-gmail-wizard --auth oauth at a terminal, or give it a new token with --oauth-token-file FILE (and, if the client was deleted in Google Cloud, a new client JSON with --oauth-client FILE); Postfix then sends the waiting mail by itself.',
  'doctor.title.oauth-ca-unreadable':
    'Postfix cannot refresh its OAuth token: the sasl-xoauth2 plugin could not check Google with its CA bundle, mail waits (messages: {count})',
  'doctor.fix.oauth-ca-unreadable':
    'Nothing to consent again: once the plugin can use the bundle, Postfix sends the waiting mail by itself.',
  'doctor.title.oauth-chroot-ca-stale':
    "The copy of the CA bundle the sasl-xoauth2 plugin checks Google with inside smtp's chroot, {to}, is missing or not the same as {from}",
  'doctor.fix.oauth-chroot-ca-stale':
    "smtp runs chrooted, so the plugin's libcurl reads {to}, not {from}; a ca-certificates upgrade changes the original and leaves the copy as it was (a missing copy stops every OAuth refresh). Copy it again: cp {from} {to}.",
  'doctor.title.oauth-plugin-unheard':
    "Postfix's OAuth sign-in failed (messages: {count}), and the sasl-xoauth2 plugin's reason cannot be in {file}",
  'doctor.fix.oauth-plugin-unheard':
    'Postfix writes {file} itself (maillog_file, through postlogd), but the plugin writes its reason only through syslog(3), to /dev/log: into the system log if a syslog daemon or journald listens there (look for "[sasl-xoauth2] auth failed" with journalctl or in /var/log/syslog), else nowhere — containers often run none. To see it, run a syslog daemon (rsyslog, or busybox syslogd) and let Postfix try again (postqueue -f). The plugin logs a failure while log_to_syslog_on_failure is yes in /etc/sasl-xoauth2.conf (its default; with smtp chrooted, the copy in the chroot counts); log_full_trace_on_failure: yes logs every step, but with the client secret and the refresh token in it — set it back to no after. "TokenStore::Refresh: request failed" means Google refused the refresh (consent again: postfix-gmail-wizard --auth oauth); "http error: Problem with the SSL CA cert" means smtp cannot read the CA bundle in its chroot (postfix-gmail-wizard doctor --fix).',
  'doctor.title.oauth-consent-expired':
    'Google ended the OAuth consent for {account} at {ends} (a consent screen in Testing lasts 7 days): Postfix can no longer refresh its token, mail waits',
  'doctor.title.oauth-consent-expiring':
    'Google ends the OAuth consent for {account} at {ends}, in {hours} h (a consent screen in Testing lasts 7 days)',
  'doctor.fix.oauth-consent-expired':
    'A person must consent again: run postfix-gmail-wizard --account {account} --auth oauth at a terminal, or give it a new token with --oauth-token-file FILE; Postfix then sends the waiting mail by itself. Publishing the OAuth consent screen to Production (Google Cloud console → Google Auth Platform → Audience → Publish app) gives consents that do not end after 7 days.',
  'doctor.fix.oauth-consent-expiring':
    'Consent again before then: run postfix-gmail-wizard --account {account} --auth oauth at a terminal, or give it a new token with --oauth-token-file FILE. Publishing the OAuth consent screen to Production (Google Cloud console → Google Auth Platform → Audience → Publish app) gives consents that do not end after 7 days.',
  'doctor.reconsent.ask':
    'Sign in with Google again now, as {account}? (a new consent in the browser, with the OAuth client already configured)',
} as const;
