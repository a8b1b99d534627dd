// A healthy relay's facts, for the rule tests to break one thing at a time.
import type { DoctorFacts, MapState } from '../../../../src/postfix/problems/types.js';

export const secretMap = (mode = 0o600, dbMode = 0o600, dbMtime = 2000): MapState => ({
  parameter: 'smtp_sasl_password_maps',
  type: 'hash',
  path: '/etc/postfix/sasl_passwd',
  secret: true,
  source: { path: '/etc/postfix/sasl_passwd', mode, uid: 0, mtimeMs: 1000 },
  compiled: [
    {
      path: '/etc/postfix/sasl_passwd.db',
      state: { path: '/etc/postfix/sasl_passwd.db', mode: dbMode, uid: 0, mtimeMs: dbMtime },
    },
  ],
});

export function healthy(overrides: Partial<DoctorFacts> = {}): DoctorFacts {
  return {
    running: true,
    settings: {
      relayhost: '[smtp.gmail.com]:587',
      smtp_sasl_auth_enable: 'yes',
      smtp_tls_security_level: 'secure',
      smtp_tls_CAfile: '/etc/ssl/certs/ca-certificates.crt',
      smtp_sasl_security_options: 'noplaintext, noanonymous',
      default_transport: 'smtp',
      relay_transport: 'relay',
      inet_protocols: 'all',
    },
    explicit: { relayhost: '[smtp.gmail.com]:587', smtp_tls_security_level: 'secure' },
    tls: { level: 'secure', source: 'main.cf' },
    saslClientTypes: ['cyrus'],
    build: { defaultMapType: 'hash', mapTypes: ['btree', 'hash', 'lmdb', 'regexp'] },
    saslPlugins: { plain: true, login: true },
    maps: [secretMap()],
    failures: [],
    relay: {
      host: 'smtp.gmail.com',
      port: 587,
      implicitTls: false,
      addresses: [
        { family: 4, address: '142.250.1.108', ok: true },
        { family: 6, address: '2a00:1450::6c', ok: true },
      ],
    },
    login: { ok: true },
    chroot: { dir: '/var/spool/postfix', missing: [] },
    openNetworks: [],
    caBundle: '/etc/ssl/certs/ca-certificates.crt',
    ...overrides,
  };
}
