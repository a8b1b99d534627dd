import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isManagedPath } from '../../../src/transaction/backup-check.js';

describe('the paths a backup may restore', () => {
  it('the config dir, the aliases files named, package.use — nothing else, and no tricks', () => {
    const ok = [
      '/etc/postfix/main.cf',
      '/etc/postfix/sasl_passwd.db',
      // the accounts' relay map: a backup taken before `remove --account` holds it (restore refused it)
      '/etc/postfix/sender_relay',
      '/etc/postfix/sender_relay.lmdb',
      '/etc/aliases',
      '/etc/portage/package.use',
      '/etc/portage/package.use/postfix',
    ];
    for (const path of ok)
      assert.equal(isManagedPath(path, '/etc/postfix/', ['/etc/aliases', '/etc/aliases.db']), true, path);
    const refused = [
      '/etc/shadow',
      '/etc/postfix/../shadow',
      '/etc/postfix',
      '/etc/postfix2/main.cf',
      'etc/postfix/main.cf',
      '/etc/postfix//main.cf',
      '/etc/portage/package.use/a/b',
      '/etc/portage/make.conf',
      '/etc/aliases.d/x',
      '/etc/postfix/',
    ];
    for (const path of refused) assert.equal(isManagedPath(path, '/etc/postfix', ['/etc/aliases']), false, path);
  });
});
