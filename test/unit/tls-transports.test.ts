// Mail for the relay can leave through a master.cf service that neither
// default_transport nor relay_transport names: a transport_maps or
// sender_dependent_default_transport_maps entry picks it (issue 11, item 3).
// Its own `-o smtp_tls_security_level` is an override like the others.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mappedRelayServices, relayServices, transportTableValues } from '../../src/postfix/tls-policy.js';

describe('services a transport table sends the relay\'s mail through', () => {
  const nexthop = '[smtp.gmail.com]:587';
  const values = ['weak:', 'weaker', 'tlsmay:[smtp.gmail.com]:587', 'viahost:smtp.gmail.com', 'other:[mx.example.org]', 'smtp:'];
  it('transport_maps: the relay named as next-hop; an empty next-hop is the recipient domain, not the relay', () => {
    assert.deepEqual(mappedRelayServices(values, nexthop, false), ['tlsmay', 'viahost']);
  });
  it('sender_dependent_default_transport_maps: an empty next-hop means relayhost too', () => {
    assert.deepEqual(mappedRelayServices(values, nexthop, true), ['weak', 'weaker', 'tlsmay', 'viahost', 'smtp']);
  });
  it('no service for the default transport, error/discard/retry, or a $name', () => {
    assert.deepEqual(mappedRelayServices([':[smtp.gmail.com]:587', 'error:5.1.1 no', 'discard:', 'retry:4.3.0 later', '$t:'], nexthop, true), []);
  });
  it('join the services of default_transport and relay_transport', () => {
    assert.deepEqual(relayServices({ default_transport: 'smtp', relay_transport: 'relay' }, ['weak', 'smtp']), ['smtp', 'relay', 'weak']);
  });
  it('reads the values of `postmap -s` output, and of a regexp/pcre table\'s lines', () => {
    assert.deepEqual(transportTableValues('example.com\tweak:\n.example.net  smtp:[mx.example.net]\n'), ['weak:', 'smtp:[mx.example.net]']);
    assert.deepEqual(transportTableValues('# comment\n/@example\\.com$/   weak:\nif /x/\n/y/ tlsmay:\nendif\n\n', true), ['weak:', 'tlsmay:']);
  });
});
