// readFailures on the recording fake for a consent Google no longer accepts: the queue's delay reason is
// Postfix's bare "bad protocol / cancel" and the log holds sasl-xoauth2 0.27's summary just after it —
// the log as the real plugin and Postfix 3.11 wrote it (test/fixtures/postfix-output/
// maillog-xoauth2-invalid-grant.log, captured by npm run releases:oauth; SOURCE.md there).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readFailures } from '../../../src/flow/doctor/failures.js';
import { findProblems } from '../../../src/postfix/problems/index.js';
import { problemState } from '../../../src/flow/check/judge.js';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { detected } from '../../support/step-context.js';
import { repoPath } from '../../support/paths.js';
import { healthy } from '../../unit/postfix/problems/facts.js';

const badProtocol =
  'SASL authentication failed; cannot authenticate to server localhost[127.0.0.1]: bad protocol / cancel';
const captured = readFileSync(
  repoPath('test', 'fixtures', 'postfix-output', 'maillog-xoauth2-invalid-grant.log'),
  'utf8',
);
const deferral = `${captured
  .split('\n')
  .filter((l) => !l.includes('[sasl-xoauth2]'))
  .join('\n')}\n`;
const queued = JSON.stringify({
  queue_name: 'deferred',
  queue_id: '6DED4240004',
  arrival_time: 1,
  message_size: 500,
  forced_expire: false,
  sender: 'cron@vm',
  recipients: [{ address: 'you@gmail.com', delay_reason: badProtocol }],
});

async function failuresOf(
  log: string,
  queue: string[] = [queued],
  setup: (sys: FakeSystem) => void = () => {},
): Promise<Awaited<ReturnType<typeof readFailures>>['failures']> {
  const sys = new FakeSystem();
  const postfix = installFakePostfix(sys);
  setup(sys);
  sys.put('/var/log/mail.log', log);
  postfix.queue = queue;
  sys.processes.set(14435, { comm: 'smtp', uid: 0 });
  return (await readFailures(sys, (await detected(sys)).postfix)).failures;
}

describe('readFailures: the OAuth refresh refused (invalid_grant)', () => {
  it("the queued message's bare reason, with the plugin's line in the log: oauth-consent-revoked, CRITICAL", async () => {
    const failures = await failuresOf(captured);
    assert.deepEqual(
      failures.map((f) => [f.queueId, f.diagnosis]),
      [['6DED4240004', 'oauth-consent-revoked']],
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

  // Two OAuth accounts (sender-dependent entries made by hand): the plugin's line names none, the message's sender does.
  const twoAccounts = (sys: FakeSystem) => {
    const main = sys.text('/etc/postfix/main.cf') ?? '';
    sys.put(
      '/etc/postfix/main.cf',
      `${main}relayhost = [smtp.gmail.com]:587\nsmtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd\nsmtp_sender_dependent_authentication = yes\nsmtp_sasl_mechanism_filter = xoauth2\n`,
    );
    sys.put(
      '/etc/postfix/sasl_passwd',
      '[smtp.gmail.com]:587 ops@gmail.com:/sasl-xoauth2/ops@gmail.com.json\n@example.org other@gmail.com:/sasl-xoauth2/other@gmail.com.json\n',
      0o600,
    );
  };

  it("each refused message is tied to the account it signs in as (queue's sender, else qmgr's from=); the problem names them", async () => {
    const fromOther = JSON.stringify({ ...JSON.parse(queued), queue_id: '7AAA4240004', sender: 'alice@example.org' });
    const failures = await failuresOf(captured, [queued, fromOther], twoAccounts);
    assert.deepEqual(
      failures.map((f) => [f.queueId, f.account]),
      [
        ['6DED4240004', 'ops@gmail.com'],
        ['7AAA4240004', 'other@gmail.com'],
      ],
    );
    const [problem] = findProblems(healthy({ failures }));
    assert.equal(problem?.code, 'oauth-consent-revoked');
    assert.equal(problem?.vars?.accounts, 'ops@gmail.com other@gmail.com');
    assert.ok(problem?.evidence.includes('signs in as other@gmail.com'), problem?.evidence.join('\n'));
    // The queue unreadable: the log's qmgr line says the sender (you@gmail.com, no sender entry: the default).
    const fromLog = await failuresOf(captured, [], (sys) => {
      twoAccounts(sys);
      sys.on('postqueue', () => ({ exitCode: 1, stdout: '', stderr: 'postqueue: fatal: Connection refused' }));
    });
    assert.deepEqual(
      fromLog.map((f) => [f.queueId, f.diagnosis, f.account]),
      [['6DED4240004', 'oauth-consent-revoked', 'ops@gmail.com']],
    );
  });
});
