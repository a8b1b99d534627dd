// OAuth's rules (postfix/problems/oauth.ts) on a healthy relay's facts: the consent's end as the wizard
// recorded it — nothing before the warning window, a warning inside it, an error once it has passed —
// and the plugin and token file rules beside it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  oauthConsentEnding,
  oauthPluginMissing,
  oauthTokenUnwritable,
} from '../../../../src/postfix/problems/oauth.js';
import type { OauthFacts } from '../../../../src/postfix/problems/types.js';
import { healthy } from './facts.js';

const now = 1_800_000_000;
const token = (over: Partial<OauthFacts['tokens'][number]> = {}): OauthFacts['tokens'][number] => ({
  path: '/var/spool/postfix/sasl-xoauth2/you@gmail.com.json',
  account: 'you@gmail.com',
  mode: 0o600,
  uid: 104,
  dir: { mode: 0o700, uid: 104 },
  mtimeMs: now * 1000,
  ...over,
});
const oauth = (tokens: OauthFacts['tokens'], warn = 3 * 86400): OauthFacts => ({
  plugin: true,
  owner: { name: 'postfix', uid: 104, gid: 111 },
  now,
  consentWarnSeconds: warn,
  tokens,
});

describe('oauthConsentEnding', () => {
  it('nothing without OAuth, without a recorded end, or with more than the window left', () => {
    assert.deepEqual(oauthConsentEnding(healthy()), []);
    assert.deepEqual(oauthConsentEnding(healthy({ oauth: oauth([token()]) })), []);
    assert.deepEqual(
      oauthConsentEnding(healthy({ oauth: oauth([token({ consentExpiresAt: now + 3 * 86400 + 1 })]) })),
      [],
    );
  });

  it('a warning within the window, naming the account, the end and the hours left', () => {
    const [p, ...rest] = oauthConsentEnding(healthy({ oauth: oauth([token({ consentExpiresAt: now + 20 * 3600 })]) }));
    assert.deepEqual(rest, []);
    assert.equal(p?.code, 'oauth-consent-expiring');
    assert.equal(p?.severity, 'warning');
    assert.equal(p?.fixable, false);
    assert.deepEqual(p?.vars, { account: 'you@gmail.com', ends: '2027-01-16T04:00:00.000Z', hours: 20 });
    assert.match(p?.evidence[0] ?? '', /you@gmail\.com\.json: Google ends the consent at 2027-01-16T04:00:00\.000Z/);
  });

  it('an error once the end has passed (mail waits, as after a revoked consent); each token on its own', () => {
    const problems = oauthConsentEnding(
      healthy({
        oauth: oauth([
          token({ consentExpiresAt: now }),
          token({ path: '/q/b@gmail.com.json', account: 'b@gmail.com', consentExpiresAt: now + 3600 }),
          token({ path: '/q/c@gmail.com.json', account: 'c@gmail.com' }),
        ]),
      }),
    );
    assert.deepEqual(
      problems.map((p) => [p.code, p.severity, p.vars?.account, p.vars?.hours]),
      [
        ['oauth-consent-expired', 'error', 'you@gmail.com', 0],
        ['oauth-consent-expiring', 'warning', 'b@gmail.com', 1],
      ],
    );
  });

  it("the window is the facts' own (check --consent-days gives another)", () => {
    const facts = (warn: number) => healthy({ oauth: oauth([token({ consentExpiresAt: now + 5 * 86400 })], warn) });
    assert.deepEqual(oauthConsentEnding(facts(3 * 86400)), []);
    assert.equal(oauthConsentEnding(facts(7 * 86400))[0]?.code, 'oauth-consent-expiring');
  });
});

describe('the other OAuth rules beside it', () => {
  it('a healthy token and plugin: nothing', () => {
    const facts = healthy({ oauth: oauth([token()]) });
    assert.deepEqual([...oauthPluginMissing(facts), ...oauthTokenUnwritable(facts)], []);
  });
});
