// Setup, status and remove on a relay built by hand from the seed article, through the whole flow
// against the recording fake (Debian 12): the superseded settings in the plan and out of main.cf,
// recorded so remove puts every main.cf line back; the old map retired; status's view of it.
// The plan parts for a hand-made relay (src/flow/plan/legacy-plan.ts): pure functions, fed with the
// seed recipe's values.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix, type FakePostfix } from '../../support/fake-postfix.js';
import { repoPath } from '../../support/paths.js';
import { runCli } from '../../support/run-cli.js';
import { planLegacy, retiredMapFiles } from '../../../src/flow/plan/legacy-plan.js';
import type { PasswordMapFacts } from '../../../src/flow/types.js';
import { legacySettings } from '../../../src/postfix/legacy-settings.js';

const password = 'abcdefghijklmnop';
const old = 'oldpasswordoldpw';
const sent = 'status=sent (250 2.0.0 OK  1764320401 af79cd13be357-8b2e7c1a4e1si12345685a.100 - gsmtp)';
const headless = [
  '--account',
  'new@gmail.com',
  '--password-stdin',
  '--to',
  'friend@example.com',
  '--yes',
  '--no-test',
  '--json',
  '--no-keychain',
];
const stock = readFileSync(repoPath('test', 'fixtures', 'debian-12', 'main.cf.local-only'), 'utf8').replace(
  /^(default|relay)_transport = error\n/gm,
  '',
);
const bundle = '/etc/ssl/certs/ca-certificates.crt';
const recipe = [
  'relayhost = [smtp.gmail.com]:587',
  'smtp_use_tls = yes',
  'smtp_sasl_auth_enable = yes',
  'smtp_sasl_password_maps = hash:/etc/postfix/saslpass',
  'smtp_sasl_tls_security_options = noanonymous',
  'smtp_sasl_mechanism_filter = plain',
  `smtp_tls_CApath = ${bundle}`,
  '',
].join('\n');

function seedMachine(): { sys: FakeSystem; postfix: FakePostfix } {
  const sys = new FakeSystem();
  const postfix = installFakePostfix(sys, { delivery: () => sent, mainCf: stock + recipe });
  sys.put('/etc/postfix/saslpass', `[smtp.gmail.com]:587 old@gmail.com:${old}\n`, 0o644);
  sys.put('/etc/postfix/saslpass.db', `compiled:${old}`, 0o644);
  if (!sys.files.has(bundle)) sys.put(bundle, '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n', 0o644);
  return { sys, postfix };
}

describe('setup on the seed recipe (recording fake)', () => {
  it('the plan names the superseded settings and the retired map; main.cf ends without them, the record keeps them', async () => {
    const { sys, postfix } = seedMachine();
    const run = await runCli(sys, headless, { stdin: `${password}\n` });
    assert.equal(run.exit, 0, run.stderr);
    assert.match(run.stderr, /smtp_use_tls = yes: obsolete.*instead: smtp_tls_security_level = secure/);
    assert.match(run.stderr, new RegExp(`smtp_tls_CApath = ${bundle}: names a file.*instead: smtp_tls_CAfile = `));
    assert.match(run.stderr, /password map main\.cf named before \(\/etc\/postfix\/saslpass\)/);
    const main = postfix.explicit();
    assert.equal(main.smtp_use_tls, undefined);
    assert.equal(main.smtp_tls_CApath, undefined);
    assert.equal(main.smtp_tls_security_level, 'secure');
    assert.equal(main.smtp_sasl_mechanism_filter, 'plain', 'what is not superseded stays');
    const saved = sys.text('/etc/postfix/postfix-gmail-wizard.saved') ?? '';
    assert.match(saved, /^smtp_use_tls = yes$/m);
    assert.match(saved, new RegExp(`^smtp_tls_CApath = ${bundle}$`, 'm'));
    assert.match(saved, /^smtp_sasl_auth_enable = yes$/m, 'a value the recipe set like the wizard is recorded too');
    assert.equal(sys.files.get('/etc/postfix/saslpass'), undefined);
    assert.equal(sys.files.get('/etc/postfix/saslpass.db'), undefined);
    assert.ok(!run.stderr.includes(old) && !run.stdout.includes(old));

    const again = await runCli(sys, headless, { stdin: `${password}\n` });
    assert.equal(again.json?.result, 'unchanged', again.stderr);
  });

  it('in Japanese too', async () => {
    const { sys } = seedMachine();
    const run = await runCli(sys, [...headless, '--dry-run', '--lang', 'ja'], { stdin: `${password}\n` });
    assert.equal(run.exit, 0, run.stderr);
    assert.match(run.stderr, /smtp_use_tls = yes: 廃止された設定です/);
    assert.match(run.stderr, /手作業で設定したときの名残です/);
  });

  it('remove puts every main.cf line back as the recipe had it, and not the old map', async () => {
    const { sys, postfix } = seedMachine();
    const before = postfix.explicit();
    assert.equal((await runCli(sys, headless, { stdin: `${password}\n` })).exit, 0);
    const removed = await runCli(sys, ['remove', '--yes', '--json', '--no-keychain']);
    assert.equal(removed.exit, 0, removed.stderr);
    assert.deepEqual(postfix.explicit(), before);
    for (const path of [
      '/etc/postfix/saslpass',
      '/etc/postfix/saslpass.db',
      '/etc/postfix/sasl_passwd',
      '/etc/postfix/postfix-gmail-wizard.saved',
    ]) {
      assert.equal(sys.files.get(path), undefined, path);
    }
  });

  it('status on the recipe: level may from smtp_use_tls, the deferred 535 named, problems, exit 1', async () => {
    const { sys, postfix } = seedMachine();
    postfix.queue.push(
      JSON.stringify({
        queue_name: 'deferred',
        queue_id: 'A1B2C3',
        arrival_time: 1764320000,
        message_size: 300,
        forced_expire: false,
        sender: 'root@vm',
        recipients: [
          {
            address: 'root@vm',
            delay_reason:
              'SASL authentication failed; server smtp.gmail.com[142.250.102.108] said: 535-5.7.8 Username and Password not accepted. For more information, go to?535 5.7.8  https://support.google.com/mail/?p=BadCredentials',
          },
        ],
      }),
    );
    const run = await runCli(sys, ['status', '--json', '--no-keychain']);
    assert.equal(run.exit, 1, run.stderr);
    const status = run.json?.status as unknown as {
      tlsLevel: string;
      tls: { obsolete?: string };
      queue: { reasons: { code: string; count: number }[] };
      problems: { code: string }[];
    };
    assert.equal(status.tlsLevel, 'may');
    assert.equal(status.tls.obsolete, 'smtp_use_tls = yes');
    assert.deepEqual(
      status.queue.reasons.map((r) => [r.code, r.count]),
      [['auth-bad-credentials', 1]],
    );
    const codes = status.problems.map((p) => p.code);
    for (const code of ['tls-unverified', 'obsolete-settings', 'deferred-auth', 'password-file-readable'])
      assert.ok(codes.includes(code), codes.join(' '));
    const plain = await runCli(sys, ['status', '--no-keychain']);
    assert.match(plain.stdout, /1 deferred \(1 × auth-bad-credentials\)/);
  });
});

// The unit layer of the same module, with its own helpers.
describe('unit layer', () => {
  const seed = legacySettings(
    { smtp_use_tls: 'yes', smtp_tls_CApath: '/etc/ssl/certs/ca-certificates.crt', disable_dns_lookups: 'yes' },
    { pathKinds: { '/etc/ssl/certs/ca-certificates.crt': 'file' } },
  );

  describe('planLegacy', () => {
    it("the plan's own values win; the rest of the replacements are set; the old values are kept for remove", () => {
      const part = planLegacy(seed, {
        smtp_tls_security_level: 'secure',
        smtp_tls_CAfile: '/etc/ssl/certs/ca-certificates.crt',
      });
      assert.deepEqual(part.settings, { smtp_dns_support_level: 'disabled' });
      assert.deepEqual(part.removeSettings.sort(), ['disable_dns_lookups', 'smtp_tls_CApath', 'smtp_use_tls']);
      assert.deepEqual(part.removed, {
        smtp_use_tls: 'yes',
        smtp_tls_CApath: '/etc/ssl/certs/ca-certificates.crt',
        disable_dns_lookups: 'yes',
      });
      assert.equal(part.shown.length, 3);
    });

    it('nothing to do on a clean main.cf', () => {
      assert.deepEqual(planLegacy([], { smtp_tls_security_level: 'secure' }), {
        settings: {},
        removeSettings: [],
        removed: {},
        shown: [],
      });
      assert.deepEqual(planLegacy(undefined, {}).removeSettings, []);
    });
  });

  describe('retiredMapFiles', () => {
    const map = (over: Partial<PasswordMapFacts>): PasswordMapFacts => ({
      type: 'hash',
      path: '/etc/postfix/saslpass',
      mode: 0o644,
      uid: 0,
      compiledCurrent: true,
      compiled: [{ path: '/etc/postfix/saslpass.db', mode: 0o644, uid: 0 }],
      ...over,
    });
    it('the source and its compiled files, when only smtp_sasl_password_maps named them', () => {
      assert.deepEqual(retiredMapFiles(map({}), '/etc/postfix/'), [
        '/etc/postfix/saslpass',
        '/etc/postfix/saslpass.db',
      ]);
    });
    it('none while something else names it, or outside the config directory (restore does not write there)', () => {
      assert.deepEqual(retiredMapFiles(map({ namedElsewhere: true }), '/etc/postfix'), []);
      assert.deepEqual(retiredMapFiles(map({ path: '/root/saslpass', compiled: [] }), '/etc/postfix'), []);
      assert.deepEqual(retiredMapFiles(undefined, '/etc/postfix'), []);
    });
    it('only the compiled file when the source is already gone', () => {
      assert.deepEqual(retiredMapFiles(map({ mode: undefined }), '/etc/postfix'), ['/etc/postfix/saslpass.db']);
    });
  });
});
