// Which delivery line the wizard believes (issue 11, item 10): a log line is a claim anyone may
// write; the queue and a real Postfix daemon's pid are Postfix's word.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
    assert.equal(
      believedVerdict([event(1, 'sent'), event(4242, 'bounced')], false, new Set(['4242']))?.status,
      'bounced',
    );
    assert.equal(believedVerdict([event(1, 'bounced'), event(4242, 'sent')], false, new Set(['4242']))?.status, 'sent');
  });
  it('lines that disagree with nothing proven: never "sent"', () => {
    assert.equal(believedVerdict([event(1, 'sent'), event(2, 'bounced')], false, new Set())?.status, 'bounced');
  });
});
