// The sentences of errors raised below ui/ by code (ui/error-text.ts): message and fix filled with
// the facts the error carries, a folder's problem worded inside the unsafe-path sentence.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codedError, WizardError } from '../../../src/errors.js';
import { CommandFailed } from '../../../src/transaction/run-step.js';
import { errorWords, failureText, wordError } from '../../../src/ui/error-text.js';
import { inLanguage, wordsFor } from '../../../src/ui/messages.js';

describe('wordError', () => {
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

  it('every code it knows is worded in both languages; an unknown code is left to the caller', async () => {
    const codes = [
      'postconf-failed',
      'state-dir',
      'locked',
      'backup-unmanaged-path',
      'backup-setuid',
      'backup-executable',
      'backup-damaged',
      'unsafe-path',
      'rollback-differs',
    ];
    const vars = { reason: 'r', dir: '/d', pid: 1, path: '/p', id: '1', mode: '4755', copy: 'c', problem: 'owner' };
    const english = codes.map((c) => wordError(c, vars));
    const japanese = inLanguage(await wordsFor('ja'), () => codes.map((c) => wordError(c, vars)));
    for (const [i, code] of codes.entries()) {
      assert.ok(english[i]?.message && english[i]?.fix, code);
      assert.notEqual(japanese[i]?.message, english[i]?.message, code);
    }
    assert.equal(wordError('no-such-code', {}), undefined);
  });
});

describe('errorWords: a coded error worded where it is shown', () => {
  it('words the code with the facts it carries, in the language of the run that shows it', async () => {
    const error = codedError('locked', { pid: 7, path: '/run/lock' }, 1);
    assert.equal(error.code, 'locked');
    assert.match(errorWords(error).message, /pid 7/);
    assert.equal(errorWords(error).fix, 'Wait for it to finish, then run this again.');
    const japanese = inLanguage(await wordsFor('ja'), () => errorWords(error).message);
    assert.match(japanese, /pid 7/);
    assert.notEqual(japanese, errorWords(error).message);
  });

  it('an error made with its sentence, or a code it does not know, keeps its own words', () => {
    assert.deepEqual(errorWords(new WizardError('x', 'said', 'do this')), { message: 'said', fix: 'do this' });
    assert.equal(errorWords(codedError('no-such-code', { a: 1 })).message, 'no-such-code {"a":1}');
  });
});

describe('failureText: what a transaction reports, as one line', () => {
  it('a failed command with its last output, one without, a signal, a coded error, any error', () => {
    assert.equal(
      failureText(new CommandFailed('postfix', 1, 'postfix: fatal: broken')),
      'postfix exited 1: postfix: fatal: broken',
    );
    assert.equal(failureText(new CommandFailed('emerge', 1, '')), 'emerge exited 1');
    assert.equal(failureText('SIGINT'), 'SIGINT');
    assert.match(failureText(codedError('no-space', { dir: '/etc', free: 1, needed: 9 })), /\/etc/);
    assert.equal(failureText(new Error('EROFS: read-only file system')), 'EROFS: read-only file system');
  });
});
