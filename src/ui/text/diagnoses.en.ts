import type { DiagnosisCode } from '../../gmail/diagnose.js';

export interface DiagnosisText {
  cause: string;
  fix: string;
}

const APP_PASSWORDS = 'https://myaccount.google.com/apppasswords';

export const diagnosesEn: Record<DiagnosisCode, DiagnosisText> = {
  'auth-bad-credentials': {
    cause: 'Gmail rejected the account name or app password (535 5.7.8).',
    fix: `Create a new app password at ${APP_PASSWORDS} (2-Step Verification must be on) and run the wizard again.`,
  },
  'auth-app-password-required': {
    cause: 'Gmail wants an app password, not your normal Google password (534 5.7.9).',
    fix: `Turn on 2-Step Verification, create an app password at ${APP_PASSWORDS} and run the wizard again with it.`,
  },
  'auth-web-login-required': {
    cause: 'Google wants a sign-in in a web browser before it accepts this login (534 5.7.14).',
    fix: 'Sign in to the account at https://accounts.google.com from a browser (and confirm it was you), or create a new app password at https://myaccount.google.com/apppasswords and run the wizard again.',
  },
  'auth-too-many-attempts': {
    cause: 'Gmail is refusing logins for now after too many attempts (454 4.7.0).',
    fix: `Wait an hour or so before trying again; if the password may be wrong, make a new one at ${APP_PASSWORDS} first.`,
  },
  'auth-not-attempted': {
    cause: 'Postfix sent the mail without logging in to Gmail (530 5.7.0 Authentication Required).',
    fix: 'smtp_sasl_auth_enable must be yes and the password map key must match relayhost exactly ([smtp.gmail.com]:587), rebuilt with postmap; the wizard rewrites both.',
  },
  'relay-address-refused': {
    cause:
      "Google's SMTP relay service did not admit this machine's address (550 5.7.1 Invalid credentials for relay).",
    fix: 'Admin console → Apps → Google Workspace → Gmail → Routing → SMTP relay service: add the address Google saw to Allowed senders / IP addresses, or require SMTP authentication there and sign in (--auth oauth).',
  },
  'sasl-password-map': {
    cause: 'Postfix could not read its password map (the sasl_passwd file or its .db/.lmdb copy).',
    fix: 'Rebuild it with `postmap /etc/postfix/sasl_passwd` (using the type in smtp_sasl_password_maps), then `postfix reload`; running the wizard again does both.',
  },
  'oauth-consent-revoked': {
    // sasl-xoauth2 logs the same line for both answers (test/fixtures/postfix-output/maillog-xoauth2-*.log).
    cause:
      'Google refused to refresh the OAuth token: the consent was revoked or expired (invalid_grant), or the OAuth client was deleted (invalid_client).',
    fix: 'Consent again: run postfix-gmail-wizard --auth oauth at a terminal, or give a new token with --oauth-token-file FILE (for a deleted client, a new client JSON with --oauth-client FILE too).',
  },
  'oauth-ca-unreadable': {
    // The plugin's line: TokenStore::Refresh: http error: Problem with the SSL CA cert (path? access rights?),
    // or SSL certificate verification failed: certificate signer not trusted (maillog-xoauth2-ca-*.log).
    cause:
      "The sasl-xoauth2 plugin's libcurl could not check Google's token endpoint with its CA bundle: unreadable or lacking the issuer (chroot: copy missing or old).",
    fix: "Copy the bundle (ca_bundle_file in /etc/sasl-xoauth2.conf, else the system's) into smtp's chroot at the same path: postfix-gmail-wizard doctor --fix does it; unchrooted, update ca-certificates. The consent is fine.",
  },
  'sasl-no-mechanism': {
    cause: 'Postfix has no login method it may use with Gmail ("no mechanism available").',
    fix: 'Install the SASL plugins (Debian/Ubuntu: apt-get install libsasl2-modules; Fedora/RHEL: dnf install cyrus-sasl-plain; Gentoo: USE flag sasl on mail-mta/postfix), then reload Postfix.',
  },
  'sasl-not-offered': {
    cause:
      'Gmail did not offer a login because the connection was not encrypted ("Must issue a STARTTLS command first").',
    fix: 'Set smtp_tls_security_level = secure (the wizard does), with no smtp_tls_policy_maps entry or master.cf -o overriding it (`postfix-gmail-wizard status` shows where the level comes from); reload Postfix.',
  },
  'starttls-not-offered': {
    cause:
      'The server did not offer encryption (STARTTLS), so Postfix kept the password to itself; something on the way may strip it.',
    fix: 'Check that relayhost is [smtp.gmail.com]:587 and that no antivirus or router "SMTP inspection" sits in between; or try port 465 (--relay smtp.gmail.com:465).',
  },
  'tls-untrusted': {
    cause: "Gmail's certificate was not verified — possible interception; the password was not sent.",
    fix: 'Check the clock (`date`) and the CA bundle (smtp_tls_CAfile, package ca-certificates); if a proxy or antivirus inspects TLS, let port 587 pass untouched.',
  },
  'tls-name-mismatch': {
    cause: 'The certificate is not for {host} — wrong relayhost or interception; the password was not sent.',
    fix: 'Use relayhost = [smtp.gmail.com]:587 exactly, check /etc/hosts and DNS for {host}, and bypass any TLS-inspecting proxy.',
  },
  'tls-handshake': {
    cause: 'The encrypted connection could not be set up (TLS handshake failed).',
    fix: 'Port 587 needs STARTTLS and port 465 needs TLS from the start (smtp_tls_wrappermode = yes); if that matches, something on the network is interfering.',
  },
  'greeting-timeout': {
    cause: 'The server took the connection but never sent its greeting.',
    fix: 'Port 465 speaks TLS from the first byte: it needs smtp_tls_wrappermode = yes with smtp_tls_security_level = secure (--relay smtp.gmail.com:465 sets both), or go back to 587.',
  },
  'connect-timeout': {
    cause: 'Nothing answered on the way to Gmail: the network or ISP blocks outbound port 587.',
    fix: 'Try port 465 (--relay smtp.gmail.com:465); otherwise open outbound TCP 587/465 in the firewall or ask your ISP to unblock it.',
  },
  'connect-refused': {
    cause: 'The connection was refused: nothing listens there, or a firewall rejects it.',
    fix: 'Check relayhost (it should be [smtp.gmail.com]:587) and any local firewall rule that rejects outbound 587; port 465 is the alternative.',
  },
  'network-unreachable': {
    cause: "This machine has no route to Gmail's address (often an IPv6 address without working IPv6).",
    fix: 'Run the wizard again: when IPv6 cannot reach the relay but IPv4 can, it sets smtp_address_preference = ipv4 (IPv6 stays on for the rest). By hand: `postconf -e smtp_address_preference=ipv4` and `postfix reload`; or repair the IPv6 route.',
  },
  dns: {
    cause: 'The name {host} could not be looked up (DNS failure).',
    fix: 'Check that `getent hosts {host}` works and /etc/resolv.conf is right; Postfix keeps a copy in its chroot, so restart it after fixing.',
  },
  'dns-chroot': {
    cause:
      'Postfix runs its SMTP client in a chroot (its queue directory) that has no resolver files, so no name can be looked up ("Device or resource busy").',
    fix: 'Copy /etc/resolv.conf, /etc/hosts, /etc/nsswitch.conf and /etc/services into the etc/ folder of the queue directory (`postfix-gmail-wizard doctor --fix` does), or restart Postfix through its init script, which copies them.',
  },
  'mail-loop': {
    cause: 'The mail came back to this machine instead of going to Gmail (mail loop).',
    fix: "Set relayhost = [smtp.gmail.com]:587 (with the brackets) and keep the recipient's domain out of mydestination.",
  },
  'transport-unavailable': {
    cause: 'A delivery method named in main.cf has no entry in master.cf ("mail transport unavailable").',
    fix: 'Compare default_transport, relay_transport and transport_maps with `postconf -M`; the wizard sets them back to smtp and relay.',
  },
  'relay-transport-error': {
    cause:
      'Postfix is set to refuse outside mail: Debian\'s "Local only" sets default_transport/relay_transport = error.',
    fix: 'Set default_transport = smtp and relay_transport = relay (the wizard does), then reload Postfix.',
  },
  'sender-rejected': {
    cause: 'Gmail refused the sender address (MAIL FROM).',
    fix: 'Send from a full address (user@domain, best your Gmail address): set myorigin, or map local senders to the account with sender_canonical_maps.',
  },
  'recipient-rejected': {
    cause: 'Gmail refused the recipient address (it does not exist or is malformed).',
    fix: 'Check the recipient address for typos and send the test again to an address that exists.',
  },
  'message-rejected': {
    cause: 'Gmail refused the message itself (content or spam policy).',
    fix: 'Send a plain test message without attachments or links; see https://support.google.com/mail/?p=BlockedMessage.',
  },
  'quota-exceeded': {
    cause:
      'The account reached its daily sending limit (550 5.4.5): 500 messages a day for Gmail, 2,000 for Google Workspace. The mail was returned, not kept for a retry.',
    fix: 'Wait until the limit resets (within 24 hours) and send the returned mail again; for more volume use a Workspace account or spread the mail over several days.',
  },
  'rate-limited': {
    cause:
      'Gmail is slowing this account down for now: too many messages or connections in a short time (421 4.7.0, 450 4.2.1).',
    fix: 'Send fewer messages at once and let Postfix retry the deferred mail by itself; a bounce with 550 5.4.5 is the daily limit instead (quota-exceeded).',
  },
  'server-temporary': {
    cause: 'Gmail reported a temporary problem on its side.',
    fix: 'Nothing to change: Postfix retries on its own. If it lasts for hours, see https://www.google.com/appsstatus.',
  },
  unknown: {
    cause: 'The failure did not match a known cause.',
    fix: 'Read the server reply shown above and the mail log (journalctl -u postfix, or /var/log/mail.log).',
  },
};
