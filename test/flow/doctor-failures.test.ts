// doctor's reading of the queue and log (flow/doctor/failures.ts) on lines the real Postfix wrote in
// test/e2e/doctor/gmail-replies.e2e.test.ts: a 550 5.4.5 bounce is followed by the bounce notice to
// root, delivered here by local(8) with "status=sent". That is not mail that went out through the
// relay: the bounce stays a failure. Mail sent through the relay afterwards makes it history.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFailures } from '../../src/flow/doctor/failures.js';
import type { PostfixFacts } from '../../src/flow/types.js';
import { FakeSystem } from '../support/fake-system.js';

const LOG = '/var/log/mail.log';
const bounce = [
  'Dec 02 13:38:09 vm postfix/qmgr[13866]: 08FB920C9DB: from=<root@testhost.example>, size=289, nrcpt=1 (queue active)',
  'Dec 02 13:38:09 vm postfix/smtp[13880]: 08FB920C9DB: to=<cron@example.com>, relay=localhost[127.0.0.1]:36783, delay=0.12, delays=0.01/0.01/0.11/0, dsn=5.4.5, status=bounced (host localhost[127.0.0.1] said: 550-5.4.5 Daily user sending limit exceeded. For more information on Gmail 550-5.4.5 sending limits go to 550 5.4.5  https://support.google.com/a/answer/166852 b68e8f8efe1csm451997 - gsmtp (in reply to end of DATA command))',
  'Dec 02 13:38:09 vm postfix/bounce[13929]: 08FB920C9DB: sender non-delivery notification: 2982420C066',
  'Dec 02 13:38:09 vm postfix/qmgr[13866]: 2982420C066: from=<>, size=2481, nrcpt=1 (queue active)',
  'Dec 02 13:38:09 vm postfix/local[13930]: 2982420C066: to=<root@testhost.example>, relay=local, delay=0.01, delays=0/0.01/0/0, dsn=2.0.0, status=sent (delivered to mailbox)',
];
const sentLater = 'Dec 02 13:40:11 vm postfix/smtp[14001]: 5BC4520D521: to=<cron@example.com>, relay=localhost[127.0.0.1]:36783, delay=0.16, delays=0.01/0.03/0.11/0, dsn=2.0.0, status=sent (250 2.0.0 OK  1796218310 e4b246c617aesm6209370 - gsmtp)';

function machine(lines: string[]): { sys: FakeSystem; postfix: PostfixFacts } {
  const sys = new FakeSystem();
  sys.put(LOG, `${lines.join('\n')}\n`);
  sys.put('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\npostfix:x:104:111::/var/spool/postfix:/usr/sbin/nologin\n');
  sys.on('postqueue', () => ({ exitCode: 0, stdout: '', stderr: '' })); // an empty queue
  const postfix = { configDir: '/etc/postfix', isDefaultInstance: true, settings: { mail_owner: 'postfix' }, log: { kind: 'file', path: LOG } } as unknown as PostfixFacts;
  return { sys, postfix };
}

describe('doctor reads failures from the log', () => {
  it('a bounce stays a failure when only its notice to root was delivered (locally) after it', async () => {
    const { sys, postfix } = machine(bounce);
    const { failures, queueRead } = await readFailures(sys, postfix);
    assert.equal(queueRead, true);
    assert.deepEqual(failures.map((f) => [f.queueId, f.status, f.diagnosis]), [['08FB920C9DB', 'bounced', 'quota-exceeded']]);
  });

  it('mail that went out through the relay after the bounce makes it history', async () => {
    const { sys, postfix } = machine([...bounce, sentLater]);
    assert.deepEqual((await readFailures(sys, postfix)).failures, []);
  });
});
