// The README documents what the code does: every diagnosis code in the
// troubleshooting table, every option of --help, and the two first commands.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DIAGNOSIS_CODES } from '../../../src/gmail/diagnose.js';
import { en } from '../../../src/ui/text/en.js';
import { repoPath } from '../../support/paths.js';

const readme = readFileSync(repoPath('README.md'), 'utf8');

describe('README', () => {
  it('starts with the run command and the test command that .ci/run uses', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = firstBlock.split('\n').filter((l) => l && !l.startsWith('#'));
    assert.equal(commands.length, 2);
    assert.match(commands[0]!, /bin\/postfix-gmail-wizard\.js/);
    assert.ok(
      readFileSync(repoPath('.ci', 'run'), 'utf8').includes(commands[1]!),
      '.ci/run runs the README test command',
    );
  });
  it('explains every diagnosis code', () => {
    for (const code of DIAGNOSIS_CODES) assert.ok(readme.includes(`| \`${code}\` |`), code);
  });
  it('documents every option of --help', () => {
    for (const option of en.help.match(/--[a-z-]+/g) ?? []) assert.ok(readme.includes(option), option);
  });
});

describe('JSON schema', () => {
  it('lists exactly the diagnosis codes the code can produce', async () => {
    const { outcomeSchema } = await import('../../support/outcome-schema.js');
    const defs = (outcomeSchema() as { $defs: { test: { properties: { diagnosis: { enum: string[] } } } } }).$defs;
    assert.deepEqual([...defs.test.properties.diagnosis.enum].sort(), [...DIAGNOSIS_CODES].sort());
  });
});

describe('README screens', () => {
  it('are the ones npm run screens captured last (docs/screens)', () => {
    for (const lang of ['en', 'ja']) {
      const screen = readFileSync(repoPath('docs', 'screens', `setup.${lang}.txt`), 'utf8');
      assert.ok(
        readme.includes(`<!-- screen:${lang} -->\n\n\`\`\`text\n${screen}\`\`\`\n\n<!-- /screen:${lang} -->`),
        lang,
      );
    }
  });
});
