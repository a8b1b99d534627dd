// check --textfile's exposition (flow/check/metrics.ts): names, labels escaped, one TYPE per family.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMetrics } from '../../../../src/flow/check/metrics.js';

describe('renderMetrics', () => {
  const text = renderMetrics({
    verdict: { state: 'critical', findings: [], deferred: 2 },
    failures: [
      { queueId: 'A', status: 'deferred', reason: 'x', diagnosis: 'auth-bad-credentials' },
      { queueId: 'A', status: 'deferred', reason: 'y', diagnosis: 'auth-bad-credentials' },
      { queueId: 'B', status: 'deferred', reason: 'z', diagnosis: 'tls-untrusted' },
      { queueId: 'C', status: 'bounced', reason: 'w', diagnosis: 'quota-exceeded' },
    ],
    use: [{ account: 'we"ird\\@gmail.com', sent: 3, limit: 500, kind: 'personal', lastSent: 1700000000 }],
    consents: [
      { account: 'a@gmail.com', expiresAt: 1800000000 },
      { account: 'b@gmail.com', expiresAt: 1800000600 },
    ],
    accessTokens: [{ account: 'a@gmail.com', expiry: 1700003600 }],
    now: 1700000100,
  });
  it("has the state, deferred messages by cause (each message once), per-account use, each consent's end and the access token's expiry", () => {
    assert.match(text, /^postfix_gmail_wizard_state 2$/m);
    assert.match(text, /^postfix_gmail_wizard_deferred_by_cause_messages\{cause="auth-bad-credentials"\} 1$/m);
    assert.match(text, /^postfix_gmail_wizard_deferred_by_cause_messages\{cause="tls-untrusted"\} 1$/m);
    assert.doesNotMatch(text, /quota-exceeded/);
    assert.match(text, /^postfix_gmail_wizard_sent_last_24h_recipients\{account="we\\"ird\\\\@gmail.com"\} 3$/m);
    assert.match(
      text,
      /^postfix_gmail_wizard_oauth_consent_expiry_timestamp_seconds\{account="a@gmail.com"\} 1800000000$/m,
    );
    assert.match(
      text,
      /^postfix_gmail_wizard_oauth_consent_expiry_timestamp_seconds\{account="b@gmail.com"\} 1800000600$/m,
    );
    assert.match(
      text,
      /^postfix_gmail_wizard_oauth_token_expiry_timestamp_seconds\{account="a@gmail.com"\} 1700003600$/m,
    );
  });
  it('has no OAuth family where no account signs in with OAuth', () => {
    const plain = renderMetrics({
      verdict: { state: 'ok', findings: [], deferred: 0 },
      failures: [],
      use: [],
      consents: [],
      accessTokens: [],
      now: 1700000100,
    });
    assert.doesNotMatch(plain, /oauth/);
  });
  it('declares every family once, as a gauge, before its samples', () => {
    const types = text.match(/^# TYPE (\S+) gauge$/gm) ?? [];
    assert.equal(new Set(types).size, types.length);
    for (const line of text
      .trimEnd()
      .split('\n')
      .filter((l) => !l.startsWith('#'))) {
      const name = line.split(/[{ ]/)[0];
      assert.ok(text.indexOf(`# TYPE ${name} gauge`) < text.indexOf(line), name);
    }
  });
});
