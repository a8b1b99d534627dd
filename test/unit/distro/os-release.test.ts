// os-release (distro/os-release.ts): the real file captured on Debian 12 and the family it names;
// macOS's SystemVersion.plist in its place.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseSystemVersion, parseOsRelease, readOsRelease } from '../../../src/distro/os-release.js';
import { distroFor } from '../../../src/distro/index.js';
import { FakeSystem } from '../../support/fake-system.js';
import { loadFixtureRoot } from '../../support/fake-postfix.js';
import { repoPath } from '../../support/paths.js';

const fixture = (...p: string[]) => readFileSync(repoPath('test', 'fixtures', 'debian-12', ...p), 'utf8');

describe('os-release', () => {
  it('identifies Debian 12 from the real file', () => {
    const os = parseOsRelease(fixture('root', 'etc', 'os-release'));
    assert.equal(os.id, 'debian');
    assert.equal(os.versionId, '12');
    assert.equal(distroFor(os).name, 'debian');
  });
  it('falls back through ID_LIKE, then to generic', () => {
    assert.equal(distroFor(parseOsRelease('ID=linuxmint\nID_LIKE="ubuntu debian"')).name, 'debian');
    assert.equal(distroFor(parseOsRelease('ID=plan9')).name, 'generic');
  });
});

describe('os-release: macOS', () => {
  it('macOS has no os-release: SystemVersion.plist names it', async () => {
    const sys = new FakeSystem();
    loadFixtureRoot(sys, 'macos-11');
    const os = await readOsRelease(sys);
    assert.deepEqual(os, { id: 'macos', idLike: [], versionId: '11.3', prettyName: 'macOS 11.3' });
    assert.equal(distroFor(os).name, 'macos');
    assert.equal(parseSystemVersion('<plist><dict></dict></plist>'), undefined);
  });
});
