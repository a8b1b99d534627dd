// The files the wizard writes in a Postfix configuration directory (postfix/wizard-files.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { genericMapPath, passwordMapPath, savedSettingsPath } from '../../../src/postfix/wizard-files.js';

describe('wizard files', () => {
  it('live in the configuration directory', () => {
    const postfix = { configDir: '/etc/postfix' };
    assert.equal(passwordMapPath(postfix), '/etc/postfix/sasl_passwd');
    assert.equal(genericMapPath(postfix), '/etc/postfix/gmail_generic');
    assert.equal(savedSettingsPath(postfix), '/etc/postfix/postfix-gmail-wizard.saved');
  });

  it('a trailing slash (or several) makes no double slash; another instance gets its own', () => {
    assert.equal(passwordMapPath({ configDir: '/etc/postfix/' }), '/etc/postfix/sasl_passwd');
    assert.equal(genericMapPath({ configDir: '/etc/postfix-out//' }), '/etc/postfix-out/gmail_generic');
    assert.equal(
      savedSettingsPath({ configDir: '/usr/local/etc/postfix' }),
      '/usr/local/etc/postfix/postfix-gmail-wizard.saved',
    );
  });
});
