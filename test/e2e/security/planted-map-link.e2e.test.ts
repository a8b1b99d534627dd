// A careless root: main.cf names a password map in a folder another user owns (their home, a shared
// directory). Setup supersedes that map and, since others can read it, makes it 0600 — root's chmod.
// The folder's owner replaces the map with a symlink to a file of the system (here a stand-in for
// /etc/passwd, 0644): a chmod that follows the link would make that file 0600, and every user
// lookup of the machine would fail. Root follows no link another user could have planted: the
// file behind it keeps its mode (the setup stops at that step and is rolled back).
import assert from 'node:assert/strict';
import { chmod, chown, lchown, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { runWizard } from '../../support/wizard-process.js';

const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'mnbvcxzlkjhgfdsa';
const NOBODY = 65534;

describe("a map main.cf names in another user's folder, swapped for a symlink", { skip: postfixSkipReason() }, () => {
  let lab: RelayLab;
  let victim: string;
  let mainCfBefore: string;
  before(async () => {
    lab = await startRelayLab('e2e-planted-link', { [ACCOUNT]: { password: PASSWORD } });
    victim = join(lab.tmp, 'passwd');
    await writeFile(victim, 'root:x:0:0:root:/root:/bin/bash\n');
    await chmod(victim, 0o644);
    const theirs = join(lab.tmp, 'home-nobody');
    await mkdir(theirs);
    await chown(theirs, NOBODY, NOBODY);
    const map = join(theirs, 'sasl_passwd');
    await lab.postfix.postconf('-e', `smtp_sasl_password_maps=hash:${map}`, 'smtp_sasl_auth_enable=yes');
    // What the folder's owner does: the map is now a link of theirs to the system's file.
    await symlink(victim, map);
    await lchown(map, NOBODY, NOBODY);
    mainCfBefore = await readFile(join(lab.postfix.configDir, 'main.cf'), 'utf8');
  });
  after(async () => lab?.close());

  it('the file behind the link keeps its mode; the setup stops there and is rolled back, saying why', async () => {
    const run = await runWizard(
      [...lab.args(), '--account', ACCOUNT, '--password-stdin', '--no-keychain', '--no-test', '--yes', '--json'],
      { stdin: `${PASSWORD}\n` },
    );
    assert.equal((await stat(victim)).mode & 0o777, 0o644, `root changed the linked file's mode\n${run.stderr}`);
    assert.equal(run.code, 1, run.stderr);
    const error = JSON.parse(run.stdout).error as { code: string; message: string };
    assert.equal(error.code, 'apply-failed');
    assert.match(error.message, /sasl_passwd is a symlink of another user/);
    assert.equal(await readFile(join(lab.postfix.configDir, 'main.cf'), 'utf8'), mainCfBefore, 'rolled back');
  });
});
