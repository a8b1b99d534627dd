// --ca-file and --config-dir reach main.cf (smtp_tls_CAfile, the password map's path), where
// Postfix expands $name, splits lists at commas and white space, and reads a relative path from
// its own working directory. Each such path, given to the real CLI while the file it names really
// exists, exits 2 with the reason and the fix, before any login, with the configuration unchanged.
import assert from 'node:assert/strict';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { checksums } from '../../support/secret-checks.js';
import { runWizard } from '../../support/wizard-process.js';

const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'wsxedcrfvtgbyhnu';

describe('paths Postfix would not read literally are refused (exit 2, nothing changed)', {
  skip: postfixSkipReason(),
}, () => {
  let lab: RelayLab;
  before(async () => {
    lab = await startRelayLab('e2e-paths', { [ACCOUNT]: { password: PASSWORD } });
    await mkdir(join(lab.tmp, 'rel'));
    for (const name of ['rel/ca.pem', 'a b.pem', '$x.pem', 'a,b.pem'])
      await copyFile(lab.ca.caPath, join(lab.tmp, name));
  });
  after(async () => lab?.close());

  const table = () => [
    { flag: '--ca-file', value: 'rel/ca.pem', reason: /not an absolute path/ },
    { flag: '--ca-file', value: join(lab.tmp, 'a b.pem'), reason: /contains a space/ },
    { flag: '--ca-file', value: join(lab.tmp, '$x.pem'), reason: /contains "\$"/ },
    { flag: '--ca-file', value: join(lab.tmp, 'a,b.pem'), reason: /contains a comma/ },
    {
      flag: '--config-dir',
      value: lab.postfix.configDir.replace(/^\/tmp\//, ''),
      reason: /not an absolute path/,
      cwd: '/tmp',
    },
    { flag: '--config-dir', value: `${lab.postfix.configDir},/etc/postfix`, reason: /contains a comma/ },
  ];

  const names = [
    '--ca-file rel/ca.pem',
    '--ca-file /tmp/…/a b.pem',
    '--ca-file /tmp/…/$x.pem',
    '--ca-file /tmp/…/a,b.pem',
    '--config-dir relative',
    '--config-dir with a comma',
  ];
  for (const [index, name] of names.entries()) {
    it(name, async () => {
      const row = table()[index]!;
      const args = [...lab.args(), '--account', ACCOUNT, '--password-stdin', '--no-test', '--yes'];
      const at = args.indexOf(row.flag);
      args.splice(at, 2, row.flag, row.value);
      const before = await checksums(lab.postfix.configDir);
      const logins = lab.gmail.auths.length;
      const run = await runWizard(args, { stdin: `${PASSWORD}\n`, cwd: row.cwd ?? lab.tmp });
      assert.equal(run.code, 2, `${row.flag} ${row.value}: exit ${run.code}\n${run.stderr}${run.stdout}`);
      const said = run.stdout + run.stderr;
      assert.match(said, row.reason);
      assert.ok(said.includes(JSON.stringify(row.value)), 'the path is named');
      assert.match(said, new RegExp(`Give ${row.flag} an absolute path without spaces, commas`));
      assert.deepEqual(await checksums(lab.postfix.configDir), before, 'the configuration directory is unchanged');
      assert.equal(lab.gmail.auths.length, logins, 'no login was tried');
    });
  }

  it("control case: the same command with the lab's own paths is accepted (exit 0)", async () => {
    const run = await runWizard([...lab.args(), '--account', ACCOUNT, '--password-stdin', '--no-test', '--yes'], {
      stdin: `${PASSWORD}\n`,
    });
    assert.equal(run.code, 0, run.stderr);
  });
});
