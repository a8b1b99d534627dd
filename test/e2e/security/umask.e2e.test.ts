// A careless root's umask: under 000 every file and folder a program creates without an explicit
// mode is world-writable, and a secret written before its chmod world-readable. Under 077 a file
// others must read (main.cf: sendmail and postdrop run as the user) would become root's alone. The
// wizard sets every mode itself, and the Postfix tools it runs (postmap, postconf -e) keep the
// source's: after a setup and a re-run with a new password under each umask, every file holding a
// password is 0600, nothing it made is writable by others, and main.cf is still 0644.
import assert from 'node:assert/strict';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { filesContaining } from '../../support/secret-checks.js';
import { runWizard } from '../../support/wizard-process.js';

const ACCOUNT = 'someone@gmail.com';

/** Every path under `dir` (itself included) whose mode lets group or others write it. */
async function writableByOthers(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (path: string): Promise<void> => {
    const info = await lstat(path);
    if (info.isSymbolicLink()) return;
    if ((info.mode & 0o022) !== 0) found.push(`${path} ${(info.mode & 0o7777).toString(8)}`);
    if (info.isDirectory()) for (const name of await readdir(path)) await walk(join(path, name));
  };
  await walk(dir);
  return found;
}

for (const umask of ['000', '077']) {
  describe(`setup under umask ${umask}`, { skip: postfixSkipReason() }, () => {
    const accounts = { [ACCOUNT]: { password: 'firstpasswordabc' } };
    let lab: RelayLab;
    before(async () => {
      lab = await startRelayLab(`e2e-umask-${umask}`, accounts);
    });
    after(async () => lab?.close());

    const setup = (password: string) => {
      accounts[ACCOUNT].password = password;
      return runWizard(
        [...lab.args(), '--account', ACCOUNT, '--password-stdin', '--no-keychain', '--no-test', '--yes'],
        {
          stdin: `${password}\n`,
          prefix: ['sh', '-c', `umask ${umask}; exec "$@"`, 'sh'],
        },
      );
    };

    it('every file holding a password is 0600; nothing the wizard made is writable by others; main.cf 0644', async () => {
      const first = await setup('firstpasswordabc');
      assert.equal(first.code, 0, first.stderr);
      const second = await setup('secondpassworddd');
      assert.equal(second.code, 0, second.stderr);
      const base = lab.postfix.base;
      for (const secret of ['firstpasswordabc', 'secondpassworddd']) {
        const files = await filesContaining(secret, base);
        assert.ok(files.length > 0, `${secret} is somewhere (the map, a backup)`);
        for (const f of files) assert.equal(f.mode & 0o077, 0, `${f.path} is ${f.mode.toString(8)}`);
      }
      const made = [join(base, 'state'), join(base, 'backups'), lab.postfix.configDir];
      for (const dir of made) assert.deepEqual(await writableByOthers(dir), [], dir);
      assert.equal((await lstat(join(lab.postfix.configDir, 'main.cf'))).mode & 0o777, 0o644);
    });
  });
}
