// The package's templates (system/templates.ts), read from templates/ next to the compiled code:
// exactly the ones asked for, each the file as shipped; a name with no file is an error, not an
// empty template.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { loadTemplates, type TemplateName } from '../../../src/system/templates.js';
import { repoPath } from '../../support/paths.js';

const all: TemplateName[] = ['sasl_passwd', 'generic', 'saved_settings', 'sender_relay'];
const shipped = (name: string) => readFileSync(repoPath('templates', `${name}.ejs`), 'utf8');

describe('system/templates', () => {
  it('every template, each as the file under templates/ says it', async () => {
    const loaded = await loadTemplates(all);
    assert.deepEqual(Object.keys(loaded).sort(), [...all].sort());
    for (const name of all) {
      assert.equal(loaded[name], shipped(name), name);
      assert.ok(loaded[name].length > 0, name);
    }
  });

  it('only the ones asked for', async () => {
    assert.deepEqual(Object.keys(await loadTemplates(['saved_settings'])), ['saved_settings']);
    assert.deepEqual(await loadTemplates([]), {});
  });

  it('a name with no file under templates/ rejects (ENOENT)', async () => {
    await assert.rejects(
      loadTemplates(['sasl_passwd', 'nonexistent' as TemplateName]),
      (e: NodeJS.ErrnoException) => e.code === 'ENOENT',
    );
  });
});
