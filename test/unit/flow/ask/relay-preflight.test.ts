// The address Google names when its relay service refuses this machine, and the words around it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressGoogleSaw, explainEnvelopeFailure } from '../../../../src/flow/ask/relay-preflight.js';
import { diagnose } from '../../../../src/gmail/diagnose.js';

// Google's reply at MAIL FROM, as Postfix logs it (one line, "?" where the reply's lines joined) and as a client reads it.
const logged =
  "550-5.7.1 Invalid credentials for relay [203.0.113.7]. The IP address you've?550-5.7.1 registered in your G Suite SMTP Relay service doesn't match domain of?550 5.7.1  https://support.google.com/a/answer/6140680#invalidcred a1b2 - gsmtp (in reply to MAIL FROM command)";
const read =
  "550-5.7.1 Invalid credentials for relay [2001:db8::7]. The IP address you've\n550-5.7.1 registered in your G Suite SMTP Relay service doesn't match domain of\n550 5.7.1  https://support.google.com/a/answer/6140680#invalidcred a1b2 - gsmtp";
const relay = { host: 'smtp-relay.gmail.com', port: 587, implicitTls: false };

describe('Workspace relay refusals', () => {
  it('diagnose: relay-address-refused, not a message or sender refusal', () => {
    assert.equal(diagnose(logged).code, 'relay-address-refused');
    assert.equal(diagnose(read, { responseCode: 550 }).code, 'relay-address-refused');
  });

  it('addressGoogleSaw: IPv4 and IPv6, nothing in another reply', () => {
    assert.equal(addressGoogleSaw(logged), '203.0.113.7');
    assert.equal(addressGoogleSaw(read), '2001:db8::7');
    assert.equal(
      addressGoogleSaw('5.7.0 Mail relay denied [98.144.108.17]. Invalid credentials for relay for'),
      '98.144.108.17',
    );
    assert.equal(addressGoogleSaw('550 5.7.1 message rejected'), undefined);
  });

  it('the explanation names the address and the Admin console setting; no word of a password', () => {
    const failure = explainEnvelopeFailure(relay, { ok: false, stage: 'mail', response: read, responseCode: 550 });
    assert.equal(failure.code, 'relay-address-refused');
    assert.match(failure.cause, /2001:db8::7/);
    assert.match(failure.fix, /Apps → Google Workspace → Gmail → Routing → SMTP relay service/);
    assert.match(failure.fix, /Allowed senders \/ IP addresses/);
    const timeout = explainEnvelopeFailure(relay, { ok: false, stage: 'connect', errorCode: 'ETIMEDOUT' });
    assert.doesNotMatch(timeout.cause, /password/i);
  });
});
