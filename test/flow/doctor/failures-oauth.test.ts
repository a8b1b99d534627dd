// readFailures on the recording fake for a consent Google no longer accepts: the queue's delay reason is
// Postfix's bare "bad protocol / cancel" and the log holds sasl-xoauth2 0.27's summary just after it
// (lines as test/unit/postfix/oauth-refresh-log.test.ts derives them from the plugin's source).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFailures } from '../../../src/flow/doctor/failures.js';
import { findProblems } from '../../../src/postfix/problems/index.js';
import { problemState } from '../../../src/flow/check/judge.js';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { detected } from '../../support/step-context.js';
import { healthy } from '../../unit/postfix/problems/facts.js';

const badProtocol =
  'SASL authentication failed; cannot authenticate to server smtp.gmail.com[142.250.102.108]: bad protocol / cancel';
const pluginLine =
  'Dec  7 23:40:00 vm postfix/smtp[100]: [sasl-xoauth2] auth failed: 2026-12-07 23:40:00: TokenStore::Refresh: request failed\n';
const deferral = `Dec  7 23:40:01 vm postfix/smtp[100]: FFFF000005: to=<ops@example.com>, relay=smtp.gmail.com[142.250.102.108]:587, delay=1, delays=0/0/0/1, dsn=4.7.0, status=deferred (${badProtocol})\n`;
const queued = JSON.stringify({
  queue_name: 'deferred',
  queue_id: 'FFFF000005',
  arrival_time: 1,
  message_size: 500,
  forced_expire: false,
  sender: 'cron@vm',
  recipients: [{ address: 'ops@example.com', delay_reason: badProtocol }],
});

async function failuresOf(log: string): Promise<Awaited<ReturnType<typeof readFailures>>['failures']> {
  const sys = new FakeSystem();
  const postfix = installFakePostfix(sys);
  sys.put('/var/log/mail.log', log);
  postfix.queue = [queued];
  sys.processes.set(100, { comm: 'smtp', uid: 0 });
  return (await readFailures(sys, (await detected(sys)).postfix)).failures;
}

describe('readFailures: the OAuth refresh refused (invalid_grant)', () => {
  it("the queued message's bare reason, with the plugin's line in the log: oauth-consent-revoked, CRITICAL", async () => {
    const failures = await failuresOf(`${deferral}${pluginLine}`);
    assert.deepEqual(
      failures.map((f) => [f.queueId, f.diagnosis]),
      [['FFFF000005', 'oauth-consent-revoked']],
    );
    const [problem] = findProblems(healthy({ failures }));
    assert.equal(problem?.code, 'oauth-consent-revoked');
    assert.equal(problemState(problem!, { doctor: { settings: {}, failures } }), 'critical');
  });

  it('the same reason without the plugin saying so is not called a revoked consent', async () => {
    const failures = await failuresOf(deferral);
    assert.deepEqual(
      failures.map((f) => f.diagnosis),
      ['unknown'],
    );
    assert.notEqual(findProblems(healthy({ failures }))[0]?.code, 'oauth-consent-revoked');
  });
});
