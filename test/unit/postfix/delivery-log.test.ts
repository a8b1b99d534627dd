// Reading Postfix's delivery lines (postfix/delivery-log.ts): the log file's new bytes, or the journal
// entries a Postfix daemon really wrote, and the claimed pids that really are Postfix daemons.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  logCursor,
  postfixUids,
  readDeliveryLog,
  verifiedPids,
  type LogSource,
} from '../../../src/postfix/delivery-log.js';
import type { DeliveryEvent } from '../../../src/postfix/log.js';
import { FakeSystem } from '../../support/fake-system.js';

const source = (log: LogSource['log'], settings: Record<string, string> = { mail_owner: 'postfix' }): LogSource => ({
  configDir: '/etc/postfix',
  isDefaultInstance: true,
  settings,
  log,
});
const passwd = 'root:x:0:0:root:/root:/bin/bash\npostfix:x:104:111::/var/spool/postfix:/usr/sbin/nologin\n';

describe('logCursor and readDeliveryLog from a file', () => {
  it('reads only what was written after the cursor', async () => {
    const sys = new FakeSystem({ '/var/log/mail.log': 'old line\n' });
    const file = source({ kind: 'file', path: '/var/log/mail.log' });
    const cursor = await logCursor(sys, file);
    assert.deepEqual(cursor, { start: 9, since: Math.floor(sys.clock / 1000) - 1 });
    sys.put('/var/log/mail.log', 'old line\nnew line\n');
    assert.equal(await readDeliveryLog(sys, file, cursor, [0]), 'new line\n');
  });

  it('a log file that does not exist yet starts at 0; no log at all reads nothing', async () => {
    const sys = new FakeSystem();
    assert.equal((await logCursor(sys, source({ kind: 'file', path: '/var/log/mail.log' }))).start, 0);
    assert.equal(await readDeliveryLog(sys, source({ kind: 'none' }), { start: 0, since: 0 }, [0]), '');
    assert.deepEqual(sys.calls, []);
  });
});

describe('readDeliveryLog from the journal', () => {
  it("asks journalctl for Postfix's daemons since the cursor, and keeps only entries journald vouches for", async () => {
    const sys = new FakeSystem();
    const entry = (uid: string, comm: string, message: string) =>
      JSON.stringify({ SYSLOG_IDENTIFIER: 'postfix/smtp', MESSAGE: message, _UID: uid, _PID: '900', _COMM: comm });
    sys.on('journalctl', () => ({
      exitCode: 0,
      stdout: [
        entry('104', 'smtp', 'real: status=sent'),
        entry('1000', 'logger', 'forged: status=sent'),
        entry('1000', 'smtp', 'wrong uid'),
      ].join('\n'),
      stderr: '',
    }));
    const text = await readDeliveryLog(sys, source({ kind: 'journal' }), { start: 0, since: 1700000000 }, [0, 104]);
    assert.equal(text, 'postfix/smtp[900]: real: status=sent');
    const args = sys.calls[0]!.args;
    assert.ok(
      args.includes('--since=@1700000000') && args.includes('-o') && args.includes('SYSLOG_IDENTIFIER=postfix/smtp'),
      args.join(' '),
    );
  });
});

describe('postfixUids', () => {
  it("root and mail_owner's uid from /etc/passwd", async () => {
    assert.deepEqual(await postfixUids(new FakeSystem({ '/etc/passwd': passwd }), source({ kind: 'none' })), [0, 104]);
  });

  it('asks postconf for mail_owner when the facts lack it; root alone when the user is unknown', async () => {
    const sys = new FakeSystem({ '/etc/passwd': passwd });
    sys.on('postconf', () => ({ exitCode: 0, stdout: 'mail_owner = postfix\n', stderr: '' }));
    assert.deepEqual(await postfixUids(sys, source({ kind: 'none' }, {})), [0, 104]);
    assert.deepEqual(
      sys.calls.map((c) => c.args),
      [['mail_owner']],
    );
    assert.deepEqual(
      await postfixUids(new FakeSystem({ '/etc/passwd': passwd }), source({ kind: 'none' }, { mail_owner: 'nosuch' })),
      [0],
    );
  });
});

describe('verifiedPids', () => {
  it('a pid counts only when a Postfix delivery program runs as a Postfix uid', async () => {
    const sys = new FakeSystem();
    sys.processes.set(900, { comm: 'smtp', uid: 104 });
    sys.processes.set(901, { comm: 'logger', uid: 104 });
    sys.processes.set(902, { comm: 'smtp', uid: 1000 });
    const events = [900, 901, 902, 903, 900].map((pid) => ({ pid: String(pid) }) as DeliveryEvent);
    assert.deepEqual([...(await verifiedPids(sys, [...events, {} as DeliveryEvent], [0, 104]))], ['900']);
  });
});
