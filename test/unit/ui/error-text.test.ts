// The sentences of errors raised below ui/ by code (ui/error-text.ts): message and fix filled with
// the facts the error carries, a folder's problem worded inside the unsafe-path sentence.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { codedError, setErrorWording } from '../../../src/errors.js';
import { wordError } from '../../../src/ui/error-text.js';
import { setCatalogue } from '../../../src/ui/messages.js';
import { en } from '../../../src/ui/text/en.js';
import { ja } from '../../../src/ui/text/ja.js';

describe('wordError', () => {
  after(() => setCatalogue(en));

  it("fills the message and the fix from the error's facts", () => {
    assert.deepEqual(wordError('locked', { pid: 812, path: '/var/lib/postfix-gmail-wizard/lock' }), {
      message:
        'Another postfix-gmail-wizard (pid 812) is changing the configuration right now (/var/lib/postfix-gmail-wizard/lock).',
      fix: 'Wait for it to finish, then run this again.',
    });
    assert.match(
      wordError('backup-damaged', { path: '/etc/postfix/main.cf', copy: 'files/main.cf', dir: '/var/backups/pgw/1' })!
        .fix,
      /\/var\/backups\/pgw\/1\/manifest\.json/,
    );
  });

  it("words a folder's problem inside the unsafe-path sentence", () => {
    const reasons = {
      symlink: 'is a symbolic link',
      owner: 'belongs to another user',
      writable: 'can be written by other users',
      'not-directory': 'is not a directory',
    };
    for (const [problem, words] of Object.entries(reasons)) {
      const worded = wordError('unsafe-path', { dir: '/var/backups/pgw', path: '/var/backups', problem });
      assert.ok(worded?.message.includes(`/var/backups ${words}`), worded?.message);
      assert.doesNotMatch(`${worded?.message} ${worded?.fix}`, /\{\w+\}/);
    }
  });

  it('every code it knows is worded in both languages; an unknown code is left to the caller', () => {
    const codes = [
      'postconf-failed',
      'state-dir',
      'locked',
      'backup-unmanaged-path',
      'backup-setuid',
      'backup-executable',
      'backup-damaged',
      'unsafe-path',
    ];
    const vars = { reason: 'r', dir: '/d', pid: 1, path: '/p', id: '1', mode: '4755', copy: 'c', problem: 'owner' };
    const english = codes.map((c) => wordError(c, vars));
    setCatalogue(ja);
    const japanese = codes.map((c) => wordError(c, vars));
    for (const [i, code] of codes.entries()) {
      assert.ok(english[i]?.message && english[i]?.fix, code);
      assert.notEqual(japanese[i]?.message, english[i]?.message, code);
    }
    assert.equal(wordError('no-such-code', {}), undefined);
  });
});

describe('codedError with the wording registered', () => {
  after(() => setErrorWording(() => undefined));

  it('carries the code, the worded message and fix, and the exit code', () => {
    setErrorWording(wordError);
    const error = codedError('locked', { pid: 7, path: '/run/lock' }, 1);
    assert.equal(error.code, 'locked');
    assert.match(error.message, /pid 7/);
    assert.equal(error.fix, 'Wait for it to finish, then run this again.');
  });
});
