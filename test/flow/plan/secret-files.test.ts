// Secrets on screen and on disk, through the whole flow against the recording
// fake (Debian 12): a hand-written password map is never printed, a compiled
// map others can read is removed before postmap writes the new password (a
// chmod would leave it readable through a descriptor opened earlier), a map
// the wizard supersedes is made 0600, and status names what is exposed.
// Which password files others can read, and how the plan makes them root-only (flow/plan/secret-files.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { repoPath } from '../../support/paths.js';
import { runCli } from '../../support/run-cli.js';
import { exposedSecretFiles, secretFileFixes } from '../../../src/flow/plan/secret-files.js';
import type { PasswordMapFacts } from '../../../src/flow/types.js';

const password = 'abcdefghijklmnop';
const sent = 'status=sent (250 2.0.0 OK  1764320401 af79cd13be357-8b2e7c1a4e1si12345685a.100 - gsmtp)';
const headless = [
  '--account',
  'someone@gmail.com',
  '--password-stdin',
  '--to',
  'friend@example.com',
  '--yes',
  '--no-test',
  '--json',
];
const stockMainCf = readFileSync(repoPath('test', 'fixtures', 'debian-12', 'main.cf.local-only'), 'utf8');
const canaries = ['canarycontinued', 'canarycommented', 'canaryfirstline'];
/** A map written by hand: the value on a continuation line, an old entry commented out. */
const handMade = [
  '# old one: [smtp.gmail.com]:587 someone@gmail.com:canarycommented',
  '[smtp.gmail.com]:587',
  '    someone@gmail.com:canarycontinued',
  '[smtp.example.net]:587 other@example.net:canaryfirstline',
  '',
].join('\n');

function machine(mainCfExtra = '', files: Record<string, { content: string; mode: number }> = {}) {
  const sys = new FakeSystem();
  installFakePostfix(sys, { delivery: () => sent, mainCf: stockMainCf + mainCfExtra });
  for (const [path, f] of Object.entries(files)) sys.put(path, f.content, f.mode);
  return sys;
}

/** removeFile and exec calls, in the order they happened. */
function recordOrder(sys: FakeSystem): string[] {
  const events: string[] = [];
  const remove = sys.removeFile.bind(sys);
  const exec = sys.exec.bind(sys);
  sys.removeFile = async (path) => (events.push(`rm ${path}`), remove(path));
  sys.exec = async (file, args, options) => (events.push(`${file} ${args.at(-1)}`), exec(file, args, options));
  return events;
}

describe('no password file is ever printed', () => {
  for (const extra of [['--dry-run'], [], ['--dry-run', '--lang', 'ja']]) {
    it(`a hand-written map with a continuation line and a commented-out entry (${extra.join(' ') || 'applied'})`, async () => {
      const sys = machine('smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd\n', {
        '/etc/postfix/sasl_passwd': { content: handMade, mode: 0o600 },
      });
      const run = await runCli(sys, [...headless, ...extra], { stdin: `${password}\n` });
      assert.equal(run.exit, 0, run.stderr);
      assert.match(
        run.stderr,
        extra.includes('ja') ? /4 行。パスワードを含むファイルのため表示しません/ : /4 lines, hidden/,
      );
      assert.match(run.stderr, /someone@gmail\.com:\*{8}/, 'the new entry is shown, password masked');
      for (const canary of [...canaries, password]) {
        assert.ok(!run.stdout.includes(canary) && !run.stderr.includes(canary), `${canary} was printed`);
      }
    });
  }
});

describe('compiled maps are root-only, always', () => {
  it('a re-run with only a loose sasl_passwd.db removes it before postmap writes it again, 0600', async () => {
    const sys = machine();
    assert.equal((await runCli(sys, headless, { stdin: `${password}\n` })).exit, 0);
    sys.files.get('/etc/postfix/sasl_passwd.db')!.mode = 0o644;
    const events = recordOrder(sys);
    const run = await runCli(sys, headless, { stdin: `${password}\n` });
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(run.json?.result, 'configured');
    assert.ok(run.json?.changed.files.includes('/etc/postfix/sasl_passwd.db'));
    const removed = events.indexOf('rm /etc/postfix/sasl_passwd.db');
    const postmap = events.indexOf('postmap hash:/etc/postfix/sasl_passwd');
    assert.ok(removed >= 0 && postmap > removed, `order: ${events.join(', ')}`);
    assert.equal(sys.files.get('/etc/postfix/sasl_passwd.db')?.mode, 0o600);
    const again = await runCli(sys, headless, { stdin: `${password}\n` });
    assert.equal(again.json?.result, 'unchanged', 'then nothing is left to do');
  });

  it("a map the wizard supersedes (the recipe's saslpass, 0644) is deleted after the backup, its .db too", async () => {
    const old = '[smtp.gmail.com]:587 someone@gmail.com:oldpasswordoldpw\n';
    const sys = machine('smtp_sasl_password_maps = hash:/etc/postfix/saslpass\n', {
      '/etc/postfix/saslpass': { content: old, mode: 0o644 },
      '/etc/postfix/saslpass.db': { content: `compiled:${old}`, mode: 0o644 },
    });
    const run = await runCli(sys, headless, { stdin: `${password}\n` });
    assert.equal(run.exit, 0, run.stderr);
    assert.match(run.stderr, /password map main\.cf named before \(\/etc\/postfix\/saslpass\)/);
    for (const path of ['/etc/postfix/saslpass', '/etc/postfix/saslpass.db']) {
      assert.equal(sys.files.get(path), undefined, path);
      assert.ok(run.json?.changed.files.includes(path));
    }
    assert.ok(!run.stderr.includes('oldpasswordoldpw'));
  });

  it('a superseded map something else still names (lmtp_sasl_password_maps) is kept, made 0600, content kept', async () => {
    const old = '[smtp.gmail.com]:587 someone@gmail.com:oldpasswordoldpw\n';
    const sys = machine(
      'smtp_sasl_password_maps = hash:/etc/postfix/saslpass\nlmtp_sasl_password_maps = hash:/etc/postfix/saslpass\n',
      {
        '/etc/postfix/saslpass': { content: old, mode: 0o644 },
        '/etc/postfix/saslpass.db': { content: `compiled:${old}`, mode: 0o644 },
      },
    );
    const run = await runCli(sys, headless, { stdin: `${password}\n` });
    assert.equal(run.exit, 0, run.stderr);
    assert.match(run.stderr, /\/etc\/postfix\/saslpass \(mode 0644\): chmod 0600/);
    for (const path of ['/etc/postfix/saslpass', '/etc/postfix/saslpass.db']) {
      assert.equal(sys.files.get(path)?.mode, 0o600, path);
      assert.ok(run.json?.changed.files.includes(path));
    }
    assert.equal(sys.text('/etc/postfix/saslpass'), old);
    assert.ok(!run.stderr.includes('oldpasswordoldpw'));
  });

  it('status names a password file others can read', async () => {
    const sys = machine();
    assert.equal((await runCli(sys, headless, { stdin: `${password}\n` })).exit, 0);
    sys.files.get('/etc/postfix/sasl_passwd.db')!.mode = 0o640;
    const run = await runCli(sys, ['status', '--json']);
    const problem = run.json?.status?.problems.find((p) => p.code === 'password-file-readable');
    assert.ok(problem, run.stderr);
    assert.match(problem.message, /\/etc\/postfix\/sasl_passwd\.db mode 0640/);
    assert.match(problem.fix ?? '', /chmod 600 \/etc\/postfix\/sasl_passwd\.db/);
  });
});

describe('--ca-file and --config-dir reach main.cf literally', () => {
  const table = [
    ['--ca-file', 'rel/ca.pem', /not an absolute path/],
    ['--ca-file', '/tmp/a b.pem', /contains a space/],
    ['--ca-file', '/tmp/$x.pem', /contains "\$"/],
    ['--ca-file', '/tmp/a,b.pem', /contains a comma/],
    ['--ca-file', '/tmp/a\nb.pem', /control character/],
    ['--config-dir', 'etc/postfix', /not an absolute path/],
    ['--config-dir', '/etc/${x}', /contains "\$"/],
    ['--config-dir', '/etc/{a}', /braces|"\{"/],
  ] as const;
  for (const [flag, value, reason] of table) {
    it(`${flag} ${JSON.stringify(value)}: exit 2 with the reason and the fix, nothing run`, async () => {
      const sys = machine();
      const run = await runCli(sys, [...headless.filter((a) => a !== '--json'), flag, value], {
        stdin: `${password}\n`,
      });
      assert.equal(run.exit, 2, run.stderr);
      assert.match(run.stderr, reason);
      assert.match(run.stderr, new RegExp(`Give ${flag} an absolute path`));
      assert.equal(sys.calls.length, 0, 'nothing was run');
    });
  }
});

// The unit layer of the same module, with its own helpers.
describe('unit layer', () => {
  describe('secret file fixes', () => {
    const facts = (path: string, mode: number, compiledMode: number, uid = 0): PasswordMapFacts => ({
      type: 'hash',
      path,
      mode,
      uid,
      compiledCurrent: true,
      compiled: [{ path: `${path}.db`, mode: compiledMode, uid }],
    });

    it('our loose compiled map is removed (postmap rebuilds it); a superseded map is made 0600', () => {
      assert.deepEqual(secretFileFixes(facts('/p/sasl_passwd', 0o600, 0o644), facts('/p/saslpass', 0o644, 0o640)), [
        { path: '/p/sasl_passwd.db', mode: 0o644, action: 'remove' },
        { path: '/p/saslpass', mode: 0o644, action: 'chmod' },
        { path: '/p/saslpass.db', mode: 0o640, action: 'chmod' },
      ]);
    });

    it('a compiled map owned by another user counts as exposed; tight files need nothing', () => {
      assert.deepEqual(
        exposedSecretFiles(facts('/p/sasl_passwd', 0o600, 0o600, 1000)).map((f) => f.path),
        ['/p/sasl_passwd', '/p/sasl_passwd.db'],
      );
      assert.deepEqual(secretFileFixes(facts('/p/sasl_passwd', 0o600, 0o600), undefined), []);
      assert.deepEqual(
        secretFileFixes(undefined, facts('/p/saslpass', 0o600, 0o600, 1000)),
        [],
        'no chmod that cannot help',
      );
    });
  });
});
