// --ca-file names the trust anchors root gives Postfix (smtp_tls_CAfile points at the file itself,
// from then on) and the OAuth plugin: whoever can change that file can make Postfix and the wizard
// trust their own certificate for smtp.gmail.com and the token endpoint, and so read the password
// or the refresh token from a network position. So root takes them only from a file another user
// cannot change (owner root or the person who ran sudo, no group or world write, every directory
// on the way likewise; a symlink only when root owns it and where it leads is as safe), and never
// waits on a FIFO or reads a device without end. Refused: exit 2, nothing changed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, chown, copyFile, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { checksums } from '../../support/secret-checks.js';
import { runWizard } from '../../support/wizard-process.js';

const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'mnbvcxzlkjhgfdsa';
const NOBODY = 65534;

describe('--ca-file: trust anchors only from a file no other user can change', { skip: postfixSkipReason() }, () => {
  let lab: RelayLab;
  before(async () => {
    lab = await startRelayLab('e2e-ca-trust', { [ACCOUNT]: { password: PASSWORD } });
  });
  after(async () => lab?.close());

  // timeout(1): a wizard that waits on a FIFO forever is killed (exit 137) instead of hanging the test.
  const setup = (caFile: string) =>
    runWizard(
      [...lab.args(), '--ca-file', caFile, '--account', ACCOUNT, '--password-stdin', '--no-test', '--yes', '--json'],
      { stdin: `${PASSWORD}\n`, prefix: ['timeout', '-s', 'KILL', '20'] },
    );

  async function refused(caFile: string, pattern: RegExp): Promise<void> {
    const before = await checksums(lab.postfix.configDir);
    const run = await setup(caFile);
    assert.equal(run.code, 2, `exit ${run.code}\n${run.stderr}`);
    const outcome = JSON.parse(run.stdout);
    assert.equal(outcome.error.code, 'invalid-ca-file');
    assert.match(outcome.error.message, pattern);
    assert.deepEqual(await checksums(lab.postfix.configDir), before, 'main.cf and the maps are unchanged');
  }

  it("a CA file another user owns (in their folder) is refused: they could swap Gmail's anchor for theirs", async () => {
    const theirs = join(lab.tmp, 'nobody-home');
    await mkdir(theirs);
    await chown(theirs, NOBODY, NOBODY);
    await chmod(theirs, 0o755);
    const file = join(theirs, 'ca.pem');
    await copyFile(lab.ca.caPath, file);
    await chown(file, NOBODY, NOBODY);
    await refused(file, /another user/);
  });

  it("root's own symlink is followed, and where it leads judged the same: to another user's file, refused", async () => {
    const theirs = join(lab.tmp, 'nobody-home');
    const link = join(lab.tmp, 'to-theirs.pem');
    await symlink(join(theirs, 'ca.pem'), link);
    await refused(link, /another user/);
  });

  it('a root-owned CA file in a folder every user may write is refused', async () => {
    const open = join(lab.tmp, 'open');
    await mkdir(open);
    await chmod(open, 0o777);
    const file = join(open, 'ca.pem');
    await copyFile(lab.ca.caPath, file);
    await refused(file, /another user can change/);
  });

  it('a FIFO is refused at once, not waited on', async () => {
    const fifo = join(lab.tmp, 'ca.fifo');
    execFileSync('mkfifo', [fifo]);
    await refused(fifo, /not a regular file/);
  });

  it('a device is refused (not read without end)', async () => {
    await refused('/dev/zero', /not a regular file/);
  });

  it('control: a root-owned symlink to a root-owned file, as in /etc/ssl/certs, is accepted', async () => {
    const link = join(lab.tmp, 'ca-link.pem');
    await symlink(lab.ca.caPath, link);
    const run = await setup(link);
    assert.equal(run.code, 0, run.stderr);
    assert.equal((await lab.postfix.postconf('-h', 'smtp_tls_CAfile')).trim(), link);
  });
});
