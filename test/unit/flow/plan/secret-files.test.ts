// Which password files others can read, and how the plan makes them root-only (flow/plan/secret-files.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exposedSecretFiles, secretFileFixes } from '../../../../src/flow/plan/secret-files.js';
import type { PasswordMapFacts } from '../../../../src/flow/types.js';

describe('secret file fixes', () => {
  const facts = (path: string, mode: number, compiledMode: number, uid = 0): PasswordMapFacts => ({
    type: 'hash',
    path,
    mode,
    uid,
    compiledCurrent: true,
    compiled: [{ path: `${path}.db`, mode: compiledMode, uid }],
  });

  it('our loose compiled map is removed (postmap rebuilds it); a superseded map is made 0600', () => {
    assert.deepEqual(secretFileFixes(facts('/p/sasl_passwd', 0o600, 0o644), facts('/p/saslpass', 0o644, 0o640)), [
      { path: '/p/sasl_passwd.db', mode: 0o644, action: 'remove' },
      { path: '/p/saslpass', mode: 0o644, action: 'chmod' },
      { path: '/p/saslpass.db', mode: 0o640, action: 'chmod' },
    ]);
  });

  it('a compiled map owned by another user counts as exposed; tight files need nothing', () => {
    assert.deepEqual(
      exposedSecretFiles(facts('/p/sasl_passwd', 0o600, 0o600, 1000)).map((f) => f.path),
      ['/p/sasl_passwd', '/p/sasl_passwd.db'],
    );
    assert.deepEqual(secretFileFixes(facts('/p/sasl_passwd', 0o600, 0o600), undefined), []);
    assert.deepEqual(
      secretFileFixes(undefined, facts('/p/saslpass', 0o600, 0o600, 1000)),
      [],
      'no chmod that cannot help',
    );
  });
});
