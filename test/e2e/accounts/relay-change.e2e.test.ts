// A new relay for the default account while another account sends for some senders (issue 21): the other
// account's stored password was typed for the current relay, and its senders follow the relayhost — so
// the change would hand that password to a server it was never meant for. Proven with a second fake
// Gmail that records every login: the change is refused (exit 2, the fix names remove --account),
// nothing changes, and mail from the second account's sender still logs in at the first relay only.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFakeGmail, type FakeGmail } from '../../support/fake-gmail.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { checksums } from '../../support/secret-checks.js';
import { sendmail } from '../../support/sendmail.js';
import { runWizard } from '../../support/wizard-process.js';

const DEFAULT = 'someone@gmail.com';
const DEFAULT_PW = 'relaychangedefpw';
const BILLING = 'billing@company.example';
const BILLING_PW = 'relaychangebilpw';

describe('a relay change never carries another account’s stored password', { skip: postfixSkipReason() }, () => {
  let lab: RelayLab;
  let other: FakeGmail;
  const accounts = { [DEFAULT]: { password: DEFAULT_PW }, [BILLING]: { password: BILLING_PW } };
  before(async () => {
    lab = await startRelayLab('relay-change', accounts);
    other = await startFakeGmail({ cert: lab.ca.certPem, key: lab.ca.keyPem, accounts });
  });
  after(async () => {
    await other?.close();
    await lab?.close();
  });
  const wizard = (args: string[], password: string) =>
    runWizard([...lab.args(), '--no-keychain', '--yes', '--json', '--no-test', ...args], {
      stdin: `${password}\n`,
      secret: password,
    });

  it('is refused while a sender-dependent account exists, before any password is asked or sent', async () => {
    assert.equal((await wizard(['--account', DEFAULT, '--password-stdin'], DEFAULT_PW)).code, 0);
    const added = await wizard(['--account', BILLING, '--senders', BILLING, '--password-stdin'], BILLING_PW);
    assert.equal(added.code, 0, added.stderr);
    const before = await checksums(lab.postfix.configDir);
    const moved = await wizard(
      ['--account', DEFAULT, '--password-stdin', '--relay', `localhost:${other.port}`],
      DEFAULT_PW,
    );
    assert.equal(moved.code, 2, moved.stderr);
    const error = JSON.parse(moved.stdout).error;
    assert.equal(error.code, 'relay-change-senders');
    assert.match(error.message, /billing@company\.example/);
    assert.match(error.fix, /remove --account billing@company\.example/);
    assert.deepEqual(await checksums(lab.postfix.configDir), before, 'nothing changed');
    assert.deepEqual(other.auths, [], 'no login at the new relay');
  });

  it('mail from the second account’s sender still logs in at its own relay, never at the other', async () => {
    await sendmail(lab.postfix, 'friend@example.com', { from: BILLING, subject: 'invoice 9' });
    // Wherever it goes: the test must not pass just because it has not arrived yet.
    const arrived = () => [lab.gmail, other].find((g) => g.messages.some((m) => m.headers.subject === 'invoice 9'));
    const deadline = Date.now() + 30_000;
    while (!arrived() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(
      other.auths.map((a) => a.user),
      [],
      'the second relay never saw a login',
    );
    const message = lab.gmail.messages.find((m) => m.headers.subject === 'invoice 9');
    assert.equal(message?.user, BILLING, 'delivered through the first relay with the second account');
  });
});
