// The Ansible role in contrib/ansible, run by the real ansible-playbook
// (Debian's ansible-core) against this machine (-c local), configuring a
// private Postfix instance through the role's pgw_extra_args (--config-dir …)
// and relaying to the fake Gmail: a check-mode play changes nothing, the first
// play changes and delivers, the second reports changed=0, a wrong password
// fails the play with the wizard's own explanation — and no password shows in
// Ansible's output, its log, or any process's command line or environment, and
// the root-only file the role hands the wizard is gone after every play.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoPath } from '../../support/paths.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { watchModes } from '../../support/mode-watch.js';
import { scanProc } from '../../support/wizard-process.js';

function ansibleSkipReason(): string | undefined {
  try {
    execFileSync('ansible-playbook', ['--version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'ansible-playbook is not installed (apt-get install ansible-core)';
  }
}

interface PlayRun {
  code: number;
  output: string;
  recap: { ok: number; changed: number; failed: number };
  leaks: string[];
}

const goodPassword = 'ansiblerolepassw';
const wrongPassword = 'wrongwrongwrongw';

describe('the Ansible role, run by ansible-playbook', { skip: postfixSkipReason() ?? ansibleSkipReason() }, () => {
  let lab: RelayLab;
  let logPath: string;
  before(async () => {
    lab = await startRelayLab('ansible', { 'you@gmail.com': { password: goodPassword } });
    logPath = join(lab.tmp, 'ansible.log');
    await writeFile(
      join(lab.tmp, 'play.yml'),
      `- hosts: all\n  gather_facts: false\n  roles:\n    - role: ${repoPath('contrib', 'ansible', 'roles', 'postfix_gmail_relay')}\n`,
    );
  });
  after(async () => lab?.close());

  const passwordFile = () => join(lab.tmp, 'gmail-app-password');

  async function play(
    password: string,
    options: { check?: boolean; slowChmod?: boolean; vars?: Record<string, unknown> } = {},
  ): Promise<PlayRun> {
    const vars = {
      ansible_python_interpreter: '/usr/bin/python3',
      gmail_account: 'you@gmail.com',
      gmail_app_password: password, // as a vaulted variable would arrive
      pgw_command: [process.execPath, repoPath('bin', 'postfix-gmail-wizard.js')],
      pgw_password_file: passwordFile(),
      pgw_extra_args: [...lab.args(), '--no-keychain', '--wait', '60'],
      ...options.vars,
    };
    const varsFile = join(lab.tmp, 'vars.json');
    await writeFile(varsFile, JSON.stringify(vars), { mode: 0o600 });
    const args = [
      '-i',
      'localhost,',
      '-c',
      'local',
      '-v',
      '-e',
      `@${varsFile}`,
      ...(options.check ? ['--check'] : []),
      join(lab.tmp, 'play.yml'),
    ];
    // slowChmod: strace holds every chmod back 0.3 s — a file that is readable until a chmod after it is
    // written stays so long enough for the watcher to see it, every time.
    const command = options.slowChmod
      ? [
          'strace',
          '-f',
          '-qq',
          '-o',
          '/dev/null',
          '-e',
          'trace=chmod,fchmod,fchmodat',
          '-e',
          'inject=chmod,fchmod,fchmodat:delay_enter=300000',
          'ansible-playbook',
        ]
      : ['ansible-playbook'];
    const child = spawn(command[0]!, [...command.slice(1), ...args], {
      env: {
        PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
        HOME: process.env.HOME ?? '/root',
        LANG: 'C.UTF-8',
        ANSIBLE_LOG_PATH: logPath,
        ANSIBLE_NOCOLOR: '1',
        ANSIBLE_RETRY_FILES_ENABLED: 'false',
        ANSIBLE_LOCAL_TEMP: join(lab.tmp, 'ansible-local'),
        ANSIBLE_REMOTE_TEMP: join(lab.tmp, 'ansible-remote'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const leaks: string[] = [];
    let done = false;
    const watcher = (async () => {
      while (!done) {
        leaks.push(...(await scanProc(password)));
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
    done = true;
    await watcher;
    const recap = /localhost\s*:\s*ok=(\d+)\s+changed=(\d+)\s+unreachable=\d+\s+failed=(\d+)/.exec(output);
    assert.ok(recap, `a PLAY RECAP line in:\n${output}`);
    return {
      code,
      output,
      recap: { ok: Number(recap[1]), changed: Number(recap[2]), failed: Number(recap[3]) },
      leaks,
    };
  }

  /** Every file of the instance's configuration directory, by content and mode. */
  async function configSnapshot(): Promise<Record<string, string>> {
    const snapshot: Record<string, string> = {};
    for (const name of (await readdir(lab.postfix.configDir)).sort()) {
      const path = join(lab.postfix.configDir, name);
      const info = await stat(path);
      if (!info.isFile()) continue;
      snapshot[name] = `${(info.mode & 0o7777).toString(8)} ${createHash('sha256')
        .update(await readFile(path))
        .digest('hex')}`;
    }
    return snapshot;
  }

  /** The role removes the password file it wrote for the wizard, after success and failure alike. */
  async function assertPasswordFileGone(): Promise<void> {
    await assert.rejects(
      stat(passwordFile()),
      { code: 'ENOENT' },
      'the password file the role wrote is removed after the run',
    );
  }

  async function assertNoPasswordIn(run: PlayRun, password: string): Promise<void> {
    assert.ok(!run.output.includes(password), "the password is not in ansible-playbook's output");
    assert.ok(!(await readFile(logPath, 'utf8')).includes(password), 'the password is not in the Ansible log');
    assert.deepEqual(run.leaks, [], 'no process had the password in its command line or environment');
  }

  it('check mode on an unconfigured machine predicts a change and changes nothing', async () => {
    const before = await configSnapshot();
    const run = await play(goodPassword, { check: true });
    assert.equal(run.code, 0, run.output);
    assert.ok(run.recap.changed >= 1, `check mode reports what would change:\n${run.output}`);
    assert.deepEqual(await configSnapshot(), before, 'no file of the Postfix configuration changed');
    await assert.rejects(stat(passwordFile()), { code: 'ENOENT' }, 'check mode wrote no password file');
    assert.equal(lab.gmail.auths.length, 0, 'check mode logged in nowhere');
    await assertNoPasswordIn(run, goodPassword);
  });

  it('the first play configures and delivers the test message; the second changes nothing', async () => {
    const first = await play(goodPassword);
    assert.equal(first.code, 0, first.output);
    assert.equal(first.recap.failed, 0);
    assert.ok(first.recap.changed >= 1, `the relay changed:\n${first.output}`);
    assert.ok(
      first.output.includes(`--password-file', '${passwordFile()}'`) ||
        first.output.includes(`"--password-file", "${passwordFile()}"`),
      `the wizard read the password from the role's file:\n${first.output}`,
    );
    assert.doesNotMatch(first.output, /can be read by every user/, 'the file was root-only while it was there');
    await assertPasswordFileGone();
    assert.equal((await lab.postfix.postconf('-h', 'relayhost')).trim(), `[localhost]:${lab.gmail.port}`);
    assert.ok(
      lab.gmail.messages.some((m) => m.user === 'you@gmail.com'),
      'the test message went out through the relay as the account',
    );
    await assertNoPasswordIn(first, goodPassword);

    const configured = await configSnapshot();
    const second = await play(goodPassword);
    assert.equal(second.code, 0, second.output);
    assert.equal(second.recap.changed, 0, `an identical second play is idempotent:\n${second.output}`);
    assert.deepEqual(await configSnapshot(), configured);
    await assertPasswordFileGone();

    const check = await play(goodPassword, { check: true });
    assert.equal(check.code, 0, check.output);
    assert.equal(check.recap.changed, 0, `check mode on a configured machine predicts no change:\n${check.output}`);
    await assertNoPasswordIn(second, goodPassword);
  });

  it('the password file is never readable by others, not for a moment, even where a readable file stood', async () => {
    // A world-readable file already at pgw_password_file: a copy into it would keep its mode (0644) until a
    // chmod afterwards. The watcher reads every file of the folder after every inotify event.
    await writeFile(passwordFile(), 'an old file\n', { mode: 0o644 });
    const watch = await watchModes(lab.tmp, goodPassword);
    const run = await play(goodPassword, { slowChmod: true });
    const readable = await watch.stop();
    assert.equal(run.code, 0, run.output);
    assert.deepEqual(readable, [], 'no file in the folder held the password with a mode others can read');
    await assertPasswordFileGone();
    await assertNoPasswordIn(run, goodPassword);
  });

  it("a wrong password fails the play with the wizard's explanation and changes nothing", async () => {
    const before = await configSnapshot();
    const run = await play(wrongPassword);
    assert.notEqual(run.code, 0);
    assert.equal(run.recap.failed, 1, run.output);
    assert.match(
      run.output,
      /postfix-gmail-wizard exited 1: .*(refused|rejected|not accepted)/i,
      "the wizard's own message",
    );
    assert.match(run.output, /myaccount\.google\.com\/apppasswords/, 'and its fix');
    const after = await configSnapshot();
    assert.deepEqual(after, before, 'the relay configuration is as it was');
    await assertPasswordFileGone();
    await assertNoPasswordIn(run, wrongPassword);
  });

  it('pgw_monitor: true sets up the scheduled check (a cron.d entry here), once; the second play changes nothing', async () => {
    // The wizard sees a folder of the test's own as /etc/cron.d (a mount namespace per run).
    const cronDir = join(lab.tmp, 'cron.d');
    const textfile = join(lab.tmp, 'prom');
    await mkdir(cronDir, { recursive: true });
    await mkdir(textfile, { recursive: true });
    const vars = {
      pgw_command: [
        'unshare',
        '-m',
        '--',
        'sh',
        '-c',
        `mount --bind ${cronDir} /etc/cron.d && exec "$@"`,
        'sh',
        process.execPath,
        repoPath('bin', 'postfix-gmail-wizard.js'),
      ],
      pgw_monitor: true,
      pgw_monitor_textfile: textfile,
      pgw_test: false,
    };
    const first = await play(goodPassword, { vars });
    assert.equal(first.code, 0, first.output);
    assert.ok(first.recap.changed >= 1, first.output);
    const entry = await readFile(join(cronDir, 'postfix-gmail-wizard'), 'utf8');
    assert.match(entry, new RegExp(` check --textfile ${textfile} --config-dir ${lab.postfix.configDir} `));
    assert.ok(!entry.includes(goodPassword));
    const second = await play(goodPassword, { vars });
    assert.equal(second.code, 0, second.output);
    assert.equal(second.recap.changed, 0, `the scheduled check is set up once:\n${second.output}`);
    const off = await play(goodPassword, { vars: { ...vars, pgw_monitor: false } });
    assert.equal(off.code, 0, off.output);
    assert.deepEqual(await readdir(cronDir), [], 'pgw_monitor: false takes it out');
    await assertNoPasswordIn(first, goodPassword);
  });
});
