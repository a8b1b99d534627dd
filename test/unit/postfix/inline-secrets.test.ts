import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { holdsInlineSecret, maskInlineSecrets, maskInlineSecretsInText } from '../../../src/postfix/inline-secrets.js';

describe('passwords written inline in main.cf', () => {
  it('static: and inline: tables of a password map parameter hold one; files and other parameters do not', () => {
    assert.equal(holdsInlineSecret('smtp_sasl_password_maps', 'static:me@gmail.com:pw'), true);
    assert.equal(holdsInlineSecret('lmtp_sasl_password_maps', 'inline:{ [h]:587=me:pw }'), true);
    assert.equal(holdsInlineSecret('smtp_sasl_password_maps', 'hash:/etc/postfix/sasl_passwd'), false);
    assert.equal(holdsInlineSecret('transport_maps', 'static:smtp:[relay]'), false);
    assert.equal(holdsInlineSecret('smtp_sasl_password_maps', undefined), false);
  });

  it('masks the password, keeps the user and every other table', () => {
    assert.equal(
      maskInlineSecrets('smtp_sasl_password_maps', 'hash:/etc/postfix/a, static:me@gmail.com:s3cr:et'),
      'hash:/etc/postfix/a, static:me@gmail.com:********',
    );
    assert.equal(maskInlineSecrets('smtp_sasl_password_maps', 'static:{me:pw x}'), 'static:{me:********}');
    assert.equal(maskInlineSecrets('smtp_sasl_password_maps', 'inline:{ a=me:pw, b=you:pw2 }'), 'inline:{********}');
    assert.equal(maskInlineSecrets('transport_maps', 'static:smtp:[relay]'), 'static:smtp:[relay]');
  });

  it('masks every such value quoted in free text', () => {
    assert.equal(
      maskInlineSecretsInText('main.cf: smtp_sasl_password_maps = static:me:pw\nrelayhost = [h]'),
      'main.cf: smtp_sasl_password_maps = static:me:********\nrelayhost = [h]',
    );
  });
  it('in text, a value on continuation lines is masked too (main.cf: a line starting with white space goes on)', () => {
    const text = 'a = 1\nsmtp_sasl_password_maps = hash:/etc/postfix/x,\n    static:me@gmail.com:pw1234\nb = 2\n';
    assert.equal(
      maskInlineSecretsInText(text),
      'a = 1\nsmtp_sasl_password_maps = hash:/etc/postfix/x,\n    static:me@gmail.com:********\nb = 2\n',
    );
  });
});
