// Which delivery line the wizard believes (issue 11, item 10): a log line is a claim anyone may
// write; the queue and the journal's trusted fields are Postfix's word.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { trustedJournalLines, uidOf } from '../../../src/postfix/journal.js';
import { parseDeliveryLine } from '../../../src/postfix/log.js';
import { believedVerdict } from '../../../src/postfix/verdict.js';

const line = (pid: number, status: string) =>
  `Dec  2 01:10:00 vm postfix/smtp[${pid}]: 6DE0620C117: to=<friend@example.com>, relay=smtp.gmail.com[142.250.102.109]:587, delay=1, delays=0/0/0/1, dsn=${status === 'sent' ? '2.0.0' : '5.1.1'}, status=${status} (250 2.0.0 OK - gsmtp)`;
const event = (pid: number, status: string) => parseDeliveryLine(line(pid, status))!;

describe('believedVerdict', () => {
  it('a "sent" line for a message still in the queue is not believed', () => {
    assert.equal(believedVerdict([event(999, 'sent')], true, new Set()), undefined);
  });
  it('once the message left the queue, its only final line is the verdict', () => {
    assert.equal(believedVerdict([event(999, 'sent')], false, new Set())?.status, 'sent');
  });
  it('lines that disagree: the one whose pid is a real Postfix daemon wins', () => {
    assert.equal(believedVerdict([event(1, 'sent'), event(4242, 'bounced')], false, new Set(['4242']))?.status, 'bounced');
    assert.equal(believedVerdict([event(1, 'bounced'), event(4242, 'sent')], false, new Set(['4242']))?.status, 'sent');
  });
  it('lines that disagree with nothing proven: never "sent"', () => {
    assert.equal(believedVerdict([event(1, 'sent'), event(2, 'bounced')], false, new Set())?.status, 'bounced');
  });
});

describe('trustedJournalLines', () => {
  const entry = (fields: Record<string, string>) => JSON.stringify({ SYSLOG_IDENTIFIER: 'postfix/smtp', _PID: '4242', _UID: '107', _COMM: 'smtp', MESSAGE: '6DE0620C117: to=<friend@example.com>, relay=x[1.2.3.4]:587, delay=1, dsn=2.0.0, status=sent (250 ok)', ...fields });
  it('keeps what a Postfix daemon running as mail_owner (or root) logged, as a parseable line', () => {
    const text = trustedJournalLines(entry({}), [0, 107]);
    assert.equal(parseDeliveryLine(text)?.status, 'sent');
    assert.equal(parseDeliveryLine(text)?.pid, '4242');
  });
  it('drops what logger (any user) wrote under Postfix\'s name: the trusted fields give it away', () => {
    assert.equal(trustedJournalLines(entry({ _UID: '1000', _COMM: 'logger' }), [0, 107]), '');
    assert.equal(trustedJournalLines(entry({ _UID: '1000' }), [0, 107]), '', 'a program named smtp run by another user');
    assert.equal(trustedJournalLines(entry({ _COMM: 'logger', _UID: '0' }), [0, 107]), '', 'not a Postfix program');
    assert.equal(trustedJournalLines('not json\n{}', [0, 107]), '');
  });
  it('uidOf reads /etc/passwd', () => {
    assert.equal(uidOf('root:x:0:0:root:/root:/bin/bash\npostfix:x:107:113::/var/spool/postfix:/usr/sbin/nologin\n', 'postfix'), 107);
    assert.equal(uidOf('root:x:0:0::/root:/bin/sh\n', 'postfix'), undefined);
  });
});
