// Typed errors (src/errors.ts): each carries a stable code, the fix, and the exit code of CLI.md;
// errors raised below ui/ by code get their sentence from the wording ui/ registers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancelledError, codedError, ExitCode, UsageError, WizardError } from '../../src/errors.js';

describe('exit codes', () => {
  it('are those of CLI.md', () => {
    assert.deepEqual(ExitCode, { ok: 0, failed: 1, usage: 2, notDelivered: 3, cancelled: 130 });
  });
});

describe('WizardError and its kinds', () => {
  it('a WizardError fails with 1 unless told, and keeps code, message and fix', () => {
    const error = new WizardError('relay-refused', 'The relay refused the login.', 'Create a new app password.');
    assert.ok(error instanceof Error);
    assert.deepEqual(
      [error.name, error.code, error.message, error.fix, error.exitCode],
      ['WizardError', 'relay-refused', 'The relay refused the login.', 'Create a new app password.', 1],
    );
    assert.equal(new WizardError('x', 'm', undefined, ExitCode.notDelivered).exitCode, 3);
  });

  it('a UsageError exits 2, a CancelledError 130 with the code cancelled and no fix; both are WizardErrors', () => {
    const usage = new UsageError('bad-port', 'Port 26 is not a submission port.', 'Use 587 or 465.');
    assert.deepEqual(
      [usage instanceof WizardError, usage.name, usage.exitCode, usage.fix],
      [true, 'UsageError', 2, 'Use 587 or 465.'],
    );
    const cancelled = new CancelledError('Cancelled.');
    assert.deepEqual(
      [cancelled instanceof WizardError, cancelled.name, cancelled.code, cancelled.exitCode, cancelled.fix],
      [true, 'CancelledError', 'cancelled', 130, undefined],
    );
  });
});

describe('codedError', () => {
  it('its fallback message: the code and its facts, never an empty message', () => {
    const error = codedError('locked', { pid: 42 });
    assert.equal(error.code, 'locked');
    assert.equal(error.message, 'locked {"pid":42}');
    assert.equal(error.fix, undefined);
    assert.equal(error.exitCode, 1);
  });

  it('carries its facts for ui/ to word, and the exit code it is given; no sentence of its own', () => {
    const error = codedError('state-dir', { dir: '/tmp/x' }, ExitCode.usage);
    assert.deepEqual(
      [error.code, error.vars, error.fix, error.exitCode],
      ['state-dir', { dir: '/tmp/x' }, undefined, 2],
    );
  });
});
