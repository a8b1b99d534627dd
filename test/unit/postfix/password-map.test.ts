// Reading the current credential (and account) for the relayhost from a password map.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { passwordMapCredential, readPasswordMapAccount } from '../../../src/postfix/password-map.js';

describe('passwordMapCredential', () => {
  const map = '# comment\n[smtp.gmail.com]:587 someone@gmail.com:abcdefghijklmnop\n';
  it('reads the credential for the relayhost', () => {
    assert.deepEqual(passwordMapCredential(map, '[smtp.gmail.com]:587'), {
      account: 'someone@gmail.com',
      password: 'abcdefghijklmnop',
    });
  });
  it('gives a password only for the exact relay it was stored for, never the only entry for another relay', () => {
    assert.equal(passwordMapCredential(map, '[smtp.gmail.com]:465'), undefined);
    assert.equal(passwordMapCredential(map, '[evil.example]:587'), undefined);
    assert.equal(passwordMapCredential(`${map}[other]:25 x@y.com:pw\n`, '[smtp.gmail.com]:465'), undefined);
    assert.equal(
      readPasswordMapAccount(map, '[evil.example]:587'),
      'someone@gmail.com',
      'the account (a name) may still be shown',
    );
  });
  it('ignores entries without a password', () => {
    assert.equal(passwordMapCredential('[smtp.gmail.com]:587 someone@gmail.com\n', '[smtp.gmail.com]:587'), undefined);
  });
});

describe('password map', () => {
  it('finds the account for the relayhost and nothing else', () => {
    const text = '# comment\n[smtp.gmail.com]:587 someone@gmail.com:secretsecret\n';
    assert.equal(readPasswordMapAccount(text, '[smtp.gmail.com]:587'), 'someone@gmail.com');
  });
});
