// readMapStates called by itself on the recording fake: every table main.cf names in the parameters
// that steer mail to the relay (proxy: read through), the password files main.cf no longer names,
// and each file's mode and compiled copies.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readMapStates } from '../../../src/flow/doctor/maps.js';
import { FakeSystem } from '../../support/fake-system.js';

describe('readMapStates', () => {
  it("named maps and leftovers, secret where they hold a password, with their files' states", async () => {
    const sys = new FakeSystem();
    sys.put('/etc/postfix/sasl_passwd', 'x', 0o600);
    sys.put('/etc/postfix/sasl_passwd.db', 'x', 0o644);
    sys.put('/etc/postfix/transport', 'x', 0o644);
    sys.put('/etc/postfix/saslpass', 'x', 0o644);
    const settings = {
      smtp_sasl_password_maps: 'hash:/etc/postfix/sasl_passwd',
      transport_maps: 'proxy:hash:/etc/postfix/transport',
      mydestination: 'hash:/etc/postfix/not-a-relay-map',
    };
    const maps = await readMapStates(sys, settings, [
      { type: 'hash', path: '/etc/postfix/saslpass' },
      { type: 'hash', path: '/etc/postfix/sasl_passwd' },
    ]);
    assert.deepEqual(
      maps.map((m) => [
        m.parameter,
        m.path,
        m.secret,
        m.source?.mode,
        m.compiled.map((c) => c.state?.mode ?? 'absent'),
      ]),
      [
        ['smtp_sasl_password_maps', '/etc/postfix/sasl_passwd', true, 0o600, [0o644]],
        ['transport_maps', '/etc/postfix/transport', false, 0o644, ['absent']],
        ['', '/etc/postfix/saslpass', true, 0o644, ['absent']],
      ],
    );
  });

  it('a named map whose file is gone: no source state', async () => {
    const [map] = await readMapStates(new FakeSystem(), { smtp_generic_maps: 'hash:/etc/postfix/gmail_generic' });
    assert.deepEqual([map?.path, map?.source, map?.secret], ['/etc/postfix/gmail_generic', undefined, false]);
  });
});
