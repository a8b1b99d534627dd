// The command-line contract (CLI.md) for what the user hands in, against a real Postfix and the fake
// Gmail: --password-file that is missing or empty (exit 2, the fix named, nothing changed) or
// readable by every user (a warning that names the file); and --no-loopback-only, which puts back
// what --loopback-only replaced — here a main.cf without inet_interfaces at all.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { parsePostconf } from '../../../src/postfix/postconf.js';
import { en } from '../../../src/ui/text/en.js';
import { assertOutcomeSchema } from '../../support/outcome-schema.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { checksums } from '../../support/secret-checks.js';
import { runWizard, type WizardRun } from '../../support/wizard-process.js';

const execFileP = promisify(execFile);
const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'zaqxswcdevfrbgtn';
const skip = postfixSkipReason();
const outcomeOf = (run: WizardRun) => {
  const outcome = JSON.parse(run.stdout);
  assertOutcomeSchema(outcome);
  return outcome;
};
const flat = (text: string) => text.replace(/[│┌└◇◆●▲■✔✖]/g, ' ').replace(/\s+/g, ' ');

describe('--password-file', { skip }, () => {
  let lab: RelayLab;
  const file = (name: string) => join(lab.tmp, name);
  const setup = (path: string) =>
    runWizard(
      [...lab.args(), '--account', ACCOUNT, '--password-file', path, '--no-keychain', '--yes', '--json', '--no-test'],
      { secret: PASSWORD },
    );

  before(async () => {
    lab = await startRelayLab('password-file', { [ACCOUNT]: { password: PASSWORD } });
  });
  after(async () => lab?.close());

  it('a file that does not exist: exit 2, the path and the fix named, nothing changed', async () => {
    const before = await checksums(lab.postfix.configDir);
    const run = await setup(file('no-such-file'));
    assert.equal(run.code, 2, run.stderr);
    const outcome = outcomeOf(run);
    assert.equal(outcome.error.code, 'password-file-missing');
    assert.equal(outcome.error.message, en['password.file.missing'].replace('{path}', file('no-such-file')));
    assert.equal(outcome.error.fix, en['password.fileFix']);
    assert.ok(flat(run.stderr).includes(flat(en['password.fileFix'])), run.stderr);
    assert.deepEqual(await checksums(lab.postfix.configDir), before);
  });

  it('an empty file: exit 2, "the app password is empty" and how to give one, nothing changed', async () => {
    await writeFile(file('empty'), '', { mode: 0o600 });
    const before = await checksums(lab.postfix.configDir);
    const run = await setup(file('empty'));
    assert.equal(run.code, 2, run.stderr);
    const outcome = outcomeOf(run);
    assert.equal(outcome.error.code, 'invalid-password');
    assert.equal(outcome.error.message, en['password.empty']);
    assert.match(outcome.error.fix, /--password-file/);
    assert.match(outcome.error.fix, /https:\/\/myaccount\.google\.com\/apppasswords/);
    assert.deepEqual(await checksums(lab.postfix.configDir), before);
    assert.equal(lab.gmail.auths.length, 0, 'no login was tried');
  });

  it('a file only root can read (0600): used without a warning', async () => {
    await writeFile(file('private'), `${PASSWORD}\n`, { mode: 0o600 });
    const run = await setup(file('private'));
    assert.equal(run.code, 0, run.stderr);
    assert.equal(outcomeOf(run).result, 'configured');
    assert.ok(!flat(run.stderr).includes('can be read by every user'), run.stderr);
    assert.deepEqual(run.leaks, []);
  });

  it('a file every user can read (0644): still used, with a warning naming the file and chmod 600', async () => {
    await writeFile(file('public'), `${PASSWORD}\n`);
    await chmod(file('public'), 0o644);
    const run = await setup(file('public'));
    assert.equal(run.code, 0, run.stderr);
    const outcome = outcomeOf(run);
    const warning = en['password.fileWorldReadable'].replace('{path}', file('public'));
    assert.ok(flat(run.stderr).includes(flat(warning)), run.stderr);
    assert.ok(
      outcome.warnings?.some((w: string) => w === warning),
      `the warning is in --json too: ${JSON.stringify(outcome.warnings)}`,
    );
  });
});

describe('--no-loopback-only puts back what --loopback-only replaced', { skip }, () => {
  let lab: RelayLab;
  const listening = async () => {
    const { stdout } = await execFileP('ss', ['-Hltn']);
    return stdout
      .split('\n')
      .map((l) => l.trim().split(/\s+/)[3] ?? '')
      .filter((a) => a.endsWith(`:${lab.postfix.smtpdPort}`))
      .sort();
  };
  const explicit = async () => parsePostconf(await lab.postfix.postconf('-n'));
  const setup = (...extra: string[]) =>
    runWizard([...lab.args(), '--account', ACCOUNT, '--no-keychain', '--yes', '--json', '--no-test', ...extra], {
      stdin: `${PASSWORD}\n`,
    });

  before(async () => {
    lab = await startRelayLab('no-loopback', { [ACCOUNT]: { password: PASSWORD } }, { start: false });
    // As many main.cf files have it: no inet_interfaces line (the default, all), smtpd on every address.
    await lab.postfix.postconf('-X', 'inet_interfaces');
    await lab.postfix.postconf('-MX', `127.0.0.1:${lab.postfix.smtpdPort}/inet`);
    await lab.postfix.postconf('-M', `${lab.postfix.smtpdPort}/inet=${lab.postfix.smtpdPort} inet n - y - - smtpd`);
    await lab.postfix.start();
  });
  after(async () => lab?.close());

  it('before: no inet_interfaces in main.cf, and Postfix listens on every address', async () => {
    assert.equal((await explicit()).inet_interfaces, undefined);
    assert.deepEqual(await listening(), [`0.0.0.0:${lab.postfix.smtpdPort}`]);
  });

  it('--loopback-only: inet_interfaces = loopback-only, and Postfix listens on 127.0.0.1 only', async () => {
    const run = await setup('--password-stdin', '--loopback-only');
    assert.equal(run.code, 0, run.stderr);
    assert.equal((await explicit()).inet_interfaces, 'loopback-only');
    assert.deepEqual(await listening(), [`127.0.0.1:${lab.postfix.smtpdPort}`]);
  });

  it('--no-loopback-only (the stored password reused): the setting is gone again, and Postfix listens on every address', async () => {
    const run = await setup('--no-loopback-only');
    assert.equal(run.code, 0, run.stderr);
    const outcome = outcomeOf(run);
    assert.equal(outcome.result, 'configured');
    assert.equal((await explicit()).inet_interfaces, undefined, 'put back as it was: not set at all');
    assert.deepEqual(await listening(), [`0.0.0.0:${lab.postfix.smtpdPort}`]);
    assert.equal((await explicit()).relayhost, `[localhost]:${lab.gmail.port}`, 'the relay itself stays');
  });

  it('--no-loopback-only again changes nothing', async () => {
    const before = await checksums(lab.postfix.configDir);
    const run = await setup('--no-loopback-only');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(outcomeOf(run).result, 'unchanged');
    assert.deepEqual(await checksums(lab.postfix.configDir), before);
  });
});
