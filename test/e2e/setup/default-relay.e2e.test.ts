// The default relay, end to end: the wizard run with no --relay at all, so Postfix is pointed at
// [smtp.gmail.com]:587 and checks the certificate's name against smtp.gmail.com. All of it happens in
// a private mount and network namespace (unshare -m -n; only lo) whose /etc/hosts — and Postfix's
// chroot copy — send smtp.gmail.com to 127.0.0.1, where the fake Gmail listens on 587 with a
// certificate for that name from the test CA. The runner refuses to start unless the name resolves
// to loopback only there; the real Gmail cannot be reached from that namespace.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { currentNamespaces, runInNamespace } from '../../support/netns.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { createTestCa } from '../../support/test-ca.js';

const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'poiuytrewqlkjhgf';

interface RunnerReport {
  run: { code: number; stdout: string; stderr: string; leaks: string[] };
  settings: string[];
  log: string;
  passwordInLog: boolean;
  messages: { user?: string; secure: boolean; mailFrom: string; rcptTo: string[] }[];
  auths: { user: string; method: string; secure: boolean; accepted: boolean }[];
}

describe('no --relay: the default [smtp.gmail.com]:587, its certificate name checked by Postfix', {
  skip: postfixSkipReason(),
}, () => {
  let work: string;
  let report: RunnerReport;

  before(async () => {
    work = await mkdtemp('/tmp/pgw-default-relay-');
    await createTestCa(join(work, 'ca'), { host: 'smtp.gmail.com' });
    const result = await runInNamespace('default-relay-runner', [work, ACCOUNT, ...(await currentNamespaces())], {
      stdin: `${PASSWORD}\n`,
    });
    assert.equal(result.code, 0, `the namespace runner failed:\n${result.stderr}`);
    report = JSON.parse(result.stdout) as RunnerReport;
  });
  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('the runner refuses to start outside a namespace of its own (the guard can fail)', async () => {
    const result = await runInNamespace('default-relay-runner', [work, ACCOUNT, ...(await currentNamespaces())], {
      stdin: `${PASSWORD}\n`,
      unshare: false,
    });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /refusing to run: not in a namespace of its own/);
    assert.equal(result.stdout, '');
  });

  it('sets relayhost = [smtp.gmail.com]:587 with TLS level secure, and the test message is delivered (exit 0)', () => {
    assert.equal(report.run.code, 0, report.run.stderr);
    const outcome = JSON.parse(report.run.stdout);
    assert.equal(outcome.result, 'delivered');
    assert.equal(outcome.relay, 'smtp.gmail.com:587');
    assert.equal(outcome.test.status, 'sent');
    assert.deepEqual(report.settings.slice(0, 2), ['[smtp.gmail.com]:587', 'secure']);
  });

  it('the message reached the fake through Postfix, over TLS, logged in as the account', () => {
    const message = report.messages.find((m) => m.rcptTo.includes('friend@example.com'));
    assert.ok(message, `no test message at the fake: ${JSON.stringify(report.messages)}`);
    assert.equal(message.secure, true);
    assert.equal(message.user, ACCOUNT);
    assert.ok(
      report.auths.some((a) => a.user === ACCOUNT && a.accepted && a.secure),
      'the login is recorded',
    );
    assert.ok(
      report.auths.every((a) => a.secure),
      'no AUTH outside TLS',
    );
    // Postfix's own verdict on the certificate: "Verified", i.e. the name smtp.gmail.com matched.
    assert.match(report.log, /Verified TLS connection established to smtp\.gmail\.com\[127\.0\.0\.1\]:587/);
    assert.match(report.log, /relay=smtp\.gmail\.com\[127\.0\.0\.1\]:587.*status=sent/);
  });

  it('the app password shows up in no process, output or log', () => {
    assert.deepEqual(report.run.leaks, []);
    assert.equal(report.passwordInLog, false);
    for (const text of [report.run.stdout, report.run.stderr]) assert.ok(!text.includes(PASSWORD));
  });
});
