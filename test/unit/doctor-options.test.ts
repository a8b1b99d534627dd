import assert from 'node:assert/strict';
import { it } from 'node:test';
import { UsageError } from '../../src/errors.js';
import { parseOptions } from '../../src/options.js';

it('doctor takes --fix (with --yes, --json, --config-dir); another command refuses --fix', () => {
  const options = parseOptions(['doctor', '--fix', '--yes', '--json', '--config-dir', '/etc/postfix']);
  assert.equal(options.command, 'doctor');
  assert.equal(options.fix, true);
  assert.equal(parseOptions(['doctor']).fix, false);
  assert.throws(() => parseOptions(['setup', '--fix']), (e) => e instanceof UsageError && e.exitCode === 2);
});
