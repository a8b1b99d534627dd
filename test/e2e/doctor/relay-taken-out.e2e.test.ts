// Issue 21: `dpkg-reconfigure postfix` answered again (an admin changing the mail name) runs Debian's
// postinst, which writes its own answers back into main.cf — for "Local only": `relayhost =` empty
// and the error transports — so mail silently stops leaving. doctor must say the relay the wizard
// configured was taken out, and --fix must put it back (not only the transports), on Debian's real
// Postfix (a private instance; the postinst's edits made with postconf, as it makes them).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { codes, doctor, problemOf, sendmail, setUpRelay } from '../../support/doctor-lab.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';

const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'qwertyuiopasdfgh';

describe('doctor: the relay a maintainer script took out', { skip: postfixSkipReason() }, () => {
  let lab: RelayLab;
  let relayhost: string;
  before(async () => {
    lab = await startRelayLab('doctor-taken-out', { [ACCOUNT]: { password: PASSWORD } });
    await setUpRelay(lab, ACCOUNT, PASSWORD);
    relayhost = (await lab.postfix.postconf('-h', 'relayhost')).trim();
    // What debian/postfix.postinst writes for the "Local only" answers (set_postconf), then its reload.
    await lab.postfix.postconf('-e', 'relayhost=', 'default_transport=error', 'relay_transport=error');
    await lab.postfix.postconf('-e', 'inet_interfaces=loopback-only');
  });
  after(async () => lab?.close());

  it('doctor names it (error), with the value the wizard configured as evidence', async () => {
    const run = await doctor(lab, [], PASSWORD);
    assert.equal(run.code, 1, run.stderr);
    const problem = problemOf(run.outcome, 'relay-taken-out');
    assert.equal(problem.severity, 'error');
    assert.equal(problem.fixable, true);
    assert.ok(problem.evidence.includes(`the wizard configured relayhost = ${relayhost}`), problem.evidence.join('; '));
    assert.match(problem.fix, new RegExp(`relayhost = ${relayhost.replace(/[[\].]/g, '\\$&')}`));
    assert.ok(codes(run.outcome).includes('relay-bypassed'), 'the error transports too');
  });

  it('doctor --fix puts relayhost and the transports back, and mail leaves through the account again', async () => {
    const run = await doctor(lab, ['--fix', '--yes'], PASSWORD);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    assert.equal((await lab.postfix.postconf('-h', 'relayhost')).trim(), relayhost);
    assert.deepEqual((await lab.postfix.postconf('-h', 'default_transport', 'relay_transport')).trim().split('\n'), [
      'smtp',
      'relay',
    ]);
    const before = lab.gmail.messages.length;
    await sendmail(lab.postfix, 'friend@example.com');
    const arrived = await lab.gmail.waitForMessage(60_000);
    assert.ok(lab.gmail.messages.length > before);
    assert.equal(arrived.user, ACCOUNT);
    const again = await doctor(lab, [], PASSWORD);
    assert.deepEqual(codes(again.outcome), []);
  });
});
