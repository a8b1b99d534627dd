// The settings rules (postfix/problems/settings.ts): what main.cf and master.cf get wrong, read from
// their effective values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  obsoleteSettings,
  openRelay,
  postfixNotRunning,
  relayBypassed,
  saslPluginsMissing,
  tlsUnverified,
  wrappermodeMismatch,
} from '../../../../src/postfix/problems/settings.js';
import type { DoctorFacts } from '../../../../src/postfix/problems/types.js';
import { healthy } from './facts.js';

const withSettings = (settings: Record<string, string>, overrides: Partial<DoctorFacts> = {}): DoctorFacts => {
  const facts = healthy(overrides);
  return { ...facts, settings: { ...facts.settings, ...settings } };
};

describe('postfixNotRunning', () => {
  it('fixable by starting it; silent while it runs', () => {
    const [p] = postfixNotRunning({ running: false });
    assert.equal(p?.code, 'postfix-not-running');
    assert.deepEqual(p?.repair, { start: true });
    assert.deepEqual(postfixNotRunning({ running: true }), []);
  });
});

describe('obsoleteSettings', () => {
  it('smtp_use_tls and a CApath naming a file, with their replacements', () => {
    const [p] = obsoleteSettings({
      explicit: {
        relayhost: '[smtp.gmail.com]:587',
        smtp_use_tls: 'yes',
        smtp_tls_CApath: '/etc/ssl/certs/ca-certificates.crt',
      },
    });
    assert.deepEqual(p?.evidence, [
      'main.cf: smtp_use_tls = yes (obsolete)',
      'main.cf: smtp_tls_CApath = /etc/ssl/certs/ca-certificates.crt (misused)',
    ]);
    assert.deepEqual(p?.repair?.removeSettings, ['smtp_use_tls', 'smtp_tls_CApath']);
    assert.deepEqual(p?.repair?.settings, {
      smtp_tls_security_level: 'may',
      smtp_tls_CAfile: '/etc/ssl/certs/ca-certificates.crt',
    });
    assert.equal(p?.vars?.names, 'smtp_use_tls, smtp_tls_CApath');
  });

  it('silent on the current parameters', () => {
    assert.deepEqual(obsoleteSettings({ explicit: healthy().explicit }), []);
  });
});

describe('tlsUnverified', () => {
  it('whatever sets the level below verify, with where it comes from', () => {
    const [main] = tlsUnverified(healthy({ tls: { level: 'may', source: 'main.cf' } }));
    assert.equal(main?.code, 'tls-unverified');
    assert.deepEqual(main?.repair, { settings: { smtp_tls_security_level: 'secure' }, tlsSecure: true });
    const [policy] = tlsUnverified(
      healthy({
        tls: { level: 'encrypt', source: 'policy-map', where: 'hash:/etc/postfix/tls_policy [smtp.gmail.com]:587' },
      }),
    );
    assert.match(
      policy!.evidence[0]!,
      /^policy-map hash:\/etc\/postfix\/tls_policy \[smtp\.gmail\.com\]:587: TLS level encrypt/,
    );
    for (const level of ['verify', 'secure', 'dane-only'])
      assert.deepEqual(tlsUnverified(healthy({ tls: { level, source: 'main.cf' } })), [], level);
  });

  it("no CA at all: the distribution's bundle is named; a CApath counts as one", () => {
    assert.equal(
      tlsUnverified(withSettings({ smtp_tls_CAfile: '' }, { tls: { level: 'may', source: 'main.cf' } }))[0]?.repair
        ?.settings?.smtp_tls_CAfile,
      '/etc/ssl/certs/ca-certificates.crt',
    );
    const capath = withSettings(
      { smtp_tls_CAfile: '', smtp_tls_CApath: '/etc/ssl/certs' },
      { tls: { level: 'may', source: 'main.cf' } },
    );
    assert.equal(tlsUnverified(capath)[0]?.repair?.settings?.smtp_tls_CAfile, undefined);
  });

  it('an empty level reads as none; no relayhost, no rule', () => {
    assert.equal(tlsUnverified(healthy({ tls: { level: '', source: 'main.cf' } }))[0]?.vars?.level, 'none');
    assert.deepEqual(tlsUnverified(withSettings({ relayhost: '' }, { tls: { level: 'may', source: 'main.cf' } })), []);
  });
});

describe('wrappermodeMismatch', () => {
  it('465 without wrapper mode → yes; wrapper mode on 587 → no', () => {
    const [on465] = wrappermodeMismatch(healthy({ relay: { ...healthy().relay!, port: 465, implicitTls: true } }));
    assert.equal(on465?.code, 'wrappermode-mismatch');
    assert.deepEqual(on465?.repair?.settings, { smtp_tls_wrappermode: 'yes' });
    assert.deepEqual(wrappermodeMismatch(withSettings({ smtp_tls_wrappermode: 'yes' }))[0]?.repair?.settings, {
      smtp_tls_wrappermode: 'no',
    });
  });

  it('turning wrapper mode on also raises a level below verify to secure', () => {
    const facts = withSettings(
      { smtp_tls_security_level: 'may' },
      { relay: { ...healthy().relay!, port: 465, implicitTls: undefined } },
    );
    assert.deepEqual(wrappermodeMismatch(facts)[0]?.repair?.settings, {
      smtp_tls_wrappermode: 'yes',
      smtp_tls_security_level: 'secure',
    });
  });

  it('silent when they agree, and with no relay', () => {
    assert.deepEqual(wrappermodeMismatch(healthy()), []);
    assert.deepEqual(
      wrappermodeMismatch(
        withSettings({ smtp_tls_wrappermode: 'yes' }, { relay: { ...healthy().relay!, port: 465, implicitTls: true } }),
      ),
      [],
    );
    assert.deepEqual(wrappermodeMismatch({ settings: healthy().settings }), []);
  });
});

describe('saslPluginsMissing', () => {
  it('no plugin, noplaintext without TLS, a "no mechanism available" deferral', () => {
    assert.equal(
      saslPluginsMissing(healthy({ saslPlugins: { plain: false, login: false } }))[0]?.code,
      'sasl-plugins-missing',
    );
    const [noTls] = saslPluginsMissing(healthy({ tls: { level: 'none', source: 'main.cf' } }));
    assert.match(noTls!.evidence[0]!, /noplaintext.*without TLS/);
    const [logged] = saslPluginsMissing(
      healthy({
        failures: [
          {
            queueId: 'ABC123',
            status: 'deferred',
            reason:
              'SASL authentication failed; cannot authenticate to server smtp.gmail.com[142.250.1.108]: no mechanism available',
            diagnosis: 'sasl-no-mechanism',
          },
        ],
      }),
    );
    assert.match(logged!.evidence[0]!, /^ABC123: SASL authentication failed/);
    assert.equal(logged?.fixable, false);
  });

  it('one plugin is enough; Dovecot SASL has no Cyrus plugins; no SASL at all, no rule', () => {
    assert.deepEqual(saslPluginsMissing(healthy({ saslPlugins: { plain: true, login: false } })), []);
    assert.deepEqual(
      saslPluginsMissing(withSettings({ smtp_sasl_type: 'dovecot' }, { saslPlugins: { plain: false, login: false } })),
      [],
    );
    assert.deepEqual(
      saslPluginsMissing(
        withSettings({ smtp_sasl_auth_enable: 'no' }, { saslPlugins: { plain: false, login: false } }),
      ),
      [],
    );
  });
});

describe('relayBypassed', () => {
  it('transport_maps and sender-dependent transports: not fixable (a table may be there on purpose)', () => {
    const [table] = relayBypassed({
      settings: healthy().settings,
      explicit: { transport_maps: 'hash:/etc/postfix/transport' },
    });
    assert.equal(table?.code, 'relay-bypassed');
    assert.deepEqual(table?.evidence, ['main.cf: transport_maps = hash:/etc/postfix/transport']);
    assert.equal(table?.fixable, false);
    const [dependent] = relayBypassed({
      settings: healthy().settings,
      explicit: { sender_dependent_relayhost_maps: 'hash:/etc/postfix/relayhost_map' },
    });
    assert.match(dependent!.evidence[0]!, /smtp_sender_dependent_authentication = no/);
    assert.deepEqual(
      relayBypassed({
        settings: { ...healthy().settings, smtp_sender_dependent_authentication: 'yes' },
        explicit: { sender_dependent_relayhost_maps: 'hash:/etc/postfix/relayhost_map' },
      }),
      [],
    );
  });

  it('the error transport (Debian\'s "Local only") is the one fixable case', () => {
    const [error] = relayBypassed({
      settings: { ...healthy().settings, default_transport: 'error', relay_transport: 'error:local only' },
      explicit: {},
    });
    assert.deepEqual(error?.repair?.settings, { default_transport: 'smtp', relay_transport: 'relay' });
    assert.equal(error?.fixable, true);
    const mixed = relayBypassed({
      settings: { ...healthy().settings, default_transport: 'error' },
      explicit: { transport_maps: 'hash:/etc/postfix/transport' },
    });
    assert.equal(mixed[0]?.fixable, false);
  });

  it('an empty relayhost is named when nothing else is', () => {
    assert.deepEqual(relayBypassed({ settings: { ...healthy().settings, relayhost: '' }, explicit: {} })[0]?.evidence, [
      'main.cf: relayhost is empty',
    ]);
    assert.deepEqual(relayBypassed({ settings: healthy().settings, explicit: healthy().explicit }), []);
  });
});

describe('openRelay', () => {
  it('networks others may relay through, named in the evidence and the words', () => {
    const [p] = openRelay({ openNetworks: ['192.168.0.0/16', '10.0.0.0/8'] });
    assert.equal(p?.code, 'open-relay');
    assert.equal(p?.vars?.networks, '192.168.0.0/16, 10.0.0.0/8');
    assert.deepEqual(p?.evidence, ['mynetworks: 192.168.0.0/16, 10.0.0.0/8']);
    assert.deepEqual(openRelay({ openNetworks: [] }), []);
  });
});
