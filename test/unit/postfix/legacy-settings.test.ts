// The superseded and misused main.cf settings of a hand-made relay (src/postfix/legacy-settings.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { legacyPaths, legacyReplacement, legacySettings } from '../../../src/postfix/legacy-settings.js';
import { globalLevel } from '../../../src/postfix/tls-policy.js';

// The seed article's main.cf lines.
const seed = {
  relayhost: '[smtp.gmail.com]:587',
  smtp_use_tls: 'yes',
  smtp_sasl_auth_enable: 'yes',
  smtp_sasl_password_maps: 'hash:/etc/postfix/saslpass',
  smtp_sasl_tls_security_options: 'noanonymous',
  smtp_sasl_mechanism_filter: 'plain',
  smtp_tls_CApath: '/etc/ssl/certs/ca-certificates.crt',
};

describe('legacySettings', () => {
  it("finds the seed recipe's smtp_use_tls (obsolete) and its CApath naming a file (misused), nothing else", () => {
    const found = legacySettings(seed, { pathKinds: { '/etc/ssl/certs/ca-certificates.crt': 'file' } });
    assert.deepEqual(found, [
      {
        name: 'smtp_use_tls',
        value: 'yes',
        why: 'obsolete',
        replacement: { smtp_use_tls: undefined, smtp_tls_security_level: 'may' },
      },
      {
        name: 'smtp_tls_CApath',
        value: '/etc/ssl/certs/ca-certificates.crt',
        why: 'misused',
        replacement: { smtp_tls_CApath: undefined, smtp_tls_CAfile: '/etc/ssl/certs/ca-certificates.crt' },
      },
    ]);
  });

  it('a CApath that is a directory is right, whatever its name', () => {
    assert.deepEqual(
      legacySettings({ smtp_tls_CApath: '/etc/ssl/certs' }, { pathKinds: { '/etc/ssl/certs': 'directory' } }),
      [],
    );
    assert.deepEqual(
      legacySettings({ smtp_tls_CApath: '/etc/odd.pem' }, { pathKinds: { '/etc/odd.pem': 'directory' } }),
      [],
    );
    assert.deepEqual(
      legacySettings({ smtp_tls_CApath: '/etc/gone.crt' }, { pathKinds: { '/etc/gone.crt': 'missing' } }),
      [],
    );
  });

  it("without a fact about the path, a bundle's name counts as a file", () => {
    assert.equal(legacySettings({ smtp_tls_CApath: '/etc/ssl/certs/ca-certificates.crt' })[0]?.name, 'smtp_tls_CApath');
    assert.deepEqual(legacySettings({ smtp_tls_CApath: '/etc/ssl/certs' }), []);
  });

  it('a CApath file beside a CAfile is only taken out (the CAfile stays as it is)', () => {
    const found = legacySettings(
      { smtp_tls_CApath: '/a.crt', smtp_tls_CAfile: '/b.crt' },
      { pathKinds: { '/a.crt': 'file', '/b.crt': 'file' } },
    );
    assert.deepEqual(
      found.map((s) => s.replacement),
      [{ smtp_tls_CApath: undefined }],
    );
  });

  it('a CAfile that is a directory (known, not guessed) becomes the CApath', () => {
    const found = legacySettings(
      { smtp_tls_CAfile: '/etc/ssl/certs' },
      { pathKinds: { '/etc/ssl/certs': 'directory' } },
    );
    assert.deepEqual(found, [
      {
        name: 'smtp_tls_CAfile',
        value: '/etc/ssl/certs',
        why: 'misused',
        replacement: { smtp_tls_CAfile: undefined, smtp_tls_CApath: '/etc/ssl/certs' },
      },
    ]);
    assert.deepEqual(legacySettings({ smtp_tls_CAfile: '/etc/ssl/certs' }), []);
  });

  it('smtp_enforce_tls and smtp_tls_enforce_peername give one level, the one smtp(8) uses now', () => {
    const mainCf = { smtp_use_tls: 'yes', smtp_enforce_tls: 'yes', smtp_tls_enforce_peername: 'no' };
    const found = legacySettings(mainCf);
    assert.deepEqual(
      found.map((s) => s.name),
      ['smtp_use_tls', 'smtp_enforce_tls', 'smtp_tls_enforce_peername'],
    );
    assert.deepEqual(legacyReplacement(found), {
      smtp_use_tls: undefined,
      smtp_enforce_tls: undefined,
      smtp_tls_enforce_peername: undefined,
      smtp_tls_security_level: 'encrypt',
    });
    assert.equal(globalLevel(mainCf), 'encrypt');
  });

  it('with smtp_tls_security_level set, the old switches are only taken out (they were ignored)', () => {
    const found = legacySettings({ smtp_tls_security_level: 'secure', smtp_use_tls: 'no' });
    assert.deepEqual(found, [
      { name: 'smtp_use_tls', value: 'no', why: 'obsolete', replacement: { smtp_use_tls: undefined } },
    ]);
  });

  it('smtp_use_tls = no is obsolete too: its replacement keeps the level none', () => {
    assert.deepEqual(legacySettings({ smtp_use_tls: 'no' })[0]?.replacement, {
      smtp_use_tls: undefined,
      smtp_tls_security_level: 'none',
    });
  });

  it('disable_dns_lookups = yes becomes smtp_dns_support_level = disabled; = no just goes', () => {
    assert.deepEqual(legacySettings({ disable_dns_lookups: 'yes' })[0]?.replacement, {
      disable_dns_lookups: undefined,
      smtp_dns_support_level: 'disabled',
    });
    assert.deepEqual(legacySettings({ disable_dns_lookups: 'no' })[0]?.replacement, { disable_dns_lookups: undefined });
    assert.deepEqual(legacySettings({ disable_dns_lookups: 'yes', smtp_dns_support_level: 'dnssec' })[0]?.replacement, {
      disable_dns_lookups: undefined,
    });
  });

  it('smtp_tls_per_site is flagged only where smtp_tls_policy_maps makes smtp(8) ignore it', () => {
    assert.deepEqual(legacySettings({ smtp_tls_per_site: 'hash:/etc/postfix/tls_per_site' }), []);
    const found = legacySettings({ smtp_tls_per_site: 'hash:/x', smtp_tls_policy_maps: 'hash:/y' });
    assert.deepEqual(found, [
      { name: 'smtp_tls_per_site', value: 'hash:/x', why: 'misused', replacement: { smtp_tls_per_site: undefined } },
    ]);
  });

  it("a clean main.cf (the wizard's own) has nothing", () => {
    const wizard = {
      relayhost: '[smtp.gmail.com]:587',
      smtp_sasl_auth_enable: 'yes',
      smtp_sasl_password_maps: 'hash:/etc/postfix/sasl_passwd',
      smtp_sasl_tls_security_options: 'noanonymous',
      smtp_tls_security_level: 'secure',
      smtp_tls_CAfile: '/etc/ssl/certs/ca-certificates.crt',
    };
    assert.deepEqual(legacySettings(wizard), []);
  });

  it('names the absolute paths whose kind it needs', () => {
    assert.deepEqual(
      legacyPaths({ smtp_tls_CApath: '/etc/ssl/certs/ca-certificates.crt', smtp_tls_CAfile: 'relative' }),
      ['/etc/ssl/certs/ca-certificates.crt'],
    );
  });
});
