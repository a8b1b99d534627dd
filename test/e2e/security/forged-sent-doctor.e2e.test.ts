// doctor's "mail has gone out since" must rest on the test verdict's proof (postfix/verdict.ts), not on a
// log line (issue 21). A real bounce (Gmail's 550 5.4.5 daily limit) is in the log; then a user of
// another uid appends a perfect "status=sent" line — on a syslog machine `logger -t postfix/smtp` does
// it; here the instance's maillog_file is made writable by everyone, the same power. doctor must still
// report the bounce: the forged line's pid is no Postfix daemon.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod } from 'node:fs/promises';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { doctor, problemOf, sendmail, setUpRelay } from '../../support/doctor-lab.js';
import { gmailReplies, type FakeGmailOptions } from '../../support/fake-gmail.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';

const execFileP = promisify(execFile);
const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'forgedsentdoctor';

describe('doctor and a forged "status=sent" line written by another user', { skip: postfixSkipReason() }, () => {
  let lab: RelayLab;
  const refuse: NonNullable<FakeGmailOptions['refuse']> = {};
  const forger = `pgw-forger-${randomBytes(3).toString('hex')}`;

  before(async () => {
    lab = await startRelayLab('forged-sent', { [ACCOUNT]: { password: PASSWORD } }, { refuse });
    await setUpRelay(lab, ACCOUNT, PASSWORD);
    refuse.data = { code: 550, text: gmailReplies.dailyLimit };
    await sendmail(lab.postfix, 'cron@example.com');
    await lab.postfix.waitForLog(/status=bounced .*550-5\.4\.5 Daily user sending limit exceeded/, 60_000);
    await lab.postfix.waitForLog(/postfix\/local\[\d+\]: \w+: to=<root@[^>]+>.*status=sent/, 60_000);
    await execFileP('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', forger]);
    await chmod(lab.postfix.maillog, 0o666);
  });
  after(async () => {
    await execFileP('userdel', [forger]).catch(() => undefined);
    await lab?.close();
  });

  it('still finds the bounce: the forged line proves nothing went out', async () => {
    const line = `${new Date().toISOString()} vm postfix/smtp[1]: 4ABCDEF0123: to=<friend@example.com>, relay=smtp.gmail.com[142.250.102.109]:587, delay=0.9, delays=0.01/0.01/0.4/0.5, dsn=2.0.0, status=sent (250 2.0.0 OK  1764320401 forged - gsmtp)`;
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
    const run = await doctor(lab, [], PASSWORD);
    assert.equal(run.code, 1, `${run.stdout}\n${run.stderr}`);
    const problem = problemOf(run.outcome, 'quota-exceeded');
    assert.match(problem.evidence.join('\n'), /550-5\.4\.5 Daily user sending limit exceeded/);
  });

  it('a real delivery afterwards still ends the history: doctor is healthy again', async () => {
    delete refuse.data;
    await sendmail(lab.postfix, 'cron@example.com');
    await lab.postfix.waitForLog(/to=<cron@example\.com>.*status=sent/, 60_000);
    const run = await doctor(lab, [], PASSWORD);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    assert.equal(run.outcome.result, 'healthy');
  });
});
