// The sasl-xoauth2 plugin's lines tied to the delivery they explain (src/postfix/xoauth2-log.ts), on lines
// the real plugin and Postfix logged (test/fixtures/postfix-output/maillog-xoauth2-*.log, SOURCE.md there):
// the summary before a refused ::1 that became the deferral's reason, tied by the smtp process's pid; the
// CA bundle its libcurl could not read, which is not a revoked consent.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose, diagnoseDelivery } from '../../../src/gmail/diagnose.js';
import { clientNotesFor, parseDeliveryLine } from '../../../src/postfix/log.js';
import { clientSaslFailed, oauthRefreshNotes, oauthSessionFor } from '../../../src/postfix/xoauth2-log.js';
import { repoPath } from '../../support/paths.js';

const fixture = (name: string) => readFileSync(repoPath('test', 'fixtures', 'postfix-output', name), 'utf8').trimEnd();
const verdict = (log: string) => parseDeliveryLine(log.split('\n').find((l) => l.includes('status=deferred'))!)!;
const publicLine = (id: string): string =>
  (JSON.parse(fixture('public-log-lines.json')) as { id: string; line: string }[]).find((l) => l.id === id)!.line;

describe('the plugin, then the next address refused: the deferral says "Connection refused"', () => {
  const LOG = fixture('maillog-xoauth2-then-refused.log');
  const event = verdict(LOG);

  it('read as before (the notes without a queue id), it is a refused connection', () => {
    assert.equal(event.reply, 'connect to localhost[::1]:46535: Connection refused');
    const before = [...oauthRefreshNotes(LOG, event.reply), ...clientNotesFor(LOG, event.queueId, event.to)];
    assert.equal(diagnoseDelivery(event, before)?.code, 'connect-refused');
  });

  it("tied by smtp's pid, the plugin's line is the cause: a refresh Google refused", () => {
    const session = oauthSessionFor(LOG, event.queueId);
    assert.deepEqual(session, {
      saslFailed: true,
      notes: ['[sasl-xoauth2] auth failed: 2026-12-08 01:35:42: TokenStore::Refresh: request failed'],
    });
    assert.equal(diagnoseDelivery(event, session.notes)?.code, 'oauth-consent-revoked');
  });

  it('another process, or the same process on another message, is not tied to it', () => {
    const otherPid = LOG.replace(/\[sasl-xoauth2\]/g, 'x').replace(
      /^(.*)postfix\/smtp\[21013\]: x(.*)$/gm,
      '$1postfix/smtp[30000]: [sasl-xoauth2]$2',
    );
    assert.deepEqual(oauthSessionFor(otherPid, event.queueId).notes, []);
    // The same smtp process (reused) delivers the next message: A's summary, logged after A's verdict
    // (maillog-xoauth2-invalid-grant.log), is not the cause of B's refused connection.
    const a = fixture('maillog-xoauth2-invalid-grant.log');
    const b = [
      'Dec  8 01:44:05 sid postfix/smtp[14435]: connect to localhost[::1]:34451: Connection refused',
      'Dec  8 01:44:05 sid postfix/smtp[14435]: 7AAAA240005: to=<you@gmail.com>, relay=none, delay=0.2, delays=0.01/0/0.2/0, dsn=4.4.1, status=deferred (connect to localhost[::1]:34451: Connection refused)',
    ].join('\n');
    assert.deepEqual(oauthSessionFor(`${a}\n${b}`, '7AAAA240005'), { saslFailed: false, notes: [] });
    assert.equal(
      diagnoseDelivery(verdict(b), oauthSessionFor(`${a}\n${b}`, '7AAAA240005').notes)?.code,
      'connect-refused',
    );
    // A itself keeps its summary, the one logged after its verdict included.
    assert.equal(oauthSessionFor(`${a}\n${b}`, '6DED4240004').notes.length, 1);
  });
});

describe("the plugin's libcurl could not read its CA bundle", () => {
  const LOG = fixture('maillog-xoauth2-ca-unreadable.log');
  const event = verdict(LOG);

  it('curl 8 (the real plugin in a chroot without the copy): oauth-ca-unreadable, not a revoked consent', () => {
    const notes = oauthRefreshNotes(LOG, event.reply);
    assert.match(notes[0] ?? '', /http error: Problem with the SSL CA cert \(path\? access rights\?\)/);
    assert.equal(diagnoseDelivery(event, notes)?.code, 'oauth-ca-unreadable');
    assert.equal(diagnoseDelivery(event, oauthSessionFor(LOG, event.queueId).notes)?.code, 'oauth-ca-unreadable');
    assert.ok(clientSaslFailed(event.reply));
  });

  it("older curl's wording, under the older plugin's own ident (tarickb/sasl-xoauth2 issue #88)", () => {
    const log = `${publicLine('xoauth2-ca-verify-locations')}\n${publicLine('xoauth2-ca-verify-locations-deferred')}`;
    const deferred = verdict(log);
    assert.equal(diagnoseDelivery(deferred, oauthRefreshNotes(log, deferred.reply))?.code, 'oauth-ca-unreadable');
  });

  it("other http errors are not called an unreadable bundle, and Gmail's own refusal is not this side's failure", () => {
    const dns = LOG.replace(/Problem with the SSL CA cert \(path\? access rights\?\)/g, 'Could not resolve host: x');
    assert.deepEqual(oauthRefreshNotes(dns, event.reply), []);
    assert.notEqual(diagnose('TokenStore::Refresh: http error: Could not resolve host: x').code, 'oauth-ca-unreadable');
    assert.equal(
      clientSaslFailed('SASL authentication failed; server smtp.gmail.com[142.251.2.108] said: 535-5.7.8 Username'),
      false,
    );
  });
});

describe("the plugin's latest summary speaks, never an older one", () => {
  it('the copy replaced by another CA\'s (real plugin): "certificate signer not trusted", after an older "Problem with the SSL CA cert"', () => {
    const older = fixture('maillog-xoauth2-ca-unreadable.log');
    const log = `${older}\n${fixture('maillog-xoauth2-ca-untrusted.log')}`;
    const event = verdict(fixture('maillog-xoauth2-ca-untrusted.log'));
    const [note] = oauthRefreshNotes(log, event.reply);
    assert.match(note ?? '', /SSL certificate verification failed: certificate signer not trusted/);
    assert.equal(diagnoseDelivery(event, [note!])?.code, 'oauth-ca-unreadable');
    assert.deepEqual(oauthSessionFor(log, event.queueId).notes, [note]);
  });

  it('a summary doctor has no words for, after a known one: no note (not the older cause)', () => {
    const log = fixture('maillog-xoauth2-invalid-grant.log');
    const unknown = log.replace(
      /TokenStore::Refresh: request failed/g,
      'TokenStore::Refresh: http error: Could not resolve host: x',
    );
    const later = `${log}\n${unknown
      .split('\n')
      .filter((l) => l.includes('[sasl-xoauth2] auth failed'))
      .at(-1)}`;
    assert.deepEqual(oauthRefreshNotes(later, verdict(log).reply), []);
    assert.equal(oauthRefreshNotes(log, verdict(log).reply).length, 1);
  });
});
