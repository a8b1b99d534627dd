// doctor on mail that cannot take the relay's road, each made for real on a relay the wizard set up:
// the relay not answering at all (relay-unreachable, with the deferral as mail-deferred), Debian's
// "Local only" error transport put back (relay-bypassed, fixable), and a transport_maps entry that
// sends one domain's mail to another host (relay-bypassed, a table someone may want: not fixable).
// Each: the code from the real Postfix, nothing changed without --fix, what --fix does, and doctor at
// exit 0 once the state is gone (by --fix, or by what the fix text says).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import {
  assertNotFixable,
  codes,
  doctor,
  findOnly,
  problemOf,
  sendmail,
  setUpRelay,
} from '../../support/doctor-lab.js';
import { startFakeGmail, type FakeGmail } from '../../support/fake-gmail.js';
import { freePort } from '../../support/free-port.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';

const execFileP = promisify(execFile);
const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'routesroutesrout';
const skip = postfixSkipReason();
/** Stopped and started, not reloaded: after a reload, a daemon of the old configuration may still answer the next request. */
const restart = async (lab: RelayLab) => {
  await lab.postfix.stop();
  await lab.postfix.start();
};
const flush = (lab: RelayLab) => execFileP('postqueue', ['-c', lab.postfix.configDir, '-f']);
describe('doctor: the relay does not answer (relay-unreachable)', { skip }, () => {
  let lab: RelayLab;
  let again: FakeGmail | undefined;
  before(async () => {
    lab = await startRelayLab('doctor-unreachable', { [ACCOUNT]: { password: PASSWORD } });
    await setUpRelay(lab, ACCOUNT, PASSWORD);
    await lab.gmail.close();
    await sendmail(lab.postfix, 'cron@example.com');
    await lab.postfix.waitForLog(
      new RegExp(
        `status=deferred \\(connect to localhost\\[127\\.0\\.0\\.1\\]:${lab.gmail.port}: Connection refused\\)`,
      ),
      60_000,
    );
  });
  after(async () => {
    await again?.close();
    await lab?.close();
  });

  it('finds relay-unreachable (every address refused) and the waiting mail, and changes nothing', async () => {
    const found = await findOnly(lab, ['relay-unreachable', 'mail-deferred'], PASSWORD);
    const unreachable = problemOf(found, 'relay-unreachable');
    assert.match(
      unreachable.evidence.join('\n'),
      new RegExp(`^127\\.0\\.0\\.1:${lab.gmail.port} \\(IPv4\\): ECONNREFUSED$`, 'm'),
    );
    assert.equal(unreachable.fixable, false);
    assert.match(
      problemOf(found, 'mail-deferred').evidence.join('\n'),
      /^deferred: connect to localhost\[127\.0\.0\.1\]:\d+: Connection refused$/m,
    );
  });

  it('--fix cannot open a road: it says so, exit 1, nothing changed', async () => {
    await assertNotFixable(lab, 'relay-unreachable', PASSWORD);
  });

  it('when the relay answers again, the waiting mail goes out and doctor is at exit 0', async () => {
    again = await startFakeGmail({
      cert: lab.ca.certPem,
      key: lab.ca.keyPem,
      accounts: { [ACCOUNT]: { password: PASSWORD } },
      port: lab.gmail.port,
    });
    await flush(lab);
    assert.deepEqual((await again.waitForMessage(60_000)).rcptTo, ['cron@example.com']);
    const run = await doctor(lab, [], PASSWORD);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
  });
});

describe('doctor: the "Local only" error transport put back (relay-bypassed, fixable)', { skip }, () => {
  let lab: RelayLab;
  before(async () => {
    lab = await startRelayLab('doctor-error-transport', { [ACCOUNT]: { password: PASSWORD } });
    await setUpRelay(lab, ACCOUNT, PASSWORD);
    await lab.postfix.postconf('-e', 'default_transport=error');
    await restart(lab);
    await sendmail(lab.postfix, 'cron@example.com');
    await lab.postfix.waitForLog(/postfix\/error\[\d+\]: \w+: to=<cron@example\.com>.*status=bounced/, 60_000);
  });
  after(async () => {
    await lab?.close();
  });

  it('finds relay-bypassed with the setting as evidence (and the returned mail), and changes nothing', async () => {
    const found = await findOnly(lab, ['relay-bypassed', 'mail-deferred'], PASSWORD);
    const bypassed = problemOf(found, 'relay-bypassed');
    assert.deepEqual(bypassed.evidence, ['main.cf: default_transport = error']);
    assert.equal(bypassed.fixable, true);
    assert.match(problemOf(found, 'mail-deferred').evidence.join('\n'), /^bounced: /m);
  });

  it('--fix sets default_transport = smtp; the returned mail sent again goes out; doctor exit 0', async () => {
    const run = await doctor(lab, ['--fix', '--yes'], PASSWORD);
    assert.deepEqual(run.outcome.doctor.fixed, ['relay-bypassed']);
    assert.equal((await lab.postfix.postconf('-h', 'default_transport')).trim(), 'smtp');
    // What was returned must be sent again (mail-deferred's fix says so); then nothing is left.
    assert.deepEqual(codes(run.outcome), ['mail-deferred']);
    await sendmail(lab.postfix, 'cron@example.com');
    assert.deepEqual((await lab.gmail.waitForMessage(60_000)).rcptTo, ['cron@example.com']);
    await lab.postfix.waitForLog(/postfix\/smtp\[\d+\]: \w+: to=<cron@example\.com>.*status=sent/, 60_000);
    const after = await doctor(lab, [], PASSWORD);
    assert.equal(after.code, 0, `${after.stdout}\n${after.stderr}`);
  });
});

describe('doctor: a transport_maps entry sends one domain around the relay (relay-bypassed, not fixable)', {
  skip,
}, () => {
  let lab: RelayLab;
  let other: number;
  before(async () => {
    lab = await startRelayLab('doctor-transport-map', { [ACCOUNT]: { password: PASSWORD } });
    await setUpRelay(lab, ACCOUNT, PASSWORD);
    other = await freePort(); // another host's SMTP, not the relay (nothing answers there)
    const table = join(lab.postfix.configDir, 'transport');
    await writeFile(table, `example.org smtp:[localhost]:${other}\n`, { mode: 0o644 });
    await execFileP('postmap', ['-c', lab.postfix.configDir, `hash:${table}`]);
    await lab.postfix.postconf('-e', `transport_maps=hash:${table}`);
    await restart(lab);
    await sendmail(lab.postfix, 'boss@example.org');
    await lab.postfix.waitForLog(
      new RegExp(
        `to=<boss@example\\.org>, relay=none.*status=deferred \\(connect to localhost\\[127\\.0\\.0\\.1\\]:${other}: Connection refused\\)`,
      ),
      60_000,
    );
  });
  after(async () => {
    await lab?.close();
  });

  it('finds relay-bypassed with the table as evidence, and changes nothing', async () => {
    const bypassed = problemOf(await findOnly(lab, ['relay-bypassed', 'mail-deferred'], PASSWORD), 'relay-bypassed');
    assert.deepEqual(bypassed.evidence, [`main.cf: transport_maps = hash:${lab.postfix.configDir}/transport`]);
    assert.equal(bypassed.fixable, false);
    assert.match(bypassed.fix, /DMARC/);
  });

  it('--fix leaves a table someone wrote: it says so, exit 1, nothing changed', async () => {
    await assertNotFixable(lab, 'relay-bypassed', PASSWORD);
  });

  it('with the table taken out as the fix says, the mail goes through the relay; doctor exit 0', async () => {
    await lab.postfix.postconf('-X', 'transport_maps');
    await restart(lab);
    await flush(lab);
    assert.deepEqual((await lab.gmail.waitForMessage(60_000)).rcptTo, ['boss@example.org']);
    await lab.postfix.waitForLog(/to=<boss@example\.org>, relay=localhost\[127\.0\.0\.1\]:\d+,.*status=sent/, 60_000);
    const run = await doctor(lab, [], PASSWORD);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
  });
});
