// `test` through main(): on a machine set up with account A (the fake Postfix logs the delivery line
// each case gives), the verdict, the exit code and the --json result come from what happened to the
// message: sent → delivered (0); bounced, deferred or still queued → not-delivered (3) with the
// reason; the recorded last test says the same. Before a relay is configured nothing is sent.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { A, PW_A, sent } from '../../support/credential-machine.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { FakeSystem } from '../../support/fake-system.js';
import { runCli } from '../../support/run-cli.js';

const badLogin =
  'SASL authentication failed; server smtp.gmail.com[142.250.102.109] said: 535-5.7.8 Username and Password not accepted. For more information, go to 535 5.7.8  https://support.google.com/mail/?p=BadCredentials - gsmtp';
const bounce =
  'host smtp.gmail.com[142.250.102.109] said: 550-5.1.1 The email account that you tried to reach does not exist. - gsmtp (in reply to RCPT TO command)';

/** A machine set up with A (no test then); `delivery` is what Postfix logs for the next test message. */
async function configured() {
  const sys = new FakeSystem();
  const state: { delivery: string | undefined } = { delivery: sent };
  installFakePostfix(sys, { delivery: () => state.delivery });
  const setup = await runCli(sys, ['--account', A, '--password-stdin', '--yes', '--no-test'], { stdin: `${PW_A}\n` });
  assert.equal(setup.exit, 0, setup.stderr);
  assert.equal(sys.submitted.length, 0);
  return { sys, state };
}
const lastTest = (sys: FakeSystem) => {
  const path = [...sys.files.keys()].find((p) => p.endsWith('/last-test.json'));
  return path ? (JSON.parse(sys.text(path)!) as { status: string; queueId?: string }) : undefined;
};

describe('test', () => {
  it("sent: delivered, exit 0, the relay's reply; the message goes from the account to itself", async () => {
    const { sys } = await configured();
    const run = await runCli(sys, ['test', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(run.json?.result, 'delivered');
    assert.equal(run.json?.test?.status, 'sent');
    assert.equal(run.json?.test?.queueId, '4F2C21A0B3');
    assert.match(run.json?.test?.reply ?? '', /^250 2\.0\.0 OK/);
    assert.deepEqual(
      sys.submitted.map((m) => [m.from, m.to]),
      [[A, A]],
    );
    assert.equal(lastTest(sys)?.status, 'sent');
  });

  it('bounced by the recipient: not-delivered, exit 3, the reply and its diagnosis', async () => {
    const { sys, state } = await configured();
    state.delivery = `dsn=5.1.1, status=bounced (${bounce})`;
    const run = await runCli(sys, ['test', '--to', 'nobody@example.com', '--json']);
    assert.equal(run.exit, 3, run.stderr);
    assert.equal(run.json?.result, 'not-delivered');
    assert.equal(run.json?.test?.status, 'bounced');
    assert.equal(run.json?.test?.diagnosis, 'recipient-rejected');
    assert.deepEqual(
      sys.submitted.map((m) => m.to),
      ['nobody@example.com'],
    );
    assert.equal(lastTest(sys)?.status, 'bounced');
  });

  it('deferred by a refused login: not-delivered, exit 3, diagnosed, the fix shown in plain words', async () => {
    const { sys, state } = await configured();
    state.delivery = `dsn=4.7.8, status=deferred (${badLogin})`;
    const run = await runCli(sys, ['test']);
    assert.equal(run.exit, 3, run.stderr);
    assert.match(`${run.stdout}${run.stderr}`, /deferred/);
    assert.match(`${run.stdout}${run.stderr}`, /Username and Password not accepted/);
    const json = await runCli(sys, ['test', '--json']);
    assert.deepEqual(
      [json.exit, json.json?.result, json.json?.test?.status, json.json?.test?.diagnosis],
      [3, 'not-delivered', 'deferred', 'auth-bad-credentials'],
    );
  });

  it('no verdict before --wait runs out: the message is still queued, not-delivered, exit 3', async () => {
    const { sys, state } = await configured();
    state.delivery = undefined;
    const run = await runCli(sys, ['test', '--wait', '2', '--json']);
    assert.equal(run.exit, 3, run.stderr);
    assert.equal(run.json?.result, 'not-delivered');
    assert.equal(run.json?.test?.status, 'queued');
    assert.equal(lastTest(sys)?.status, 'queued');
  });

  it('a delivered run after a failed one says delivered again: the verdict is per message', async () => {
    const { sys, state } = await configured();
    state.delivery = `dsn=5.1.1, status=bounced (${bounce})`;
    assert.equal((await runCli(sys, ['test', '--json'])).json?.result, 'not-delivered');
    state.delivery = sent;
    const again = await runCli(sys, ['test', '--json']);
    assert.deepEqual([again.exit, again.json?.result], [0, 'delivered']);
  });

  it('before setup (no relayhost): an error naming the fix, nothing sent', async () => {
    const sys = new FakeSystem();
    installFakePostfix(sys, { delivery: () => sent });
    const run = await runCli(sys, ['test', '--json']);
    assert.notEqual(run.exit, 0);
    assert.notEqual(run.json?.result, 'delivered');
    assert.equal(run.json?.error?.code, 'not-configured');
    assert.deepEqual(sys.submitted, []);
  });

  it('a malformed --from: exit 2, nothing sent', async () => {
    const { sys } = await configured();
    const run = await runCli(sys, ['test', '--from', 'not an address', '--json']);
    assert.equal(run.exit, 2);
    assert.equal(run.json?.error?.code, 'invalid-sender');
    assert.deepEqual(sys.submitted, []);
  });
});
