// The journal's trusted fields (postfix/journal.ts): only what a Postfix daemon logged is read as a
// delivery line (issue 11, item 10).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { trustedJournalLines, uidOf } from '../../../src/postfix/journal.js';
import { parseDeliveryLine } from '../../../src/postfix/log.js';

describe('trustedJournalLines', () => {
  const entry = (fields: Record<string, string>) =>
    JSON.stringify({
      SYSLOG_IDENTIFIER: 'postfix/smtp',
      _PID: '4242',
      _UID: '107',
      _COMM: 'smtp',
      MESSAGE: '6DE0620C117: to=<friend@example.com>, relay=x[1.2.3.4]:587, delay=1, dsn=2.0.0, status=sent (250 ok)',
      ...fields,
    });
  it('keeps what a Postfix daemon running as mail_owner (or root) logged, as a parseable line', () => {
    const text = trustedJournalLines(entry({}), [0, 107]);
    assert.equal(parseDeliveryLine(text)?.status, 'sent');
    assert.equal(parseDeliveryLine(text)?.pid, '4242');
  });
  it("drops what logger (any user) wrote under Postfix's name: the trusted fields give it away", () => {
    assert.equal(trustedJournalLines(entry({ _UID: '1000', _COMM: 'logger' }), [0, 107]), '');
    assert.equal(
      trustedJournalLines(entry({ _UID: '1000' }), [0, 107]),
      '',
      'a program named smtp run by another user',
    );
    assert.equal(trustedJournalLines(entry({ _COMM: 'logger', _UID: '0' }), [0, 107]), '', 'not a Postfix program');
    assert.equal(trustedJournalLines('not json\n{}', [0, 107]), '');
  });
  it('uidOf reads /etc/passwd', () => {
    assert.equal(
      uidOf('root:x:0:0:root:/root:/bin/bash\npostfix:x:107:113::/var/spool/postfix:/usr/sbin/nologin\n', 'postfix'),
      107,
    );
    assert.equal(uidOf('root:x:0:0::/root:/bin/sh\n', 'postfix'), undefined);
  });
});
