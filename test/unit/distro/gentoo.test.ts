// Gentoo (distro/gentoo.ts): the installed Postfix's USE flags and package.use (file or directory form).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  missingUseFlags,
  packageUseEdit,
  readGentooFacts,
  useFlagsFor,
  type GentooFacts,
} from '../../../src/distro/gentoo.js';
import { FakeSystem } from '../../support/fake-system.js';
import { loadFixtureRoot } from '../../support/fake-postfix.js';

describe('Gentoo USE flags and package.use', () => {
  const facts = (over: Partial<GentooFacts>): GentooFacts => ({
    installed: 'postfix-3.10.8',
    useFlags: [],
    packageUse: 'dir',
    packageUseFlags: [],
    packageUseFiles: [],
    ...over,
  });

  it("reads the installed Postfix's USE file and package.use in its file form", async () => {
    const sys = new FakeSystem();
    loadFixtureRoot(sys, 'gentoo-openrc');
    const read = await readGentooFacts(sys);
    assert.equal(read.installed, 'postfix-3.10.8');
    assert.deepEqual(read.useFlags, ['abi_x86_64', 'amd64', 'berkdb', 'eai', 'elibc_glibc', 'kernel_linux']);
    assert.equal(read.packageUse, 'file');
    assert.deepEqual(missingUseFlags(read), ['sasl', 'ssl']);
  });

  it('reads package.use in its directory form', async () => {
    const sys = new FakeSystem();
    loadFixtureRoot(sys, 'gentoo-systemd');
    const read = await readGentooFacts(sys);
    assert.equal(read.packageUse, 'dir');
    assert.deepEqual(read.packageUseFlags, ['sasl', 'ssl']);
    assert.deepEqual(missingUseFlags(read), []);
  });

  it('package.use(5) lines: version atoms, negations, later lines win, comments and other packages ignored', () => {
    const text =
      '# mail\n>=mail-mta/postfix-3.8 sasl -ssl\nmail-mta/postfix-ng sasl\nmail-mta/postfix:0 ssl ldap\ndev-libs/cyrus-sasl -ssl\nmail-mta/postfix -ldap # no ldap\n';
    assert.deepEqual(useFlagsFor(text, 'mail-mta/postfix').sort(), ['sasl', 'ssl']);
  });

  it("a directory gets the wizard's own file; a file gets a commented block appended; never twice", () => {
    const dir = packageUseEdit(facts({ packageUse: 'dir' }), 'why');
    assert.deepEqual(dir, {
      path: '/etc/portage/package.use/postfix-gmail-wizard',
      content: '# why\nmail-mta/postfix sasl ssl\n',
      previous: undefined,
    });
    const file = packageUseEdit(
      facts({
        packageUse: 'file',
        packageUseFiles: [{ path: '/etc/portage/package.use', content: 'app-editors/vim -X\n' }],
      }),
      'why',
    );
    assert.equal(file?.content, 'app-editors/vim -X\n\n# why\nmail-mta/postfix sasl ssl\n');
    const missing = packageUseEdit(facts({ packageUse: 'missing' }), 'why');
    assert.equal(missing?.path, '/etc/portage/package.use/postfix-gmail-wizard');
    assert.equal(packageUseEdit(facts({ packageUseFlags: ['ssl', 'sasl'] }), 'why'), undefined);
  });

  it('not installed at all: both flags are needed', () => {
    assert.deepEqual(missingUseFlags(facts({ installed: undefined, useFlags: [] })), ['sasl', 'ssl']);
    assert.deepEqual(missingUseFlags(facts({ useFlags: ['sasl', 'ssl', 'berkdb'] })), []);
  });
});
