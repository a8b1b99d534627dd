// The record of when each OAuth consent ends (postfix/oauth-consent-record.ts): read back what the
// template wrote, anything unreadable is no entry, and the merge a setup makes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { renderTemplate } from '../../../src/flow/plan/render-template.js';
import { parseConsentRecord, withConsent } from '../../../src/postfix/oauth-consent-record.js';
import { repoPath } from '../../support/paths.js';

const template = readFileSync(repoPath('templates', 'oauth_consent.ejs'), 'utf8');
const a = { account: 'a@gmail.com', tokenFile: '/var/spool/postfix/sasl-xoauth2/a@gmail.com.json' };
const b = { account: 'b@gmail.com', tokenFile: '/var/spool/postfix/sasl-xoauth2/b@gmail.com.json' };

describe('the consent record', () => {
  it('reads back what the template writes (JSON with the end in epoch seconds and ISO 8601)', () => {
    const entries = [
      { ...a, expiresAt: 1800000000 },
      { ...b, expiresAt: 1800000600 },
    ];
    const text = renderTemplate(template, { consents: entries });
    assert.deepEqual(parseConsentRecord(text), entries);
    assert.match(text, /"expires": "2027-01-15T08:00:00.000Z"/);
    assert.doesNotMatch(text, /refresh_token|client_secret|access_token|ya29|1\/\//);
  });

  it('unreadable or odd entries count as none', () => {
    for (const text of [undefined, '', 'not json', '{"consents": 3}', '{}'])
      assert.deepEqual(parseConsentRecord(text), [], String(text));
    assert.deepEqual(
      parseConsentRecord(
        JSON.stringify({
          consents: [{ ...a, expiresAt: '1800000000' }, { ...b, expiresAt: -1 }, null, { ...a, expiresAt: 7 }],
        }),
      ),
      [{ ...a, expiresAt: 7 }],
    );
  });

  it('a new consent replaces its entry, one with no end takes it out, the others stay', () => {
    const before = [
      { ...a, expiresAt: 100 },
      { ...b, expiresAt: 200 },
    ];
    assert.deepEqual(withConsent(before, a, 500, false), [
      { ...a, expiresAt: 500 },
      { ...b, expiresAt: 200 },
    ]);
    assert.deepEqual(withConsent(before, a, undefined, false), [{ ...b, expiresAt: 200 }]);
    assert.deepEqual(withConsent([], a, 500, false), [{ ...a, expiresAt: 500 }]);
  });

  it('the same consent keeps the earliest end known (a re-run changes nothing; a refresh that says none keeps it)', () => {
    const before = [{ ...a, expiresAt: 100 }];
    assert.deepEqual(withConsent(before, a, 101, true), before);
    assert.deepEqual(withConsent(before, a, 90, true), [{ ...a, expiresAt: 90 }]);
    assert.deepEqual(withConsent(before, a, undefined, true), before);
  });
});
