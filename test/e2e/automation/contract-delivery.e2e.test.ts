// The command-line contract (CLI.md) where the test message does not get through, against a real
// Postfix and the fake Gmail: `test` exits 3 on a bounce (550 to RCPT TO or to the end of DATA) and
// on a deferral, with the reason explained; the deferred message shows in `status`'s queue summary;
// `--wait` running out is exit 3 too; `test` on a machine without the relay sends nothing; and a
// headless `--lang ja` run speaks Japanese from the first line to the last.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { DiagnosisCode } from '../../../src/gmail/diagnose.js';
import { parseQueueJson } from '../../../src/postfix/queue.js';
import { diagnosesEn } from '../../../src/ui/text/diagnoses.en.js';
import { en } from '../../../src/ui/text/en.js';
import { ja } from '../../../src/ui/text/ja.js';
import { gmailReplies, type FakeGmailOptions } from '../../support/fake-gmail.js';
import { assertOutcomeSchema } from '../../support/outcome-schema.js';
import { createPostfixInstance, postfixSkipReason, type PostfixInstance } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { runWizard, type WizardRun } from '../../support/wizard-process.js';

const execFileP = promisify(execFile);
const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'asdfghjklqwertyu';
const skip = postfixSkipReason();
/** The human text with the plain UI's frame and line breaks taken out, to look for a sentence in. */
const flat = (text: string) => text.replace(/[│┌└◇◆●▲■✔✖]/g, ' ').replace(/\s+/g, ' ');
const outcomeOf = (run: WizardRun) => {
  const outcome = JSON.parse(run.stdout);
  assertOutcomeSchema(outcome);
  return outcome;
};

describe('the test message not delivered: exit 3 with the reason, and the queue in status', { skip }, () => {
  const accounts = { [ACCOUNT]: { password: PASSWORD } };
  const refuse: NonNullable<FakeGmailOptions['refuse']> = {};
  let lab: RelayLab;
  let common: string[];

  before(async () => {
    // The fake reads `refuse` at each command: the tests below change it between runs.
    lab = await startRelayLab('contract', accounts, { refuse });
    common = ['--config-dir', lab.postfix.configDir, '--state-dir', join(lab.postfix.base, 'state')];
  });
  after(async () => lab?.close());

  const test = (to: string, ...extra: string[]) => runWizard(['test', '--to', to, '--json', ...common, ...extra]);
  const assertExplained = (run: WizardRun, code: DiagnosisCode) => {
    const outcome = outcomeOf(run);
    assert.equal(outcome.test.diagnosis, code, run.stderr);
    assert.ok(flat(run.stderr).includes(flat(diagnosesEn[code].cause)), `the cause is explained:\n${run.stderr}`);
    assert.ok(flat(run.stderr).includes(flat(diagnosesEn[code].fix)), `the fix is given:\n${run.stderr}`);
    return outcome;
  };

  it('--lang ja: a headless setup speaks Japanese, and the test message is delivered (exit 0)', async () => {
    const run = await runWizard(
      [
        ...lab.args(),
        '--account',
        ACCOUNT,
        '--password-stdin',
        '--no-keychain',
        '--yes',
        '--json',
        '--wait',
        '60',
        '--lang',
        'ja',
      ],
      { stdin: `${PASSWORD}\n`, secret: PASSWORD },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(outcomeOf(run).result, 'delivered');
    assert.ok(run.stderr.includes(ja['summary.done']), `the closing line in Japanese:\n${run.stderr}`);
    assert.ok(!run.stderr.includes(en['summary.done']));
    assert.match(run.stderr, /[\u3040-\u30ff]/, 'kana on the screen');
    assert.deepEqual(run.leaks, []);
  });

  it('a temporary refusal (451 4.3.0) defers: exit 3, and status counts the deferred message', async () => {
    // First of the refusals, so the queue holds this message alone (no bounce notices yet).
    Object.assign(refuse, { rcpt: { code: 451, text: gmailReplies.temporary } });
    const run = await test('later@example.com');
    assert.equal(run.code, 3, run.stderr);
    const outcome = assertExplained(run, 'server-temporary');
    assert.equal(outcome.test.status, 'deferred');
    // The log says "deferred" a moment before qmgr moves the file to the deferred queue.
    await waitForDeferred(lab.postfix, outcome.test.queueId);
    const status = await runWizard(['status', '--json', ...common]);
    // A deferred message is a problem status lists (exit 1), with its diagnosis.
    assert.equal(status.code, 1, status.stderr);
    const { queue, problems } = outcomeOf(status).status;
    assert.deepEqual(
      { ...queue, reasons: queue.reasons.map((r: { code: string; count: number }) => [r.code, r.count]) },
      { total: 1, deferred: 1, reasons: [['server-temporary', 1]] },
    );
    assert.ok(
      problems.some((p: { code: string }) => p.code === 'mail-deferred'),
      JSON.stringify(problems),
    );
    const human = await runWizard(['status', ...common]);
    assert.match(human.stdout + human.stderr, new RegExp(`${en['status.queue']}: 1 message\\(s\\), 1 deferred`));
  });

  it('a recipient Gmail refuses (550 5.1.1 to RCPT TO) bounces: exit 3, status bounced, reason and fix shown', async () => {
    lab.gmail.messages.length = 0;
    Object.assign(refuse, { rcpt: { code: 550, text: gmailReplies.noSuchUser } });
    const run = await test('nobody@example.com');
    assert.equal(run.code, 3, run.stderr);
    const outcome = assertExplained(run, 'recipient-rejected');
    assert.equal(outcome.result, 'not-delivered');
    assert.equal(outcome.test.status, 'bounced');
    assert.match(outcome.test.reply, /550[ -]5\.1\.1/);
    assert.equal(lab.gmail.messages.length, 0);
  });

  it('a message Gmail refuses at the end of DATA (550 5.7.1) bounces: exit 3 with the reason', async () => {
    Object.assign(refuse, {
      rcpt: undefined,
      data: {
        code: 550,
        text: '5.7.1 This message was blocked because its content presents a potential security issue. %ID% - gsmtp',
      },
    });
    const run = await test('friend@example.com');
    assert.equal(run.code, 3, run.stderr);
    const outcome = assertExplained(run, 'message-rejected');
    assert.equal(outcome.test.status, 'bounced');
  });

  it('--wait running out (a relay that never answers the end of DATA): exit 3, still queued, and how to follow it', async () => {
    Object.assign(refuse, { rcpt: undefined, data: 'stall' });
    const run = await test('slow@example.com', '--wait', '3');
    assert.equal(run.code, 3, run.stderr);
    const outcome = outcomeOf(run);
    assert.equal(outcome.result, 'not-delivered');
    assert.equal(outcome.test.status, 'queued');
    assert.match(outcome.test.queueId, /^[0-9A-Za-z]+$/);
    assert.ok(
      flat(run.stderr).includes(flat(en['summary.stillQueued'].replace('{id}', outcome.test.queueId))),
      run.stderr,
    );
  });
});

async function waitForDeferred(postfix: PostfixInstance, queueId: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const { stdout } = await execFileP('postqueue', ['-c', postfix.configDir, '-j']);
    if (parseQueueJson(stdout).some((e) => e.queueId === queueId && e.queueName === 'deferred')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${queueId} never reached the deferred queue`);
}

describe('`test` where the relay is not configured', { skip }, () => {
  let postfix: PostfixInstance;
  before(async () => {
    postfix = await createPostfixInstance();
    await postfix.start();
  });
  after(async () => postfix?.destroy());

  it('sends nothing and says to set the relay up first (exit 1, error not-configured)', async () => {
    const run = await runWizard([
      'test',
      '--to',
      'friend@example.com',
      '--json',
      '--config-dir',
      postfix.configDir,
      '--state-dir',
      join(postfix.base, 'state'),
    ]);
    assert.equal(run.code, 1, run.stderr);
    const outcome = outcomeOf(run);
    assert.equal(outcome.result, 'failed');
    assert.equal(outcome.error.code, 'not-configured');
    assert.equal(outcome.error.fix, en['test.notConfiguredFix']);
    assert.equal(outcome.test, undefined);
    const { stdout } = await execFileP('postqueue', ['-c', postfix.configDir, '-j']);
    assert.equal(stdout.trim(), '', 'nothing was queued');
    assert.doesNotMatch(await postfix.readLog(), /postfix\/smtpd\[\d+\]: [0-9A-F]+: client=/, 'nothing was submitted');
  });
});
