// A revoked or expired consent as the real sasl-xoauth2 0.27 and Postfix log it. Provenance of the lines:
// - the plugin's: tarickb/sasl-xoauth2 at tag release-0.27, src/token_store.cc (a refresh answered other
//   than 200 logs "TokenStore::Refresh: request failed" and returns SASL_BADPROT), src/client.cc (DoStep
//   then calls SetFlushOnDestroy, which keeps that last line as the summary) and src/log.cc (Flush writes
//   "auth failed: " + summary, the summary stamped "%F %T: ", through syslog(LOG_WARNING, "[sasl-xoauth2] %s")
//   with no openlog of its own, so under smtp(8)'s ident "postfix/smtp[pid]").
// - Postfix's: the delivery line of tarickb/sasl-xoauth2 issue #69 and bokysan/docker-postfix issue #187
//   ("SASL authentication failed; cannot authenticate to server …: bad protocol / cancel", dsn=4.7.0); issue
//   #69 shows the plugin's summary logged just after Postfix's own line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose, diagnoseDelivery } from '../../../src/gmail/diagnose.js';
import { clientNotesFor, oauthRefreshNotes, parseDeliveryLine } from '../../../src/postfix/log.js';
import { findProblems } from '../../../src/postfix/problems/index.js';
import { problemState } from '../../../src/flow/check/judge.js';
import { problemFix } from '../../../src/ui/doctor-view.js';
import { doctorEn } from '../../../src/ui/text/doctor.en.js';
import { doctorJa } from '../../../src/ui/text/doctor.ja.js';
import { healthy } from './problems/facts.js';

const REASON =
  'SASL authentication failed; cannot authenticate to server smtp.gmail.com[142.250.102.108]: bad protocol / cancel';
const LOG = [
  `Dec  7 23:40:00 box postfix/smtp[4242]: 2C35B61E6B16: ${REASON}`,
  'Dec  7 23:40:00 box postfix/smtp[4242]: [sasl-xoauth2] auth failed: 2026-12-07 23:40:00: TokenStore::Refresh: request failed',
  'Dec  7 23:40:00 box postfix/smtp[4242]: [sasl-xoauth2] set log_full_trace_on_failure to see full 9 line(s) of tracing.',
  `Dec  7 23:40:01 box postfix/smtp[4242]: 2C35B61E6B16: to=<abc@example.net>, relay=smtp.gmail.com[142.250.102.108]:587, delay=551, delays=551/0.13/0.23/0, dsn=4.7.0, status=deferred (${REASON})`,
].join('\n');

describe('sasl-xoauth2 cannot refresh the token (invalid_grant)', () => {
  it('the plugin\'s line after Postfix\'s is found for the bare "bad protocol / cancel" reason', () => {
    const notes = oauthRefreshNotes(LOG, REASON);
    assert.deepEqual(notes, ['[sasl-xoauth2] auth failed: 2026-12-07 23:40:00: TokenStore::Refresh: request failed']);
    assert.equal(diagnose([...notes, REASON].join('\n')).code, 'oauth-consent-revoked');
    const event = parseDeliveryLine(LOG.split('\n').at(-1)!)!;
    const withNotes = [...oauthRefreshNotes(LOG, event.reply), ...clientNotesFor(LOG, event.queueId, event.to)];
    assert.equal(diagnoseDelivery(event, withNotes)?.code, 'oauth-consent-revoked');
  });

  it('without the plugin saying so, "bad protocol / cancel" stays unknown (a curl error says it too)', () => {
    assert.deepEqual(oauthRefreshNotes(LOG.split('\n').slice(-1).join('\n'), REASON), []);
    assert.equal(diagnose(REASON).code, 'unknown');
    assert.deepEqual(oauthRefreshNotes(LOG, 'connect to smtp.gmail.com[1.2.3.4]:587: Connection refused'), []);
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
