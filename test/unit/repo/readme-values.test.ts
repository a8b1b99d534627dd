// Every value the README names — JSON enums, keychain reasons, exit codes,
// commands, diagnosis rows, error codes — is compared with the code's own
// list (and the JSON schema's), so a value renamed in one place fails here.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ExitCode } from '../../../src/errors.js';
import { KEYCHAIN_OUTCOME_REASONS, KEYCHAIN_OUTCOME_WORDS } from '../../../src/flow/keychain/keychain-state.js';
import { OUTCOME_RESULTS, TEST_STATUSES } from '../../../src/outcome.js';
import { DIAGNOSIS_CODES } from '../../../src/gmail/diagnose.js';
import { commands } from '../../../src/options.js';
import { explainDiagnosis } from '../../../src/ui/diagnosis-text.js';
import { outcomeSchema } from '../../support/outcome-schema.js';
import { repoPath } from '../../support/paths.js';

// The values live in docs/ since the README was cut to what a first-timer needs.
const readme = ['usage-and-options.md', 'automation-and-fleets.md', 'troubleshooting.md']
  .map((name) => readFileSync(repoPath('docs', name), 'utf8'))
  .join('\n');
const schema = outcomeSchema() as {
  properties: Record<string, { enum?: unknown[]; pattern?: string }>;
  $defs: { test: { properties: Record<string, { enum?: unknown[] }> } };
};

function section(title: string): string {
  const from = readme.indexOf(`${title}\n`);
  assert.ok(from >= 0, `README has the section ${title}`);
  const next = readme.slice(from + title.length).search(/\n#{2,3} /);
  return next < 0 ? readme.slice(from) : readme.slice(from, from + title.length + next);
}

/** The `a`, `b` … values of one README passage, in order. */
function ticked(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}

function sorted(values: readonly unknown[]): string[] {
  return values.map(String).sort();
}

const json = section('## JSON output').replace(/\s+/g, ' ');

function passage(pattern: RegExp): string {
  const found = pattern.exec(json)?.[1];
  assert.ok(found, `README's JSON output names ${pattern}`);
  return found;
}

describe("README values are the code's", () => {
  it("fields: every property of the schema is named, and the schema's constants", () => {
    const named = new Set(ticked(json));
    const defs = schema.$defs as unknown as Record<string, { properties: Record<string, unknown> }>;
    const objects = {
      top: schema.properties,
      test: defs.test!.properties,
      error: defs.error!.properties,
      changed: (schema.properties.changed as { properties: object }).properties,
      flushed: (schema.properties.flushed as { properties: object }).properties,
    };
    for (const [where, properties] of Object.entries(objects)) {
      for (const name of Object.keys(properties)) assert.ok(named.has(name), `${where}.${name} is in the README`);
    }
    const statusFields = ticked(passage(/`status` \(for the status command; with (.*?)\); `backups`/)).filter((n) =>
      /^[a-z][A-Za-z]+$/.test(n),
    );
    const statusProperties = (schema.properties.status as { properties: Record<string, unknown> }).properties;
    for (const name of statusFields)
      assert.ok(
        name in statusProperties || name === 'at' || ['total', 'deferred', 'reasons'].includes(name),
        `status.${name} is in the schema`,
      );
    const constants = schema.properties as unknown as Record<string, { const?: unknown }>;
    assert.ok(
      json.includes(`\`schema\` (\`${constants.schema!.const}\`) and \`version\` (\`${constants.version!.const}\`)`),
      'schema and version',
    );
  });

  it("result: the code's and the schema's list", () => {
    const named = ticked(passage(/`result` \(([^)]*)\)/));
    assert.deepEqual(sorted(named), sorted(OUTCOME_RESULTS));
    assert.deepEqual(sorted(schema.properties.result!.enum!), sorted(OUTCOME_RESULTS));
  });

  it('keychain: the words and every not-stored reason the code gives', () => {
    const words = ticked(passage(/`keychain` \((`stored`.*?) — the password came from it/));
    assert.deepEqual(sorted(words), sorted(KEYCHAIN_OUTCOME_WORDS));
    const reasons = ticked(passage(/with reason (.*?)\); `flushed`/));
    assert.deepEqual(sorted(reasons), sorted(KEYCHAIN_OUTCOME_REASONS));
    const pattern = new RegExp(schema.properties.keychain!.pattern!);
    for (const value of [...KEYCHAIN_OUTCOME_WORDS, ...KEYCHAIN_OUTCOME_REASONS.map((r) => `not-stored:${r}`)])
      assert.match(value, pattern);
  });

  it("test.status: the code's and the schema's list", () => {
    const named = ticked(passage(/`status` = (`sent`[^,]*)/));
    assert.deepEqual(sorted(named), sorted(TEST_STATUSES));
    assert.deepEqual(sorted(schema.$defs.test.properties.status!.enum!), sorted(TEST_STATUSES));
  });

  it("exit codes: the code's and the schema's list", () => {
    const text = /Exit codes: ([\s\S]*?)\n\n/.exec(readme)?.[1] ?? '';
    const named = ticked(text).filter((v) => /^\d+$/.test(v));
    assert.deepEqual(sorted(named), sorted(Object.values(ExitCode)));
    assert.deepEqual(sorted(schema.properties.exitCode!.enum!), sorted(Object.values(ExitCode)));
  });

  it("commands: the code's and the schema's list", () => {
    const block = section('## Commands and options');
    const named = [...block.matchAll(/^ {4}postfix-gmail-wizard \[?(\w+)/gm)].map((m) => m[1]!);
    assert.deepEqual(sorted(named), sorted(commands));
    assert.deepEqual(sorted(schema.properties.command!.enum!), sorted(commands));
  });

  it('troubleshooting: one row per diagnosis code, worded as the wizard words it', () => {
    const rows = [...section('## Troubleshooting').matchAll(/^\| `([a-z-]+)` \| (.*) \| (.*) \|$/gm)];
    assert.deepEqual(
      rows.map((r) => r[1]),
      [...DIAGNOSIS_CODES],
    );
    const plain = (text: string | undefined): string => (text ?? '').replace(/`/g, ''); // the README may mark code
    for (const [, code, cause, fix] of rows) {
      const text = explainDiagnosis(code as (typeof DIAGNOSIS_CODES)[number]); // as said for Gmail's relay
      assert.equal(plain(cause), plain(text.cause), `${code}: cause`);
      assert.equal(plain(fix), plain(text.fix), `${code}: fix`);
    }
  });

  it('other errors: each code is one the code throws', () => {
    const text = /Other errors: ([\s\S]*?)\n\n/.exec(readme)?.[1] ?? '';
    const named = ticked(text).filter((v) => /^[a-z]+(-[a-z]+)+$/.test(v));
    assert.ok(named.length >= 5, 'the README lists the other error codes');
    // Thrown as WizardError/UsageError, or as codedError (the codes ui/error-text.ts words, some built as `backup-${problem}`).
    const thrown = new Set(
      [...sources(repoPath('src'))].flatMap((s) =>
        [...s.matchAll(/(?:Error|codedError)\(\s*'([a-z0-9-]+)'/g)].map((m) => m[1]!),
      ),
    );
    const worded = readFileSync(repoPath('src/ui/error-text.ts'), 'utf8');
    for (const m of worded.matchAll(/^\s+'?([a-z0-9-]+)'?: \['/gm)) thrown.add(m[1]!);
    for (const code of named) assert.ok(thrown.has(code), `${code} is thrown somewhere in src/`);
  });
});

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (entry.name.endsWith('.ts')) yield readFileSync(path, 'utf8');
  }
}
