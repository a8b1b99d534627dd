// --auth none: Google Workspace's SMTP relay service admitting this machine by its address. The
// built CLI against a real private Postfix and the fake Gmail in relay mode, admitting 127.0.0.1 or
// not: admitted, Postfix relays without any login over verified TLS and no password map exists;
// refused, the wizard names the address Google saw and the Admin console setting, exit 1, and
// nothing on disk changed. Switching an app password to it and back (issue 23): no SASL setting or
// password map stays while no login is used, and the login comes back with the password.
import assert from 'node:assert/strict';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertOutcomeSchema } from '../../support/outcome-schema.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { checksums } from '../../support/secret-checks.js';
import { runWizard } from '../../support/wizard-process.js';

const ACCOUNT = 'ops@example.org';
const skip = postfixSkipReason();
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe('--auth none against a relay that admits by address', { skip }, () => {
  let lab: RelayLab;
  const relay = { allowed: [] as string[] };
  before(async () => {
    lab = await startRelayLab('auth-none', {}, { relay });
  });
  after(async () => lab?.close());

  const args = () => [...lab.args(), '--account', ACCOUNT, '--auth', 'none', '--yes', '--json', '--wait', '60'];

  it('refused: names the address Google saw and the Admin console setting, exit 1, nothing written', async () => {
    relay.allowed = [];
    const before = await checksums(lab.postfix.configDir);
    const run = await runWizard(args());
    assert.equal(run.code, 1, run.stderr);
    const outcome = JSON.parse(run.stdout);
    assertOutcomeSchema(outcome);
    assert.equal(outcome.error.code, 'preflight-relay-address-refused');
    assert.match(outcome.error.message, /Google saw this machine as 127\.0\.0\.1/);
    assert.match(outcome.error.fix, /SMTP relay service.*Allowed senders \/ IP addresses/);
    assert.match(run.stderr, /127\.0\.0\.1/);
    assert.deepEqual(await checksums(lab.postfix.configDir), before);
    assert.equal(lab.gmail.messages.length, 0);
  });

  it('admitted: relays with no login and no password map, TLS verified (exit 0)', async () => {
    relay.allowed = ['127.0.0.1'];
    const run = await runWizard(args());
    assert.equal(run.code, 0, run.stderr);
    const outcome = JSON.parse(run.stdout);
    assertOutcomeSchema(outcome);
    assert.equal(outcome.auth, 'none');
    assert.equal(outcome.result, 'delivered');
    const message = await lab.gmail.waitForMessage();
    assert.equal(message.user, undefined, 'no login');
    assert.equal(message.secure, true);
    assert.deepEqual(lab.gmail.auths, []);
    assert.equal(await exists(join(lab.postfix.configDir, 'sasl_passwd')), false);
    const settings = await lab.postfix.postconf('-n');
    // The login settings (the instance's own smtp_sasl_auth_cache_* may stay: they only cache a login that never happens).
    assert.doesNotMatch(settings, /^smtp_sasl_(auth_enable|password_maps|tls_security_options|mechanism_filter) =/m);
    assert.match(settings, /^smtp_tls_security_level = secure$/m);
    assert.match(settings, new RegExp(`^relayhost = \\[localhost\\]:${lab.gmail.port}$`, 'm'));
  });

  it('status says no login is in use', async () => {
    const run = await runWizard(['status', ...lab.args().slice(4), '--json']);
    const outcome = JSON.parse(run.stdout);
    assertOutcomeSchema(outcome);
    assert.equal(outcome.auth, 'none');
    assert.equal(outcome.status.auth, 'none');
  });

  it('remove takes the relay out again', async () => {
    const run = await runWizard(['remove', ...lab.args().slice(4), '--yes', '--json']); // without --relay and --ca-file
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).result, 'removed');
    assert.doesNotMatch(await lab.postfix.postconf('-n'), /^relayhost = \[localhost\]/m);
  });
});

describe('app password → --auth none → app password on the real Postfix', { skip }, () => {
  const PASSWORD = 'switchpasswordab';
  let lab: RelayLab;
  before(async () => {
    lab = await startRelayLab(
      'auth-switch',
      { [ACCOUNT]: { password: PASSWORD } },
      { relay: { allowed: ['127.0.0.1'] } },
    );
  });
  after(async () => lab?.close());
  const setup = (...more: string[]) => [
    ...lab.args(),
    '--account',
    ACCOUNT,
    '--no-keychain',
    '--yes',
    '--json',
    '--wait',
    '60',
    ...more,
  ];
  const sasl = async () => (await lab.postfix.postconf('-n')).split('\n').filter((l) => l.startsWith('smtp_sasl_'));

  it('each switch delivers its own way and leaves nothing of the other', async () => {
    const first = await runWizard(setup('--password-stdin'), { stdin: `${PASSWORD}\n` });
    assert.equal(first.code, 0, first.stderr);
    assert.equal(JSON.parse(first.stdout).result, 'delivered');
    assert.equal((await lab.gmail.waitForMessage()).user, ACCOUNT, 'signed in with the password');
    assert.ok((await sasl()).length > 0);

    const none = await runWizard(setup('--auth', 'none'));
    assert.equal(none.code, 0, none.stderr);
    assert.equal(JSON.parse(none.stdout).auth, 'none');
    assert.equal(lab.gmail.messages.at(-1)?.user, undefined, 'no login');
    assert.deepEqual(await sasl(), [], 'no SASL setting, the login cache included');
    assert.equal(await exists(join(lab.postfix.configDir, 'sasl_passwd')), false);
    assert.equal(await exists(join(lab.postfix.configDir, 'sasl_passwd.db')), false);

    const logins = lab.gmail.auths.length;
    const back = await runWizard(setup('--auth', 'app-password', '--password-stdin'), { stdin: `${PASSWORD}\n` });
    assert.equal(back.code, 0, back.stderr);
    assert.equal(JSON.parse(back.stdout).result, 'delivered');
    assert.equal(lab.gmail.messages.at(-1)?.user, ACCOUNT, 'signed in again');
    assert.ok(lab.gmail.auths.slice(logins).some((a) => a.user === ACCOUNT && a.accepted));
    const settings = (await sasl()).join('\n');
    assert.match(settings, /^smtp_sasl_auth_enable = yes$/m);
    assert.match(settings, /^smtp_sasl_auth_cache_time = 1d$/m);
    assert.doesNotMatch(settings, /mechanism_filter/);
  });
});
