// doctor's ipv6-unreachable on a real IPv6 failure: the relay's name has an IPv6 address that has no
// route in a network namespace of the test's own (test/support/doctor-ipv6-runner.ts), while IPv4
// works. doctor names it and changes nothing; --fix sets smtp_address_preference = ipv4; exit 0 after.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { DoctorOutcome } from '../../support/doctor-lab.js';
import { currentNamespaces, runInNamespace } from '../../support/netns.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';

interface Report {
  healthy: DoctorOutcome;
  found: DoctorOutcome;
  unchanged: boolean;
  fixed: DoctorOutcome;
  after: DoctorOutcome;
  preference: string;
}

describe('doctor: IPv6 broken toward the relay, IPv4 working (a network namespace)', {
  skip: postfixSkipReason(),
}, () => {
  let work: string;
  let report: Report;
  before(async () => {
    work = await mkdtemp('/tmp/pgw-doctor-ipv6-');
    const result = await runInNamespace('doctor-ipv6-runner', [work, ...(await currentNamespaces())]);
    assert.equal(result.code, 0, `the namespace runner failed:\n${result.stderr}`);
    report = JSON.parse(result.stdout) as Report;
  });
  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('healthy before the IPv6 address appears', () => {
    assert.equal(report.healthy.result, 'healthy', JSON.stringify(report.healthy.doctor));
  });

  it('finds ipv6-unreachable with both families as evidence, and changes nothing', () => {
    assert.equal(report.found.exitCode, 1);
    const problem = report.found.doctor.problems.find((p) => p.code === 'ipv6-unreachable');
    assert.ok(problem, JSON.stringify(report.found.doctor.problems));
    assert.match(problem.evidence[0]!, /2001:db8::1:\d+ \(IPv6\): ENETUNREACH; 127\.0\.0\.1:\d+ \(IPv4\): ok/);
    assert.equal(problem.fixable, true);
    assert.equal(report.unchanged, true);
  });

  it('--fix prefers IPv4 toward the relay, and doctor is then at exit 0', () => {
    assert.deepEqual(report.fixed.doctor.fixed, ['ipv6-unreachable']);
    assert.equal(report.preference, 'ipv4');
    assert.equal(report.after.exitCode, 0, JSON.stringify(report.after.doctor));
  });
});
