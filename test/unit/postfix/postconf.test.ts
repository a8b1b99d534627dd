// postconf's output (postfix/postconf.ts), fed with real `postconf -d` captured on Debian 12; map references.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseMapReference, parsePostconf, postconfRemoveArgs } from '../../../src/postfix/postconf.js';
import { repoPath } from '../../support/paths.js';

const fixture = (...p: string[]) => readFileSync(repoPath('test', 'fixtures', 'debian-12', ...p), 'utf8');

describe('postconf output', () => {
  it('reads every default of a real `postconf -d`', () => {
    const s = parsePostconf(fixture('commands', 'postconf-d.txt'));
    assert.equal(s.default_database_type, 'hash');
    assert.equal(s.mail_version, '3.7.11');
    assert.equal(s.relayhost, '');
    assert.ok(Object.keys(s).length > 900);
  });
  it('splits a map reference', () => {
    assert.deepEqual(parseMapReference('hash:/etc/postfix/sasl_passwd'), {
      type: 'hash',
      path: '/etc/postfix/sasl_passwd',
    });
    assert.deepEqual(parseMapReference('lmdb:/etc/postfix/sasl_passwd, hash:/x'), {
      type: 'lmdb',
      path: '/etc/postfix/sasl_passwd',
    });
    assert.equal(parseMapReference(''), undefined);
  });
});

describe('postconfRemoveArgs', () => {
  it('names each parameter once: `postconf -X a a` crashes Postfix 3.7 (SIGSEGV)', () => {
    assert.deepEqual(postconfRemoveArgs('/etc/postfix', ['a', 'b', 'a']), ['-c', '/etc/postfix', '-X', 'a', 'b']);
  });
});
