// offerInstall called by itself with the context it declares (sys, ui, options, argv): on Ubuntu
// 24.04 without libsasl2-modules the install is offered, declined, skipped headless, done with
// --install, only shown with --dry-run, refused without root, and a failed apt-get stops the run.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WizardError } from '../../../src/errors.js';
import { offerInstall } from '../../../src/flow/detect/install.js';
import { detect } from '../../../src/flow/detect/detect.js';
import { inLanguage, t, wordsFor } from '../../../src/ui/messages.js';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';
import { changingCommands, stepContext } from '../../support/step-context.js';

const pluginDir = '/usr/lib/x86_64-linux-gnu/sasl2';
const aptGet =
  'apt-get install -y --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold libsasl2-modules';
/** As the install's messages show it: with the environment it runs in. */
const aptGetShown = `DEBIAN_FRONTEND=noninteractive ${aptGet}`;
const ok = (stdout = '') => ({ exitCode: 0, stdout, stderr: '' });

/** Ubuntu 24.04 with Postfix running and no SASL plugins; apt-get brings them. */
function ubuntu(): FakeSystem {
  const sys = new FakeSystem();
  installFakePostfix(sys, { fixture: 'ubuntu-24.04' });
  sys.on('systemctl', () => ok());
  sys.on('apt-get', () => {
    for (const name of ['plain', 'login']) sys.put(`${pluginDir}/lib${name}.so`, '');
    return ok('Setting up libsasl2-modules:amd64 (2.1.28+dfsg1-5ubuntu3.1) ...\n');
  });
  return sys;
}

describe('offerInstall', () => {
  it('nothing missing: the same facts back, nothing shown, asked or run', async () => {
    const ctx = stepContext([]);
    installFakePostfix(ctx.sys);
    const facts = await detect(ctx.sys, undefined);
    assert.equal(await offerInstall(ctx, facts), facts);
    assert.deepEqual(ctx.ui.shown, []);
    assert.deepEqual(ctx.ui.asked, []);
    assert.deepEqual(changingCommands(ctx.sys), []);
  });

  it('interactive, accepted: apt-get under a spinner, its output logged 0600, Postfix reloaded, the facts read again', async () => {
    const ctx = stepContext([], { sys: ubuntu(), answers: [true] });
    const before = await detect(ctx.sys, undefined);
    const after = await offerInstall(ctx, before);
    assert.deepEqual(ctx.ui.asked, [t('install.confirm')]);
    assert.ok(
      ctx.ui.shown.some((l) => l.startsWith(`note: ${t('install.title')}`) && l.includes(aptGet)),
      ctx.ui.transcript,
    );
    assert.deepEqual(changingCommands(ctx.sys), [aptGet, 'systemctl reload postfix']);
    const logPath = '/var/lib/postfix-gmail-wizard/logs/install-20261128T090000000Z.log';
    const call = ctx.sys.calls.find((c) => c.file === 'apt-get');
    assert.equal(call?.logged, logPath);
    assert.equal(call?.env?.DEBIAN_FRONTEND, 'noninteractive');
    assert.match(ctx.sys.text(logPath) ?? '', /Setting up libsasl2-modules/);
    assert.equal(ctx.sys.files.get(logPath)?.mode, 0o600);
    assert.ok(ctx.ui.shown.includes(`done: ${t('install.done', { command: aptGetShown })}`), ctx.ui.transcript);
    assert.equal(before.saslPlugins.plain, false);
    assert.deepEqual(after.saslPlugins, { plain: true, login: true, dir: pluginDir });
    assert.equal(after.postfix?.running, true);
  });

  it('interactive, declined: the facts as they were, nothing run, and how to install named', async () => {
    const ctx = stepContext([], { sys: ubuntu(), answers: [false] });
    const facts = await detect(ctx.sys, undefined);
    assert.equal(await offerInstall(ctx, facts), facts);
    assert.deepEqual(ctx.ui.asked, [t('install.confirm')]);
    assert.ok(ctx.ui.shown.includes(`info: ${t('install.notDone')}`), ctx.ui.transcript);
    assert.deepEqual(changingCommands(ctx.sys), []);
  });

  it('headless without --install: not asked, nothing run', async () => {
    const ctx = stepContext(['--yes'], { sys: ubuntu(), headless: true });
    const facts = await detect(ctx.sys, undefined);
    assert.equal(await offerInstall(ctx, facts), facts);
    assert.deepEqual(ctx.ui.asked, []);
    assert.ok(ctx.ui.shown.includes(`info: ${t('install.notDone')}`), ctx.ui.transcript);
    assert.deepEqual(changingCommands(ctx.sys), []);
  });

  it('headless with --install: installed without a question', async () => {
    const ctx = stepContext(['--install', '--yes'], { sys: ubuntu(), headless: true });
    const after = await offerInstall(ctx, await detect(ctx.sys, undefined));
    assert.deepEqual(ctx.ui.asked, []);
    assert.deepEqual(changingCommands(ctx.sys), [aptGet, 'systemctl reload postfix']);
    assert.equal(after.saslPlugins.plain, true);
  });

  it('--dry-run: the install is shown and not done, even with --install and a terminal', async () => {
    const ctx = stepContext(['--dry-run', '--install'], { sys: ubuntu() });
    const facts = await detect(ctx.sys, undefined);
    assert.equal(await offerInstall(ctx, facts), facts);
    assert.deepEqual(ctx.ui.asked, []);
    assert.ok(
      ctx.ui.shown.some((l) => l.includes(aptGet)),
      ctx.ui.transcript,
    );
    assert.ok(ctx.ui.shown.includes(`info: ${t('install.dryRun')}`), ctx.ui.transcript);
    assert.deepEqual(changingCommands(ctx.sys), []);
    assert.deepEqual(ctx.sys.writes, []);
  });

  it('accepted without root: refused with the sudo command line that repeats this run, nothing run', async () => {
    const sys = ubuntu();
    sys.root = false;
    const ctx = stepContext(['--account', 'someone@gmail.com'], { sys, answers: [true] });
    await assert.rejects(offerInstall(ctx, await detect(sys, undefined)), (error: WizardError) => {
      assert.equal(error.code, 'not-root');
      assert.match(error.fix ?? '', /sudo npx postfix-gmail-wizard --account someone@gmail\.com/);
      return true;
    });
    assert.deepEqual(changingCommands(sys), []);
  });

  it("a failed apt-get: install-failed with the log's tail as the fix, the spinner stopped as failed, no reload", async () => {
    const sys = ubuntu();
    sys.on('apt-get', () => ({
      exitCode: 100,
      stdout: 'Reading package lists...\n',
      stderr: 'E: Unable to locate package libsasl2-modules\n',
    }));
    const ctx = stepContext(['--install', '--yes'], { sys, headless: true });
    await assert.rejects(offerInstall(ctx, await detect(sys, undefined)), (error: WizardError) => {
      assert.equal(error.code, 'install-failed');
      assert.match(error.fix ?? '', /E: Unable to locate package libsasl2-modules/);
      return true;
    });
    assert.ok(
      ctx.ui.shown.includes(`failed: ${t('install.failed', { command: aptGetShown, code: 100 })}`),
      ctx.ui.transcript,
    );
    assert.deepEqual(changingCommands(sys), [aptGet]);
  });

  // An earlier apt-get or dpkg killed midway leaves dpkg half-done: apt then fails every install with
  // "dpkg was interrupted". dpkg --audit reports it (distro/dpkg-state.ts).
  const audit = 'The following packages have been unpacked but not yet configured.\n libsasl2-modules    Cyrus SASL\n';

  it('dpkg left interrupted by an earlier run: dpkg-interrupted before apt-get, the fix dpkg --configure -a', async () => {
    const sys = ubuntu();
    sys.on('dpkg', (args) => (args.join(' ') === '--audit' ? ok(audit) : undefined));
    const ctx = stepContext(['--install', '--yes'], { sys, headless: true });
    await assert.rejects(offerInstall(ctx, await detect(sys, undefined)), (error: WizardError) => {
      assert.equal(error.code, 'dpkg-interrupted');
      assert.equal(error.exitCode, 1);
      assert.equal(error.message, t('install.dpkgInterrupted'));
      assert.match(
        error.fix ?? '',
        /dpkg --configure -a[\s\S]*Then run the wizard again[\s\S]*unpacked but not yet configured/,
      );
      return true;
    });
    assert.deepEqual(changingCommands(sys), [], 'apt-get never ran');
    assert.deepEqual(sys.writes, []);
  });

  it('apt-get killed midway, dpkg left interrupted: dpkg-interrupted, rolled back, the fix dpkg --configure -a', async () => {
    const sys = ubuntu();
    let killed = false;
    sys.on('dpkg', (args) => (args.join(' ') === '--audit' ? ok(killed ? audit : '') : undefined));
    sys.on('apt-get', () => {
      killed = true;
      return { exitCode: 137, stdout: 'Unpacking libsasl2-modules:amd64 ...\n', stderr: '' };
    });
    const ctx = stepContext(['--install', '--yes'], { sys, headless: true });
    await assert.rejects(offerInstall(ctx, await detect(sys, undefined)), (error: WizardError) => {
      assert.equal(error.code, 'dpkg-interrupted');
      assert.match(
        error.message,
        /apt-get install .*libsasl2-modules.*exit code 137.*install-\d+T\d+Z\.log.*dpkg interrupted/,
      );
      assert.match(error.message, /rolled back/);
      assert.match(error.fix ?? '', /^Run `dpkg --configure -a` as root[\s\S]*unpacked but not yet configured/);
      return true;
    });
    assert.deepEqual(changingCommands(sys), [aptGet]);
  });

  it('dpkg interrupted with nothing to install (the plugins were unpacked): said as a warning with its fix, the run goes on', async () => {
    const ctx = stepContext([]);
    installFakePostfix(ctx.sys);
    ctx.sys.on('dpkg', (args) => (args.join(' ') === '--audit' ? ok(audit) : undefined));
    const facts = await detect(ctx.sys, undefined);
    assert.equal(await offerInstall(ctx, facts), facts);
    assert.equal(ctx.warnings.length, 1);
    assert.match(
      ctx.warnings[0] ?? '',
      /^dpkg was interrupted[\s\S]*`dpkg --configure -a`[\s\S]*unpacked but not yet configured/,
    );
    assert.ok(
      ctx.ui.shown.some((l) => l.startsWith('warn: dpkg was interrupted')),
      ctx.ui.transcript,
    );
    assert.deepEqual(changingCommands(ctx.sys), []);
  });

  it('in Japanese too', async () => {
    const sys = ubuntu();
    sys.on('dpkg', (args) => (args.join(' ') === '--audit' ? ok(audit) : undefined));
    const ctx = stepContext(['--install', '--yes'], { sys, headless: true });
    const facts = await detect(sys, undefined);
    const words = await wordsFor('ja');
    await assert.rejects(
      inLanguage(words, () => offerInstall(ctx, facts)),
      (error: WizardError) => {
        assert.match(error.message, /dpkg が中断されています/);
        assert.match(error.fix ?? '', /root で `dpkg --configure -a` を実行/);
        return true;
      },
    );
  });
});
