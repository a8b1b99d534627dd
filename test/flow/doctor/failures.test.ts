// readFailures called by itself on the recording fake: deferred mail from the queue with its delay
// reason, bounces from the log since the last message that went out, and the log's deferrals
// counted only when the queue cannot say (or the message is being retried right now).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFailures } from '../../../src/flow/doctor/failures.js';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix, type FakePostfix } from '../../support/fake-postfix.js';
import { detected } from '../../support/step-context.js';

const badLogin = 'SASL authentication failed; server smtp.gmail.com[142.250.102.109] said: 535-5.7.8 Username and Password not accepted';
const noSuchUser = 'host smtp.gmail.com[142.250.102.109] said: 550-5.1.1 The email account that you tried to reach does not exist. (in reply to RCPT TO command)';
const line = (id: string, dsn: string, status: string, reply: string) =>
  `Nov 28 08:00:00 vm postfix/smtp[100]: ${id}: to=<ops@example.com>, relay=smtp.gmail.com[142.250.102.109]:587, delay=1, delays=0/0/0/1, dsn=${dsn}, status=${status} (${reply})\n`;
const entry = (id: string, queue: string, reason?: string) =>
  JSON.stringify({ queue_name: queue, queue_id: id, arrival_time: 1, message_size: 500, forced_expire: false, sender: 'cron@vm', recipients: [{ address: 'ops@example.com', ...(reason ? { delay_reason: reason } : {}) }] });

async function machine(log: string[], queue: string[]): Promise<{ sys: FakeSystem; postfix: FakePostfix }> {
  const sys = new FakeSystem();
  const postfix = installFakePostfix(sys);
  sys.put('/var/log/mail.log', log.join(''));
  postfix.queue = queue;
  return { sys, postfix };
}

describe('readFailures', () => {
  it('a deferred message in the queue: its delay reason, diagnosed', async () => {
    const { sys } = await machine([], [entry('AAAA111111', 'deferred', badLogin)]);
    const { failures, queueRead } = await readFailures(sys, (await detected(sys)).postfix);
    assert.equal(queueRead, true);
    assert.deepEqual(failures, [{ queueId: 'AAAA111111', status: 'deferred', reason: badLogin, diagnosis: 'auth-bad-credentials' }]);
  });

  it('a bounce after the last message that went out counts; one before it is history', async () => {
    const { sys } = await machine([
      line('BBBB000001', '5.1.1', 'bounced', noSuchUser),
      line('CCCC000002', '2.0.0', 'sent', '250 2.0.0 OK x - gsmtp'),
      line('DDDD000003', '5.1.1', 'bounced', noSuchUser),
    ], []);
    const { failures } = await readFailures(sys, (await detected(sys)).postfix);
    assert.deepEqual(failures.map((f) => [f.queueId, f.status, f.diagnosis]), [['DDDD000003', 'bounced', 'recipient-rejected']]);
  });

  it('a logged deferral of a message no longer queued is not a failure while the queue can be read', async () => {
    const { sys } = await machine([line('EEEE000004', '4.7.8', 'deferred', badLogin)], []);
    assert.deepEqual((await readFailures(sys, (await detected(sys)).postfix)).failures, []);
  });

  it('the queue unreadable: the logged deferral counts, and queueRead says so', async () => {
    const { sys } = await machine([line('EEEE000004', '4.7.8', 'deferred', badLogin)], []);
    const postfix = (await detected(sys)).postfix;
    sys.on('postqueue', () => ({ exitCode: 1, stdout: '', stderr: 'postqueue: fatal: Connection refused' }));
    const { failures, queueRead } = await readFailures(sys, postfix);
    assert.equal(queueRead, false);
    assert.deepEqual(failures.map((f) => [f.queueId, f.status, f.diagnosis]), [['EEEE000004', 'deferred', 'auth-bad-credentials']]);
  });

  it('a message being retried now (active, no delay reason): its last logged deferral says why it waits', async () => {
    const { sys } = await machine([line('FFFF000005', '4.4.1', 'deferred', 'connect to smtp.gmail.com[142.250.102.109]:587: Connection timed out'), line('FFFF000005', '4.7.8', 'deferred', badLogin)], [entry('FFFF000005', 'active')]);
    const { failures } = await readFailures(sys, (await detected(sys)).postfix);
    assert.deepEqual(failures.map((f) => [f.queueId, f.diagnosis]), [['FFFF000005', 'auth-bad-credentials']]);
  });
});
