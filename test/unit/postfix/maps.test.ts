// Lookup tables (postfix/maps.ts): which files postmap makes for a type (postmap(1), DATABASE_README),
// and how postmap is called for another instance.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compiledMapPaths, everyCompiledForm, needsPostmap, postmapArgs } from '../../../src/postfix/maps.js';

describe('compiledMapPaths and needsPostmap', () => {
  it('hash and btree → .db, lmdb → .lmdb, cdb → .cdb, dbm and sdbm → .dir and .pag', () => {
    const p = '/etc/postfix/sasl_passwd';
    assert.deepEqual(compiledMapPaths('hash', p), [`${p}.db`]);
    assert.deepEqual(compiledMapPaths('btree', p), [`${p}.db`]);
    assert.deepEqual(compiledMapPaths('lmdb', p), [`${p}.lmdb`]);
    assert.deepEqual(compiledMapPaths('cdb', p), [`${p}.cdb`]);
    assert.deepEqual(compiledMapPaths('dbm', p), [`${p}.dir`, `${p}.pag`]);
    assert.deepEqual(compiledMapPaths('sdbm', p), [`${p}.dir`, `${p}.pag`]);
    for (const type of ['hash', 'btree', 'lmdb', 'cdb', 'dbm', 'sdbm']) assert.equal(needsPostmap(type), true, type);
  });

  it('types read as text (or unknown, whatever word main.cf holds) make nothing and need no postmap', () => {
    for (const type of [
      'texthash',
      'regexp',
      'pcre',
      'inline',
      'static',
      'ldap',
      '',
      'constructor',
      '__proto__',
      'toString',
    ]) {
      assert.deepEqual(compiledMapPaths(type, '/etc/postfix/x'), [], type);
      assert.equal(needsPostmap(type), false, type);
    }
  });
});

describe('everyCompiledForm', () => {
  it('each suffix once, whatever the type was', () => {
    assert.deepEqual(
      everyCompiledForm('/etc/postfix/sasl_passwd').sort(),
      ['.cdb', '.db', '.dir', '.lmdb', '.pag'].map((s) => `/etc/postfix/sasl_passwd${s}`).sort(),
    );
  });
});

describe('postmapArgs', () => {
  it('-c only for another instance; the map as type:path last', () => {
    assert.deepEqual(postmapArgs(undefined, 'hash', '/etc/postfix/sasl_passwd'), ['hash:/etc/postfix/sasl_passwd']);
    assert.deepEqual(postmapArgs('/etc/postfix-out', 'lmdb', '/etc/postfix-out/sasl_passwd'), [
      '-c',
      '/etc/postfix-out',
      'lmdb:/etc/postfix-out/sasl_passwd',
    ]);
  });
});
