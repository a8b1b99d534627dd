// The pre-flight's explanations of a refused or failed login (flow/ask/preflight.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainPreflight } from '../../../../src/flow/ask/preflight.js';

describe('pre-flight explanations', () => {
  const relay587 = { host: 'smtp.gmail.com', port: 587, implicitTls: false };
  const relay465 = { host: 'smtp.gmail.com', port: 465, implicitTls: true };
  it('a blocked port suggests the other one', () => {
    assert.match(
      explainPreflight(relay587, { errorCode: 'ETIMEDOUT', response: 'Connection timeout' }, 'stdin').fix,
      /--relay smtp\.gmail\.com:465/,
    );
    assert.match(
      explainPreflight(relay465, { errorCode: 'ETIMEDOUT', response: 'Connection timeout' }, 'stdin').fix,
      /--relay smtp\.gmail\.com:587/,
    );
    assert.match(
      explainPreflight(relay587, { errorCode: 'ESOCKET', response: 'connect ECONNREFUSED 1.2.3.4:587' }, 'stdin').cause,
      /password was not sent/,
    );
  });
  it('an unverified certificate: possible interception, password not sent (said once)', () => {
    const failure = explainPreflight(
      relay587,
      { errorCode: 'ESOCKET', response: 'unable to get local issuer certificate' },
      'stdin',
    );
    assert.equal(failure.code, 'tls-untrusted');
    assert.match(failure.cause, /possible interception/);
    assert.equal(failure.cause.match(/password was not sent/gi)?.length, 1);
  });
  it('535, 534 and 454 each in their own words', () => {
    assert.match(
      explainPreflight(
        relay587,
        { responseCode: 535, response: '535-5.7.8 Username and Password not accepted.' },
        'typed',
      ).fix,
      /Create a new app password/,
    );
    assert.match(
      explainPreflight(
        relay587,
        { responseCode: 534, response: '534-5.7.9 Application-specific password required.' },
        'typed',
      ).fix,
      /2-Step Verification/,
    );
    assert.match(
      explainPreflight(
        relay587,
        { responseCode: 454, response: '454 4.7.0 Too many login attempts, please try again later.' },
        'typed',
      ).fix,
      /Wait/,
    );
  });
  it('says when the refused password was the stored one', () => {
    assert.match(
      explainPreflight(relay587, { responseCode: 535, response: '535 5.7.8 x' }, 'keychain').cause,
      /stored in the keychain/,
    );
    assert.match(
      explainPreflight(relay587, { responseCode: 535, response: '535 5.7.8 x' }, 'map').cause,
      /Postfix has been using/,
    );
  });
});
