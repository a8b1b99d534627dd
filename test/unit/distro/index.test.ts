// Distribution families as data: os-release ID, then ID_LIKE, then generic;
// Gentoo's USE and package.use; macOS's version plist; the init system.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { distroFor } from '../../../src/distro/index.js';
import { missingUseFlags, packageUseEdit, readGentooFacts, useFlagsFor, type GentooFacts } from '../../../src/distro/gentoo.js';
import { detectInit, postfixServiceCommand } from '../../../src/distro/init.js';
import { parseSystemVersion, parseOsRelease, readOsRelease } from '../../../src/distro/os-release.js';
import { FakeSystem } from '../../support/fake-system.js';
import { loadFixtureRoot } from '../../support/fake-postfix.js';
import { repoPath } from '../../support/paths.js';

const fixture = (...parts: string[]) => readFileSync(repoPath('test', 'fixtures', ...parts), 'utf8');

describe('family lookup by os-release (real files)', () => {
  const cases: [string, string, string][] = [
    ['debian-12/root/etc/os-release', 'debian', 'debian'],
    ['ubuntu-24.04/root/etc/os-release', 'ubuntu', 'debian'],
    ['fedora-42/root/usr/lib/os-release', 'fedora', 'rhel'],
    ['rocky-9/root/usr/lib/os-release', 'rocky', 'rhel'],
    ['almalinux-10/root/usr/lib/os-release', 'almalinux', 'rhel'],
    ['almalinux-10/os-release.rhel10', 'rhel', 'rhel'],
    ['gentoo-openrc/root/etc/os-release', 'gentoo', 'gentoo'],
    ['arch/root/usr/lib/os-release', 'arch', 'arch'],
    ['alpine-3.23/root/etc/os-release', 'alpine', 'alpine'],
    ['opensuse-leap-15/root/etc/os-release', 'opensuse-leap', 'suse'],
  ];
  for (const [file, id, family] of cases) {
    it(`${file} → ${family}`, () => {
      const os = parseOsRelease(fixture(file));
      assert.equal(os.id, id);
      assert.equal(distroFor(os).name, family);
    });
  }

  it('an unknown ID is found through ID_LIKE (e.g. a Rocky rebuild calling itself "acme")', () => {
    assert.equal(distroFor(parseOsRelease('ID=acme\nID_LIKE="rhel centos fedora"\n')).name, 'rhel');
    assert.equal(distroFor(parseOsRelease('ID=neon\nID_LIKE="ubuntu debian"\n')).name, 'debian');
  });

  it('a system known by neither gets the generic entry, which guesses no install command', () => {
    const family = distroFor(parseOsRelease('ID=nixos\n'));
    assert.equal(family.name, 'generic');
    assert.equal(family.install, undefined);
  });

  it('macOS has no os-release: SystemVersion.plist names it', async () => {
    const sys = new FakeSystem();
    loadFixtureRoot(sys, 'macos-11');
    const os = await readOsRelease(sys);
    assert.deepEqual(os, { id: 'macos', idLike: [], versionId: '11.3', prettyName: 'macOS 11.3' });
    assert.equal(distroFor(os).name, 'macos');
    assert.equal(parseSystemVersion('<plist><dict></dict></plist>'), undefined);
  });
});

describe('install commands per family', () => {
  const os = (text: string) => distroFor(parseOsRelease(text));
  it('are the package manager\'s non-interactive forms', () => {
    assert.deepEqual(os('ID=debian').install?.(['postfix']), {
      file: 'apt-get', args: ['install', '-y', '--no-install-recommends', '-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold', 'postfix'], env: { DEBIAN_FRONTEND: 'noninteractive' },
    });
    assert.deepEqual(os('ID=fedora').install?.(['cyrus-sasl-plain']), { file: 'dnf', args: ['install', '-y', 'cyrus-sasl-plain'] });
    assert.deepEqual(os('ID=arch').install?.(['postfix']), { file: 'pacman', args: ['-S', '--noconfirm', '--needed', 'postfix'] });
    assert.deepEqual(os('ID=alpine').install?.(['postfix']), { file: 'apk', args: ['add', '--no-progress', 'postfix'] });
    assert.deepEqual(os('ID="opensuse-leap"').install?.(['postfix']), { file: 'zypper', args: ['--non-interactive', 'install', '--no-recommends', 'postfix'] });
    assert.equal(os('ID=macos').install, undefined);
  });
  it('Debian preseeds debconf only when Postfix itself is installed', () => {
    const debian = os('ID=debian');
    assert.deepEqual(debian.beforeInstall?.(['libsasl2-modules']), []);
    assert.equal(debian.beforeInstall?.(['postfix'])[0]?.input, 'postfix postfix/main_mailer_type select Local only\n');
  });
  it('EL maps lmdb to postfix-lmdb; SASL packages are each family\'s own', () => {
    assert.equal(os('ID=almalinux').mapTypePackages?.lmdb, 'postfix-lmdb');
    assert.deepEqual(os('ID=rocky').saslPackages, ['cyrus-sasl-plain']);
    assert.deepEqual(os('ID=alpine').saslPackages, ['cyrus-sasl-login', 'cyrus-sasl-plain']);
    assert.deepEqual(os('ID=ubuntu').saslPackages, ['libsasl2-modules']);
  });
});

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

describe('Gentoo USE flags and package.use', () => {
  const facts = (over: Partial<GentooFacts>): GentooFacts => ({ installed: 'postfix-3.10.8', useFlags: [], packageUse: 'dir', packageUseFlags: [], packageUseFiles: [], ...over });

  it('reads the installed Postfix\'s USE file and package.use in its file form', async () => {
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
    const text = '# mail\n>=mail-mta/postfix-3.8 sasl -ssl\nmail-mta/postfix-ng sasl\nmail-mta/postfix:0 ssl ldap\ndev-libs/cyrus-sasl -ssl\nmail-mta/postfix -ldap # no ldap\n';
    assert.deepEqual(useFlagsFor(text, 'mail-mta/postfix').sort(), ['sasl', 'ssl']);
  });

  it('a directory gets the wizard\'s own file; a file gets a commented block appended; never twice', () => {
    const dir = packageUseEdit(facts({ packageUse: 'dir' }), 'why');
    assert.deepEqual(dir, { path: '/etc/portage/package.use/postfix-gmail-wizard', content: '# why\nmail-mta/postfix sasl ssl\n', previous: undefined });
    const file = packageUseEdit(facts({ packageUse: 'file', packageUseFiles: [{ path: '/etc/portage/package.use', content: 'app-editors/vim -X\n' }] }), 'why');
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
