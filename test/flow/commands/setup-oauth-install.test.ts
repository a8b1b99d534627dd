// setup --auth oauth --install where the plugin is missing: on Debian's next release (sid: no
// VERSION_ID) the experimental source and its pin are written as files of the install plan, then
// apt-get update and the install, and the OAuth setup goes on as if the plugin had been there; a
// failed apt-get rolls both files back (exit 1, nothing else written); Debian 12 is still refused
// without a command run; Fedora 43 and EL 9 (EPEL) get dnf's commands. OAuth chosen at the
// interactive question offers the same install.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { distroFor } from '../../../src/distro/index.js';
import { parseOsRelease } from '../../../src/distro/os-release.js';
import { planInstall } from '../../../src/flow/plan/install-plan.js';
import { loadTemplates } from '../../../src/system/templates.js';
import type { FakeSystem } from '../../support/fake-system.js';
import { oauthHeadless, oauthMachine, oauthPlugin, oauthSecrets } from '../../support/oauth-machine.js';
import { bad534 } from '../../support/credential-machine.js';
import { ScriptedUi } from '../../support/scripted-ui.js';
import { runCli } from '../../support/run-cli.js';
import { detected } from '../../support/step-context.js';

const source = '/etc/apt/sources.list.d/experimental.list';
const pin = '/etc/apt/preferences.d/sasl-xoauth2';
const sidRelease =
  'PRETTY_NAME="Debian GNU/Linux forky/sid"\nNAME="Debian GNU/Linux"\nVERSION_CODENAME=forky\nID=debian\n';
const ok = { exitCode: 0, stdout: '', stderr: '' };

/** sid without the plugin; apt-get install brings it unless `fails`. Records what apt saw at update. */
function sid(fails = false): { sys: FakeSystem; sawAtUpdate: string[] } {
  const sys = oauthMachine({ plugin: false });
  sys.put('/etc/os-release', sidRelease);
  sys.on('systemctl', () => ok);
  const sawAtUpdate: string[] = [];
  sys.on('apt-get', (args) => {
    if (args[0] === 'update') {
      sawAtUpdate.push(...[source, pin].filter((p) => sys.files.has(p)));
      return ok;
    }
    if (fails) return { exitCode: 100, stdout: '', stderr: 'E: Unable to locate package sasl-xoauth2\n' };
    sys.put(oauthPlugin, 'ELF');
    return { ...ok, stdout: 'Setting up sasl-xoauth2 (0.27-1) ...\n' };
  });
  return { sys, sawAtUpdate };
}
const aptCalls = (sys: FakeSystem) =>
  sys.calls.filter((c) => c.file === 'apt-get').map((c) => [c.file, ...c.args].join(' '));

describe('setup --auth oauth --install: the sasl-xoauth2 plugin', () => {
  it('sid: experimental pinned (files of the plan), apt-get update and install, then the OAuth setup', async () => {
    const { sys, sawAtUpdate } = sid();
    const run = await runCli(sys, [...oauthHeadless, '--install', '--json']);
    assert.equal(run.exit, 0, run.stderr);
    assert.deepEqual(sawAtUpdate, [source, pin], 'source and pin are in place before apt-get update');
    const calls = aptCalls(sys);
    assert.equal(calls[0], 'apt-get update');
    assert.match(calls[1] ?? '', /^apt-get install -y .* sasl-xoauth2$/);
    assert.equal(calls.length, 2);
    assert.match(sys.text(source) ?? '', /^deb http:\/\/deb\.debian\.org\/debian experimental main$/m);
    const pinText = sys.text(pin) ?? '';
    assert.match(pinText, /Package: \*\nPin: release a=experimental\nPin-Priority: 1\n/);
    assert.match(pinText, /Package: sasl-xoauth2\nPin: release a=experimental\nPin-Priority: 500\n/);
    assert.equal(sys.files.get(pin)?.mode, 0o644);
    assert.equal(run.json?.auth, 'oauth');
    assert.match(sys.text('/etc/postfix/main.cf') ?? '', /^smtp_sasl_mechanism_filter = xoauth2$/m);
  });

  it('OAuth chosen at the question (534), sid: the install is offered as --install would do it, then the consent begins', async () => {
    const { sys } = sid();
    sys.authResult = () => bad534;
    const ui = new ScriptedUi([
      oauthSecrets.ACCOUNT,
      'mynormalpassword',
      'OAuth 2.0 (allow access in a browser)',
      true,
    ]);
    await runCli(sys, ['--no-test'], { ui });
    assert.match(ui.transcript, /sasl-xoauth2/);
    assert.ok(
      ui.asked.some((q) => /Install/i.test(q)),
      'the install is asked',
    );
    const calls = aptCalls(sys);
    assert.equal(calls[0], 'apt-get update');
    assert.match(calls[1] ?? '', /^apt-get install -y .* sasl-xoauth2$/);
    assert.ok(sys.files.has(pin), 'pinned like --install');
    assert.doesNotMatch(ui.transcript, /oauth-plugin-missing|not installed on/);
    assert.match(ui.transcript, /Desktop app/, 'the consent begun after the install');
  });

  it('OAuth chosen at the question, the install declined: refused naming the package, nothing installed', async () => {
    const { sys } = sid();
    sys.authResult = () => bad534;
    const ui = new ScriptedUi([
      oauthSecrets.ACCOUNT,
      'mynormalpassword',
      'OAuth 2.0 (allow access in a browser)',
      false,
    ]);
    const run = await runCli(sys, ['--no-test', '--json'], { ui });
    assert.equal(run.json?.error?.code, 'oauth-plugin-missing');
    assert.deepEqual(aptCalls(sys), []);
    assert.equal(sys.files.has(source), false);
  });

  it('sid: a failed apt-get install rolls the source and pin back; exit 1, no token asked for, Postfix untouched', async () => {
    const { sys } = sid(true);
    const mainCf = sys.text('/etc/postfix/main.cf');
    const run = await runCli(sys, [...oauthHeadless, '--install', '--json']);
    assert.equal(run.exit, 1);
    assert.equal(run.json?.error?.code, 'install-failed');
    assert.match(run.json?.error?.fix ?? '', /Unable to locate package sasl-xoauth2/);
    assert.equal(sys.files.has(source), false);
    assert.equal(sys.files.has(pin), false);
    assert.equal(sys.posts.length, 0);
    assert.equal(sys.text('/etc/postfix/main.cf'), mainCf);
  });

  it('sid without --install, headless: nothing installed, refused naming --install', async () => {
    const { sys } = sid();
    const run = await runCli(sys, [...oauthHeadless, '--json']);
    assert.equal(run.exit, 1);
    assert.equal(run.json?.error?.code, 'oauth-plugin-missing');
    assert.match(run.json?.error?.fix ?? '', /--install/);
    assert.deepEqual(aptCalls(sys), []);
    assert.equal(sys.files.has(source), false);
  });

  it('Debian 12 with --install: still refused (no package), no command run, nothing written', async () => {
    const sys = oauthMachine({ plugin: false });
    sys.on('apt-get', () => ok);
    const run = await runCli(sys, [...oauthHeadless, '--install', '--json']);
    assert.equal(run.exit, 1);
    assert.equal(run.json?.error?.code, 'oauth-plugin-missing');
    assert.deepEqual(aptCalls(sys), []);
    assert.equal(sys.writes.length, 0);
  });

  const dnf: [string, string, string[]][] = [
    ['Fedora 43', 'ID=fedora\nVERSION_ID=43\n', ['dnf install -y sasl-xoauth2']],
    [
      'Rocky 9 (EPEL)',
      'ID=rocky\nID_LIKE="rhel centos fedora"\nVERSION_ID=9.5\n',
      ['dnf install -y epel-release', 'dnf install -y sasl-xoauth2'],
    ],
  ];
  for (const [name, release, commands] of dnf)
    it(`${name}: the plan installs the plugin with dnf, no file written`, async () => {
      const facts = await detected(oauthMachine({ plugin: false }));
      const os = parseOsRelease(release);
      const plan = planInstall(
        { ...facts, os, distro: distroFor(os), saslPlugins: { ...facts.saslPlugins, plain: true, login: true } },
        await loadTemplates(['apt_experimental_source', 'apt_experimental_pin']),
      );
      assert.deepEqual(
        plan?.commands.map((c) => [c.file, ...c.args].join(' ')),
        commands,
      );
      assert.deepEqual(plan?.newFiles, []);
    });
});
