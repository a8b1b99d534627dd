// Every malformed flag, run through the built CLI as a person would: exit 2, the error on stderr
// only, nothing created or locked (the state, backup and config folders are the test's own), and
// with --json exactly one JSON document on stdout carrying error.code.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { assertOutcomeSchema } from '../../support/outcome-schema.js';
import { repoPath } from '../../support/paths.js';

const execFileP = promisify(execFile);
const root = process.getuid?.() === 0;

interface Row {
  argv: string[];
  /** What stderr must say (the problem, and where there is one, the suggestion). */
  says: RegExp;
  code: string;
}

let tmp = '';
const at = (name: string) => join(tmp, name);

const rows = (): Row[] => [
  // --password-file: refused before anything else, and says why
  { argv: ['--password-file', at('missing')], says: /does not exist/, code: 'password-file-missing' },
  { argv: ['--password-file', at('config')], says: /is a directory/, code: 'password-file-missing' },
  { argv: ['--password-file', 'pw.txt'], says: /"pw\.txt" is not an absolute path/, code: 'invalid-password-file' },
  { argv: ['--password-file', ''], says: /--password-file is empty/, code: 'invalid-password-file' },
  { argv: ['--password-file', at('link')], says: /symbolic link/, code: 'unsafe-password-file' },
  { argv: ['--password-file', '/dev/null'], says: /not a regular file/, code: 'unsafe-password-file' },
  { argv: ['--password-file', at('fifo')], says: /not a regular file/, code: 'unsafe-password-file' },
  { argv: ['--password-file', at('nobodys')], says: /belongs to another user/, code: 'unsafe-password-file' },
  { argv: ['--password-file', at('writable')], says: /can be changed by other users/, code: 'unsafe-password-file' },
  {
    argv: ['--password-file', at('open/pw')],
    says: new RegExp(`under ${at('open')}, which another user can change`),
    code: 'unsafe-password-file',
  },
  { argv: ['--password-file', at('two-lines')], says: /line/i, code: 'invalid-password' },
  {
    argv: ['--password-stdin', '--password-file', at('pw')],
    says: /cannot be used together/,
    code: 'conflicting-options',
  },
  // addresses and lists
  { argv: ['--account', ''], says: /address is empty/, code: 'invalid-account' },
  { argv: ['--account', 'not an address'], says: /space/, code: 'invalid-account' },
  { argv: ['--to', ''], says: /test recipient \(--to\) is empty/, code: 'invalid-recipient' },
  { argv: ['test', '--to', 'x y'], says: /test recipient/, code: 'invalid-recipient' },
  { argv: ['test', '--from', 'nobody'], says: /sender/i, code: 'invalid-sender' },
  {
    argv: ['--account', 'a@gmail.com', '--senders', 'not an address'],
    says: /not an address/,
    code: 'invalid-senders',
  },
  { argv: ['--senders', 'x@y.example'], says: /--senders needs --account/, code: 'senders-without-account' },
  { argv: ['--root-alias', 'no way'], says: /root-alias|root/i, code: 'invalid-root-alias' },
  { argv: ['remove', '--account', 'bad'], says: /e-mail address/, code: 'invalid-account' },
  // relay, paths, numbers, words
  { argv: ['--relay', 'smtp.gmail.com:99999'], says: /port 99999 .* out of range/, code: 'invalid-relay' },
  { argv: ['--relay', 'bad host'], says: /not a relay/, code: 'invalid-relay' },
  { argv: ['--ca-file', 'ca.pem'], says: /not an absolute path/, code: 'invalid-path' },
  { argv: ['--config-dir', 'etc'], says: /not an absolute path/, code: 'invalid-path' },
  { argv: ['--state-dir', 'state'], says: /--state-dir \/var\/lib\b/, code: 'invalid-path' },
  { argv: ['--backup-dir', 'b'], says: /--backup-dir \/var\/backups\b/, code: 'invalid-path' },
  { argv: ['--wait', 'soon'], says: /--wait takes a number/, code: 'usage' },
  { argv: ['--lang', 'fr'], says: /--lang must be/, code: 'usage' },
  // flags that mean nothing for the command, or contradict each other
  { argv: ['--purge'], says: /--purge is not an option of setup/, code: 'option-not-for-command' },
  { argv: ['--from', 'a@b.example'], says: /--from is not an option of setup/, code: 'option-not-for-command' },
  { argv: ['--list'], says: /--list is not an option of setup/, code: 'option-not-for-command' },
  { argv: ['status', '--fix'], says: /--fix is not an option of status/, code: 'option-not-for-command' },
  { argv: ['test', '--purge'], says: /--purge is not an option of test/, code: 'option-not-for-command' },
  { argv: ['doctor', '--yes'], says: /only means something with --fix/, code: 'option-not-for-command' },
  { argv: ['--map-senders', '--no-map-senders'], says: /cannot be used together/, code: 'conflicting-options' },
  { argv: ['--loopback-only', '--no-loopback-only'], says: /cannot be used together/, code: 'conflicting-options' },
  // the scheduled check (setup --monitor)
  { argv: ['--monitor', '--no-monitor'], says: /cannot be used together/, code: 'conflicting-options' },
  { argv: ['--no-monitor', '--textfile', '/srv/x'], says: /cannot be used together/, code: 'conflicting-options' },
  { argv: ['--textfile', '/srv/x'], says: /it needs --monitor/, code: 'textfile-without-monitor' },
  { argv: ['--monitor', '--textfile', 'prom'], says: /--textfile "prom": not an absolute/, code: 'invalid-path' },
  { argv: ['--monitor', '--textfile', '/srv/my dir'], says: /not an absolute path of plain/, code: 'invalid-path' },
  { argv: ['status', '--monitor'], says: /--monitor is not an option of status/, code: 'option-not-for-command' },
  { argv: ['restore', '--list', 'ID1'], says: /takes no backup id \("ID1"\)/, code: 'unexpected-argument' },
  // the command line itself
  { argv: ['restore', 'a', 'b'], says: /Unexpected argument "b"/, code: 'unexpected-argument' },
  { argv: ['status', 'extra'], says: /Unexpected argument "extra"/, code: 'unexpected-argument' },
  { argv: ['frobnicate'], says: /Unknown command "frobnicate"/, code: 'unknown-command' },
  { argv: ['statsu'], says: /Did you mean status\?/, code: 'unknown-command' },
  { argv: ['-v'], says: /Unknown option -v\.\nDid you mean -V\?/, code: 'unknown-option' },
  {
    argv: ['--acount', 'a@gmail.com'],
    says: /Unknown option --acount\.\nDid you mean --account\?/,
    code: 'unknown-option',
  },
  { argv: ['--lang', 'ja', '-v'], says: /不明なオプションです: -v\n-V のことですか？/, code: 'unknown-option' },
  { argv: ['--yes=1'], says: /--yes takes no value/, code: 'invalid-option' },
  { argv: ['--password', 'x'], says: /never accepted on the command line/, code: 'password-on-command-line' },
  { argv: ['--account', '--yes'], says: /--account needs a value/, code: 'missing-value' },
];

async function run(argv: string[]): Promise<{ exit: number; stdout: string; stderr: string }> {
  const dirs = ['--config-dir', at('config'), '--state-dir', at('state'), '--backup-dir', at('backups')];
  try {
    // The row's own flags come last: where it gives one of these folders, its value is the one read.
    const r = await execFileP(process.execPath, [repoPath('bin', 'postfix-gmail-wizard.js'), ...dirs, ...argv], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C' },
    });
    return { exit: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { exit: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('every malformed flag: exit 2 before anything is read, locked or printed', {
  skip: !root && 'needs root (chown)',
}, () => {
  let before0: string[];
  before(async () => {
    tmp = await mkdtemp('/tmp/pgw-flags-');
    await mkdir(at('config'));
    await writeFile(at('config/main.cf'), 'relayhost =\n');
    await writeFile(at('pw'), 'abcdefghijklmnop\n', { mode: 0o600 });
    await writeFile(at('two-lines'), 'abcdefghijklmnop\nsecond line\n', { mode: 0o600 });
    await symlink(at('pw'), at('link'));
    await execFileP('mkfifo', ['-m', '600', at('fifo')]);
    await writeFile(at('nobodys'), 'abcdefghijklmnop\n', { mode: 0o600 });
    await chown(at('nobodys'), 65534, 65534);
    await writeFile(at('writable'), 'abcdefghijklmnop\n');
    await chmod(at('writable'), 0o666);
    await mkdir(at('open'));
    await chmod(at('open'), 0o777);
    await writeFile(at('open/pw'), 'abcdefghijklmnop\n', { mode: 0o600 });
    before0 = (await readdir(tmp, { recursive: true })).sort();
  });
  after(async () => tmp && rm(tmp, { recursive: true, force: true }));

  it('each row: exit 2, its words on stderr, stdout empty, nothing created', async () => {
    for (const row of rows()) {
      const r = await run(row.argv);
      const name = JSON.stringify(row.argv);
      assert.equal(r.exit, 2, `${name}: ${r.stderr}`);
      assert.equal(r.stdout, '', name);
      assert.match(r.stderr, row.says, name);
      assert.doesNotMatch(r.stderr, /To specify a positional argument|ERR_PARSE_ARGS/, name);
      assert.deepEqual((await readdir(tmp, { recursive: true })).sort(), before0, `${name} created something`);
    }
  });

  it('each row with --json: exit 2, the error on stderr, one JSON document with error.code on stdout', async () => {
    for (const row of rows()) {
      const name = JSON.stringify(row.argv);
      const r = await run(['--json', ...row.argv]);
      assert.equal(r.exit, 2, `${name}: ${r.stderr}`);
      assert.match(r.stderr, row.says, name);
      const outcome = JSON.parse(r.stdout) as { exitCode: number; result: string; error: { code: string } };
      assertOutcomeSchema(outcome);
      assert.deepEqual([outcome.exitCode, outcome.result, outcome.error.code], [2, 'failed', row.code], name);
      assert.deepEqual((await readdir(tmp, { recursive: true })).sort(), before0, `${name} created something`);
    }
  });
});
