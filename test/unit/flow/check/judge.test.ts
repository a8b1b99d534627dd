// check's verdict (flow/check/judge.ts): doctor's problems made loud or quiet, the queue's thresholds,
// the daily limit and the OAuth consent — worst first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultThresholds } from '../../../../src/check-options.js';
import { findingCode, judge, problemState, type CheckInput } from '../../../../src/flow/check/judge.js';
import type { DiagnosisCode } from '../../../../src/gmail/diagnose.js';
import type { Problem } from '../../../../src/postfix/problems/types.js';

const now = 1_800_000_000;
const base: CheckInput = {
  doctor: { settings: { relayhost: '[smtp.gmail.com]:587' }, failures: [] },
  problems: [],
  queue: [],
  consents: [],
  now,
  thresholds: defaultThresholds,
};
const problem = (code: Problem['code'], severity: Problem['severity']): Problem => ({
  code,
  severity,
  evidence: [],
  fixable: false,
});
const deferred = (id: string, age = 60) => ({
  queueId: id,
  queueName: 'deferred',
  arrivalTime: now - age,
  sender: '',
  recipients: [],
});

describe('judge', () => {
  it('OK with nothing found', () => {
    assert.deepEqual(judge(base), { state: 'ok', findings: [], deferred: 0 });
  });
  it("doctor's errors are CRITICAL, its warnings WARNING; throttling only warns", () => {
    assert.equal(problemState(problem('deferred-auth', 'error'), base), 'critical');
    assert.equal(problemState(problem('sasl-plugins-missing', 'error'), base), 'critical');
    assert.equal(problemState(problem('open-relay', 'warning'), base), 'warning');
    assert.equal(problemState(problem('throttled', 'error'), base), 'warning');
  });
  it('no relayhost at all is CRITICAL; a table around the relay only warns', () => {
    const bypass = problem('relay-bypassed', 'warning');
    assert.equal(problemState(bypass, base), 'warning');
    assert.equal(problemState(bypass, { doctor: { settings: { relayhost: '' }, failures: [] } }), 'critical');
  });
  it('deferred mail is CRITICAL when its cause needs a person (TLS, refused connection), else a WARNING', () => {
    const failure = (diagnosis: DiagnosisCode) => ({
      doctor: { settings: {}, failures: [{ queueId: 'A', status: 'deferred' as const, reason: '', diagnosis }] },
    });
    assert.equal(problemState(problem('mail-deferred', 'warning'), failure('tls-untrusted')), 'critical');
    assert.equal(problemState(problem('mail-deferred', 'warning'), failure('server-temporary')), 'warning');
    // Workspace's relay refusing this machine's address waits for an admin, not for a retry.
    assert.equal(problemState(problem('mail-deferred', 'warning'), failure('relay-address-refused')), 'critical');
    assert.equal(problemState(problem('mail-deferred', 'warning'), failure('rate-limited')), 'warning');
  });
  it('-w/-c: deferred messages above the thresholds; an old message warns', () => {
    const six = judge({ ...base, queue: ['1', '2', '3', '4', '5', '6'].map((id) => deferred(id)) });
    assert.equal(six.state, 'warning');
    assert.equal(six.deferred, 6);
    const old = judge({ ...base, queue: [deferred('A', 7200)] });
    assert.deepEqual(
      old.findings.map((f) => f.kind),
      ['waiting'],
    );
    const many = judge({ ...base, queue: Array.from({ length: 21 }, (_, i) => deferred(String(i))) });
    assert.equal(many.state, 'critical');
  });
  it("the daily limit is doctor's daily-limit problem: its warning warns, its error is CRITICAL", () => {
    assert.equal(problemState(problem('daily-limit', 'warning'), base), 'warning');
    assert.equal(problemState(problem('daily-limit', 'error'), base), 'critical');
  });
  it('an OAuth consent: WARNING within the threshold (3 days, or --consent-days), CRITICAL after its end, worst first', () => {
    const soon = judge({ ...base, consents: [{ account: 'a', expiresAt: now + 3600 }] });
    assert.equal(soon.state, 'warning');
    assert.deepEqual(
      soon.findings.map((f) => [f.kind, f.state]),
      [['consent', 'warning']],
    );
    const edge = (left: number, days = 3) =>
      judge({
        ...base,
        consents: [{ account: 'a', expiresAt: now + left }],
        thresholds: { ...defaultThresholds, consentWarning: days * 86400 },
      }).state;
    assert.equal(edge(3 * 86400), 'warning');
    assert.equal(edge(3 * 86400 + 1), 'ok');
    assert.equal(edge(6 * 86400, 7), 'warning');
    assert.equal(edge(1, 0), 'ok', '--consent-days 0: no warning before the end');
    assert.equal(edge(0, 0), 'critical');
    const gone = judge({
      ...base,
      problems: [problem('open-relay', 'warning')],
      consents: [
        { account: 'a', expiresAt: now - 1 },
        { account: 'b', expiresAt: now + 30 * 86400 },
      ],
    });
    assert.deepEqual(
      gone.findings.map((f) => [f.kind, f.state]),
      [
        ['consent', 'critical'],
        ['problem', 'warning'],
      ],
    );
  });
  it("doctor's consent problems are not counted twice: check measures the consent with its own threshold", () => {
    const verdict = judge({
      ...base,
      problems: [problem('oauth-consent-expiring', 'warning'), problem('oauth-consent-expired', 'error')],
      consents: [{ account: 'a', expiresAt: now + 86400 }],
    });
    assert.deepEqual(
      verdict.findings.map((f) => findingCode(f)),
      ['consent-expiring'],
    );
    const past = judge({ ...base, consents: [{ account: 'a', expiresAt: now }] });
    assert.deepEqual(past.findings.map(findingCode), ['consent-expired']);
  });
});
