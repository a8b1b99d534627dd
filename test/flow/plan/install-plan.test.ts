// planInstall: what a machine lacks for the relay, as the reasons shown and the transaction Plan that
// installs it (Gentoo's package.use edit first, then the package manager's commands).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planInstall } from '../../../src/flow/plan/install-plan.js';
import { detect } from '../../../src/flow/detect/detect.js';
import { t } from '../../../src/ui/messages.js';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix } from '../../support/fake-postfix.js';

const aptGet =
  'apt-get install -y --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold libsasl2-modules';

/** Ubuntu 24.04 with Postfix running and no SASL plugins. */
function ubuntu(): FakeSystem {
  const sys = new FakeSystem();
  installFakePostfix(sys, { fixture: 'ubuntu-24.04' });
  return sys;
}

describe('planInstall', () => {
  it('Ubuntu without the plugins: libsasl2-modules, for the reason the relay needs it', async () => {
    const facts = await detect(ubuntu(), undefined);
    const plan = planInstall(facts);
    assert.deepEqual(plan?.reasons, [t('install.why.sasl')]);
    assert.deepEqual(
      plan?.commands.map((c) => [c.file, ...c.args].join(' ')),
      [aptGet],
    );
    assert.equal(plan?.installsPostfix, false);
    assert.deepEqual(plan?.plan.installs, plan?.commands, 'the transaction runs the commands shown');
    assert.deepEqual(plan?.plan.touches, [], 'no file is edited for apt-get');
  });

  it('Debian 12 with everything in place: nothing to install', async () => {
    const sys = new FakeSystem();
    installFakePostfix(sys);
    assert.equal(planInstall(await detect(sys, undefined)), undefined);
  });
});
