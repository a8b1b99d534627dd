// Who can reach this Postfix (postfix/networks.ts): loopback-only, mynetworks, what suggests mail
// arrives from the network on purpose, main.cf values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLoopbackOnly, mainCfValue, networkNeeds, openNetworks } from '../../../src/postfix/networks.js';

describe('who can reach this Postfix', () => {
  it('loopback-only in every spelling, and nothing else', () => {
    for (const yes of ['loopback-only', 'localhost', '127.0.0.1', '127.0.0.1, [::1]', '[::1]'])
      assert.ok(isLoopbackOnly(yes), yes);
    for (const no of ['all', '127.0.0.1, 192.0.2.2', '', undefined, '$myhostname'])
      assert.ok(!isLoopbackOnly(no), String(no));
  });
  it('mynetworks: networks, tables and hand-written hosts are open; loopback and the default host list are not', () => {
    assert.deepEqual(openNetworks({ mynetworks: '127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128' }, ['mynetworks']), []);
    assert.deepEqual(
      openNetworks({ mynetworks: '127.0.0.0/8 192.168.1.0/24 [fd00::]/64 hash:/etc/postfix/nets' }, ['mynetworks']),
      ['192.168.1.0/24', '[fd00::]/64', 'hash:/etc/postfix/nets'],
    );
    assert.deepEqual(
      openNetworks({ mynetworks: '127.0.0.0/8 192.0.2.2/32 [fd00::2]/128' }, []),
      [],
      "mynetworks_style = host: this machine's own addresses",
    );
    assert.deepEqual(openNetworks({ mynetworks: '127.0.0.0/8 192.0.2.7' }, ['mynetworks']), ['192.0.2.7']);
    assert.deepEqual(
      openNetworks(
        { mynetworks: '10.0.0.0/8', smtpd_relay_restrictions: 'permit_sasl_authenticated, reject_unauth_destination' },
        ['mynetworks'],
      ),
      [],
    );
  });
  it('names what suggests mail arrives from the network on purpose', () => {
    assert.deepEqual(networkNeeds({ relay_domains: '' }, [], ['vm', 'localhost'], ['vm']), []);
    assert.deepEqual(
      networkNeeds(
        { relay_domains: 'example.net', smtpd_sasl_auth_enable: 'yes' },
        ['relay_domains'],
        ['vm', 'example.com'],
        ['vm'],
      ),
      ['relay_domains = example.net', 'smtpd_sasl_auth_enable = yes', 'mydestination = example.com'],
    );
  });
  it('reads a main.cf value, continuation lines and last assignment included', () => {
    assert.equal(
      mainCfValue(
        'inet_interfaces = all\nfoo = 1\ninet_interfaces = 127.0.0.1,\n    [::1]\nbar = 2\n',
        'inet_interfaces',
      ),
      '127.0.0.1, [::1]',
    );
    assert.equal(mainCfValue('relayhost =\n', 'inet_interfaces'), undefined);
  });
});
