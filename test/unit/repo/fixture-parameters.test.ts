// Each fixture's `postconf -d` holds every parameter the wizard reads, so the
// flows on that distribution never run with one silently unset. The names come
// from the code's own lists (what detect and local-facts pass to postconf).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { watchedSettings } from '../../../src/flow/detect/detect.js';
import { localSettingNames } from '../../../src/flow/detect/local-facts.js';
import { parsePostconf } from '../../../src/postfix/postconf.js';
import { repoPath } from '../../support/paths.js';

const read = [...new Set<string>([...watchedSettings, ...localSettingNames, 'config_directory'])];
const fixtures = readdirSync(repoPath('test', 'fixtures')).filter((f) =>
  existsSync(repoPath('test', 'fixtures', f, 'commands', 'postconf-d.txt')),
);

describe('fixtures: postconf -d', () => {
  it('there are fixtures to check (one per distribution family at least)', () => {
    assert.ok(fixtures.length >= 10, fixtures.join(' '));
  });
  for (const fixture of fixtures) {
    it(`${fixture} has every parameter the wizard reads`, () => {
      const defaults = parsePostconf(
        readFileSync(join(repoPath('test', 'fixtures', fixture, 'commands'), 'postconf-d.txt'), 'utf8'),
      );
      assert.deepEqual(
        read.filter((name) => !(name in defaults)),
        [],
      );
    });
  }
});
