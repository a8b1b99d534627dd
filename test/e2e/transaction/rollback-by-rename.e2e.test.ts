// A rollback must not need free space (issue 21): the transaction keeps each replaced file's original
// under a second name beside it, and the rollback renames it back. Proven on a real tmpfs filled to 0
// bytes free after main.cf, a password map and its compiled .db were replaced: the old main.cf's blocks
// were not freed by the replace, so writing it back from the backup's copy would have had no room.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { namespaceReport } from '../../support/netns.js';
import { postfixSkipReason } from '../../support/postfix-instance.js';

interface Found {
  code?: string;
  step?: { code: string; target?: string };
  rollback?: { restoreError?: string; reloadError?: string };
  blocksFreeAfterFill: number;
  before: string;
  after: string;
  names: string[];
  mainCfTail: string;
}

describe('rollback on a full disk (0 bytes free)', { skip: postfixSkipReason() }, () => {
  const found = namespaceReport<Found>('full-rollback-runner');

  it('the failing step is the one that filled the disk, and nothing was free when the rollback ran', () => {
    assert.equal(found().code, 'step-failed');
    assert.equal(found().step?.code, 'command');
    assert.match(found().step?.target ?? '', /^sh /);
    assert.equal(found().blocksFreeAfterFill, 0);
  });

  it('the rollback succeeded: main.cf, the map and its .db byte for byte (and mode) as before, the added file gone', () => {
    assert.deepEqual(found().rollback, {});
    assert.equal(found().after, found().before);
    assert.doesNotMatch(found().mainCfTail, /relayhost/);
  });

  it('no second name or temp file is left beside them', () => {
    assert.deepEqual(found().names, ['main.cf', 'sasl_passwd', 'sasl_passwd.db']);
  });
});
