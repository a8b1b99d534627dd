// Several Gmail accounts on one machine (issue 15), against Debian's real Postfix (a private instance)
// and a fake Gmail that knows two accounts and records which login carried each message:
//   - mail from a listed sender (sendmail -f) goes out through the second account's login, root's
//     through the default's; test --from says which account it went through;
//   - a wrong password for a second account, a sender listed twice or another account's, change nothing;
//   - every identical re-run changes nothing; remove --account sends those senders through the default again.
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertOutcomeSchema } from '../../support/outcome-schema.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { sendmail } from '../../support/sendmail.js';
import { checksums } from '../../support/secret-checks.js';
import { runWizard } from '../../support/wizard-process.js';
import { keyringSkipReason, startKeyringSession, type KeyringSession } from '../../support/keyring-session.js';

const DEFAULT = 'someone@gmail.com';
const DEFAULT_PW = 'qwertyuiopasdfgh';
const BILLING = 'billing@company.example';
const BILLING_PW = 'zxcvbnmlkjhgfdsa';
const skip = postfixSkipReason();

describe('several Gmail accounts: mail goes out through the account of its envelope sender', { skip }, () => {
  let lab: RelayLab;
  before(async () => {
    lab = await startRelayLab('e2e-accounts', {
      [DEFAULT]: { password: DEFAULT_PW },
      [BILLING]: { password: BILLING_PW },
    });
  });
  after(async () => lab?.close());

  const common = () => [...lab.args(), '--no-keychain', '--yes', '--json', '--wait', '60'];
  const addBilling = (extra: string[] = []) => [
    ...common(),
    '--account',
    BILLING,
    '--senders',
    `${BILLING},@invoices.example`,
    '--password-stdin',
    ...extra,
  ];
  /** The message with this subject, once the fake Gmail has it (each subject is used once). */
  const arrivalFor = async (subject: string) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const message = lab.gmail.messages.find((m) => m.headers.subject === subject);
      if (message) return message;
      if (Date.now() > deadline)
        throw new Error(
          `no message "${subject}"; AUTH: ${lab.gmail.auths.map((a) => `${a.user} ${a.accepted}`).join(', ')}`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('the default account first (no --senders)', async () => {
    const run = await runWizard([...common(), '--account', DEFAULT, '--password-stdin', '--no-test'], {
      stdin: `${DEFAULT_PW}\n`,
      secret: DEFAULT_PW,
    });
    assert.equal(run.code, 0, run.stderr);
  });

  it('--senders before any check: a sender listed twice is exit 2, nothing changed, no login tried', async () => {
    const before = await checksums(lab.postfix.configDir);
    const auths = lab.gmail.auths.length;
    const run = await runWizard(
      [...common(), '--account', BILLING, '--senders', `${BILLING},Billing@Company.example`, '--password-stdin'],
      { stdin: `${BILLING_PW}\n` },
    );
    assert.equal(run.code, 2, run.stderr);
    assert.equal(JSON.parse(run.stdout).error.code, 'duplicate-sender');
    assert.equal(lab.gmail.auths.length, auths);
    assert.deepEqual(await checksums(lab.postfix.configDir), before);
  });

  it('a wrong password for the second account: the pre-flight refuses it, no byte of the configuration changes', async () => {
    const before = await checksums(lab.postfix.configDir);
    const run = await runWizard(addBilling(), { stdin: 'aaaabbbbccccdddd\n', secret: 'aaaabbbbccccdddd' });
    assert.equal(run.code, 1, run.stderr);
    assert.equal(JSON.parse(run.stdout).error.code, 'preflight-auth-bad-credentials');
    assert.deepEqual(await checksums(lab.postfix.configDir), before);
  });

  it('--senders adds the account next to the default one, and the closing test goes out as that account', async () => {
    const run = await runWizard(addBilling(['--to', 'friend@example.com']), {
      stdin: `${BILLING_PW}\n`,
      secret: BILLING_PW,
    });
    assert.equal(run.code, 0, run.stderr);
    const outcome = JSON.parse(run.stdout);
    assertOutcomeSchema(outcome);
    assert.equal(outcome.result, 'delivered');
    assert.equal(outcome.test.from, BILLING);
    assert.equal(outcome.test.account, BILLING);
    const test = lab.gmail.messages.find((m) => m.rcptTo.includes('friend@example.com'));
    assert.equal(test?.user, BILLING, 'the fake Gmail saw the second account log in for it');
    assert.equal(test?.mailFrom, BILLING);
    assert.match(run.stderr, /Postfix logs in as billing@company\.example/);
    assert.deepEqual(run.leaks, []);

    const dir = lab.postfix.configDir;
    const map = await readFile(join(dir, 'sasl_passwd'), 'utf8');
    assert.match(
      map,
      new RegExp(`^\\[localhost\\]:${lab.gmail.port} ${DEFAULT}:${DEFAULT_PW}$`, 'm'),
      'the default account stays',
    );
    assert.match(map, new RegExp(`^${BILLING} ${BILLING}:${BILLING_PW}$`, 'm'));
    assert.match(map, new RegExp(`^@invoices\\.example ${BILLING}:${BILLING_PW}$`, 'm'));
    for (const file of ['sasl_passwd', 'sasl_passwd.db'])
      assert.equal((await stat(join(dir, file))).mode & 0o777, 0o600, file);
    assert.match(
      await readFile(join(dir, 'sender_relay'), 'utf8'),
      new RegExp(`^${BILLING} \\[localhost\\]:${lab.gmail.port}$`, 'm'),
    );
    await stat(join(dir, 'sender_relay.db'));
    const settings = await lab.postfix.postconf(
      '-h',
      'smtp_sender_dependent_authentication',
      'sender_dependent_relayhost_maps',
    );
    assert.deepEqual(settings.trim().split('\n'), ['yes', `hash:${dir}/sender_relay`]);
  });

  it('sendmail -f a listed sender (and a sender of the listed domain) goes through the second account; root through the default', async () => {
    await sendmail(lab.postfix, 'friend@example.com', { from: BILLING, subject: 'invoice 1', body: 'invoice 1' });
    assert.equal((await arrivalFor('invoice 1')).user, BILLING);
    await sendmail(lab.postfix, 'friend@example.com', {
      from: 'clerk@invoices.example',
      subject: 'invoice 2',
      body: 'invoice 2',
    });
    assert.equal((await arrivalFor('invoice 2')).user, BILLING);
    await sendmail(lab.postfix, 'friend@example.com', { from: 'root', subject: 'cron output', body: 'cron output' });
    assert.equal((await arrivalFor('cron output')).user, DEFAULT);
  });

  it('the identical run again changes nothing (result unchanged)', async () => {
    const before = await checksums(lab.postfix.configDir);
    const run = await runWizard(addBilling(['--no-test']), { stdin: `${BILLING_PW}\n` });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).result, 'unchanged');
    assert.deepEqual(await checksums(lab.postfix.configDir), before);
  });

  it('a sender that already belongs to another account: exit 2, sender-taken, nothing changed', async () => {
    const before = await checksums(lab.postfix.configDir);
    const run = await runWizard(
      [...common(), '--account', 'ops@gmail.com', '--senders', `ops@gmail.com,${BILLING}`, '--password-stdin'],
      { stdin: `${DEFAULT_PW}\n` },
    );
    assert.equal(run.code, 2, run.stderr);
    const outcome = JSON.parse(run.stdout);
    assert.equal(outcome.error.code, 'sender-taken');
    assert.match(outcome.error.fix, /remove --account billing@company\.example/);
    assert.deepEqual(await checksums(lab.postfix.configDir), before);
  });

  it('status lists both accounts with their senders', async () => {
    const run = await runWizard([
      'status',
      '--json',
      '--no-keychain',
      '--config-dir',
      lab.postfix.configDir,
      '--state-dir',
      join(lab.postfix.base, 'state'),
    ]);
    assert.equal(run.code, 0, run.stderr);
    const outcome = JSON.parse(run.stdout);
    assertOutcomeSchema(outcome);
    assert.deepEqual(
      outcome.status.accounts.map((a: { account: string; default: boolean; senders: string[] }) => [
        a.account,
        a.default,
        a.senders,
      ]),
      [
        [DEFAULT, true, []],
        [BILLING, false, [BILLING, '@invoices.example']],
      ],
    );
  });

  it('test --from a listed sender names the second account and the fake saw its login', async () => {
    const run = await runWizard([
      'test',
      '--from',
      'clerk@invoices.example',
      '--to',
      'boss@example.com',
      '--json',
      '--wait',
      '60',
      '--config-dir',
      lab.postfix.configDir,
      '--state-dir',
      join(lab.postfix.base, 'state'),
    ]);
    assert.equal(run.code, 0, run.stderr);
    const outcome = JSON.parse(run.stdout);
    assert.equal(outcome.test.account, BILLING);
    assert.equal(lab.gmail.messages.find((m) => m.rcptTo.includes('boss@example.com'))?.user, BILLING);
  });

  it('remove --account of the default while the second remains: refused (exit 2) with the fix, nothing changed', async () => {
    const before = await checksums(lab.postfix.configDir);
    const run = await runWizard(['remove', '--account', DEFAULT, ...lab.args().slice(4), '--yes', '--json']);
    assert.equal(run.code, 2, run.stderr);
    assert.equal(JSON.parse(run.stdout).error.code, 'remove-default-account');
    assert.deepEqual(await checksums(lab.postfix.configDir), before);
  });

  it('remove --account of the second: its senders go through the default again; the default stays', async () => {
    const run = await runWizard(['remove', '--account', BILLING, ...lab.args().slice(4), '--yes', '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).result, 'removed');
    const dir = lab.postfix.configDir;
    const map = await readFile(join(dir, 'sasl_passwd'), 'utf8');
    assert.ok(!map.includes(BILLING_PW), 'the second password left the map');
    assert.match(map, new RegExp(`^\\[localhost\\]:${lab.gmail.port} ${DEFAULT}:`, 'm'));
    await assert.rejects(stat(join(dir, 'sender_relay')), { code: 'ENOENT' });
    assert.equal((await lab.postfix.postconf('-n')).includes('sender_dependent'), false);
    await sendmail(lab.postfix, 'friend@example.com', { from: BILLING, subject: 'invoice 3', body: 'invoice 3' });
    assert.equal((await arrivalFor('invoice 3')).user, DEFAULT);
  });
});

describe('several accounts with --map-senders: the account is chosen before the sender is rewritten', { skip }, () => {
  const OPS = 'ops@gmail.com';
  const OPS_PW = 'ppppoooouuuuyyyy';
  let lab: RelayLab;
  before(async () => {
    lab = await startRelayLab('e2e-accounts-map', { [DEFAULT]: { password: DEFAULT_PW }, [OPS]: { password: OPS_PW } });
  });
  after(async () => lab?.close());
  const common = () => [...lab.args(), '--no-keychain', '--yes', '--json', '--no-test'];
  const arrivalFor = async (subject: string) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const message = lab.gmail.messages.find((m) => m.headers.subject === subject);
      if (message) return message;
      if (Date.now() > deadline) throw new Error(`no message "${subject}"`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('a listed local sender logs in as its account and leaves as that account; root as the default, rewritten to it', async () => {
    const origin = (await lab.postfix.postconf('-xh', 'myhostname')).trim();
    const alerts = `alerts@${origin}`;
    const first = await runWizard([...common(), '--account', DEFAULT, '--password-stdin', '--map-senders'], {
      stdin: `${DEFAULT_PW}\n`,
    });
    assert.equal(first.code, 0, first.stdout);
    const run = await runWizard([...common(), '--account', OPS, '--senders', alerts, '--password-stdin'], {
      stdin: `${OPS_PW}\n`,
    });
    assert.equal(run.code, 0, run.stdout);
    const generic = await readFile(join(lab.postfix.configDir, 'gmail_generic'), 'utf8');
    assert.match(generic, new RegExp(`^${alerts.replace(/\./g, '\\.')}\t${OPS}$`, 'm'));

    await sendmail(lab.postfix, 'friend@example.com', { from: alerts, subject: 'disk alert', body: 'disk alert' });
    const alert = await arrivalFor('disk alert');
    assert.equal(alert.user, OPS, 'logged in as the account listed for the original sender');
    assert.equal(alert.mailFrom, OPS, 'and rewritten to that account, not to the default');
    await sendmail(lab.postfix, 'friend@example.com', { from: 'root', subject: 'cron job', body: 'cron job' });
    const cron = await arrivalFor('cron job');
    assert.equal(cron.user, DEFAULT);
    assert.equal(cron.mailFrom, DEFAULT);

    const removed = await runWizard(['remove', '--account', OPS, ...lab.args().slice(4), '--yes', '--json']);
    assert.equal(removed.code, 0, removed.stderr);
    assert.ok(
      !(await readFile(join(lab.postfix.configDir, 'gmail_generic'), 'utf8')).includes(OPS),
      'the generic map follows the removal',
    );
    await sendmail(lab.postfix, 'friend@example.com', { from: alerts, subject: 'disk alert 2', body: 'disk alert 2' });
    const after = await arrivalFor('disk alert 2');
    assert.equal(after.user, DEFAULT);
    assert.equal(after.mailFrom, DEFAULT);
  });
});

describe('several accounts and the keychain (a real gnome-keyring): each password under its own account', {
  skip: skip ?? keyringSkipReason(),
}, () => {
  let lab: RelayLab;
  let keyring: KeyringSession;
  before(async () => {
    lab = await startRelayLab('e2e-accounts-kc', {
      [DEFAULT]: { password: DEFAULT_PW },
      [BILLING]: { password: BILLING_PW },
    });
    keyring = await startKeyringSession();
  });
  after(async () => {
    await keyring?.close();
    await lab?.close();
  });
  const lookup = async (username: string) =>
    (await keyring.secretTool(['lookup', 'service', 'postfix-gmail-wizard', 'username', username])).stdout;

  it('stores both under "account [host]:port"; a re-run of --senders without a password uses the keychain\'s and changes nothing; remove --account --purge deletes only that entry', async () => {
    const common = [...lab.args(), '--yes', '--json', '--no-test'];
    const first = await runWizard([...common, '--account', DEFAULT, '--password-stdin'], {
      stdin: `${DEFAULT_PW}\n`,
      env: keyring.env,
    });
    assert.equal(first.code, 0, first.stderr);
    const add = await runWizard([...common, '--account', BILLING, '--senders', BILLING, '--password-stdin'], {
      stdin: `${BILLING_PW}\n`,
      env: keyring.env,
      secret: BILLING_PW,
    });
    assert.equal(add.code, 0, add.stderr);
    assert.equal(JSON.parse(add.stdout).keychain, 'stored');
    assert.equal(await lookup(`${DEFAULT} [localhost]:${lab.gmail.port}`), DEFAULT_PW);
    assert.equal(await lookup(`${BILLING} [localhost]:${lab.gmail.port}`), BILLING_PW);

    const before = await checksums(lab.postfix.configDir);
    const auths = lab.gmail.auths.length;
    const again = await runWizard([...common, '--account', BILLING, '--senders', BILLING], {
      env: keyring.env,
      secret: BILLING_PW,
    });
    assert.equal(again.code, 0, again.stderr);
    const outcome = JSON.parse(again.stdout);
    assert.equal(outcome.result, 'unchanged');
    assert.equal(outcome.keychain, 'used');
    assert.deepEqual(
      lab.gmail.auths.slice(auths).map((a) => [a.user, a.accepted]),
      [[BILLING, true]],
      'the pre-flight logged in as the second account',
    );
    assert.deepEqual(await checksums(lab.postfix.configDir), before);

    const status = await runWizard(
      ['status', '--json', '--config-dir', lab.postfix.configDir, '--state-dir', join(lab.postfix.base, 'state')],
      { env: keyring.env },
    );
    assert.deepEqual(
      JSON.parse(status.stdout).status.accounts.map((a: { keychain: string }) => a.keychain),
      ['stored', 'stored'],
    );

    const removed = await runWizard(
      ['remove', '--account', BILLING, '--purge', ...lab.args().slice(4), '--yes', '--json'],
      { env: keyring.env },
    );
    assert.equal(removed.code, 0, removed.stderr);
    assert.deepEqual(JSON.parse(removed.stdout).purged, { backups: [], accounts: 1 });
    assert.equal(await lookup(`${BILLING} [localhost]:${lab.gmail.port}`), '', "the removed account's entry is gone");
    assert.equal(await lookup(`${DEFAULT} [localhost]:${lab.gmail.port}`), DEFAULT_PW, "the default account's stays");
  });
});
