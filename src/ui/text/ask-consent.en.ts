// OAuth 2.0's interactive consent (flow/ask/oauth-consent.ts, ui/consent-page.ts) and the question of
// how Postfix signs in (flow/ask/auth-choice.ts).
export const askConsentEn = {
  'consent.clientTitle': 'OAuth 2.0: a "Desktop app" client of your own',
  'consent.clientHelp':
    "Postfix signs in with a client you make once in Google Cloud's console (https://console.cloud.google.com/):\n" +
    '1. Create a project (or pick one).\n' +
    '2. APIs & Services → OAuth consent screen: fill it in, then publish it ("In production"). In "Testing" Google ends each consent after 7 days and mail stops.\n' +
    '3. Data access → Add scope: https://mail.google.com/\n' +
    '4. Credentials → Create credentials → OAuth client ID → Application type "Desktop app" → Create → Download JSON.\n' +
    '5. Put that file on this machine, readable by root only (chmod 600).\n' +
    'Then you allow access once in a browser; the wizard never sees your Google password.',
  'consent.clientPath': 'Path of the client JSON you downloaded (client_secret_….json)',
  'consent.clientPathEmpty': 'Type the path of the downloaded client JSON.',
  'consent.open': 'Open this address in a browser, sign in as {account} and allow access:',
  'consent.listening': "The wizard waits for the browser's answer at http://127.0.0.1:{port}/ on this machine.",
  'consent.ssh':
    'This session is over SSH: the browser on your computer reaches 127.0.0.1:{port} here only through a forward. On your computer, before opening the address, run:',
  'consent.paste': 'Or paste here the address the browser ended on (even if it says it cannot connect)',
  'consent.pasteNotAnswer':
    'That is not the address the browser ended on: it has no code=. Copy the whole address bar.',
  'consent.pasteStateMismatch':
    "That address answers another consent (its state is not this run's): use the address this run printed.",
  'consent.heard': 'The browser brought the answer to 127.0.0.1:{port}.',
  'consent.denied.cause': 'Google did not give the consent ({error}).',
  'consent.denied.fix':
    'Run again and press Allow. If Google says "Access blocked", check the consent screen (published, the scope https://mail.google.com/) and that you sign in as the account.',
  'consent.exchanging': 'Exchanging the code for tokens at {endpoint} (TLS verified)…',
  'consent.exchanged': 'Google gave a refresh token for this client.',
  'consent.exchangeFailed': 'The token endpoint did not take the code: {error}',
  'consent.exchange.cause': '{endpoint} did not exchange the code for tokens ({error}).',
  'consent.exchange.fix':
    'Run again: a code works once and only for a few minutes. If it says invalid_client, download the client JSON again.',
  'consent.noRefresh.cause': '{endpoint} gave an access token but no refresh token: Postfix could not renew it.',
  'consent.noRefresh.fix':
    "Remove the app's access at https://myaccount.google.com/permissions, then run again to give the consent anew.",
  'consent.page.title': 'postfix-gmail-wizard — consent',
  'consent.page.taken': 'The consent reached the wizard. Go back to the terminal; you may close this tab.',
  'consent.page.refused':
    "This answer does not belong to the wizard's request (its state does not match), so it was refused. Go back to the terminal.",
  'consent.page.ignored': 'Not found.',
  'authChoice.title': 'How Postfix signs in to Google',
  'authChoice.why.workspace':
    '{account} is a Google Workspace address: its admin decides which of these ways are open.',
  'authChoice.why.refused':
    'If Google says app passwords are not available for {account} (Advanced Protection, security keys only, or turned off by an admin), another way may work.',
  'authChoice.explain.app-password':
    'App password: 16 letters made for this machine at https://myaccount.google.com/apppasswords.\n  The simplest; it needs 2-Step Verification, and an admin may turn it off.',
  'authChoice.explain.oauth':
    'OAuth 2.0: you allow access once in a browser; Postfix renews its token itself.\n  It needs a Desktop client in Google Cloud and the sasl-xoauth2 plugin.',
  'authChoice.explain.none':
    "Workspace relay by address: no login; smtp-relay.gmail.com admits this machine's IP address\n  once the admin allows it (Admin console → Gmail → Routing → SMTP relay service).",
  'authChoice.question': 'How should Postfix sign in?',
  'authChoice.label.app-password': 'App password',
  'authChoice.label.oauth': 'OAuth 2.0 (allow access in a browser)',
  'authChoice.label.none': "Workspace relay by this machine's address (no login)",
};
