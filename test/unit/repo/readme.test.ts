// The README and docs/ document what the code does: the two first commands (README), every
// diagnosis code in the troubleshooting table, every option of every help screen (docs/).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DIAGNOSIS_CODES } from '../../../src/gmail/diagnose.js';
import { en } from '../../../src/ui/text/en.js';
import { repoPath } from '../../support/paths.js';

const readme = readFileSync(repoPath('README.md'), 'utf8');
const doc = (name: string) => readFileSync(repoPath('docs', name), 'utf8');

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
  it('explains every diagnosis code (docs/troubleshooting.md)', () => {
    for (const code of DIAGNOSIS_CODES) assert.ok(doc('troubleshooting.md').includes(`| \`${code}\` |`), code);
  });
  it('documents every option of every help screen (docs/usage-and-options.md)', () => {
    const screens = Object.entries(en).filter(([key]) => key === 'help' || key.startsWith('help.'));
    assert.ok(screens.length > 1);
    for (const [key, text] of screens)
      for (const option of text.match(/--[a-z-]+/g) ?? [])
        assert.ok(doc('usage-and-options.md').includes(`\`${option}`), `${key}: ${option}`);
  });
  it('links every page of docs/, and each link leads to a file', () => {
    const pages = readdirSync(repoPath('docs')).filter((n) => n.endsWith('.md'));
    for (const page of pages) assert.ok(readme.includes(`](docs/${page})`), page);
    for (const [, target] of readme.matchAll(/\]\(((?:docs\/)?[\w./-]+)\)/g))
      assert.ok(existsSync(repoPath(target!)), target);
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
  it('are the ones npm run screens captured last (docs/screens): English in the README, Japanese in docs/', () => {
    for (const [lang, text] of [
      ['en', readme],
      ['ja', doc('usage-and-options.md')],
    ] as const) {
      const screen = readFileSync(repoPath('docs', 'screens', `setup.${lang}.txt`), 'utf8');
      assert.ok(
        text.includes(`<!-- screen:${lang} -->\n\n\`\`\`text\n${screen}\`\`\`\n\n<!-- /screen:${lang} -->`),
        lang,
      );
    }
  });
});
