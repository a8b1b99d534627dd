// Runs inside `unshare -m -n` (started by test/e2e/doctor/open-relay.e2e.test.ts): lo carries
// 192.0.2.1 and 192.0.2.2 (TEST-NET-1, this namespace only). A lab set up by the wizard is opened the
// way hand-made relays are: inet_interfaces = all, smtpd also on 192.0.2.1, mynetworks with
// 192.0.2.0/24. Another host (a client bound to 192.0.2.2) then really relays a stranger's mail through
// it, and through the Gmail account. doctor runs without and with --fix; the fix its text gives is made
// by hand (mynetworks = 127.0.0.0/8, Postfix restarted); the same client is refused, and doctor runs again.
import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { doctor, fingerprint, setUpRelay } from './doctor-lab.js';
import { enterNamespaces, report } from './netns.js';
import { startRelayLab } from './relay-lab.js';

const execFileP = promisify(execFile);
const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'openopenopenopen';
const SERVER = '192.0.2.1';
const OTHER_HOST = '192.0.2.2';

/** One SMTP conversation from OTHER_HOST to SERVER:port: the greeting, then each command's reply (its last line). */
function converse(port: number, commands: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: SERVER, port, localAddress: OTHER_HOST });
    const replies: string[] = [];
    let buffer = '';
    const queue = [...commands];
    socket.setEncoding('utf8').on('data', (data: string) => {
      buffer += data;
      for (let end = /^\d{3} .*\r\n/m.exec(buffer); end; end = /^\d{3} .*\r\n/m.exec(buffer)) {
        replies.push(end[0].trim());
        buffer = buffer.slice(end.index + end[0].length);
        const next = queue.shift();
        if (next === undefined) return void socket.end(() => resolve(replies));
        socket.write(`${next}\r\n`);
      }
    });
    socket.on('error', reject);
    socket.setTimeout(30_000, () =>
      socket.destroy(new Error(`no reply from ${SERVER}:${port}; so far: ${replies.join(' | ')}`)),
    );
  });
}

const relayAttempt = (port: number) =>
  converse(port, [
    'EHLO other.example',
    'MAIL FROM:<stranger@example.org>',
    'RCPT TO:<victim@example.net>',
    'DATA',
    'Subject: through your relay\r\n\r\nSent by another host.\r\n.',
    'QUIT',
  ]);

report(async () => {
  await enterNamespaces();
  for (const address of [SERVER, OTHER_HOST]) await execFileP('ip', ['addr', 'add', `${address}/24`, 'dev', 'lo']);
  const lab = await startRelayLab('doctor-open-relay', { [ACCOUNT]: { password: PASSWORD } });
  try {
    await setUpRelay(lab, ACCOUNT, PASSWORD);
    const healthy = await doctor(lab, [], PASSWORD);
    const port = lab.postfix.smtpdPort;
    await lab.postfix.postconf('-e', 'inet_interfaces=all', `mynetworks=127.0.0.0/8 ${SERVER.replace(/\d+$/, '0')}/24`);
    await lab.postfix.postconf('-M', `${SERVER}:${port}/inet=${SERVER}:${port} inet n - y - - smtpd`);
    await lab.postfix.stop();
    await lab.postfix.start();
    const relayed = await relayAttempt(port);
    const message = await lab.gmail.waitForMessage(60_000);
    const before = await fingerprint(lab.postfix);
    const found = await doctor(lab, [], PASSWORD);
    const unchanged = JSON.stringify(await fingerprint(lab.postfix)) === JSON.stringify(before);
    const fixed = await doctor(lab, ['--fix', '--yes'], PASSWORD);
    const unchangedByFix = JSON.stringify(await fingerprint(lab.postfix)) === JSON.stringify(before);
    // The fix doctor names, by hand.
    await lab.postfix.postconf('-e', 'mynetworks=127.0.0.0/8');
    // Not a reload: an smtpd of the old configuration may still take the next connection after one.
    await lab.postfix.stop();
    await lab.postfix.start();
    const refused = await converse(port, [
      'EHLO other.example',
      'MAIL FROM:<stranger@example.org>',
      'RCPT TO:<victim@example.net>',
      'QUIT',
    ]);
    const after = await doctor(lab, [], PASSWORD);
    return {
      healthy: healthy.outcome,
      relayed,
      message: { user: message.user, rcptTo: message.rcptTo, mailFrom: message.mailFrom },
      found: found.outcome,
      unchanged,
      fixed: fixed.outcome,
      fixedStderr: fixed.stderr,
      unchangedByFix,
      refused,
      after: after.outcome,
    };
  } finally {
    await lab.close();
  }
});
