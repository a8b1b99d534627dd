// The command line (src/options.ts): every CLI.md option, the commands' own flags, and what is
// refused with exit 2.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOptions } from '../../src/options.js';
import { ExitCode, UsageError } from '../../src/errors.js';

describe('parseOptions', () => {
  it("--backup-dir/--state-dir DIR mean a folder of the wizard's own inside DIR; the defaults stay", () => {
    const o = parseOptions(['remove', '--purge', '--state-dir', '/tmp', '--backup-dir', '/srv/keep/']);
    assert.equal(o.stateDir, '/tmp/postfix-gmail-wizard');
    assert.equal(o.backupDir, '/srv/keep/postfix-gmail-wizard');
    assert.equal(o.purge, true);
    assert.equal(parseOptions(['--state-dir', '/']).stateDir, '/postfix-gmail-wizard');
    assert.equal(
      parseOptions(['--backup-dir', '/var/backups/postfix-gmail-wizard']).backupDir,
      '/var/backups/postfix-gmail-wizard',
    );
    const d = parseOptions([]);
    assert.equal(d.stateDir, '/var/lib/postfix-gmail-wizard');
    assert.equal(d.backupDir, '/var/backups/postfix-gmail-wizard');
    assert.equal(d.purge, false);
  });
  it('defaults to setup with the test and the keychain on', () => {
    const o = parseOptions([]);
    assert.equal(o.command, 'setup');
    assert.equal(o.test, true);
    assert.equal(o.keychain, true);
  });
  it('reads every CLI.md option', () => {
    const o = parseOptions([
      'setup',
      '--account',
      'a@gmail.com',
      '--password-file',
      '/root/pw',
      '--relay',
      'smtp.gmail.com:465',
      '--ca-file',
      '/ca.pem',
      '--config-dir',
      '/etc/pf',
      '--to',
      'b@x.org',
      '--no-test',
      '--no-keychain',
      '--install',
      '-y',
      '--dry-run',
      '--non-interactive',
      '--json',
      '--no-map-senders',
      '--root-alias',
      'me@x.org',
      '--loopback-only',
      '--lang',
      'ja',
    ]);
    assert.equal(o.account, 'a@gmail.com');
    assert.equal(o.passwordFile, '/root/pw');
    assert.equal(o.relay, 'smtp.gmail.com:465');
    assert.equal(o.caFile, '/ca.pem');
    assert.equal(o.configDir, '/etc/pf');
    assert.equal(o.to, 'b@x.org');
    assert.deepEqual(
      [o.test, o.keychain, o.install, o.yes, o.dryRun, o.nonInteractive, o.json],
      [false, false, true, true, true, true, true],
    );
    assert.deepEqual([o.mapSenders, o.rootAlias, o.loopbackOnly, o.lang], [false, 'me@x.org', true, 'ja']);
  });
  it('takes restore ID and --list', () => {
    assert.equal(parseOptions(['restore', '20261128T090000000Z']).backupId, '20261128T090000000Z');
    assert.equal(parseOptions(['restore', '--list']).list, true);
  });
  it('refuses a password value, unknown commands and options with exit 2', () => {
    for (const argv of [
      ['--password', 'x'],
      ['--password=x'],
      ['frobnicate'],
      ['--bogus'],
      ['--lang', 'fr'],
      ['--password-stdin', '--password-file', 'f'],
      ['status', 'extra'],
    ]) {
      assert.throws(
        () => parseOptions(argv),
        (e: { exitCode?: number }) => e.exitCode === 2,
        argv.join(' '),
      );
    }
  });
});

describe('--auth and its flags', () => {
  it('reads --auth, --oauth-client and --oauth-token-file', () => {
    const o = parseOptions(['--auth', 'oauth', '--oauth-client', 'c.json', '--oauth-token-file', 't.json']);
    assert.deepEqual([o.auth, o.oauthClient, o.oauthTokenFile], ['oauth', 'c.json', 't.json']);
    assert.equal(parseOptions([]).auth, undefined);
    assert.equal(parseOptions(['--auth', 'none']).auth, 'none');
  });

  it('refuses, with exit 2, a flag that belongs to another way of signing in', () => {
    for (const argv of [
      ['--auth', 'kerberos'],
      ['--oauth-client', 'c.json'],
      ['--auth', 'none', '--oauth-token-file', 't.json'],
      ['--auth', 'none', '--password-stdin'],
      ['--auth', 'oauth', '--password-file', '/root/pw'],
      ['--auth', 'none', '--senders', '@example.org'],
    ]) {
      assert.throws(
        () => parseOptions(argv),
        (e: { exitCode?: number; message?: string }) =>
          e.exitCode === 2 && /--(auth|oauth|senders)/.test(e.message ?? ''),
        argv.join(' '),
      );
    }
  });
});

// --state-dir/--backup-dir name where root keeps its lock, journal and
// backups: a relative path would mean whatever folder the run started in.
describe('--state-dir/--backup-dir must be absolute', () => {
  for (const flag of ['--state-dir', '--backup-dir']) {
    for (const value of ['state', './state', '../var', 'postfix-gmail-wizard', '']) {
      it(`${flag} ${JSON.stringify(value)}: a usage error naming ${flag} and asking for an absolute path`, () => {
        assert.throws(
          () => parseOptions(['remove', flag, value]),
          (error: unknown) => {
            assert.ok(error instanceof UsageError);
            assert.equal(error.exitCode, ExitCode.usage);
            assert.match(error.message, new RegExp(`${flag}`));
            assert.match(`${error.message} ${error.fix}`, /absolute/);
            return true;
          },
        );
      });
    }
  }
  it('absolute ones are taken as before', () => {
    assert.equal(parseOptions(['--state-dir', '/srv/s']).stateDir, '/srv/s/postfix-gmail-wizard');
  });
});

it('doctor takes --fix (with --yes, --json, --config-dir); another command refuses --fix', () => {
  const options = parseOptions(['doctor', '--fix', '--yes', '--json', '--config-dir', '/etc/postfix']);
  assert.equal(options.command, 'doctor');
  assert.equal(options.fix, true);
  assert.equal(parseOptions(['doctor']).fix, false);
  assert.throws(
    () => parseOptions(['setup', '--fix']),
    (e) => e instanceof UsageError && e.exitCode === 2,
  );
});
