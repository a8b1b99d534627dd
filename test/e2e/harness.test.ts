// Proves the test-support code (private Postfix instance, tmux driver) works, and records the manual
// recipe by shell commands: the baseline the wizard is compared with. The fake Gmail's and the test
// CA's own tests are in test/support/fake-gmail.test.ts.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { startFakeGmail, type FakeGmail, type FakeGmailOptions } from '../support/fake-gmail.js';
import { createPostfixInstance, postfixSkipReason, type PostfixInstance } from '../support/postfix-instance.js';
import { createTestCa, type TestCa } from '../support/test-ca.js';
import { startInTmux, tmuxSkipReason } from '../support/tmux.js';

const run = promisify(execFile);
const USER = 'user@gmail.com';
const PASSWORD = 'abcdefghijklmnop';
const accounts: FakeGmailOptions['accounts'] = {
  [USER]: { password: PASSWORD },
  'twofactor@gmail.com': { password: 'x', reply: '534' },
  'throttled@gmail.com': { password: 'x', reply: '454' },
};

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

function sendmail(configDir: string, message: string, ...args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('sendmail', ['-C', configDir, ...args], { stdio: ['pipe', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child
      .on('error', reject)
      .on('close', (code) => (code === 0 ? resolve() : reject(new Error(`sendmail exited ${code}: ${stderr}`))));
    child.stdin.end(message);
  });
}

describe('private Postfix instance + fake Gmail: the manual recipe', { skip: postfixSkipReason() }, () => {
  let dir: string;
  let ca: TestCa;
  let gmail: FakeGmail | undefined;
  let pf: PostfixInstance | undefined;
  let mainCfBefore: string;

  before(async () => {
    mainCfBefore = await sha256('/etc/postfix/main.cf');
    dir = await mkdtemp('/tmp/harness-pf-');
    await chmod(dir, 0o755);
    ca = await createTestCa(dir);
    gmail = await startFakeGmail({ cert: ca.certPem, key: ca.keyPem, accounts });
    pf = await createPostfixInstance();
  });
  after(async () => {
    await pf?.destroy();
    await gmail?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('the instance starts with its own config, queue and smtpd port', async () => {
    assert.ok(pf);
    await pf.start();
    assert.equal(await pf.isRunning(), true);
    assert.equal((await pf.postconf('-h', 'queue_directory')).trim(), pf.queueDir);
    assert.match(await pf.postconf('-M'), new RegExp(`^127\\.0\\.0\\.1:${pf.smtpdPort} +inet .* smtpd$`, 'm'));
    await pf.waitForLog(/daemon started -- version [\d.]+, configuration \/tmp\//);
  });

  test('relayhost + SASL + verified TLS by hand: the fake receives it authenticated, the log says sent', async () => {
    assert.ok(pf && gmail);
    const relay = `[localhost]:${gmail.port}`;
    const saslPasswd = join(pf.configDir, 'sasl_passwd');
    await pf.postconf(
      '-e',
      `relayhost=${relay}`,
      'smtp_sasl_auth_enable=yes',
      `smtp_sasl_password_maps=hash:${saslPasswd}`,
      'smtp_sasl_security_options=noanonymous',
      'smtp_tls_security_level=secure',
      `smtp_tls_CAfile=${ca.caPath}`,
      'default_transport=smtp',
      'relay_transport=relay',
    );
    await writeFile(saslPasswd, `${relay} ${USER}:${PASSWORD}\n`, { mode: 0o600 });
    await run('postmap', ['-c', pf.configDir, `hash:${saslPasswd}`]);
    await run('postfix', ['-c', pf.configDir, 'reload']);

    await sendmail(
      pf.configDir,
      'Subject: recipe test\nFrom: root@testhost.example\nTo: friend@example.com\n\nhello via the recipe\n',
      '-f',
      'root@testhost.example',
      'friend@example.com',
    );
    const msg = await gmail.waitForMessage(30_000);
    assert.equal(msg.user, USER);
    assert.equal(msg.secure, true);
    assert.equal(msg.mailFrom, 'root@testhost.example');
    assert.deepEqual(msg.rcptTo, ['friend@example.com']);
    assert.equal(msg.headers.subject, 'recipe test');
    const [line] = await pf.waitForLog(/^.*status=sent \(250 2\.0\.0 OK.*$/m, 30_000);
    assert.match(line, new RegExp(`relay=localhost\\[127\\.0\\.0\\.1\\]:${gmail.port}`));
    assert.deepEqual(
      gmail.auths.map((a) => [a.user, a.secure, a.accepted]),
      [[USER, true, true]],
    );
  });

  test("the machine's own /etc/postfix/main.cf is unchanged", async () => {
    await pf?.destroy();
    assert.equal(await sha256('/etc/postfix/main.cf'), mainCfBefore);
  });
});

describe('tmux', { skip: tmuxSkipReason() }, () => {
  test('drives a program keystroke by keystroke and reports its exit code', async () => {
    const tmux = await startInTmux(['sh', '-c', 'echo "ready $GREETING $(stty size)"; read x; echo got:$x; exit 7'], {
      env: { GREETING: 'hi there' },
      cols: 60,
      rows: 10,
    });
    try {
      await tmux.waitFor('ready hi there 10 60');
      await tmux.type('hello world;');
      await tmux.sendKeys('Enter');
      const screen = await tmux.waitFor(/got:hello world;/);
      assert.match(screen, /^ready hi there 10 60$/m);
      assert.equal(await tmux.exitCode(), 7);
      assert.match(await tmux.history(), /got:hello world;/);
    } finally {
      await tmux.kill();
    }
  });

  test('C-c ends the program, and its status is still reported', async () => {
    const tmux = await startInTmux(['sh', '-c', 'echo started; exec sleep 600']);
    try {
      await tmux.waitFor('started');
      await tmux.sendKeys('C-c');
      assert.equal(await tmux.exitCode(), 130);
    } finally {
      await tmux.kill();
    }
  });
});
