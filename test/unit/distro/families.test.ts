// The distribution families as data (distro/debian.ts, rhel.ts, gentoo.ts, arch.ts, alpine.ts,
// suse.ts, macos.ts, generic.ts) and familyFor (distro/family.ts): each family's install commands and
// packages, and its paths checked against the real files of a captured system (test/fixtures/<distro>/root).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, it } from 'node:test';
import { alpine } from '../../../src/distro/alpine.js';
import { arch } from '../../../src/distro/arch.js';
import { debian } from '../../../src/distro/debian.js';
import { familyFor, type DistroFamily } from '../../../src/distro/family.js';
import { generic } from '../../../src/distro/generic.js';
import { gentoo } from '../../../src/distro/gentoo.js';
import { families } from '../../../src/distro/index.js';
import { macos } from '../../../src/distro/macos.js';
import { parseOsRelease } from '../../../src/distro/os-release.js';
import { rhel } from '../../../src/distro/rhel.js';
import { suse } from '../../../src/distro/suse.js';
import { repoPath } from '../../support/paths.js';

describe('install commands per family', () => {
  it("are the package manager's non-interactive forms", () => {
    assert.deepEqual(debian.install?.(['postfix']), {
      file: 'apt-get',
      args: [
        'install',
        '-y',
        '--no-install-recommends',
        '-o',
        'Dpkg::Options::=--force-confdef',
        '-o',
        'Dpkg::Options::=--force-confold',
        'postfix',
      ],
      env: { DEBIAN_FRONTEND: 'noninteractive' },
    });
    assert.deepEqual(rhel.install?.(['cyrus-sasl-plain']), {
      file: 'dnf',
      args: ['install', '-y', 'cyrus-sasl-plain'],
    });
    assert.deepEqual(arch.install?.(['postfix']), {
      file: 'pacman',
      args: ['-S', '--noconfirm', '--needed', 'postfix'],
    });
    assert.deepEqual(alpine.install?.(['postfix']), { file: 'apk', args: ['add', '--no-progress', 'postfix'] });
    assert.deepEqual(suse.install?.(['postfix']), {
      file: 'zypper',
      args: ['--non-interactive', 'install', '--no-recommends', 'postfix'],
    });
    assert.deepEqual(gentoo.install?.(['mail-mta/postfix']), {
      file: 'emerge',
      args: ['--ask=n', '--newuse', 'mail-mta/postfix'],
    });
    assert.equal(macos.install, undefined);
    assert.equal(generic.install, undefined);
  });

  it('Debian preseeds debconf only when Postfix itself is installed', () => {
    assert.deepEqual(debian.beforeInstall?.(['libsasl2-modules']), []);
    assert.deepEqual(debian.beforeInstall?.(['libsasl2-modules', 'postfix']), [
      { file: 'debconf-set-selections', args: [], input: 'postfix postfix/main_mailer_type select Local only\n' },
    ]);
    for (const family of [rhel, arch, alpine, suse, gentoo]) assert.equal(family.beforeInstall, undefined, family.name);
  });

  it("EL maps lmdb to postfix-lmdb; SASL packages are each family's own", () => {
    assert.equal(rhel.mapTypePackages?.lmdb, 'postfix-lmdb');
    assert.deepEqual(rhel.saslPackages, ['cyrus-sasl-plain']);
    assert.deepEqual(alpine.saslPackages, ['cyrus-sasl-login', 'cyrus-sasl-plain']);
    assert.deepEqual(debian.saslPackages, ['libsasl2-modules']);
    // A family that can install must know what to install for SASL; one that cannot guesses nothing.
    for (const family of [...families, generic])
      assert.equal(family.saslPackages.length > 0, family.install !== undefined, family.name);
  });
});

describe('the families together', () => {
  it('each name and each os-release ID belongs to one family only', () => {
    const all = [...families, generic];
    assert.equal(new Set(all.map((f) => f.name)).size, all.length);
    const ids = families.flatMap((f) => f.ids);
    assert.deepEqual(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      [],
    );
    assert.deepEqual(generic.ids, []);
  });

  it('every path is absolute, and every family names a CA bundle and a log file', () => {
    for (const family of [...families, generic]) {
      assert.ok(
        family.caBundles.length > 0 && family.logFiles.length > 0 && family.saslPluginDirs.length > 0,
        family.name,
      );
      for (const path of [...family.caBundles, ...family.logFiles, ...family.saslPluginDirs])
        assert.match(path, /^\/[^\s]*$/, `${family.name}: ${path}`);
    }
  });
});

describe('familyFor', () => {
  const a: DistroFamily = { ...generic, name: 'a', ids: ['a-os'] };
  const b: DistroFamily = { ...generic, name: 'b', ids: ['b-os', 'shared'] };
  const os = (id: string, idLike: string[] = []) => ({ ...parseOsRelease(`ID=${id}\n`), idLike });

  it('ID first, then ID_LIKE in its own order, then the generic entry', () => {
    assert.equal(familyFor(os('a-os', ['b-os']), [a, b], generic).name, 'a');
    assert.equal(familyFor(os('x', ['none', 'b-os', 'a-os']), [a, b], generic).name, 'b');
    assert.equal(familyFor(os('x', ['none']), [a, b], generic).name, 'generic');
  });
});

describe('paths against captured systems', () => {
  const cases: [fixture: string, osRelease: string, family: DistroFamily][] = [
    ['debian-12', 'etc/os-release', debian],
    ['ubuntu-24.04', 'etc/os-release', debian],
    ['fedora-42', 'usr/lib/os-release', rhel],
    ['rocky-9', 'usr/lib/os-release', rhel],
    ['almalinux-10', 'usr/lib/os-release', rhel],
    ['gentoo-openrc', 'etc/os-release', gentoo],
    ['gentoo-systemd', 'etc/os-release', gentoo],
    ['arch', 'usr/lib/os-release', arch],
    ['alpine-3.23', 'etc/os-release', alpine],
    ['opensuse-leap-15', 'etc/os-release', suse],
    ['macos-11', '', macos],
  ];
  for (const [fixture, osRelease, family] of cases) {
    it(`${fixture}: its family's first CA bundle there exists, and its SASL plugin directory is among those searched`, () => {
      const root = repoPath('test', 'fixtures', fixture, 'root');
      if (osRelease)
        assert.equal(
          familyFor(parseOsRelease(readFileSync(`${root}/${osRelease}`, 'utf8')), families, generic),
          family,
        );
      assert.ok(
        family.caBundles.some((p) => existsSync(root + p) && statSync(root + p).isFile()),
        `${fixture}: one of ${family.caBundles.join(', ')}`,
      );
      const sasl = ['/usr/lib/x86_64-linux-gnu/sasl2', '/usr/lib64/sasl2', '/usr/lib/sasl2'].filter((d) =>
        existsSync(root + d),
      );
      for (const dir of sasl) assert.ok(family.saslPluginDirs.includes(dir), `${fixture}: ${dir}`);
    });
  }
});
