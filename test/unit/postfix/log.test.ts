import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  clientNotesFor,
  deliveryEventsFor,
  parseDeliveryLine,
  queueIdFromResponse,
  saslWarningsSince,
  senderInLog,
} from '../../../src/postfix/log.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/postfix-output');
const fixture = (name: string): string => readFileSync(resolve(FIXTURES, name), 'utf8');
const publicLine = (id: string): string => {
  const lines = JSON.parse(fixture('public-log-lines.json')) as { id: string; line: string }[];
  const found = lines.find((l) => l.id === id);
  assert.ok(found, `public-log-lines.json has ${id}`);
  return found.line;
};

test('a sent line: relay, dsn and Gmail reply', () => {
  const [sent] = deliveryEventsFor(fixture('maillog-sasl-variants.log'), '4jc3XJ4LDWzJ9Lk');
  assert.deepEqual(sent, {
    queueId: '4jc3XJ4LDWzJ9Lk',
    to: 'wizard.test@gmail.com',
    relay: '127.0.0.1[127.0.0.1]:2601',
    dsn: '2.0.0',
    status: 'sent',
    reply: '250 2.0.0 OK  1795854701 d9443c01a7336-227811cc643sm3303645ad.88 - gsmtp',
    agent: 'smtp',
    pid: '7216',
  });
});

test('the brief example line (syslog, short id) parses', () => {
  const line =
    'Nov 28 08:29:36 vm postfix/smtp[3463]: 6DE0620C117: to=<a@b>, relay=smtp.gmail.com[142.250.4.108]:587, delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 OK  1732781234 x - gsmtp)';
  const event = parseDeliveryLine(line);
  assert.equal(event?.queueId, '6DE0620C117');
  assert.equal(event?.relay, 'smtp.gmail.com[142.250.4.108]:587');
  assert.equal(event?.reply, '250 2.0.0 OK  1732781234 x - gsmtp');
  assert.equal(parseDeliveryLine(line.replace('6DE0620C117', '4XyZ1234abcdz'))?.queueId, '4XyZ1234abcdz');
});

test('every verdict line of the real scenario log parses, none of the others do', () => {
  const text = fixture('maillog-scenarios.log');
  const lines = text.split('\n').filter((l) => l !== '');
  const verdicts = lines.filter((l) => / status=(?:sent|deferred|bounced) \(/.test(l));
  const parsed = lines.map(parseDeliveryLine).filter((e) => e !== undefined);
  assert.equal(parsed.length, verdicts.length);
  assert.ok(parsed.length >= 30);
  assert.ok(parsed.every((e) => /^[0-9A-F]{10,11}$/.test(e.queueId) && e.reply !== '' && /^\d\.\d\.\d$/.test(e.dsn)));
});

test('a bounce keeps the nested "(in reply to … command)" inside the reply', () => {
  const [bounce] = deliveryEventsFor(fixture('maillog-scenarios.log'), '710F520C283');
  assert.equal(bounce?.status, 'bounced');
  assert.equal(bounce?.dsn, '5.1.1');
  assert.match(
    bounce?.reply ?? '',
    /^host 127\.0\.0\.1\[127\.0\.0\.1\] said: 550-5\.1\.1 The email account .* - gsmtp \(in reply to RCPT TO command\)$/,
  );
});

test('relay=none, the error agent and Debian Local-only bounces', () => {
  const [refused] = deliveryEventsFor(fixture('maillog-scenarios.log'), '92AA820C286');
  assert.equal(refused?.relay, 'none');
  assert.equal(refused?.reply, 'connect to 127.0.0.1[127.0.0.1]:2598: Connection refused');
  const [localOnly] = deliveryEventsFor(fixture('maillog-local-only-relayhost.log'), '4jc3Wz3DnPzJ9FT');
  assert.deepEqual([localOnly?.agent, localOnly?.status, localOnly?.reply], ['error', 'bounced', '[127.0.0.1]:2601']);
});

test('long queue ids, conn_use= and orig_to=', () => {
  const text = fixture('maillog-long-ids-loop.log');
  const hops = text
    .split('\n')
    .map(parseDeliveryLine)
    .filter((e) => e?.to === 'user@loop.test');
  assert.ok(hops.length > 20);
  assert.ok(hops.every((e) => e && /^[0-9A-Za-z]{10}z[0-9A-Za-y]+$/.test(e.queueId)));
  assert.equal(hops.at(-1)?.status, 'bounced');
  const [aliased] = deliveryEventsFor(fixture('maillog-orig-to.log'), '7611F20C4CC');
  assert.deepEqual([aliased?.to, aliased?.origTo, aliased?.status], ['wizard.test@gmail.com', 'alerts', 'sent']);
});

test('journalctl, RFC 3339, container and bare prefixes; double-space dates', () => {
  assert.equal(parseDeliveryLine(publicLine('journal-ipv6-unreachable'))?.queueId, '255AFB1AA');
  assert.equal(parseDeliveryLine(publicLine('musl-operation-timed-out'))?.queueId, 'DC95C602BA');
  assert.equal(parseDeliveryLine(publicLine('xoauth2-bad-protocol'))?.agent, 'smtp');
  const timeout = parseDeliveryLine(publicLine('orig-to-timeout'));
  assert.deepEqual([timeout?.queueId, timeout?.origTo, timeout?.relay], ['81571C2D', 'root', 'none']);
  const loop = parseDeliveryLine(publicLine('loop-bounced-orig-to'));
  assert.equal(loop?.reply, 'mail for mydomain.io loops back to myself');
  const bare =
    'A8155C29D1: to=<x@y.z>, relay=none, delay=1, delays=1/0/0/0, dsn=4.4.1, status=deferred (connect to a[1.2.3.4]:587: Connection timed out)';
  assert.equal(parseDeliveryLine(bare)?.status, 'deferred');
  assert.equal(parseDeliveryLine(publicLine('journal-ipv4-timeout')), undefined);
});

test('the expiry line ("status=expired, returned to sender") and the history of one message', () => {
  const events = deliveryEventsFor(fixture('maillog-expired.log'), '5CAAC20C23A');
  assert.deepEqual(
    events.map((e) => e.status),
    ['deferred', 'expired'],
  );
  assert.deepEqual(events[1], {
    queueId: '5CAAC20C23A',
    to: '',
    relay: 'none',
    dsn: '',
    status: 'expired',
    reply: 'returned to sender',
    agent: 'qmgr',
    pid: '8170',
  });
  assert.deepEqual(deliveryEventsFor(fixture('maillog-expired.log'), 'FFFFFFFFFF'), []);
});

test('lines that are not verdicts are ignored', () => {
  for (const line of [
    'Nov 28 08:31:41 vm postfix/qmgr[4484]: 823D620C1B1: from=<root@vm>, size=232, nrcpt=1 (queue active)',
    'Nov 28 08:31:41 vm postfix/bounce[4562]: 823D620C1B1: sender non-delivery notification: 85DE020C1B4',
    'Nov 28 08:38:04 vm postfix/smtpd[9474]: connect from unknown[127.0.0.1]',
    '',
  ])
    assert.equal(parseDeliveryLine(line), undefined);
});

test("queue id from the DATA reply, short and long; not from Gmail's own 250", () => {
  const [long, short] = fixture('smtpd-queued-as.txt').split('\n');
  assert.equal(queueIdFromResponse(long ?? ''), '4jc3Zh40s4zJ9Ly');
  assert.equal(queueIdFromResponse(short ?? ''), '7EB5920C1EB');
  assert.equal(queueIdFromResponse('250 2.0.0 Ok: queued as 6DE0620C117\r\n'), '6DE0620C117');
  assert.equal(
    queueIdFromResponse('250 2.0.0 OK  1795854701 d9443c01a7336-227811cc643sm3303645ad.88 - gsmtp'),
    undefined,
  );
  assert.equal(queueIdFromResponse(''), undefined);
});

test('SASL warnings for a message, without the delivery line itself or other messages', () => {
  const text = fixture('maillog-scenarios.log');
  assert.deepEqual(saslWarningsSince(text, '61FF020C240'), [
    'warning: SASL authentication failure: No worthy mechs found',
  ]);
  // Before the message entered the queue nothing counts.
  assert.deepEqual(saslWarningsSince(text, '8E89420C284'), []);
  const missingMap = saslWarningsSince(fixture('maillog-sasl-variants.log'), '4jc3XX4MzxzJ9Sc');
  assert.ok(missingMap.includes('warning: smtp_sasl_password_maps lookup error'));
  assert.ok(missingMap.some((w) => /sasl_passwd_missing is unavailable/.test(w)));
  // The standalone form older and newer Postfix versions log, with and without a queue id.
  const standalone = [publicLine('syslog-no-worthy-mechs'), publicLine('syslog-no-mechanism')].join('\n');
  // (the excerpt starts with the warning; in a whole log the id appears earlier, at pickup)
  assert.deepEqual(saslWarningsSince(standalone, 'B46951A4DB1F8'), [
    'SASL authentication failed; cannot authenticate to server email-smtp.eu-central-1.amazonaws.com[3.125.101.56]: no mechanism available',
  ]);
  assert.equal(saslWarningsSince(standalone).length, 2);
  assert.deepEqual(saslWarningsSince(standalone, 'ABCDEF1234'), []);
  const serverSide =
    "Dec 31 14:10:39 mail postfix/submission/smtpd[591]: warning: SASL authentication failure: Couldn't find mech LOGIN";
  assert.deepEqual(saslWarningsSince(serverSide), []);
});

test('client notes say why a certificate or a connection failed', () => {
  const text = fixture('maillog-scenarios.log');
  assert.deepEqual(clientNotesFor(text, '8364F20C248'), [
    'server certificate verification failed for 127.0.0.1[127.0.0.1]:2614: num=62:hostname mismatch',
  ]);
  assert.deepEqual(clientNotesFor(text, '7F72A20C274'), [
    'certificate verification failed for 127.0.0.1[127.0.0.1]:2613: self-signed certificate',
  ]);
  assert.deepEqual(clientNotesFor(text, '5A79C20C23B'), []);
  const ipv6 = ['journal-ipv4-timeout', 'journal-ipv6-unreachable-note', 'journal-ipv6-unreachable']
    .map(publicLine)
    .join('\n');
  assert.equal(
    clientNotesFor(ipv6, '255AFB1AA')[0],
    'connect to nine.testrun.org[77.42.49.41]:25: Connection timed out',
  );
  // Two recipients of one message went through two processes: each keeps its own notes.
  const twoRcpt = fixture('maillog-long-ids-loop.log');
  assert.deepEqual(clientNotesFor(twoRcpt, '4jc3WQ3YQBzJ9H7', 'user@refused.test'), [
    'connect to 127.0.0.1[127.0.0.1]:2598: Connection refused',
  ]);
  assert.deepEqual(clientNotesFor(twoRcpt, '4jc3WQ3YQBzJ9H7', 'other@xoauth.test'), [
    'warning: SASL authentication failure: No worthy mechs found',
  ]);
});

test('senderInLog: the envelope sender qmgr logged for a queue id (the real plugin capture); only qmgr is believed', () => {
  const log = fixture('maillog-xoauth2-invalid-grant.log');
  assert.equal(senderInLog(log, '6DED4240004'), 'you@gmail.com');
  assert.equal(senderInLog(log, '6DED4240005'), undefined);
  const forged = 'Dec  8 01:44:04 sid postfix/smtp[1]: 6DED4240004: from=<mallory@evil.example>, size=1, nrcpt=1';
  assert.equal(senderInLog(`${log}${forged}\n`, '6DED4240004'), 'you@gmail.com');
  assert.equal(senderInLog(log, '6DED.*'), undefined, 'a queue id is a word, never a pattern');
});
