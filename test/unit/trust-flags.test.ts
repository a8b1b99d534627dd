// --state-dir/--backup-dir name where root keeps its lock, journal and
// backups: a relative path would mean whatever folder the run started in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExitCode, UsageError } from '../../src/errors.js';
import { parseOptions } from '../../src/options.js';

describe('--state-dir/--backup-dir must be absolute', () => {
  for (const flag of ['--state-dir', '--backup-dir']) {
    for (const value of ['state', './state', '../var', 'postfix-gmail-wizard', '']) {
      it(`${flag} ${JSON.stringify(value)}: a usage error naming ${flag} and asking for an absolute path`, () => {
        assert.throws(() => parseOptions(['remove', flag, value]), (error: unknown) => {
          assert.ok(error instanceof UsageError);
          assert.equal(error.exitCode, ExitCode.usage);
          assert.match(error.message, new RegExp(`${flag}`));
          assert.match(`${error.message} ${error.fix}`, /absolute/);
          return true;
        });
      });
    }
  }
  it('absolute ones are taken as before', () => {
    assert.equal(parseOptions(['--state-dir', '/srv/s']).stateDir, '/srv/s/postfix-gmail-wizard');
  });
});
