// Arch Linux and derivatives: pacman, systemd, plugins from libsasl.
import type { DistroFamily } from './family.js';

export const arch: DistroFamily = {
  name: 'arch',
  ids: ['arch', 'archarm', 'manjaro', 'endeavouros', 'garuda', 'artix'],
  postfixPackage: 'postfix',
  saslPackages: ['libsasl'],
  saslPluginDirs: ['/usr/lib/sasl2'],
  mapTypePackages: { lmdb: 'postfix-lmdb', cdb: 'postfix-cdb' },
  caBundles: ['/etc/ssl/certs/ca-certificates.crt'],
  // journald by default; syslog-ng's stock syslog-ng.conf writes mail to /var/log/mail.log.
  logFiles: ['/var/log/mail.log'],
  install: (packages) => ({ file: 'pacman', args: ['-S', '--noconfirm', '--needed', ...packages] }),
};
