// A revoked or expired consent as the real sasl-xoauth2 0.27 and Postfix 3.11 log it: the lines are
// test/fixtures/postfix-output/maillog-xoauth2-invalid-grant.log, captured from Debian sid's Postfix
// 3.11.7 with experimental's sasl-xoauth2 0.27-0.1 (npm run releases:oauth, the fake token endpoint
// answering the plugin's refresh with 400 {"error":"invalid_grant"}; SOURCE.md there). The plugin logs
// one summary line through smtp(8)'s syslog ident, just after Postfix's deferral — the same line for
// 401 invalid_client (maillog-xoauth2-invalid-client.log): only its full trace, which holds the client
// secret and the refresh token, has Google's answer.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose, diagnoseDelivery } from '../../../src/gmail/diagnose.js';
import { clientNotesFor, parseDeliveryLine } from '../../../src/postfix/log.js';
import { oauthRefreshNotes } from '../../../src/postfix/xoauth2-log.js';
import { findProblems } from '../../../src/postfix/problems/index.js';
import { problemState } from '../../../src/flow/check/judge.js';
import { problemFix } from '../../../src/ui/doctor-view.js';
import { doctorEn } from '../../../src/ui/text/doctor.en.js';
import { doctorJa } from '../../../src/ui/text/doctor.ja.js';
import { repoPath } from '../../support/paths.js';
import { healthy } from './problems/facts.js';

const fixture = (name: string) => readFileSync(repoPath('test', 'fixtures', 'postfix-output', name), 'utf8');
const LOG = fixture('maillog-xoauth2-invalid-grant.log').trimEnd();
const REASON = 'SASL authentication failed; cannot authenticate to server localhost[127.0.0.1]: bad protocol / cancel';

describe('sasl-xoauth2 cannot refresh the token (invalid_grant)', () => {
  it('the plugin\'s line after Postfix\'s is found for the bare "bad protocol / cancel" reason', () => {
    const notes = oauthRefreshNotes(LOG, REASON);
    assert.deepEqual(notes, ['[sasl-xoauth2] auth failed: 2026-12-08 01:44:03: TokenStore::Refresh: request failed']);
    assert.equal(diagnose([...notes, REASON].join('\n')).code, 'oauth-consent-revoked');
    const event = parseDeliveryLine(LOG.split('\n').find((l) => l.includes('status=deferred'))!)!;
    assert.equal(event.reply, REASON);
    const withNotes = [...oauthRefreshNotes(LOG, event.reply), ...clientNotesFor(LOG, event.queueId, event.to)];
    assert.equal(diagnoseDelivery(event, withNotes)?.code, 'oauth-consent-revoked');
  });

  it('without the plugin saying so, "bad protocol / cancel" stays unknown (a curl error says it too)', () => {
    const withoutPlugin = LOG.split('\n').filter((l) => !l.includes('[sasl-xoauth2]'));
    assert.deepEqual(oauthRefreshNotes(withoutPlugin.join('\n'), REASON), []);
    assert.equal(diagnose(REASON).code, 'unknown');
    assert.deepEqual(oauthRefreshNotes(LOG, 'connect to smtp.gmail.com[1.2.3.4]:587: Connection refused'), []);
  });

  it('401 invalid_client (a deleted client) logs the very same lines: the same diagnosis, which the words name too', () => {
    const log = fixture('maillog-xoauth2-invalid-client.log').trimEnd();
    const strip = (text: string) =>
      text
        .split('\n')
        .map((l) =>
          l
            .replace(/^.*?postfix\/smtp\[\d+\]: (?:[0-9A-F]{10,}: )?/, '')
            .replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/, 'T'),
        );
    const plugin = (text: string) => strip(text).filter((l) => l.startsWith('[sasl-xoauth2]') || l.startsWith('SASL'));
    assert.deepEqual(plugin(log), plugin(LOG));
    const event = parseDeliveryLine(log.split('\n').find((l) => l.includes('status=deferred'))!)!;
    assert.equal(diagnoseDelivery(event, oauthRefreshNotes(log, event.reply))?.code, 'oauth-consent-revoked');
    assert.match(doctorEn['doctor.fix.oauth-consent-revoked'], /--oauth-client FILE/);
    assert.match(doctorJa['doctor.fix.oauth-consent-revoked'], /--oauth-client FILE/);
  });

  it("Google's own answer, as the token endpoint words it, is the same cause", () => {
    assert.equal(
      diagnose('{"error":"invalid_grant","error_description":"Token has been expired or revoked."}').code,
      'oauth-consent-revoked',
    );
  });

  it('doctor: its own problem, an error (CRITICAL in check), with the fix a person must make', () => {
    const failures = [
      {
        queueId: '2C35B61E6B16',
        status: 'deferred' as const,
        reason: REASON,
        diagnosis: 'oauth-consent-revoked' as const,
      },
    ];
    const problems = findProblems(healthy({ failures }));
    assert.deepEqual(
      problems.map((p) => p.code),
      ['oauth-consent-revoked'],
    );
    const [p] = problems;
    assert.equal(p!.severity, 'error');
    assert.equal(problemState(p!, { doctor: { settings: {}, failures } }), 'critical');
    assert.match(problemFix(p!), /--auth oauth at a terminal.*--oauth-token-file/);
  });

  it('worded in both languages', () => {
    for (const text of [doctorEn, doctorJa])
      assert.match(text['doctor.fix.oauth-consent-revoked'], /postfix-gmail-wizard --auth oauth.*--oauth-token-file/);
  });
});
