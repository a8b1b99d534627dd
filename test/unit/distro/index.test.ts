// Distribution families as data (distro/index.ts): os-release ID, then ID_LIKE, then generic; each
// family's install commands and packages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { distroFor } from '../../../src/distro/index.js';
import { parseOsRelease } from '../../../src/distro/os-release.js';
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
