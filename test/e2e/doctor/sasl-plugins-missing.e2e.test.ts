// doctor's sasl-plugins-missing with the Cyrus plugins truly absent: in a private mount namespace an
// empty tmpfs covers the plugin directory (test/support/doctor-sasl-runner.ts), so the real Postfix
// defers cron's mail with "no mechanism available". doctor names it with the evidence and changes
// nothing; --fix cannot install a package: it says so (exit 1) and changes nothing. With the plugins
// back (what installing libsasl2-modules does) and Postfix restarted, the mail goes and doctor is at 0.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertFixRefused, type DoctorOutcome } from '../../support/doctor-lab.js';
import { namespaceReport } from '../../support/netns.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';

interface Report {
  dir: string;
  hidden: string[];
  logged: string;
  healthy: DoctorOutcome;
  found: DoctorOutcome;
  unchanged: boolean;
  fixed: DoctorOutcome;
  fixedStderr: string;
  unchangedByFix: boolean;
  delivered: string[];
  after: DoctorOutcome;
}

describe('doctor: the Cyrus SASL plugins absent (a mount namespace)', { skip: postfixSkipReason() }, () => {
  const report = namespaceReport<Report>('doctor-sasl-runner');

  it('healthy with the plugins; without them Postfix really finds no mechanism', () => {
    assert.equal(report().healthy.result, 'healthy', JSON.stringify(report().healthy.doctor));
    assert.deepEqual(report().hidden, []);
    assert.match(
      report().logged,
      /to=<cron@example\.com>.*status=deferred \(SASL authentication failed; cannot authenticate to server localhost\[127\.0\.0\.1\]: no mechanism available\)/,
    );
  });

  it('finds sasl-plugins-missing with the missing plugins and the deferral as evidence, and changes nothing', () => {
    assert.equal(report().found.exitCode, 1);
    const problem = report().found.doctor.problems.find((p) => p.code === 'sasl-plugins-missing');
    assert.ok(problem, JSON.stringify(report().found.doctor.problems));
    assert.equal(problem.severity, 'error');
    assert.equal(problem.evidence[0], 'Cyrus SASL: no libplain.so / liblogin.so');
    assert.match(
      problem.evidence.join('\n'),
      /^[0-9A-F]+: SASL authentication failed; cannot authenticate to server localhost\[127\.0\.0\.1\]: no mechanism available$/m,
    );
    assert.equal(problem.fixable, false);
    assert.match(problem.fix, /Debian: libsasl2-modules/);
    // Covered by sasl-plugins-missing: the same deferral is not a second, vaguer problem.
    assert.deepEqual(
      report().found.doctor.problems.map((p) => p.code),
      ['sasl-plugins-missing'],
    );
    assert.equal(report().unchanged, true);
  });

  it('--fix says it cannot install the plugins: exit 1, nothing changed', () => {
    assertFixRefused(report().fixed, report().fixedStderr, 'sasl-plugins-missing');
    assert.deepEqual(
      report().fixed.doctor.problems.map((p) => p.code),
      ['sasl-plugins-missing'],
    );
    assert.equal(report().unchangedByFix, true);
  });

  it('with the plugins back and Postfix restarted, the mail goes out and doctor is at exit 0', () => {
    assert.deepEqual(report().delivered, ['cron@example.com']);
    assert.equal(report().after.exitCode, 0, JSON.stringify(report().after.doctor));
  });
});
