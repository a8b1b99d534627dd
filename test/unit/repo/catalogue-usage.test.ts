// Every sentence in the catalogue is shown somewhere: a key no code uses is
// a translation burden with no reader.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { en } from '../../../src/ui/text/en.js';
import { repoPath } from '../../support/paths.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return full.endsWith(join('ui', 'text')) ? [] : sources(full);
    return full.endsWith('.ts') ? [readFileSync(full, 'utf8')] : [];
  });
}

it('every catalogue key is used by the code', () => {
  const code = sources(repoPath('src')).join('\n');
  const unused = Object.keys(en).filter((key) => !code.includes(`'${key}'`));
  assert.deepEqual(unused, []);
});
