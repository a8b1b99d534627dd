// doctor's quota-exceeded and throttled on Gmail's own replies, for real: the fake Gmail answers as
// Gmail does (550 5.4.5 at the end of DATA; 421 4.7.0 at MAIL FROM, closing the connection; 454 4.7.0
// to AUTH), cron's mail goes through the real Postfix, and doctor finds the bounce or the deferral in
// the real log and queue. Neither is a setting --fix could change: doctor says so (exit 1, nothing
// changed); once Gmail lets the account send again, the mail goes out and doctor is at exit 0.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { assertNotFixable, doctor, findOnly, problemOf, sendmail, setUpRelay } from '../../support/doctor-lab.js';
import type { FakeGmailOptions } from '../../support/fake-gmail.js';
import { gmailReplies } from '../../support/fake-gmail.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';

const execFileP = promisify(execFile);
const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'limitlimitlimitl';

interface Reply {
  name: string;
  code: 'quota-exceeded' | 'throttled';
  /** Makes the fake answer so; `clear` undoes it. */
  make(refuse: NonNullable<FakeGmailOptions['refuse']>, account: FakeGmailOptions['accounts'][string]): void;
  clear(refuse: NonNullable<FakeGmailOptions['refuse']>, account: FakeGmailOptions['accounts'][string]): void;
  /** Every code doctor finds, in its order. */
  codes: string[];
  /** Postfix's verdict in the log. */
  logged: RegExp;
  evidence: RegExp;
  fix: RegExp;
}

const replies: Reply[] = [
  {
    name: '550 5.4.5 Daily user sending limit exceeded (a bounce)',
    code: 'quota-exceeded',
    codes: ['quota-exceeded'],
    make: (refuse) => {
      refuse.data = { code: 550, text: gmailReplies.dailyLimit };
    },
    clear: (refuse) => {
      delete refuse.data;
    },
    logged: /status=bounced \(host localhost\[127\.0\.0\.1\] said: 550-5\.4\.5 Daily user sending limit exceeded/,
    evidence:
      /^bounced: host localhost\[127\.0\.0\.1\] said: 550-5\.4\.5 Daily user sending limit exceeded.*\(in reply to end of DATA command\)$/m,
    fix: /500 .*Gmail.*2,000.*Workspace/,
  },
  {
    name: '421 4.7.0 Try again later, closing connection (at MAIL FROM)',
    code: 'throttled',
    codes: ['throttled'],
    make: (refuse) => {
      refuse.mail = { code: 421, text: gmailReplies.tryAgainLater };
    },
    clear: (refuse) => {
      delete refuse.mail;
    },
    logged: /status=deferred \(host localhost\[127\.0\.0\.1\] said: 421 4\.7\.0 Try again later, closing connection/,
    evidence:
      /^deferred: host localhost\[127\.0\.0\.1\] said: 421 4\.7\.0 Try again later, closing connection\. \(MAIL\)/m,
    fix: /retries deferred mail by itself/,
  },
  {
    name: '454 4.7.0 Too many login attempts (to AUTH)',
    code: 'throttled',
    // The pre-flight login with the stored password meets the same 454.
    codes: ['login-refused', 'throttled'],
    make: (_refuse, account) => {
      account.reply = '454';
    },
    clear: (_refuse, account) => {
      delete account.reply;
    },
    logged:
      /status=deferred \(SASL authentication failed; server localhost\[127\.0\.0\.1\] said: 454 4\.7\.0 Too many login attempts/,
    evidence:
      /^deferred: SASL authentication failed; server localhost\[127\.0\.0\.1\] said: 454 4\.7\.0 Too many login attempts/m,
    fix: /Wait an hour/,
  },
];

for (const reply of replies) {
  describe(`doctor: Gmail answers ${reply.name}`, { skip: postfixSkipReason() }, () => {
    let lab: RelayLab;
    const refuse: NonNullable<FakeGmailOptions['refuse']> = {};
    const account: FakeGmailOptions['accounts'][string] = { password: PASSWORD };

    before(async () => {
      lab = await startRelayLab(`doctor-${reply.code}`, { [ACCOUNT]: account }, { refuse });
      await setUpRelay(lab, ACCOUNT, PASSWORD);
      reply.make(refuse, account);
      await sendmail(lab.postfix, 'cron@example.com');
      await lab.postfix.waitForLog(reply.logged, 60_000);
      // A bounce tells the sender: root's notice is delivered locally ("status=sent"), after the bounce it reports.
      if (reply.code === 'quota-exceeded')
        await lab.postfix.waitForLog(/postfix\/local\[\d+\]: \w+: to=<root@[^>]+>.*status=sent/, 60_000);
    });
    after(async () => {
      await lab?.close();
    });

    it(`finds ${reply.code} from the real log and queue, and changes nothing`, async () => {
      const problem = problemOf(await findOnly(lab, reply.codes, PASSWORD), reply.code);
      assert.match(problem.evidence.join('\n'), reply.evidence);
      assert.match(problem.fix, reply.fix);
      assert.equal(problem.fixable, false);
    });

    it('--fix says it cannot repair it (exit 1, nothing changed)', async () => {
      await assertNotFixable(lab, reply.code, PASSWORD);
    });

    it('once Gmail lets the account send again, the mail goes out and doctor is at exit 0', async () => {
      reply.clear(refuse, account);
      // The bounced message is gone (sent again by hand); the deferred one waits for a retry.
      if (reply.code === 'quota-exceeded') await sendmail(lab.postfix, 'cron@example.com');
      else await execFileP('postqueue', ['-c', lab.postfix.configDir, '-f']);
      assert.deepEqual((await lab.gmail.waitForMessage(60_000)).rcptTo, ['cron@example.com']);
      await lab.postfix.waitForLog(/to=<cron@example\.com>.*status=sent/, 60_000);
      const run = await doctor(lab, [], PASSWORD);
      assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
      assert.equal(run.outcome.result, 'healthy');
    });
  });
}
