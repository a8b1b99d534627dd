// isErrorTransport (postfix/transports.ts): Debian's "Local only" sets default_transport and
// relay_transport to `error` (or `retry`), so every message for another domain bounces.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isErrorTransport } from '../../../src/postfix/transports.js';

describe('isErrorTransport', () => {
  it('error and retry, bare or with a next-hop text, spaces around', () => {
    for (const value of ['error', 'retry', 'error:local delivery only', ' error ', 'retry:4.3.0 try later'])
      assert.equal(isErrorTransport(value), true, value);
  });

  it('not a transport that merely starts with those letters, nor a delivering one, nor unset', () => {
    for (const value of ['smtp', 'relay', 'errors', 'retryer:x', 'smtp:[smtp.gmail.com]:587', '', 'local:error'])
      assert.equal(isErrorTransport(value), false, value);
    assert.equal(isErrorTransport(undefined), false);
  });
});
