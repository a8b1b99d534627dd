// The verdict comes from Postfix, not from anyone who can write a log line (issue 11, item 10):
// the whole setup flow with a forged "status=sent" line in the log for a message that Postfix
// still holds in its queue. Then sendTestMessage called by itself with the context it declares
// (sys, ui, options): delivered, deferred and bounced from the fake's log lines, a delay reason from
// the queue, still queued when the wait ends, and the failures before a queue id.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExitCode, type WizardError } from '../../../src/errors.js';
import { reportTest } from '../../../src/flow/verify/summary.js';
import { sendTestMessage } from '../../../src/flow/verify/verify.js';
import { t } from '../../../src/ui/messages.js';
import { detected, stepContext } from '../../support/step-context.js';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { runCli } from '../../support/run-cli.js';

const password = 'abcdefghijklmnop';
const headless = [
  '--account',
  'someone@gmail.com',
  '--password-stdin',
  '--to',
  'friend@example.com',
  '--yes',
  '--json',
  '--wait',
  '5',
];
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

const sentTail = 'status=sent (250 2.0.0 OK  1764320401 af79cd13be357-8b2e7c1a4e1si12345685a.100 - gsmtp)';
const badLogin =
  'SASL authentication failed; server smtp.gmail.com[142.250.102.109] said: 535-5.7.8 Username and Password not accepted. For more information, go to 535 5.7.8  https://support.google.com/mail/?p=BadCredentials - gsmtp';
const bounce =
  'host smtp.gmail.com[142.250.102.109] said: 550-5.1.1 The email account that you tried to reach does not exist. - gsmtp (in reply to RCPT TO command)';

/** The test message's step on Debian 12, the delivery line the fake Postfix logs for it given by `delivery`. */
async function testSend(delivery: (to: string) => string | undefined, flags: string[] = ['--yes']) {
  const ctx = stepContext(flags, { headless: true });
  const postfix = installFakePostfix(ctx.sys, { delivery });
  const facts = await detected(ctx.sys);
  return { ctx, postfix, facts };
}

describe('sendTestMessage', () => {
  it("delivered: the relay's reply, queue id and dsn; the message handed to the SMTP listener from the account", async () => {
    const { ctx, facts } = await testSend(() => sentTail);
    const result = await sendTestMessage(ctx, facts.postfix, 'someone@gmail.com', 'friend@example.com');
    assert.equal(result.status, 'sent');
    assert.equal(result.queueId, '4F2C21A0B3');
    assert.equal(result.dsn, '2.0.0');
    assert.match(result.reply ?? '', /^250 2\.0\.0 OK/);
    assert.equal(result.diagnosis, undefined);
    const [submitted] = ctx.sys.submitted;
    assert.deepEqual(
      [submitted?.host, submitted?.port, submitted?.from, submitted?.to],
      [facts.postfix.listener?.host, 25, 'someone@gmail.com', 'friend@example.com'],
    );
    assert.ok(ctx.ui.shown.includes(`done: ${t('verify.sent', { id: '4F2C21A0B3' })}`), ctx.ui.transcript);
  });

  it('deferred by a refused login: status deferred, diagnosed auth-bad-credentials, the spinner stopped as failed', async () => {
    const { ctx, facts } = await testSend(() => `dsn=4.7.8, status=deferred (${badLogin})`);
    const result = await sendTestMessage(ctx, facts.postfix, 'someone@gmail.com', 'friend@example.com');
    assert.equal(result.status, 'deferred');
    assert.equal(result.diagnosis, 'auth-bad-credentials');
    assert.ok(
      ctx.ui.shown.includes(`failed: ${t('verify.notSent', { id: '4F2C21A0B3', status: 'deferred' })}`),
      ctx.ui.transcript,
    );
  });

  it("bounced by the recipient's server: status bounced with the 5.1.1 dsn and reply", async () => {
    const { ctx, facts } = await testSend(() => `dsn=5.1.1, status=bounced (${bounce})`);
    const result = await sendTestMessage(ctx, facts.postfix, 'someone@gmail.com', 'nobody@example.com');
    assert.equal(result.status, 'bounced');
    assert.equal(result.dsn, '5.1.1');
    assert.match(result.reply ?? '', /550-5\.1\.1/);
    assert.equal(result.diagnosis, 'recipient-rejected');
  });

  it("no log line, a delay reason in the queue: deferred with the queue's reason", async () => {
    const { ctx, postfix, facts } = await testSend(() => undefined);
    const submit = ctx.sys.submitResult;
    ctx.sys.submitResult = (request) => {
      const result = submit(request);
      postfix.queue = postfix.queue.map((line) => {
        const entry = JSON.parse(line) as {
          queue_name: string;
          recipients: { address: string; delay_reason?: string }[];
        };
        return JSON.stringify({
          ...entry,
          queue_name: 'deferred',
          recipients: entry.recipients.map((r) => ({ ...r, delay_reason: badLogin })),
        });
      });
      return result;
    };
    const result = await sendTestMessage(ctx, facts.postfix, 'someone@gmail.com', 'friend@example.com');
    assert.deepEqual([result.status, result.reply, result.diagnosis], ['deferred', badLogin, 'auth-bad-credentials']);
  });

  it('still queued when --wait runs out: status queued, the timeout said', async () => {
    const { ctx, facts } = await testSend(() => undefined, ['--yes', '--wait', '2']);
    const start = ctx.sys.clock;
    const result = await sendTestMessage(ctx, facts.postfix, 'someone@gmail.com', 'friend@example.com');
    assert.deepEqual(result, { to: 'friend@example.com', queueId: '4F2C21A0B3', status: 'queued' });
    assert.ok(ctx.sys.clock - start >= 2000, 'it waited the whole --wait (on the fake clock)');
    assert.ok(
      ctx.ui.shown.includes(`failed: ${t('verify.timedOut', { id: '4F2C21A0B3', seconds: 2 })}`),
      ctx.ui.transcript,
    );
  });

  it('Ctrl-C while it waits: stops waiting at once, status queued, says the message stays queued', async () => {
    const { ctx, facts } = await testSend(() => undefined, ['--yes', '--wait', '30']);
    const start = ctx.sys.clock;
    ctx.sys.pendingSignal = 'SIGINT';
    const result = await sendTestMessage(ctx, facts.postfix, 'someone@gmail.com', 'friend@example.com');
    assert.deepEqual(result, { to: 'friend@example.com', queueId: '4F2C21A0B3', status: 'queued' });
    assert.ok(ctx.sys.clock - start < 30_000, 'it did not wait out --wait');
    assert.ok(ctx.ui.shown.includes(`failed: ${t('verify.stopped', { id: '4F2C21A0B3' })}`), ctx.ui.transcript);
    // The run ends as a test not delivered (exit 3, the configuration in place), not as "nothing changed" (130).
    assert.equal(reportTest(ctx, result), ExitCode.notDelivered);
  });

  it('no mail log at all: a message gone from the queue ends as unknown at once (not queued after --wait), and says how to get a log', async () => {
    const { ctx, postfix, facts } = await testSend(() => undefined, ['--yes', '--wait', '30']);
    const submit = ctx.sys.submitResult;
    ctx.sys.submitResult = (request) => {
      const result = submit(request);
      postfix.queue = []; // delivered (or bounced): gone, and no line anywhere says which
      return result;
    };
    const start = ctx.sys.clock;
    const result = await sendTestMessage(
      ctx,
      { ...facts.postfix, log: { kind: 'none' } },
      'someone@gmail.com',
      'friend@example.com',
    );
    assert.deepEqual(result, { to: 'friend@example.com', queueId: '4F2C21A0B3', status: 'unknown' });
    assert.ok(ctx.sys.clock - start < 30_000, 'it did not wait out --wait');
    assert.ok(ctx.ui.shown.includes(`failed: ${t('verify.leftQueue', { id: '4F2C21A0B3' })}`), ctx.ui.transcript);
    assert.equal(reportTest(ctx, result), ExitCode.notDelivered);
    assert.match(ctx.ui.transcript, /maillog_file=/);
  });

  it('Postfix refuses the message: submit-failed naming the listener and its reply', async () => {
    const { ctx, facts } = await testSend(() => sentTail);
    ctx.sys.submitResult = () => {
      throw Object.assign(new Error('rejected'), { response: '554 5.7.1 <friend@example.com>: Relay access denied' });
    };
    await assert.rejects(
      sendTestMessage(ctx, facts.postfix, 'someone@gmail.com', 'friend@example.com'),
      (error: WizardError) => {
        assert.equal(error.code, 'submit-failed');
        assert.ok(error.message.includes('Relay access denied') && error.message.includes(':25'), error.message);
        return true;
      },
    );
  });

  it('an answer without a queue id: status unknown with the reply; no listener at all: no-smtpd-listener', async () => {
    const { ctx, facts } = await testSend(() => sentTail);
    ctx.sys.submitResult = () => ({ response: '250 2.0.0 Ok' });
    assert.deepEqual(await sendTestMessage(ctx, facts.postfix, 'someone@gmail.com', 'friend@example.com'), {
      to: 'friend@example.com',
      status: 'unknown',
      reply: '250 2.0.0 Ok',
    });
    await assert.rejects(
      sendTestMessage(ctx, { ...facts.postfix, listener: undefined }, 'someone@gmail.com', 'friend@example.com'),
      (error: WizardError) => error.code === 'no-smtpd-listener',
    );
  });
});
