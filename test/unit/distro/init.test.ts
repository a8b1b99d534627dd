// The init system, read from the machine, and how Postfix is started and reloaded there (distro/init.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { distroFor } from '../../../src/distro/index.js';
import { detectInit, postfixServiceCommand } from '../../../src/distro/init.js';
import { parseOsRelease } from '../../../src/distro/os-release.js';
import { FakeSystem } from '../../support/fake-system.js';

describe('init system and how Postfix is reloaded there', () => {
  it('is read from the machine: systemd, OpenRC, an init script, nothing', async () => {
    const family = distroFor(parseOsRelease('ID=debian'));
    const sys = new FakeSystem();
    assert.equal(await detectInit(sys, family), 'none');
    sys.put('/etc/init.d/postfix', '');
    assert.equal(await detectInit(sys, family), 'sysv');
    sys.put('/run/openrc/softlevel', 'default\n');
    assert.equal(await detectInit(sys, family), 'openrc');
    sys.dirs.add('/run/systemd/system');
    assert.equal(await detectInit(sys, family), 'systemd');
  });
  it('maps to systemctl, rc-service, the init script or postfix(1)', () => {
    assert.deepEqual(postfixServiceCommand('systemd', 'reload'), { file: 'systemctl', args: ['reload', 'postfix'] });
    assert.deepEqual(postfixServiceCommand('openrc', 'reload'), { file: 'rc-service', args: ['postfix', 'reload'] });
    assert.deepEqual(postfixServiceCommand('sysv', 'start'), { file: '/etc/init.d/postfix', args: ['start'] });
    assert.deepEqual(postfixServiceCommand('launchd', 'reload'), { file: 'postfix', args: ['reload'] });
  });
});
