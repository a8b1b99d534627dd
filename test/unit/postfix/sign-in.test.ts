// How Postfix signs in, read from main.cf's values (postfix/sign-in.ts).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { signInInUse } from '../../../src/postfix/sign-in.js';

it('no relayhost: nothing; SASL off: none; the xoauth2 filter alone: oauth; else app-password', () => {
  assert.equal(signInInUse({ smtp_sasl_auth_enable: 'yes' }), undefined);
  assert.equal(signInInUse({ relayhost: '[smtp-relay.gmail.com]:587' }), 'none');
  assert.equal(signInInUse({ relayhost: '[smtp-relay.gmail.com]:587', smtp_sasl_auth_enable: 'no' }), 'none');
  const sasl = { relayhost: '[smtp.gmail.com]:587', smtp_sasl_auth_enable: 'yes' };
  assert.equal(signInInUse(sasl), 'app-password');
  assert.equal(signInInUse({ ...sasl, smtp_sasl_mechanism_filter: 'xoauth2' }), 'oauth');
  assert.equal(signInInUse({ ...sasl, smtp_sasl_mechanism_filter: 'xoauth2, login' }), 'app-password');
});
