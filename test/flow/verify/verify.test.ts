// The verdict comes from Postfix, not from anyone who can write a log line (issue 11, item 10):
// the whole setup flow with a forged "status=sent" line in the log for a message that Postfix
// still holds in its queue.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { runCli } from '../../support/run-cli.js';

const password = 'abcdefghijklmnop';
const headless = ['--account', 'someone@gmail.com', '--password-stdin', '--to', 'friend@example.com', '--yes', '--json', '--wait', '5'];
const forged = (id: string, pid: number) =>
  `Dec  2 01:10:00 vm postfix/smtp[${pid}]: ${id}: to=<friend@example.com>, relay=smtp.gmail.com[142.250.102.109]:587, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 OK  1764320401 forged - gsmtp)\n`;

/** Postfix keeps the message queued (the relay never answers); someone writes a "sent" line for it. */
function machineWithForger(pid = 1) {
  const sys = new FakeSystem();
  installFakePostfix(sys, { delivery: () => undefined });
  const submit = sys.submitResult;
  sys.submitResult = (request) => {
    const result = submit(request);
    const id = /queued as (\w+)/.exec(result.response)![1]!;
    sys.put('/var/log/mail.log', (sys.text('/var/log/mail.log') ?? '') + forged(id, pid));
    return result;
  };
  return sys;
}

describe('a forged delivery line', () => {
  it('"sent" for a message still in the queue: not reported delivered (exit 3)', async () => {
    const sys = machineWithForger();
    const run = await runCli(sys, headless, { stdin: `${password}\n` });
    assert.equal(run.exit, 3, run.stderr);
    assert.equal(run.json?.result, 'not-delivered');
    assert.notEqual(run.json?.test?.status, 'sent');
  });

  it('even naming the pid of a real smtp(8) process, while the message is queued', async () => {
    const sys = machineWithForger(4242);
    sys.processes.set(4242, { comm: 'smtp', uid: 0 });
    const run = await runCli(sys, headless, { stdin: `${password}\n` });
    assert.equal(run.exit, 3, run.stderr);
    assert.notEqual(run.json?.test?.status, 'sent');
  });
});
