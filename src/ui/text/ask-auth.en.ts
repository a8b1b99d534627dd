// How Postfix signs in (--auth): Workspace's relay by address (flow/ask/relay-preflight.ts).
export const askAuthEn = {
  'authNone.connecting':
    'Trying {host}:{port} without a login (TLS verified; MAIL FROM and RCPT TO, then RSET: nothing is sent)…',
  'authNone.accepted': '{host} admits this machine: it accepted mail from {account} without a login.',
  'authNone.failed': '{host}:{port} did not accept the mail without a login: {detail}',
  'authNone.addressSeen': 'Google saw this machine as {address}; that is the address to allow.',
  'authNone.sendersConfigured':
    'Sender-dependent accounts ({accounts}) sign in with their own passwords; --auth none would leave them without a login.',
  'authNone.sendersConfiguredFix': 'Take them out first (postfix-gmail-wizard remove --account ADDR), then run again.',
  'authOauth.sendersConfigured':
    'Sender-dependent accounts ({accounts}) sign in with their app passwords, and Postfix has one SASL mechanism list for every account: with OAuth (smtp_sasl_mechanism_filter = xoauth2) they could no longer sign in.',
  'authOauth.sendersConfiguredFix':
    'Take them out first (postfix-gmail-wizard remove --account ADDR), or keep the app password for the default account.',
  'authOauth.defaultUsesOauth':
    'The default account {account} signs in with OAuth (smtp_sasl_mechanism_filter = xoauth2), which Postfix applies to every account: {adding} could not sign in with an app password beside it.',
  'authOauth.defaultUsesOauthFix':
    'Switch the default account to an app password first (postfix-gmail-wizard --account {account} --auth app-password), then add {adding}.',
  'authOauth.fileRefused':
    '{flag} {path} is not a file root may read a secret from ({problem}): it holds a client secret or a refresh token.',
  'authOauth.fileRefusedFix':
    'Give {flag} a regular file owned by root (or by you), that no other user can write and best none can read (chmod 600).',
  'authOauth.client-not-json': '{flag} {path} is not JSON.',
  'authOauth.client-not-installed':
    '{flag} {path} is not a "Desktop app" client: its JSON has no "installed" section (a "web" client cannot use a loopback redirect).',
  'authOauth.client-missing-field': '{flag} {path} has no {field}.',
  'authOauth.client-bad-uri': '{flag} {path}: {field} is not an https address.',
  'authOauth.token-not-json': '{flag} {path} is not JSON.',
  'authOauth.token-no-refresh': '{flag} {path} holds no refresh_token: without it Postfix cannot renew its access.',
  'authOauth.inputFix':
    'Download the client JSON again (Google Cloud console → APIs & Services → Credentials → your Desktop client → Download JSON); a token file needs at least {"refresh_token": "…"}.',
  'authOauth.refreshing': 'Getting a fresh access token from {endpoint} (TLS verified)…',
  'authOauth.refreshed': 'Got a fresh access token.',
  'authOauth.refreshFailed': 'The token endpoint refused: {error}',
  'authOauth.invalid_grant.cause':
    'Google no longer accepts this refresh token (invalid_grant): the consent was revoked, expired (7 days while the consent screen is in Testing), or the password changed.',
  'authOauth.invalid_grant.fix':
    'Give the consent again: run postfix-gmail-wizard --auth oauth interactively, or bring a new --oauth-token-file.',
  'authOauth.invalid_client.cause':
    'Google does not know this client or its secret (invalid_client): it was deleted or its secret reset.',
  'authOauth.invalid_client.fix':
    'Download the Desktop client JSON again from Google Cloud console (APIs & Services → Credentials) and run again with it.',
  'authOauth.unauthorized_client.cause':
    'This client may not use this refresh token (unauthorized_client): the token was issued to another client.',
  'authOauth.unauthorized_client.fix': 'Use the client JSON the consent was given to, or give the consent again.',
  'authOauth.unreachable.cause': 'The token endpoint {endpoint} could not be reached over verified TLS ({error}).',
  'authOauth.unreachable.fix':
    'Check the network and the clock; if a proxy inspects TLS, --ca-file must name its CA (it applies to the OAuth endpoints too).',
  'authOauth.other.cause': 'The token endpoint {endpoint} refused the refresh ({error}).',
  'authOauth.other.fix': 'Check the client JSON and the token file, or give the consent again.',
  'authOauth.connecting':
    'Logging in to {host}:{port} with XOAUTH2 (TLS verified; MAIL FROM and RCPT TO, then RSET: nothing is sent)…',
  'authOauth.accepted': '{host} accepted the XOAUTH2 login of {account}.',
  'authOauth.failed': 'Could not log in to {host}:{port} with XOAUTH2: {detail}',
  'authOauth.loginRefused.cause':
    'Gmail refused the OAuth access token for {account} (535): the consent was given for another account, or without the scope https://mail.google.com/.',
  'authOauth.loginRefused.fix':
    'Give the consent again, signed in as {account}, with the scope https://mail.google.com/ on the consent screen.',
  'authOauth.testing':
    'The OAuth consent screen is in "Testing": Google ends this consent after 7 days, and mail stops then. Publish the app (Google Cloud console → OAuth consent screen → Publish app) and give the consent again. Until then the wizard records when it ends: status, doctor and check warn 3 days before.',
  'authOauth.headlessFix':
    'Without a terminal the consent cannot be given here: bring the Desktop client JSON (--oauth-client) and a token from a consent given elsewhere (--oauth-token-file), both root-only files.',
  'authOauth.plugin.missing':
    'OAuth 2.0 needs the Cyrus SASL plugin {package} (libsasl-xoauth2.so in {dir}), and it is not installed on {os}.',
  'authOauth.plugin.fixPackage':
    'Run the wizard again with --install (it does the following for you), or: install the package {package} (dnf install {package}), then run the wizard again.',
  'authOauth.plugin.fixEpel':
    'Run the wizard again with --install (it does the following for you), or: enable EPEL (dnf install epel-release), install {package} (dnf install {package}), then run the wizard again.',
  'authOauth.plugin.fixExperimental':
    'Run the wizard again with --install (it does the following for you), or: Debian has {package} in experimental only: add `deb http://deb.debian.org/debian experimental main` to /etc/apt/sources.list.d/experimental.list, pin it so that only {package} comes from there (/etc/apt/preferences.d/sasl-xoauth2: Pin-Priority 1 for every package, 500 for {package}), apt-get update && apt-get install -t experimental {package}, then run the wizard again.',
  'authOauth.plugin.fixPpa':
    "Ubuntu's archive has no {package}: add its PPA (add-apt-repository ppa:sasl-xoauth2/stable; apt-get install {package}), or build it from https://github.com/tarickb/sasl-xoauth2 — or use an app password (--auth app-password).",
  'authOauth.plugin.fixSource':
    'This distribution has no {package} package: build it from https://github.com/tarickb/sasl-xoauth2 (cmake, installed into the Cyrus SASL plugin directory {dir}), or use an app password (--auth app-password).',
};
