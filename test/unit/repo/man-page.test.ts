// The man page (scripts/man-page.ts, written by npm run build) is the help screens in man's form:
// every command and every option of every screen is in it, and groff reads it without a warning.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { manPage } from '../../../scripts/man-page.js';
import { commands } from '../../../src/flags.js';
import { en } from '../../../src/ui/text/en.js';
import { repoPath } from '../../support/paths.js';

const page = manPage('9.9.9');
const rendered = execFileSync('groff', ['-man', '-Tutf8', '-ww', '-P', '-c'], {
  input: page,
  encoding: 'utf8',
  env: { ...process.env, LANG: 'C.UTF-8' },
}).replace(/.\x08/g, '');

describe('the man page', () => {
  it('is the one npm run build wrote', () => {
    const { version } = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { version: string };
    assert.equal(readFileSync(repoPath('dist', 'man', 'postfix-gmail-wizard.1'), 'utf8'), manPage(version));
  });

  it('has every command and every option of every help screen, and the version', () => {
    assert.match(rendered, /postfix-gmail-wizard 9\.9\.9/);
    for (const command of commands) assert.match(rendered, new RegExp(`COMMAND: ${command.toUpperCase()}`));
    for (const [key, text] of Object.entries(en).filter(([k]) => k === 'help' || k.startsWith('help.')))
      for (const option of text.match(/--[a-z-]+/g) ?? []) assert.ok(rendered.includes(option), `${key}: ${option}`);
  });

  it('groff reads it without a warning', () => {
    const warnings = execFileSync('sh', ['-c', 'groff -man -ww -z 2>&1'], { input: page, encoding: 'utf8' });
    assert.equal(warnings, '');
  });
});
