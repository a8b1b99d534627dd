// A password written inline in main.cf (issue 21): `smtp_sasl_password_maps = static:user:password` is
// valid Postfix. The wizard reads that value, replaces it, saves it for remove and shows it in the
// plan, status and doctor — the password part must never be printed (plan, diff, status, --json) and
// never land in a file others can read (the saved-values file is then root-only). remove puts it back.
import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { runWizard, type WizardRun } from '../../support/wizard-process.js';

const ACCOUNT = 'someone@gmail.com';
const PASSWORD = 'inlinenewpasswrd';
const INLINE = 'inlineOLDsecret9';

describe('a password written inline in main.cf', { skip: postfixSkipReason() }, () => {
  let lab: RelayLab;
  before(async () => {
    lab = await startRelayLab('inline-pw', { [ACCOUNT]: { password: PASSWORD } });
    await lab.postfix.postconf(
      '-e',
      `smtp_sasl_password_maps=static:old@gmail.com:${INLINE}`,
      'smtp_sasl_auth_enable=yes',
    );
  });
  after(async () => lab?.close());

  const dirs = () => lab.args().slice(lab.args().indexOf('--config-dir'));
  const never = (run: WizardRun, what: string) => {
    assert.ok(!run.stdout.includes(INLINE), `${what}: not on stdout`);
    assert.ok(!run.stderr.includes(INLINE), `${what}: not on stderr`);
  };
  const setup = (extra: string[]) =>
    runWizard(
      [...lab.args(), '--account', ACCOUNT, '--password-stdin', '--no-keychain', '--no-test', '--json', ...extra],
      {
        stdin: `${PASSWORD}\n`,
      },
    );

  it('status and doctor show it masked', async () => {
    const status = await runWizard(['status', '--json', ...dirs()]);
    never(status, 'status');
    assert.match(status.stdout, /static:old@gmail\.com:\*{8}/, 'the value is there, masked');
    never(await runWizard(['doctor', '--json', ...dirs()]), 'doctor');
  });

  it('the plan (--dry-run) and the setup never print it', async () => {
    never(await setup(['--dry-run']), 'the plan');
    const run = await setup(['--yes']);
    assert.equal(run.code, 0, run.stderr);
    never(run, 'setup');
  });

  it('no file others can read holds it; the saved-values file is root-only', async () => {
    const dir = lab.postfix.configDir;
    const saved = join(dir, 'postfix-gmail-wizard.saved');
    assert.ok((await readFile(saved, 'utf8')).includes(INLINE), 'remove needs the value: it is saved');
    for (const name of await readdir(dir)) {
      const path = join(dir, name);
      const info = await stat(path);
      if (info.isFile() && (await readFile(path)).includes(INLINE))
        assert.equal(info.mode & 0o077, 0, `${name} holds it and is mode ${(info.mode & 0o777).toString(8)}`);
    }
    never(await runWizard(['status', '--json', ...dirs()]), 'status after setup');
  });

  it('restore --list and the restore plan (--dry-run, plain and --json) never print it', async () => {
    const list = await runWizard(['restore', '--list', '--json', ...dirs()]);
    never(list, 'restore --list');
    const ids = (await readdir(join(lab.postfix.base, 'backups', 'postfix-gmail-wizard'))).filter((n) =>
      /^\d{8}T/.test(n),
    );
    assert.ok(ids.length > 0, 'setup made a backup');
    for (const extra of [[], ['--json']]) {
      const plan = await runWizard(['restore', ids.at(-1)!, '--dry-run', ...extra, ...dirs()]);
      assert.equal(plan.code, 0, plan.stderr);
      never(plan, `restore --dry-run ${extra.join(' ')}`);
    }
  });

  it('remove puts the inline value back, never through a command line (ps shows argv to every user)', async () => {
    // PGW_TRACE=1 prints every command's argv on stderr: exactly what another user's ps could have seen.
    const run = await runWizard(['remove', '--yes', '--json', ...dirs()], {
      env: { PGW_TRACE: '1' },
      secret: INLINE,
    });
    assert.equal(run.code, 0, run.stderr);
    never(run, 'remove');
    assert.deepEqual(run.leaks, [], 'no process showed it in its argv or environment');
    assert.equal(
      (await lab.postfix.postconf('-h', 'smtp_sasl_password_maps')).trim(),
      `static:old@gmail.com:${INLINE}`,
    );
  });
});
