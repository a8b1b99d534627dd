// setup --monitor on Debian's real Postfix (a private instance) with the Gmail double, where systemd is
// not PID 1 (as in this container): the cron.d entry is written — into a folder of the test's own,
// bound over /etc/cron.d in a mount namespace of each wizard run — and its command line is run as cron
// runs it (sh -c, cron's environment and the entry's variables): the textfile appears with the relay's
// state. A re-run changes nothing, status shows it, remove takes it out, restore puts it back. A copy of
// the program in npx's cache is refused with the fix.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, readdir, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Outcome } from '../../../src/outcome.js';
import { setUpRelay } from '../../support/doctor-lab.js';
import { repoPath } from '../../support/paths.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { runWizard } from '../../support/wizard-process.js';

const execFileP = promisify(execFile);
const ACCOUNT = 'scheduled@gmail.com';
const PASSWORD = 'abcdabcdabcdabcd';
const ENTRY = 'postfix-gmail-wizard';

describe('setup --monitor: a cron.d entry, run as cron runs it', { skip: postfixSkipReason() }, () => {
  let lab: RelayLab;
  let cronDir = '';
  let textfile = '';
  // Each run sees cronDir as /etc/cron.d (unshare -m: the bind mount ends with the run).
  const inNamespace = () => [
    'unshare',
    '-m',
    '--',
    'sh',
    '-c',
    `mount --bind ${cronDir} /etc/cron.d && exec "$@"`,
    'sh',
  ];
  const wizard = (args: string[], extra: string[] = []) =>
    runWizard([...args, ...extra], { prefix: inNamespace(), stdin: `${PASSWORD}\n`, secret: PASSWORD });
  const dirs = () => [
    '--config-dir',
    lab.postfix.configDir,
    '--state-dir',
    join(lab.postfix.base, 'state'),
    '--backup-dir',
    join(lab.postfix.base, 'backups'),
  ];
  const setup = (extra: string[]) =>
    wizard(
      [...lab.args(), '--account', ACCOUNT, '--password-stdin', '--no-test', '--no-keychain', '--yes', '--json'],
      extra,
    );

  /** The entry's command, run by /bin/sh with cron's environment plus the entry's own variables (cron(8)). */
  async function runAsCron(): Promise<{ line: string }> {
    const text = await readFile(join(cronDir, ENTRY), 'utf8');
    const lines = text.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    const vars = Object.fromEntries(
      lines
        .filter((l) => /^[A-Z]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1).replace(/^"(.*)"$/, '$1')]),
    );
    const line = lines.find((l) => !/^[A-Z]+=/.test(l))!;
    const fields = line.split(/\s+/);
    assert.equal(fields[5], 'root', 'runs as root, a user nobody else controls');
    const command = fields.slice(6).join(' ');
    const env = { HOME: '/root', LOGNAME: 'root', SHELL: '/bin/sh', PATH: '/usr/bin:/bin', ...vars };
    await execFileP(vars.SHELL ?? '/bin/sh', ['-c', command], { env, cwd: '/root' });
    return { line };
  }

  before(async () => {
    lab = await startRelayLab('schedule', { [ACCOUNT]: { password: PASSWORD } });
    await setUpRelay(lab, ACCOUNT, PASSWORD);
    cronDir = join(lab.tmp, 'cron.d');
    textfile = join(lab.tmp, 'textfile');
    await mkdir(cronDir);
    await mkdir(textfile);
  });
  after(async () => {
    await lab?.close();
  });

  it('writes the entry (root, 0644, no password, MAILTO=""); run as cron runs it, the check writes the textfile', async () => {
    const run = await setup(['--monitor', '--textfile', textfile]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.leaks, []);
    const outcome = JSON.parse(run.stdout) as Outcome;
    assert.ok(outcome.changed.files.includes(`/etc/cron.d/${ENTRY}`), run.stdout);
    const info = await stat(join(cronDir, ENTRY));
    assert.deepEqual([info.uid, info.mode & 0o777], [0, 0o644]);
    const text = await readFile(join(cronDir, ENTRY), 'utf8');
    assert.ok(!text.includes(PASSWORD));
    assert.match(text, /^MAILTO=""$/m);

    const started = Math.floor(Date.now() / 1000);
    const { line } = await runAsCron();
    assert.ok(
      line.includes(
        `${process.execPath} ${repoPath('bin', 'postfix-gmail-wizard.js')} check --textfile ${textfile} --config-dir ${lab.postfix.configDir}`,
      ),
      line,
    );
    const metrics = await readFile(join(textfile, 'postfix_gmail_wizard.prom'), 'utf8');
    assert.match(metrics, /^postfix_gmail_wizard_state 0$/m);
    const at = Number(/^postfix_gmail_wizard_check_timestamp_seconds (\d+)$/m.exec(metrics)?.[1]);
    assert.ok(at >= started, `the file is this run's (${at} >= ${started})`);
  });

  it('a re-run changes nothing; status shows the entry', async () => {
    const again = await setup(['--monitor']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal((JSON.parse(again.stdout) as Outcome).result, 'unchanged');
    const status = await wizard([
      'status',
      '--json',
      '--config-dir',
      lab.postfix.configDir,
      '--state-dir',
      join(lab.postfix.base, 'state'),
    ]);
    assert.deepEqual((JSON.parse(status.stdout) as Outcome).status?.monitor, {
      kind: 'cron',
      files: [`/etc/cron.d/${ENTRY}`],
      textfile,
    });
  });

  it('remove takes the entry out; restore of that backup puts it back, and it runs again', async () => {
    const removed = await wizard(['remove', ...dirs(), '--yes', '--json']);
    assert.equal(removed.code, 0, removed.stderr);
    assert.deepEqual(await readdir(cronDir), []);
    const id = (JSON.parse(removed.stdout) as Outcome).backupId!;
    const restored = await wizard(['restore', id, ...dirs(), '--yes', '--json']);
    assert.equal(restored.code, 0, restored.stderr);
    assert.deepEqual(await readdir(cronDir), [ENTRY]);
    await runAsCron();
    assert.match(
      await readFile(join(textfile, 'postfix_gmail_wizard.prom'), 'utf8'),
      /^postfix_gmail_wizard_state 0$/m,
    );
  });

  it("a copy run from npx's cache is refused with the fix, before anything is written", async () => {
    const pkg = join(lab.tmp, 'npm-cache', '_npx', '4f1c2a', 'node_modules', 'postfix-gmail-wizard');
    await mkdir(join(pkg, 'dist'), { recursive: true });
    for (const part of ['bin', 'templates', 'schema', 'package.json'])
      await cp(repoPath(part), join(pkg, part), { recursive: true });
    for (const part of ['src', 'bundle'])
      await cp(repoPath('dist', part), join(pkg, 'dist', part), { recursive: true });
    await symlink(repoPath('node_modules'), join(pkg, 'node_modules'));
    const before = await readdir(cronDir);
    const run = await execFileP(
      process.execPath,
      [
        join(pkg, 'bin', 'postfix-gmail-wizard.js'),
        ...lab.args(),
        '--monitor',
        '--account',
        ACCOUNT,
        '--password-stdin',
        '--yes',
      ],
      {
        env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8' },
      },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /runs from npx's cache .*_npx.*which npm deletes/);
    assert.match(run.stderr, /sudo npm install -g postfix-gmail-wizard/);
    assert.deepEqual(await readdir(cronDir), before);
  });
});
