import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  findQueueEntry,
  flushQueue,
  parseQueueJson,
  PostqueueParseError,
  readQueue,
} from '../../../src/postfix/queue.js';
import type { ExecResult } from '../../../src/system/types.js';

// Works from dist/test/unit/postfix/ (and any out dir whose ../../../../test is the repo's test/).
const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/postfix-output');
const fixture = (name: string): string => readFileSync(resolve(FIXTURES, name), 'utf8');

test('parses the real deferred queue of the fake-Gmail scenarios', () => {
  const entries = parseQueueJson(fixture('postqueue-j-deferred.jsonl'));
  assert.equal(entries.length, 14);
  assert.ok(entries.every((e) => e.queueName === 'deferred' && e.sender === 'root@vm'));
  const badcreds = findQueueEntry(entries, '5CAAC20C23A');
  assert.ok(badcreds);
  assert.equal(badcreds.arrivalTime, 1795854868);
  assert.equal(badcreds.messageSize, 250);
  assert.equal(badcreds.forcedExpire, false);
  assert.deepEqual(
    badcreds.recipients.map((r) => r.address),
    ['user@badcreds.test'],
  );
  assert.match(
    badcreds.recipients[0]?.delayReason ?? '',
    /^SASL authentication failed; server 127\.0\.0\.1\[127\.0\.0\.1\] said: 535-5\.7\.8 /,
  );
  const wrongname = findQueueEntry(entries, '8364F20C248');
  assert.equal(wrongname?.recipients[0]?.delayReason, 'Server certificate not verified');
});

test('reads hold, maildrop and forced-expire entries, with long queue ids', () => {
  const entries = parseQueueJson(fixture('postqueue-j-mixed.jsonl'));
  assert.deepEqual(
    entries.map((e) => [e.queueName, e.queueId]),
    [
      ['maildrop', '4jc3Yj5PfnzJ9Tb'],
      ['deferred', '4jc3YR2c46zJ9XD'],
      ['hold', '4jc3YT2k7TzJ9Q9'],
    ],
  );
  const maildrop = entries[0];
  assert.deepEqual(maildrop?.recipients, [{ address: 'wizard.test@gmail.com' }]);
  const twoRecipients = entries[1];
  assert.equal(twoRecipients?.forcedExpire, true);
  assert.deepEqual(twoRecipients?.recipients, [
    { address: 'user@refused.test', delayReason: 'connect to 127.0.0.1[127.0.0.1]:2598: Connection refused' },
    {
      address: 'other@xoauth.test',
      delayReason:
        'SASL authentication failed; cannot authenticate to server 127.0.0.1[127.0.0.1]: no mechanism available',
    },
  ]);
});

test('an active entry has no delay reason yet', () => {
  const [active] = parseQueueJson(fixture('postqueue-j-active.jsonl'));
  assert.equal(active?.queueName, 'active');
  assert.equal(active?.recipients[0]?.delayReason, undefined);
});

test('tolerates blank lines, CRLF and an empty queue', () => {
  assert.deepEqual(parseQueueJson(''), []);
  assert.deepEqual(parseQueueJson('\n  \n'), []);
  const line = fixture('postqueue-j-active.jsonl').split('\n')[0] ?? '';
  assert.equal(parseQueueJson(`\n${line}\r\n\r\n${line}\n`).length, 2);
});

test('a malformed line is a clear error naming the line', () => {
  const good = fixture('postqueue-j-active.jsonl').split('\n')[0] ?? '';
  assert.throws(
    () => parseQueueJson(`${good}\n{"queue_name": "deferred", "queue_id": `),
    (err: unknown) => {
      assert.ok(err instanceof PostqueueParseError);
      assert.equal(err.lineNumber, 2);
      assert.match(err.message, /line 2: not a JSON object/);
      return true;
    },
  );
  assert.throws(
    () => parseQueueJson('postqueue: fatal: Queue report unavailable - mail system is down'),
    /line 1: not a JSON object/,
  );
  assert.throws(() => parseQueueJson('[1,2]'), /not a JSON object/);
});

test('missing or mistyped fields are rejected by name', () => {
  const base = {
    queue_name: 'deferred',
    queue_id: 'ABC123DEF',
    arrival_time: 1,
    sender: 'a@b',
    recipients: [{ address: 'c@d' }],
  };
  const line = (patch: Record<string, unknown>): string => JSON.stringify({ ...base, ...patch });
  assert.equal(parseQueueJson(line({}))[0]?.queueId, 'ABC123DEF');
  assert.throws(() => parseQueueJson(line({ queue_id: undefined })), /"queue_id" is missing/);
  assert.throws(() => parseQueueJson(line({ arrival_time: '1' })), /"arrival_time" is not a number/);
  assert.throws(() => parseQueueJson(line({ recipients: {} })), /"recipients" is not a list/);
  assert.throws(() => parseQueueJson(line({ recipients: [{ delay_reason: 'x' }] })), /a recipient has no "address"/);
  // Bounces have the null sender, which postqueue prints as "".
  assert.equal(parseQueueJson(line({ sender: '' }))[0]?.sender, '');
});

test('readQueue and flushQueue run postqueue for the instance (-c only for a second one); a failed flush gives its last line', async () => {
  const calls: string[][] = [];
  const sys = (result: ExecResult) => ({
    exec: async (file: string, args: readonly string[]) => (calls.push([file, ...args]), result),
  });
  const ok = { exitCode: 0, stdout: '', stderr: '' };
  assert.deepEqual(await flushQueue(sys(ok), { configDir: '/etc/postfix', isDefaultInstance: true }), { ok: true });
  assert.deepEqual(await readQueue(sys(ok), { configDir: '/etc/postfix-b', isDefaultInstance: false }), []);
  assert.deepEqual(calls, [
    ['postqueue', '-f'],
    ['postqueue', '-c', '/etc/postfix-b', '-j'],
  ]);
  const down = {
    exitCode: 69,
    stdout: '',
    stderr:
      'postqueue: warning: Mail system is down\npostqueue: fatal: Cannot flush mail queue - mail system is down\n',
  };
  assert.deepEqual(await flushQueue(sys(down), { configDir: '/etc/postfix', isDefaultInstance: true }), {
    ok: false,
    reason: 'postqueue: fatal: Cannot flush mail queue - mail system is down',
  });
  assert.equal(await readQueue(sys(down), { configDir: '/etc/postfix', isDefaultInstance: true }), undefined);
});
