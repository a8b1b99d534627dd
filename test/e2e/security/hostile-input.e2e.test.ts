// Hostile input through the real CLI: each value, given as the account, as the
// app password (--password-stdin and --password-file) and as the test recipient
// (a NUL only as the password: no argument can hold one),
// exits 2 with the reason, before any login is tried, and the Postfix
// configuration directory is byte for byte what it was.
import assert from 'node:assert/strict';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { checksums } from '../../support/secret-checks.js';
import { runWizard } from '../../support/wizard-process.js';

const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'mnbvcxzlkjhgfdsa';
const skip = postfixSkipReason();

/** Each hostile value, as an address and as a password. */
const table: { what: string; address: string; password: string }[] = [
  { what: 'newline', address: 'a@gmail.com\n[evil]:25 x@y.com:z', password: `${PASSWORD}\n[evil]:25 x@y.com:z` },
  { what: 'CR', address: 'a@gmail.com\r[evil]:25', password: `${PASSWORD}\r[evil]:25` },
  { what: 'NUL', address: 'a\u0000@gmail.com', password: `abcdefgh\u0000ijklmnop` },
  { what: 'tab', address: 'a@gmail.com\tx', password: 'abcdefgh\tijklmnop' },
  { what: 'colon', address: 'a:b@gmail.com', password: 'abcdefgh:ijklmnop' },
  { what: '[evil]:25', address: '[evil]:25', password: '[evil]:25' },
  { what: 'unicode look-alike (Cyrillic а)', address: 'аdmin@gmail.com', password: 'аbcdefghijklmnop' },
  { what: 'unicode look-alike (full-width ＠)', address: 'admin＠gmail.com', password: 'ａbcdefghijklmnop' },
  { what: '300 characters', address: `${'a'.repeat(290)}@gmail.com`, password: 'a'.repeat(300) },
];

describe('hostile input through the real CLI: exit 2, nothing changed', { skip }, () => {
  let lab: RelayLab;
  before(async () => {
    lab = await startRelayLab('e2e-hostile', { [ACCOUNT]: { password: PASSWORD } });
  });
  after(async () => lab?.close());

  const common = () => [...lab.args(), '--yes', '--json'];

  async function expectRefused(
    args: string[],
    options: { stdin?: string; secret?: string },
    code: string,
  ): Promise<void> {
    const before = await checksums(lab.postfix.configDir);
    const logins = lab.gmail.auths.length;
    const run = await runWizard(args, options);
    assert.equal(run.code, 2, `exit ${run.code}\n${run.stderr}`);
    const outcome = JSON.parse(run.stdout);
    assert.equal(outcome.error.code, code);
    assert.ok(outcome.error.message.length > 20 && outcome.error.fix, 'the reason and the fix are given');
    assert.deepEqual(await checksums(lab.postfix.configDir), before, 'the configuration directory is unchanged');
    assert.equal(lab.gmail.auths.length, logins, 'no login was tried');
    if (options.secret) {
      assert.deepEqual(run.leaks, []);
      for (const text of [run.stdout, run.stderr])
        assert.ok(!text.includes(options.secret), 'the refused password is not echoed');
    }
  }

  for (const row of table) {
    // execve(2) cannot carry a NUL inside an argument, so no command line can hold an account or a
    // recipient with one (and neither has a stdin or file form): the NUL rows test the password only,
    // through stdin and a file; the account rule is covered by test/unit/gmail/credentials.test.ts.
    if (!row.address.includes('\u0000')) {
      it(`account: ${row.what}`, async () => {
        await expectRefused(
          ['--account', row.address, '--password-stdin', ...common()],
          { stdin: `${PASSWORD}\n` },
          'invalid-account',
        );
      });

      it(`recipient: ${row.what}`, async () => {
        await expectRefused(
          ['--account', ACCOUNT, '--password-stdin', '--to', row.address, ...common()],
          { stdin: `${PASSWORD}\n` },
          'invalid-recipient',
        );
      });
    }

    it(`password via --password-stdin: ${row.what}`, async () => {
      await expectRefused(
        ['--account', ACCOUNT, '--password-stdin', ...common()],
        { stdin: `${row.password}\n`, secret: row.password },
        'invalid-password',
      );
    });

    it(`password via --password-file: ${row.what}`, async () => {
      const file = join(lab.tmp, `password-${table.indexOf(row)}`);
      await writeFile(file, `${row.password}\n`);
      await chmod(file, 0o600);
      await expectRefused(
        ['--account', ACCOUNT, '--password-file', file, ...common()],
        { secret: row.password },
        'invalid-password',
      );
    });
  }

  it('control case: the same command with clean input is accepted (exit 0)', async () => {
    const run = await runWizard(
      ['--account', ACCOUNT, '--password-stdin', '--to', 'friend@example.com', ...common(), '--no-test'],
      { stdin: `${PASSWORD}\n` },
    );
    assert.equal(run.code, 0, run.stderr);
  });
});
