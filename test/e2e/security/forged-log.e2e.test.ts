// The verdict comes from Postfix, not from anyone who can write a log line (issue 11, item 10).
// A real Postfix whose relay never answers (the message stays queued), and a throwaway user of
// another uid who writes a perfect "status=sent" line for the test message into the log the
// wizard reads. On a syslog machine anyone can add lines through /dev/log (logger); here the
// instance's maillog_file is made writable by everyone, the same power. The wizard must not
// report the message delivered.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, readFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { runWizard } from '../../support/wizard-process.js';

const execFileP = promisify(execFile);
const A = 'someone@gmail.com';
const PW = 'poiuytrewqlkjhgf';

describe('a forged "status=sent" line written by another user', { skip: postfixSkipReason() }, () => {
  let lab: RelayLab;
  let staller: Server;
  const sockets: Socket[] = [];
  const forger = `pgw-forger-${randomBytes(3).toString('hex')}`;

  before(async () => {
    lab = await startRelayLab('e2e-forged', { [A]: { password: PW } });
    const setup = await runWizard(
      [...lab.args(), '--account', A, '--password-stdin', '--no-keychain', '--no-test', '--yes', '--json'],
      { stdin: `${PW}\n`, secret: PW },
    );
    assert.equal(setup.code, 0, setup.stderr);
    // The relay now accepts connections and never says a word: Postfix waits, the message stays queued.
    const port = lab.gmail.port;
    await lab.gmail.close();
    staller = createServer((socket) => void sockets.push(socket.on('error', () => {})));
    await new Promise<void>((resolve, reject) =>
      staller.once('error', reject).listen(port, '127.0.0.1', () => resolve()),
    );
    await execFileP('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', forger]);
    await chmod(lab.postfix.maillog, 0o666);
  });
  after(async () => {
    await execFileP('userdel', [forger]).catch(() => undefined);
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => (staller ? staller.close(() => resolve()) : resolve()));
    await lab?.close();
  });

  it('the wizard does not report delivered (exit 3), and the message is still in the queue', async () => {
    const common = ['--config-dir', lab.postfix.configDir, '--state-dir', join(lab.postfix.base, 'state')];
    const running = runWizard(['test', '--to', 'friend@example.com', '--json', '--wait', '15', ...common]);
    // The queue id, from cleanup's line for the wizard's test message (Message-ID <pgw-…>).
    let queueId: string | undefined;
    for (let i = 0; i < 300 && !queueId; i++) {
      queueId = /([0-9A-F]{6,}): message-id=<pgw-/.exec(await readFile(lab.postfix.maillog, 'utf8'))?.[1];
      if (!queueId) await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(queueId, 'the test message was queued');
    const line = `Dec  2 01:10:00 testhost postfix/smtp[1]: ${queueId}: to=<friend@example.com>, relay=smtp.gmail.com[142.250.102.109]:587, delay=0.9, delays=0.01/0.01/0.4/0.5, dsn=2.0.0, status=sent (250 2.0.0 OK  1764320401 forged - gsmtp)`;
    await execFileP('runuser', [
      '-u',
      forger,
      '--',
      'sh',
      '-c',
      'printf "%s\\n" "$1" >> "$2"',
      'sh',
      line,
      lab.postfix.maillog,
    ]);
    assert.match(
      await readFile(lab.postfix.maillog, 'utf8'),
      /forged - gsmtp/,
      'the forged line is in the log the wizard reads',
    );

    const run = await running;
    assert.equal(run.code, 3, run.stderr);
    const outcome = JSON.parse(run.stdout);
    assert.equal(outcome.result, 'not-delivered');
    assert.notEqual(outcome.test.status, 'sent');
    assert.doesNotMatch(run.stderr, /Delivered to friend@example\.com/);
    const queue = await execFileP('postqueue', ['-c', lab.postfix.configDir, '-j']);
    assert.match(queue.stdout, new RegExp(`"queue_id": ?"${queueId}"`), 'Postfix still holds it');
  });
});
