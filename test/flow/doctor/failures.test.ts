// readFailures called by itself on the recording fake: deferred mail from the queue with its delay
// reason, bounces from the log since the last message that went out, and the log's deferrals
// counted only when the queue cannot say (or the message is being retried right now).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFailures } from '../../../src/flow/doctor/failures.js';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix, type FakePostfix } from '../../support/fake-postfix.js';
import { detected } from '../../support/step-context.js';
import type { PostfixFacts } from '../../../src/flow/types.js';

const badLogin =
  'SASL authentication failed; server smtp.gmail.com[142.250.102.109] said: 535-5.7.8 Username and Password not accepted';
const noSuchUser =
  'host smtp.gmail.com[142.250.102.109] said: 550-5.1.1 The email account that you tried to reach does not exist. (in reply to RCPT TO command)';
const line = (id: string, dsn: string, status: string, reply: string) =>
  `Nov 28 08:00:00 vm postfix/smtp[100]: ${id}: to=<ops@example.com>, relay=smtp.gmail.com[142.250.102.109]:587, delay=1, delays=0/0/0/1, dsn=${dsn}, status=${status} (${reply})\n`;
const entry = (id: string, queue: string, reason?: string) =>
  JSON.stringify({
    queue_name: queue,
    queue_id: id,
    arrival_time: 1,
    message_size: 500,
    forced_expire: false,
    sender: 'cron@vm',
    recipients: [{ address: 'ops@example.com', ...(reason ? { delay_reason: reason } : {}) }],
  });

async function machine(log: string[], queue: string[]): Promise<{ sys: FakeSystem; postfix: FakePostfix }> {
  const sys = new FakeSystem();
  const postfix = installFakePostfix(sys);
  sys.put('/var/log/mail.log', log.join(''));
  postfix.queue = queue;
  sys.processes.set(100, { comm: 'smtp', uid: 0 }); // the lines' smtp[100]: a running Postfix daemon
  return { sys, postfix };
}

describe('readFailures', () => {
  it('a deferred message in the queue: its delay reason, diagnosed', async () => {
    const { sys } = await machine([], [entry('AAAA111111', 'deferred', badLogin)]);
    const { failures, queueRead } = await readFailures(sys, (await detected(sys)).postfix);
    assert.equal(queueRead, true);
    assert.deepEqual(failures, [
      { queueId: 'AAAA111111', status: 'deferred', reason: badLogin, diagnosis: 'auth-bad-credentials' },
    ]);
  });

  it('a bounce after the last message that went out counts; one before it is history', async () => {
    const { sys } = await machine(
      [
        line('BBBB000001', '5.1.1', 'bounced', noSuchUser),
        line('CCCC000002', '2.0.0', 'sent', '250 2.0.0 OK x - gsmtp'),
        line('DDDD000003', '5.1.1', 'bounced', noSuchUser),
      ],
      [],
    );
    const { failures } = await readFailures(sys, (await detected(sys)).postfix);
    assert.deepEqual(
      failures.map((f) => [f.queueId, f.status, f.diagnosis]),
      [['DDDD000003', 'bounced', 'recipient-rejected']],
    );
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
    assert.deepEqual(
      failures.map((f) => [f.queueId, f.status, f.diagnosis]),
      [['EEEE000004', 'deferred', 'auth-bad-credentials']],
    );
  });

  it('a message being retried now (active, no delay reason): its last logged deferral says why it waits', async () => {
    const { sys } = await machine(
      [
        line('FFFF000005', '4.4.1', 'deferred', 'connect to smtp.gmail.com[142.250.102.109]:587: Connection timed out'),
        line('FFFF000005', '4.7.8', 'deferred', badLogin),
      ],
      [entry('FFFF000005', 'active')],
    );
    const { failures } = await readFailures(sys, (await detected(sys)).postfix);
    assert.deepEqual(
      failures.map((f) => [f.queueId, f.diagnosis]),
      [['FFFF000005', 'auth-bad-credentials']],
    );
  });
});

// On lines the real Postfix wrote in test/e2e/doctor/gmail-replies.e2e.test.ts: a 550 5.4.5 bounce is
// followed by the bounce notice to root, delivered here by local(8) with "status=sent". That is not mail
// that went out through the relay: the bounce stays a failure. Mail sent through the relay afterwards
// makes it history.
const LOG = '/var/log/mail.log';
const bounce = [
  'Dec 02 13:38:09 vm postfix/qmgr[13866]: 08FB920C9DB: from=<root@testhost.example>, size=289, nrcpt=1 (queue active)',
  'Dec 02 13:38:09 vm postfix/smtp[13880]: 08FB920C9DB: to=<cron@example.com>, relay=localhost[127.0.0.1]:36783, delay=0.12, delays=0.01/0.01/0.11/0, dsn=5.4.5, status=bounced (host localhost[127.0.0.1] said: 550-5.4.5 Daily user sending limit exceeded. For more information on Gmail 550-5.4.5 sending limits go to 550 5.4.5  https://support.google.com/a/answer/166852 b68e8f8efe1csm451997 - gsmtp (in reply to end of DATA command))',
  'Dec 02 13:38:09 vm postfix/bounce[13929]: 08FB920C9DB: sender non-delivery notification: 2982420C066',
  'Dec 02 13:38:09 vm postfix/qmgr[13866]: 2982420C066: from=<>, size=2481, nrcpt=1 (queue active)',
  'Dec 02 13:38:09 vm postfix/local[13930]: 2982420C066: to=<root@testhost.example>, relay=local, delay=0.01, delays=0/0.01/0/0, dsn=2.0.0, status=sent (delivered to mailbox)',
];
const sentLater =
  'Dec 02 13:40:11 vm postfix/smtp[14001]: 5BC4520D521: to=<cron@example.com>, relay=localhost[127.0.0.1]:36783, delay=0.16, delays=0.01/0.03/0.11/0, dsn=2.0.0, status=sent (250 2.0.0 OK  1796218310 e4b246c617aesm6209370 - gsmtp)';

function loggedMachine(lines: string[]): { sys: FakeSystem; postfix: PostfixFacts } {
  const sys = new FakeSystem();
  sys.put(LOG, `${lines.join('\n')}\n`);
  sys.put('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\npostfix:x:104:111::/var/spool/postfix:/usr/sbin/nologin\n');
  sys.on('postqueue', () => ({ exitCode: 0, stdout: '', stderr: '' })); // an empty queue
  const postfix = {
    configDir: '/etc/postfix',
    isDefaultInstance: true,
    settings: { mail_owner: 'postfix' },
    log: { kind: 'file', path: LOG },
  } as unknown as PostfixFacts;
  return { sys, postfix };
}

describe('doctor reads failures from the log', () => {
  it('a bounce stays a failure when only its notice to root was delivered (locally) after it', async () => {
    const { sys, postfix } = loggedMachine(bounce);
    const { failures, queueRead } = await readFailures(sys, postfix);
    assert.equal(queueRead, true);
    assert.deepEqual(
      failures.map((f) => [f.queueId, f.status, f.diagnosis]),
      [['08FB920C9DB', 'bounced', 'quota-exceeded']],
    );
  });

  it('mail that went out through the relay after the bounce makes it history', async () => {
    const { sys, postfix } = loggedMachine([...bounce, sentLater]);
    sys.processes.set(14001, { comm: 'smtp', uid: 104 }); // smtp[14001] is a running Postfix daemon
    assert.deepEqual((await readFailures(sys, postfix)).failures, []);
  });

  it('a "sent" line no Postfix daemon can vouch for does not (anyone may write one: logger -t postfix/smtp)', async () => {
    for (const vouch of [undefined, { comm: 'sh', uid: 104 }, { comm: 'smtp', uid: 1000 }]) {
      const { sys, postfix } = loggedMachine([...bounce, sentLater]);
      if (vouch) sys.processes.set(14001, vouch);
      assert.deepEqual(
        (await readFailures(sys, postfix)).failures.map((f) => f.queueId),
        ['08FB920C9DB'],
        JSON.stringify(vouch),
      );
    }
  });

  it('nor does one for a message that is still in the queue', async () => {
    const { sys, postfix } = loggedMachine([...bounce, sentLater]);
    sys.processes.set(14001, { comm: 'smtp', uid: 104 });
    sys.on('postqueue', () => ({ exitCode: 0, stdout: `${entry('5BC4520D521', 'active')}\n`, stderr: '' }));
    assert.deepEqual(
      (await readFailures(sys, postfix)).failures.map((f) => f.queueId),
      ['08FB920C9DB'],
    );
  });
});
