// doctor's data-dir-owner on the failure met on Debian 13: after `apt-get remove postfix` and a
// reinstall, the data_directory (/var/lib/postfix) is root's and Postfix does not start ("not owned by
// postfix"; master cannot create master.lock there). Made for real on a test instance: its data_directory
// chowned to root. doctor names it (and postfix-not-running) and changes nothing; --fix gives the
// directory back to mail_owner and starts Postfix; mail goes out and doctor is at exit 0.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chown, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { doctor, findOnly, problemOf, sendmail, setUpRelay } from '../../support/doctor-lab.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';

const execFileP = promisify(execFile);
const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'datadirdatadirda';

describe('doctor: data_directory owned by root after a reinstall', { skip: postfixSkipReason() }, () => {
  let lab: RelayLab;
  let dataDir: string;
  let postfixUid: number;

  before(async () => {
    lab = await startRelayLab('doctor-data-dir', { [ACCOUNT]: { password: PASSWORD } });
    await setUpRelay(lab, ACCOUNT, PASSWORD);
    dataDir = (await lab.postfix.postconf('-h', 'data_directory')).trim();
    postfixUid = Number((await execFileP('id', ['-u', 'postfix'])).stdout.trim());
    assert.equal((await stat(dataDir)).uid, postfixUid);
    await lab.postfix.stop();
    // Root's, with what is in it (master.lock, prng_exch), as a reinstall or a root-run copy leaves it.
    for (const name of ['', ...(await readdir(dataDir))]) await chown(join(dataDir, name), 0, 0);
    // The state is real: Postfix refuses to start.
    await assert.rejects(lab.postfix.start(), /not owned by postfix[\s\S]*master\.lock/);
    assert.equal(await lab.postfix.isRunning(), false);
  });
  after(async () => {
    await lab?.close();
  });

  it('finds data-dir-owner with the directory and both owners as evidence, and changes nothing', async () => {
    const problem = problemOf(
      await findOnly(lab, ['data-dir-owner', 'postfix-not-running'], PASSWORD),
      'data-dir-owner',
    );
    assert.equal(problem.severity, 'error');
    assert.deepEqual(problem.evidence, [`data_directory = ${dataDir}: owner uid 0, not postfix (uid ${postfixUid})`]);
    assert.equal(problem.fixable, true);
    assert.match(problem.fix, new RegExp(`chown -R postfix ${dataDir}`));
    assert.equal((await stat(dataDir)).uid, 0);
    assert.equal(await lab.postfix.isRunning(), false);
  });

  it('--fix gives the directory back to mail_owner and starts Postfix; mail goes out; doctor exit 0', async () => {
    const fixed = await doctor(lab, ['--fix', '--yes'], PASSWORD);
    assert.equal(fixed.code, 0, `${fixed.stdout}\n${fixed.stderr}`);
    assert.deepEqual([...(fixed.outcome.doctor.fixed ?? [])].sort(), ['data-dir-owner', 'postfix-not-running']);
    for (const name of ['', ...(await readdir(dataDir))])
      assert.equal((await stat(join(dataDir, name))).uid, postfixUid, name);
    assert.equal(await lab.postfix.isRunning(), true);
    await sendmail(lab.postfix, 'cron@example.com');
    assert.deepEqual((await lab.gmail.waitForMessage(60_000)).rcptTo, ['cron@example.com']);
    const after = await doctor(lab, [], PASSWORD);
    assert.equal(after.code, 0, `${after.stdout}\n${after.stderr}`);
    assert.equal(after.outcome.result, 'healthy');
  });
});
