// Secrets against Debian's real Postfix (a private instance) and a fake Gmail:
//   - a hand-written sasl_passwd (a continuation line, a commented-out old entry) never reaches
//     the screen: plain output, --json's stderr, --dry-run and the TUI;
//   - a 0644 sasl_passwd.db: a local user (nobody) who opened it before the run, and one who keeps
//     opening it during the run, never reads the new password (postmap rewrites a compiled map in
//     place, so only removing the old file first keeps a descriptor opened earlier from seeing it);
//   - a re-run with only a loose mode to fix fixes it, and status names it first;
//   - the recipe's /etc/postfix/saslpass (0644, its .db 0644) named by main.cf is backed up, then deleted.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmod, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { repoPath } from '../../support/paths.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { exposedCopies } from '../../support/secret-checks.js';
import { startInTmux, tmuxSkipReason } from '../../support/tmux.js';
import { runWizard } from '../../support/wizard-process.js';

const ACCOUNT = 'someone@gmail.com';
const FIRST = 'qazwsxedcrfvtgby';
const SECOND = 'plokijuhygtfrdes';
const canaries = ['canarycommentedx', 'canarycontinuedx', 'canaryotherentry'];
const skip = postfixSkipReason() ?? tmuxSkipReason();

/** A process of another user (nobody) holding `path` open from before, and opening it again and again. */
async function startSnoop(path: string): Promise<{ stop(): Promise<string[]> }> {
  const script = `
    const fs = require('node:fs');
    const seen = new Set();
    const report = (b) => { const s = b.toString('base64'); if (!seen.has(s)) { seen.add(s); process.stdout.write(s + '\\n'); } };
    const fd = fs.openSync(process.argv[1], 'r');
    const viaHeld = () => { const size = fs.fstatSync(fd).size; const b = Buffer.alloc(size); fs.readSync(fd, b, 0, size, 0); report(b); };
    const viaPath = () => { try { report(fs.readFileSync(process.argv[1])); } catch {} };
    viaHeld();
    process.stdout.write('ready\\n');
    const timer = setInterval(() => { viaHeld(); viaPath(); }, 2);
    process.stdin.on('end', () => { clearInterval(timer); viaHeld(); viaPath(); process.exit(0); });
    process.stdin.resume();`;
  const child = spawn(process.execPath, ['-e', script, path], {
    uid: 65534,
    gid: 65534,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the snooping process could not open ${path} (exit ${code})`)));
    const poll = setInterval(() => out.includes('ready\n') && (clearInterval(poll), resolve()), 5);
  });
  child.removeAllListeners('exit');
  return {
    stop: async () => {
      const closed = new Promise((r) => child.on('close', r));
      child.stdin.end();
      await closed;
      return out
        .split('\n')
        .filter((l) => l && l !== 'ready')
        .map((l) => Buffer.from(l, 'base64').toString('latin1'));
    },
  };
}

describe('secrets stay secret, on screen and on disk (real Postfix)', { skip }, () => {
  const accounts = { [ACCOUNT]: { password: FIRST } };
  let lab: RelayLab;
  let dir: string;
  let passwordFile: string;
  before(async () => {
    lab = await startRelayLab('e2e-secrets', accounts);
    dir = lab.postfix.configDir;
    passwordFile = join(lab.tmp, 'app-password');
  });
  after(async () => lab?.close());

  const args = (...extra: string[]) => [
    ...lab.args(),
    '--account',
    ACCOUNT,
    '--password-file',
    passwordFile,
    '--to',
    'friend@example.com',
    '--no-map-senders',
    '--no-keychain',
    '--no-test',
    '--yes',
    ...extra,
  ];
  const usePassword = async (password: string) => {
    accounts[ACCOUNT].password = password;
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  };
  const mode = async (path: string) => (await stat(path)).mode & 0o777;

  it('a hand-written map is never printed: plain, --json, --dry-run, the TUI', async () => {
    const key = `[localhost]:${lab.gmail.port}`;
    await writeFile(
      join(dir, 'sasl_passwd'),
      [
        `# replaced: ${key} ${ACCOUNT}:${canaries[0]}`,
        key,
        `    ${ACCOUNT}:${canaries[1]}`,
        `[smtp.example.net]:587 other@example.net:${canaries[2]}`,
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    await lab.postfix.postconf('-e', `smtp_sasl_password_maps=hash:${dir}/sasl_passwd`);
    await usePassword(FIRST);
    const outputs: string[] = [];
    for (const extra of [['--dry-run'], ['--dry-run', '--json'], ['--dry-run', '--lang', 'ja']]) {
      const run = await runWizard(args(...extra));
      assert.equal(run.code, 0, run.stderr);
      outputs.push(run.stdout, run.stderr);
    }
    const session = await startInTmux(
      [process.execPath, repoPath('bin', 'postfix-gmail-wizard.js'), ...args('--dry-run')],
      { cols: 200, rows: 60, env: { LANG: 'C.UTF-8', TERM: 'xterm-256color' } },
    );
    try {
      await session.waitFor(/Dry run: nothing was changed/, 60_000);
      outputs.push(await session.history(true));
    } finally {
      await session.kill();
    }
    const applied = await runWizard(args('--json'));
    assert.equal(applied.code, 0, applied.stderr);
    outputs.push(applied.stdout, applied.stderr);
    for (const canary of [...canaries, FIRST]) {
      assert.deepEqual(
        outputs.filter((text) => text.includes(canary)).map((text) => text.slice(0, 200)),
        [],
        `${canary} was printed`,
      );
    }
    // plain stdout, --json's stderr, Japanese stdout, the TUI, the applied run's stderr: each plan says so.
    for (const [i, said] of [
      [0, /\(4 lines, hidden/],
      [3, /\(4 lines, hidden/],
      [4, /4 行。パスワードを含むファイルのため表示しません/],
      [6, /\(4 lines, hidden/],
      [8, /\(4 lines, hidden/],
    ] as const) {
      assert.match(outputs[i]!, said, `output ${i}`);
    }
  });

  it('a 0644 sasl_passwd.db: nobody reads the new password, not even through a descriptor opened before', async () => {
    const db = join(dir, 'sasl_passwd.db');
    await chmod(db, 0o644);
    await usePassword(SECOND);
    const snoop = await startSnoop(db);
    const run = await runWizard(args('--json'));
    const seen = await snoop.stop();
    assert.equal(run.code, 0, run.stderr);
    assert.ok(
      seen.length > 0 && seen.some((s) => s.includes(FIRST)),
      'the snoop could read the old map (the test is live)',
    );
    assert.deepEqual(seen.filter((s) => s.includes(SECOND)).length, 0, 'the new password was readable by nobody');
    assert.equal(await mode(db), 0o600);
    assert.ok((await readFile(db)).includes(SECOND), 'the compiled map holds the new password');
  });

  it('status names a loose mode, and a re-run with only that to fix fixes it', async () => {
    const db = join(dir, 'sasl_passwd.db');
    await chmod(db, 0o640);
    const common = ['--config-dir', dir, '--state-dir', join(lab.postfix.base, 'state')];
    const status = await runWizard(['status', '--json', ...common]);
    const problem = JSON.parse(status.stdout).status.problems.find(
      (p: { code: string }) => p.code === 'password-file-readable',
    );
    assert.ok(problem, status.stdout);
    assert.ok(problem.message.includes(`${db} mode 0640`), problem.message);
    const run = await runWizard(args('--json'));
    assert.equal(run.code, 0, run.stderr);
    const outcome = JSON.parse(run.stdout);
    assert.equal(outcome.result, 'configured');
    assert.ok(outcome.changed.files.includes(db));
    assert.equal(await mode(db), 0o600);
    assert.equal(JSON.parse((await runWizard(args('--json'))).stdout).result, 'unchanged');
  });

  it("the recipe's saslpass (0644, its .db 0644), named by main.cf, is backed up root-only, then deleted", async () => {
    const old = 'mnbvcxzasdfghjkl';
    const saslpass = join(dir, 'saslpass');
    await writeFile(saslpass, `[localhost]:${lab.gmail.port} ${ACCOUNT}:${old}\n`);
    await chmod(saslpass, 0o644);
    await lab.postfix.postconf('-e', `smtp_sasl_password_maps=hash:${saslpass}`);
    const postmap = spawn('postmap', ['-c', dir, `hash:${saslpass}`]);
    assert.equal(await new Promise((r) => postmap.on('close', r)), 0);
    assert.equal(await mode(`${saslpass}.db`), 0o644);
    const run = await runWizard(args('--json'));
    assert.equal(run.code, 0, run.stderr);
    const left = await readdir(dir);
    assert.ok(!left.includes('saslpass') && !left.includes('saslpass.db'), left.join(' '));
    assert.deepEqual(await exposedCopies(old, dir, join(lab.postfix.base, 'backups')), []);
    const backupId = JSON.parse(run.stdout).backupId as string;
    const manifest = JSON.parse(
      await readFile(join(lab.postfix.base, 'backups', 'postfix-gmail-wizard', backupId, 'manifest.json'), 'utf8'),
    );
    for (const path of [saslpass, `${saslpass}.db`]) {
      assert.ok(
        manifest.entries.some((e: { path: string; existed: boolean }) => e.path === path && e.existed),
        `${path} is in the backup`,
      );
    }
  });
});
