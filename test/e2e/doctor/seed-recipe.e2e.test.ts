// A relay built by hand from the seed article (test/support/seed-recipe.ts) on
// Debian's real Postfix, with an app password the fake Gmail now refuses, and
// cron-like mail deferred with 535. Then, as issue 14 tried it:
//   - status names the level smtp_use_tls gives, why the mail waits, and the problems (exit 1);
//   - headless setup with a new account shows the superseded settings in its plan, takes them
//     out, deletes the old 0644 password map (it is in the root-only backup), leaves no password
//     file others can read, and the deferred mail goes out with the new login; status is clean;
//   - remove puts main.cf back as the recipe had it (every `postconf -n` line) and does not
//     bring back the old password map; `restore` of the setup's backup brings it back root-only.
import assert from 'node:assert/strict';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTransport } from 'nodemailer';
import { assertOutcomeSchema } from '../../support/outcome-schema.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { exposedCopies, filesContaining } from '../../support/secret-checks.js';
import { buildSeedRecipe, type SeedRecipe } from '../../support/seed-recipe.js';
import { runWizard } from '../../support/wizard-process.js';

const OLD = 'old@gmail.com';
const OLD_PASSWORD = 'revokedrevokedrv';
const NEW = 'new@gmail.com';
const NEW_PASSWORD = 'freshfreshfreshf';
const skip = postfixSkipReason();

interface Status {
  tlsLevel: string;
  tls: { source: string; obsolete?: string };
  queue: { deferred: number; reasons: { code: string; count: number; detail: string }[] };
  problems: { code: string; message: string }[];
}

describe('setup on a relay built by hand from the seed article (real Postfix)', { skip }, () => {
  // The old account's app password was revoked: Gmail answers 535 5.7.8 whatever it is sent.
  const accounts = { [OLD]: { password: OLD_PASSWORD, reply: '535' as const }, [NEW]: { password: NEW_PASSWORD } };
  let lab: RelayLab;
  let seed: SeedRecipe;
  let recipeMainCf: string;
  let setupBackup: string;
  const state = () => join(lab.postfix.base, 'state');
  const status = async (): Promise<{ code: number; status: Status; text: string }> => {
    const run = await runWizard([
      'status',
      '--json',
      '--config-dir',
      lab.postfix.configDir,
      '--state-dir',
      state(),
      '--no-keychain',
    ]);
    const document = JSON.parse(run.stdout);
    assertOutcomeSchema(document);
    return { code: run.code, status: document.status as Status, text: run.stderr };
  };
  const mode = async (path: string) => (await stat(path)).mode & 0o777;

  before(async () => {
    lab = await startRelayLab('e2e-seed', accounts, { start: false });
    seed = await buildSeedRecipe(lab, OLD, OLD_PASSWORD);
    await lab.postfix.start();
    recipeMainCf = await lab.postfix.postconf('-n');
    // Mail the way cron sends it, deferred by the refused login.
    const transport = createTransport({
      host: '127.0.0.1',
      port: lab.postfix.smtpdPort,
      secure: false,
      ignoreTLS: true,
    });
    const info = await transport.sendMail({
      from: 'root@localhost',
      to: 'waiting@example.com',
      subject: 'cron',
      text: 'deferred since the password was revoked',
    });
    transport.close();
    const queueId = /queued as (\w+)/.exec(info.response)?.[1];
    assert.ok(queueId, info.response);
    await lab.postfix.waitForLog(new RegExp(`${queueId}: to=<waiting@example\\.com>.*status=deferred.*535`));
  });
  after(async () => lab?.close());

  it('is the recipe: its password map and the .db are 0644, and the old login was refused', async () => {
    assert.equal(await mode(seed.saslpass), 0o644);
    assert.equal(await mode(`${seed.saslpass}.db`), 0o644);
    assert.ok(lab.gmail.auths.some((a) => a.user === OLD && !a.accepted));
  });

  it('status: the level smtp_use_tls gives and where from, why the mail waits, the problems; exit 1', async () => {
    const { code, status: s, text } = await status();
    assert.equal(code, 1, text);
    assert.equal(s.tlsLevel, 'may');
    assert.deepEqual(s.tls.obsolete, 'smtp_use_tls = yes');
    assert.match(text, /TLS level: may — main\.cf, from the obsolete smtp_use_tls = yes/);
    assert.equal(s.queue.deferred, 1);
    assert.deepEqual(
      s.queue.reasons.map((r) => [r.code, r.count]),
      [['auth-bad-credentials', 1]],
    );
    assert.match(s.queue.reasons[0]!.detail, /535/);
    const codes = s.problems.map((p) => p.code);
    for (const wanted of ['tls-unverified', 'obsolete-settings', 'deferred-auth', 'password-file-readable'])
      assert.ok(codes.includes(wanted), `${wanted} in ${codes.join(' ')}`);
    assert.match(
      s.problems.find((p) => p.code === 'obsolete-settings')!.message,
      /smtp_use_tls = yes[\s\S]*smtp_tls_CApath = /,
    );
    assert.ok(!JSON.stringify(s).includes(OLD_PASSWORD));
  });

  it('setup with a new account leaves it clean, and the deferred mail goes out with the new login', async () => {
    const before = lab.gmail.messages.length;
    const run = await runWizard(
      [
        ...lab.args(),
        '--account',
        NEW,
        '--password-stdin',
        '--to',
        'friend@example.com',
        '--no-keychain',
        '--yes',
        '--json',
        '--wait',
        '60',
      ],
      { stdin: `${NEW_PASSWORD}\n`, secret: NEW_PASSWORD },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.leaks, []);
    const outcome = JSON.parse(run.stdout);
    assert.equal(outcome.result, 'delivered');
    setupBackup = outcome.backupId;
    // The plan named what it supersedes, and the map it retires.
    assert.match(run.stderr, /smtp_use_tls = yes: obsolete/);
    assert.match(run.stderr, /smtp_tls_CApath = \S+: names a file/);
    assert.match(
      run.stderr,
      new RegExp(`password map main\\.cf named before \\(${seed.saslpass.replace(/[.]/g, '\\.')}\\)`),
    );
    assert.ok(!run.stderr.includes(OLD_PASSWORD) && !run.stdout.includes(OLD_PASSWORD));

    const mainCf = await lab.postfix.postconf('-n');
    assert.doesNotMatch(mainCf, /^smtp_use_tls /m);
    assert.doesNotMatch(mainCf, /^smtp_tls_CApath /m);
    assert.match(mainCf, /^smtp_tls_security_level = secure$/m);
    assert.match(mainCf, new RegExp(`^smtp_sasl_password_maps = hash:${lab.postfix.configDir}/sasl_passwd$`, 'm'));
    const left = await readdir(lab.postfix.configDir);
    assert.ok(!left.includes('saslpass') && !left.includes('saslpass.db'), left.join(' '));

    // No file holding either password is readable by others — the backup of the old map included.
    const dirs = [lab.postfix.configDir, join(lab.postfix.base, 'backups'), state()];
    assert.deepEqual(await exposedCopies(OLD_PASSWORD, ...dirs), []);
    assert.deepEqual(await exposedCopies(NEW_PASSWORD, ...dirs), []);
    assert.ok(
      (await filesContaining(OLD_PASSWORD, join(lab.postfix.base, 'backups'))).length > 0,
      'the old map is in the backup',
    );

    assert.deepEqual(outcome.flushed, { deferred: 1, sent: 1 });
    const arrived = lab.gmail.messages.slice(before).find((m) => m.rcptTo.includes('waiting@example.com'));
    assert.equal(arrived?.user, NEW);
  });

  it('status afterwards finds nothing wrong (exit 0): level secure from main.cf, an empty queue', async () => {
    const { code, status: s, text } = await status();
    assert.deepEqual(s.problems, [], text);
    assert.equal(code, 0);
    assert.equal(s.tlsLevel, 'secure');
    assert.equal(s.tls.obsolete, undefined);
    assert.deepEqual(s.queue.reasons, []);
  });

  it('remove puts every main.cf line of the recipe back, and never the old 0644 password map', async () => {
    const run = await runWizard([
      'remove',
      '--config-dir',
      lab.postfix.configDir,
      '--backup-dir',
      join(lab.postfix.base, 'backups'),
      '--state-dir',
      state(),
      '--no-keychain',
      '--yes',
      '--json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(await lab.postfix.postconf('-n'), recipeMainCf);
    const left = await readdir(lab.postfix.configDir);
    for (const name of ['saslpass', 'saslpass.db', 'sasl_passwd', 'sasl_passwd.db', 'postfix-gmail-wizard.saved'])
      assert.ok(!left.includes(name), `${name} in ${left.join(' ')}`);
    assert.deepEqual(await exposedCopies(OLD_PASSWORD, lab.postfix.configDir, join(lab.postfix.base, 'backups')), []);
  });

  it("restore of the setup's backup brings the recipe's map back, but root-only (0600), never 0644", async () => {
    const run = await runWizard([
      'restore',
      setupBackup,
      '--config-dir',
      lab.postfix.configDir,
      '--backup-dir',
      join(lab.postfix.base, 'backups'),
      '--state-dir',
      state(),
      '--yes',
      '--json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(await lab.postfix.postconf('-n'), recipeMainCf);
    for (const path of [seed.saslpass, `${seed.saslpass}.db`]) assert.equal(await mode(path), 0o600, path);
    assert.deepEqual(await exposedCopies(OLD_PASSWORD, lab.postfix.configDir, join(lab.postfix.base, 'backups')), []);
    assert.ok(!run.stderr.includes(OLD_PASSWORD) && !run.stdout.includes(OLD_PASSWORD));
  });
});
