// Root's alias block in the aliases file (postfix/aliases.ts): set in place, the old entry kept as
// "was" lines, put back byte for byte.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { removeRootAlias, rootAliasOf, setRootAlias, wizardRootAlias } from '../../../src/postfix/aliases.js';

const debianAliases = '# See man 5 aliases for format\npostmaster:    root\n';

describe('root alias block in the aliases file', () => {
  it('replaces root\'s entry in place, keeps it as "was" lines, and remove puts it back byte for byte', () => {
    const original = 'postmaster: root\nroot: bob,\n  alice\nwebmaster: root\n';
    const changed = setRootAlias(original, 'you@gmail.com');
    assert.match(
      changed,
      /^postmaster: root\n# postfix-gmail-wizard: .*\n# was: root: bob,\n# was: {3}alice\nroot: you@gmail\.com\n# postfix-gmail-wizard: end\nwebmaster: root\n$/,
    );
    assert.equal(rootAliasOf(changed), 'you@gmail.com');
    assert.equal(wizardRootAlias(changed), 'you@gmail.com');
    assert.equal(removeRootAlias(changed), original);
  });

  it('appends when root has no entry; is idempotent; a new address keeps the original "was" lines', () => {
    const once = setRootAlias(debianAliases, 'you@gmail.com');
    assert.equal(setRootAlias(once, 'you@gmail.com'), once);
    const other = setRootAlias(setRootAlias('root: bob\n', 'a@gmail.com'), 'b@gmail.com');
    assert.match(other, /# was: root: bob\nroot: b@gmail\.com/);
    assert.equal(removeRootAlias(other), 'root: bob\n');
    assert.equal(removeRootAlias(once), debianAliases);
    assert.equal(removeRootAlias(debianAliases), undefined, 'no block: nothing to undo');
    assert.equal(
      setRootAlias('', 'you@gmail.com').endsWith('root: you@gmail.com\n# postfix-gmail-wizard: end\n'),
      true,
    );
  });
});
