// Fedora and Enterprise Linux (RHEL, Rocky, AlmaLinux, CentOS Stream, Oracle
// Linux, Amazon Linux 2023): dnf, systemd, plugins in /usr/lib64/sasl2.
import type { DistroFamily } from './family.js';

export const rhel: DistroFamily = {
  name: 'rhel',
  ids: ['fedora', 'rhel', 'rocky', 'almalinux', 'centos', 'ol', 'amzn', 'circle', 'eurolinux', 'miraclelinux', 'navy'],
  postfixPackage: 'postfix',
  // cyrus-sasl-plain ships libplain.so and liblogin.so (cyrus-sasl.spec %files plain).
  saslPackages: ['cyrus-sasl-plain'],
  saslPluginDirs: ['/usr/lib64/sasl2', '/usr/lib/sasl2'],
  // postfix.spec builds map types as plugins; EL 10 has no Berkeley DB, so its
  // default_database_type is lmdb and that needs postfix-lmdb.
  mapTypePackages: { lmdb: 'postfix-lmdb', cdb: 'postfix-cdb' },
  caBundles: ['/etc/pki/tls/certs/ca-bundle.crt', '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem'],
  logFiles: ['/var/log/maillog'],
  install: (packages) => ({ file: 'dnf', args: ['install', '-y', ...packages] }),
};
