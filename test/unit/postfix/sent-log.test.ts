// What went out through the relay in 24 h (postfix/sent-log.ts): one sent line per recipient, local
// deliveries left out, the sender from qmgr's line, and the time from each syslog stamp form.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineTime, sentSince } from '../../../src/postfix/sent-log.js';

const now = new Date(2026, 11, 7, 12, 0, 0); // local time, as syslog writes it
const at = (d: Date) => Math.floor(d.getTime() / 1000);

describe('lineTime', () => {
  it('reads the traditional stamp in local time, this year', () => {
    assert.equal(lineTime('Dec 07 11:30:00 vm postfix/smtp[1]: x', now), at(new Date(2026, 11, 7, 11, 30, 0)));
    assert.equal(lineTime('Dec  7 11:30:00 vm postfix/smtp[1]: x', now), at(new Date(2026, 11, 7, 11, 30, 0)));
  });
  it('puts a stamp more than a day ahead into last year (the log of New Year)', () => {
    const january = new Date(2027, 0, 1, 0, 5, 0);
    assert.equal(lineTime('Dec 31 23:59:00 vm postfix/smtp[1]: x', january), at(new Date(2026, 11, 31, 23, 59, 0)));
  });
  it('reads RFC 3339 stamps with their zone', () => {
    assert.equal(lineTime('2026-12-07T03:00:00.123456+00:00 vm postfix/smtp[1]: x', now), 1796612400);
  });
  it('has no time for a journal line (read by --since already)', () => {
    assert.equal(lineTime('postfix/smtp[1]: x', now), undefined);
  });
});

describe('sentSince', () => {
  const log = [
    'Dec 06 11:00:00 vm postfix/qmgr[9]: AAAAAA1: from=<old@example.com>, size=300, nrcpt=1 (queue active)',
    'Dec 06 11:00:01 vm postfix/smtp[10]: AAAAAA1: to=<a@example.com>, relay=smtp.gmail.com[1.2.3.4]:587, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 OK)',
    'Dec 07 11:00:00 vm postfix/qmgr[9]: BBBBBB2: from=<cron@host.example>, size=300, nrcpt=2 (queue active)',
    'Dec 07 11:00:01 vm postfix/smtp[11]: BBBBBB2: to=<b@example.com>, relay=smtp.gmail.com[1.2.3.4]:587, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 OK)',
    'Dec 07 11:00:01 vm postfix/smtp[11]: BBBBBB2: to=<c@example.com>, relay=smtp.gmail.com[1.2.3.4]:587, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 OK)',
    'Dec 07 11:10:00 vm postfix/local[12]: CCCCCC3: to=<root@vm>, relay=local, delay=0, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to mailbox)',
    'Dec 07 11:20:00 vm postfix/smtp[13]: DDDDDD4: to=<d@example.com>, relay=none, delay=1, delays=0/0/1/0, dsn=4.4.1, status=deferred (connect to smtp.gmail.com[1.2.3.4]:587: Connection refused)',
  ].join('\n');

  it('counts each recipient the relay accepted inside the window, with its sender and time', () => {
    const sent = sentSince(log, at(now) - 86400, now);
    assert.deepEqual(
      sent.map((s) => [s.queueId, s.to, s.sender]),
      [
        ['BBBBBB2', 'b@example.com', 'cron@host.example'],
        ['BBBBBB2', 'c@example.com', 'cron@host.example'],
      ],
    );
    assert.equal(sent[0]!.time, at(new Date(2026, 11, 7, 11, 0, 1)));
  });
  it('leaves out local deliveries and deferrals, and counts lines without a stamp (the journal)', () => {
    const journal = log.replace(/^\w{3} \d\d \d\d:\d\d:\d\d vm /gm, '');
    assert.equal(sentSince(journal, at(now) - 86400, now).length, 3);
  });
});
