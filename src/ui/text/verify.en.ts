// The verify phase (flow/verify/) and the `test` command: the test message, the summary,
// flushing deferred mail.
export const verifyEn = {
  // commands/setup.ts, commands/test.ts
  'ask.testAgain': 'Send a test message now?',
  'accounts.fromInvalid': '--from: {problem}',
  'accounts.fromFix': 'Give the envelope sender as an address: --from invoices@company.example',
  'test.notConfigured':
    'There is nothing to test: relayhost is empty, so Postfix would deliver directly, not through Gmail. Nothing was sent.',
  'test.notConfiguredFix':
    'Set the relay up first: postfix-gmail-wizard --account you@gmail.com (then `postfix-gmail-wizard test`).',

  // flow/verify/verify.ts
  'verify.noListener':
    'Postfix has no SMTP listener (no "smtp inet … smtpd" line in master.cf) to hand the test message to.',
  'verify.noListenerFix': 'Enable the smtp service in master.cf, or run with --no-test.',
  'verify.submitting': 'Handing a test message to Postfix at {host}:{port}…',
  'verify.subject': 'Test message from {host} via postfix-gmail-wizard',
  'verify.body':
    'This message was sent by postfix-gmail-wizard on {host} at {time} to check that Postfix delivers through Gmail.\n\nIf you can read it, the relay works.\n',
  'verify.submitFailed': 'Postfix did not take the test message.',
  'verify.submitFailedDetail': 'Postfix at {host}:{port} did not accept the test message: {reason}',
  'verify.submitFailedFix': 'Check that Postfix is running (postfix status) and look at its log.',
  'verify.noQueueId': 'Postfix answered without a queue id: {response}',
  'verify.queued': 'Queued as {id}; waiting for the relay…',
  'verify.waiting': 'Queue id {id} is in the {queue} queue…',
  'verify.sent': 'Message {id} was accepted by the relay.',
  'verify.notSent': 'Message {id} was not delivered ({status}).',
  'verify.timedOut': 'Message {id} is still waiting after {seconds} s.',
  'verify.stopped': 'Stopped waiting for message {id} (interrupted); Postfix keeps it in the queue.',
  'verify.leftQueue': 'Message {id} has left the queue; this machine keeps no mail log to say how.',

  // flow/verify/summary.ts, commands/setup.ts, commands/test.ts
  'summary.sent': 'Delivered to {to} through {relay}: {reply}',
  'summary.deliveredLocally':
    '{to} is delivered on this machine, not through the relay; send the test to an outside address to check the relay.',
  'summary.noLog':
    'Message {id} left the queue, but without a mail log it cannot be told whether Gmail accepted it. Look in the inbox of {to}; to let the wizard see the reply next time, give Postfix a log: postconf -e maillog_file=/var/log/postfix.log && postfix reload (with OAuth, the sign-in plugin still writes only to syslog: a syslog daemon such as rsyslog shows its messages too)',
  'summary.stillQueued':
    'Message {id} is still in the queue. Follow it with: postqueue -p; postfix-gmail-wizard status',
  'summary.failed': 'Not delivered ({status}, queue id {id}): {reply}',
  'summary.whatToDo': 'Why, and what to do',
  'summary.done': 'Done: this machine sends mail through Gmail.',
  'summary.notDelivered': 'The configuration is in place, but the test message was not delivered.',
  'accounts.wentThrough': 'The test message has the envelope sender {from}: Postfix logs in as {account} for it.',

  // flow/verify/flush-deferred.ts
  'flush.running': 'Asking Postfix to send the {count} deferred message(s) now (postqueue -f)…',
  'flush.waiting': '{sent} of {count} deferred message(s) sent so far…',
  'flush.done': '{sent} of {count} deferred message(s) went out with the new login.',
  'flush.failed': 'postqueue -f failed: {reason}',
  'flush.notAll': '{left} deferred message(s) are still waiting; Postfix retries them on its own (see: postqueue -p).',
} as const;
