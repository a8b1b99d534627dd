// The relay people type (gmail/relay.ts): host:port, relayhost values, the other port, a Google relay
// already configured.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRelay, parseRelayhost, relayhostValue, currentGoogleRelay, otherPort } from '../../../src/gmail/relay.js';

describe('relay', () => {
  it('defaults to smtp.gmail.com:587 with STARTTLS', () => {
    assert.deepEqual(parseRelay(undefined), {
      ok: true,
      value: { host: 'smtp.gmail.com', port: 587, implicitTls: false },
    });
  });
  it('reads host:port; 465 means implicit TLS', () => {
    assert.deepEqual(parseRelay('smtp.gmail.com:465'), {
      ok: true,
      value: { host: 'smtp.gmail.com', port: 465, implicitTls: true },
    });
    assert.deepEqual(parseRelay('[localhost]:2587'), {
      ok: true,
      value: { host: 'localhost', port: 2587, implicitTls: false },
    });
  });
  it('refuses what is not a host', () => {
    for (const bad of ['smtp.gmail.com:99999', 'a b:587', 'host:25\nx', ''])
      assert.equal(parseRelay(bad).ok, false, bad);
  });
  it('writes and reads relayhost values', () => {
    assert.equal(relayhostValue({ host: 'smtp.gmail.com', port: 587, implicitTls: false }), '[smtp.gmail.com]:587');
    assert.deepEqual(parseRelayhost('[smtp.gmail.com]:465'), { host: 'smtp.gmail.com', port: 465, implicitTls: true });
    assert.equal(parseRelayhost('smtp.gmail.com'), undefined);
  });
});

describe('relay choices', () => {
  it('587 ⇄ 465, with the TLS style that goes with the port', () => {
    assert.deepEqual(otherPort({ host: 'smtp.gmail.com', port: 587, implicitTls: false }), {
      host: 'smtp.gmail.com',
      port: 465,
      implicitTls: true,
    });
    assert.deepEqual(otherPort({ host: 'smtp.gmail.com', port: 465, implicitTls: true }), {
      host: 'smtp.gmail.com',
      port: 587,
      implicitTls: false,
    });
  });
  it('a re-run keeps a Google relay already configured (465 stays 465); another relayhost is not kept', () => {
    assert.deepEqual(currentGoogleRelay('[smtp.gmail.com]:465', 'yes'), {
      host: 'smtp.gmail.com',
      port: 465,
      implicitTls: true,
    });
    assert.deepEqual(currentGoogleRelay('[smtp-relay.gmail.com]:587', 'no'), {
      host: 'smtp-relay.gmail.com',
      port: 587,
      implicitTls: false,
    });
    assert.equal(currentGoogleRelay('[mail.isp.example]:587', undefined), undefined);
    assert.equal(currentGoogleRelay('', undefined), undefined);
    assert.equal(parseRelay('smtp-relay.gmail.com').ok, true);
  });
});
