// doctor's open-relay on a relay other hosts really use: in a private network namespace
// (test/support/doctor-open-relay-runner.ts) Postfix listens on 192.0.2.1 too and mynetworks holds
// 192.0.2.0/24, and a client on 192.0.2.2 relays a stranger's mail out through the Gmail account.
// doctor names it and changes nothing. --fix does not guess which hosts must relay (that is the
// person's choice): it says so (exit 1, nothing changed). Made as its fix text says (mynetworks
// limited, Postfix restarted), the other host is refused and doctor is at exit 0.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertFixRefused, type DoctorOutcome } from '../../support/doctor-lab.js';
import { namespaceReport } from '../../support/netns.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';

interface Report {
  healthy: DoctorOutcome;
  relayed: string[];
  message: { user?: string; rcptTo: string[]; mailFrom: string };
  found: DoctorOutcome;
  unchanged: boolean;
  fixed: DoctorOutcome;
  fixedStderr: string;
  unchangedByFix: boolean;
  refused: string[];
  after: DoctorOutcome;
}

describe('doctor: an open relay that another host uses (a network namespace)', { skip: postfixSkipReason() }, () => {
  const report = namespaceReport<Report>('doctor-open-relay-runner');

  it("the state is real: a stranger's mail from 192.0.2.2 goes out through the Gmail account", () => {
    assert.equal(report().healthy.result, 'healthy', JSON.stringify(report().healthy.doctor));
    assert.match(report().relayed[3]!, /^250 2\.1\.5 Ok/, report().relayed.join(' | ')); // RCPT TO a foreign domain accepted
    assert.match(report().relayed[5]!, /^250 2\.0\.0 Ok: queued as /, report().relayed.join(' | '));
    assert.deepEqual(report().message, {
      user: 'someone@gmail.com',
      rcptTo: ['victim@example.net'],
      mailFrom: 'stranger@example.org',
    });
  });

  it('finds open-relay with the network as evidence, and changes nothing', () => {
    assert.equal(report().found.exitCode, 1);
    assert.deepEqual(
      report().found.doctor.problems.map((p) => p.code),
      ['open-relay'],
    );
    const problem = report().found.doctor.problems[0]!;
    assert.equal(problem.severity, 'warning');
    assert.deepEqual(problem.evidence, ['mynetworks: 192.0.2.0/24']);
    assert.equal(problem.fixable, false);
    assert.match(problem.fix, /Limit mynetworks to the hosts that must relay/);
    assert.equal(report().unchanged, true);
  });

  it('--fix does not choose the hosts for you: it says so, exit 1, nothing changed', () => {
    assertFixRefused(report().fixed, report().fixedStderr, 'open-relay');
    assert.deepEqual(
      report().fixed.doctor.problems.map((p) => p.code),
      ['open-relay'],
    );
    assert.equal(report().unchangedByFix, true);
  });

  it('with mynetworks limited as the fix says, the other host is refused and doctor is at exit 0', () => {
    assert.match(
      report().refused[3]!,
      /^454 4\.7\.1 <victim@example\.net>: Relay access denied/,
      report().refused.join(' | '),
    );
    assert.equal(report().after.exitCode, 0, JSON.stringify(report().after.doctor));
  });
});
