// The family lookup (distro/index.ts): os-release ID, then ID_LIKE, then generic. What each family
// holds (install commands, packages, paths) is tested in families.test.ts.
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
