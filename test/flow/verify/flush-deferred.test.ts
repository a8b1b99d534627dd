// flushDeferred called with the context it declares (sys, ui, options) after a plan that changed the
// password map: mail deferred by the old login is flushed (postqueue -f) and counted as it goes out;
// nothing is done on a dry run, for a plan that left the password alone, or with an empty queue.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flushDeferred } from '../../../src/flow/verify/flush-deferred.js';
import { plan as makePlan } from '../../../src/flow/plan/plan.js';
import type { Plan } from '../../../src/transaction/plan.js';
import { t } from '../../../src/ui/messages.js';
import { installFakePostfix, type FakePostfix } from '../../support/fake-postfix.js';
import { allTemplates, detected, gmailAnswers, stepContext } from '../../support/step-context.js';

const ids = ['A1B2C3D4E5', 'F6A7B8C9D0'];
const deferredEntry = (id: string) =>
  JSON.stringify({
    queue_name: 'deferred',
    queue_id: id,
    arrival_time: 1,
    message_size: 500,
    forced_expire: false,
    sender: 'cron@vm',
    recipients: [
      {
        address: 'ops@example.com',
        delay_reason:
          'SASL authentication failed; server smtp.gmail.com said: 535-5.7.8 Username and Password not accepted',
      },
    ],
  });
const sentLine = (id: string) =>
  `Nov 28 09:00:05 vm postfix/smtp[4243]: ${id}: to=<ops@example.com>, relay=smtp.gmail.com[142.250.102.109]:587, delay=9, delays=0/0/0.6/0.5, dsn=2.0.0, status=sent (250 2.0.0 OK  1764320405 x - gsmtp)\n`;

/** Debian 12 with two messages deferred by the old login; `postqueue -f` sends those in `goOut`. */
async function machine(flags: string[], goOut: string[], queued = ids) {
  const ctx = stepContext(flags, { headless: true });
  const postfix: FakePostfix = installFakePostfix(ctx.sys);
  postfix.queue = queued.map(deferredEntry);
  const facts = await detected(ctx.sys);
  ctx.sys.on('postqueue', (args) => {
    if (!args.includes('-f')) return { exitCode: 0, stdout: postfix.queue.join('\n'), stderr: '' };
    postfix.queue = postfix.queue.filter((line) => !goOut.some((id) => line.includes(id)));
    ctx.sys.put('/var/log/mail.log', (ctx.sys.text('/var/log/mail.log') ?? '') + goOut.map(sentLine).join(''));
    return { exitCode: 0, stdout: '', stderr: '' };
  });
  const plan = makePlan(facts, gmailAnswers(), await allTemplates());
  return { ctx, postfix, facts, plan };
}

const flushes = (calls: { file: string; args: string[] }[]) =>
  calls.filter((c) => c.file === 'postqueue' && c.args.includes('-f')).length;

describe('flushDeferred', () => {
  it('both go out with the new login: 2 of 2, said once they left the queue', async () => {
    const { ctx, facts, plan } = await machine(['--yes'], ids);
    assert.deepEqual(await flushDeferred(ctx, facts.postfix, plan), { deferred: 2, sent: 2 });
    assert.equal(flushes(ctx.sys.calls), 1);
    assert.ok(ctx.ui.shown.includes(`done: ${t('flush.done', { sent: 2, count: 2 })}`), ctx.ui.transcript);
    assert.ok(!ctx.ui.shown.some((l) => l.startsWith('warn:')), ctx.ui.transcript);
  });

  it('one stays deferred: 1 of 2 after the wait, and a warning that Postfix retries it itself', async () => {
    const { ctx, facts, plan } = await machine(['--yes', '--wait', '3'], [ids[0]!]);
    assert.deepEqual(await flushDeferred(ctx, facts.postfix, plan), { deferred: 2, sent: 1 });
    assert.ok(ctx.ui.shown.includes(`failed: ${t('flush.done', { sent: 1, count: 2 })}`), ctx.ui.transcript);
    assert.ok(ctx.ui.shown.includes(`warn: ${t('flush.notAll', { left: 1 })}`), ctx.ui.transcript);
  });

  it('postqueue -f fails: none counted as sent, the reason shown', async () => {
    const { ctx, facts, plan } = await machine(['--yes'], ids);
    const queue = ctx.sys.handlers.get('postqueue')!;
    ctx.sys.on('postqueue', (args, options) =>
      args.includes('-f')
        ? { exitCode: 1, stdout: '', stderr: 'postqueue: fatal: Queue report unavailable - mail system is down' }
        : queue(args, options),
    );
    assert.deepEqual(await flushDeferred(ctx, facts.postfix, plan), { deferred: 2, sent: 0 });
    assert.ok(
      ctx.ui.shown.includes(
        `failed: ${t('flush.failed', { reason: 'postqueue: fatal: Queue report unavailable - mail system is down' })}`,
      ),
      ctx.ui.transcript,
    );
  });

  it('nothing to do: a dry run, a plan that wrote no password file, an empty deferred queue', async () => {
    const dry = await machine(['--dry-run'], ids);
    assert.equal(await flushDeferred(dry.ctx, dry.facts.postfix, dry.plan), undefined);
    const same = await machine(['--yes'], ids);
    const noSecret: Plan = { ...same.plan, files: same.plan.files.filter((f) => !f.secret) };
    assert.equal(await flushDeferred(same.ctx, same.facts.postfix, noSecret), undefined);
    const empty = await machine(['--yes'], [], []);
    assert.equal(await flushDeferred(empty.ctx, empty.facts.postfix, empty.plan), undefined);
    for (const run of [dry, same, empty]) {
      assert.equal(flushes(run.ctx.sys.calls), 0);
      assert.deepEqual(run.ctx.ui.shown, []);
    }
  });
});
