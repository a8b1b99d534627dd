// openSUSE Leap/Tumbleweed and SLES: zypper, systemd, plugins in /usr/lib64/sasl2.
import type { DistroFamily } from './family.js';

export const suse: DistroFamily = {
  name: 'suse',
  ids: [
    'opensuse-leap',
    'opensuse-tumbleweed',
    'opensuse-slowroll',
    'opensuse',
    'sles',
    'sles_sap',
    'sled',
    'suse',
    'sl-micro',
  ],
  postfixPackage: 'postfix',
  // cyrus-sasl.spec: liblogin.so is in cyrus-sasl itself, libplain.so in cyrus-sasl-plain.
  saslPackages: ['cyrus-sasl', 'cyrus-sasl-plain'],
  saslPluginDirs: ['/usr/lib64/sasl2', '/usr/lib/sasl2'],
  caBundles: ['/etc/ssl/ca-bundle.pem', '/var/lib/ca-certificates/ca-bundle.pem'],
  logFiles: ['/var/log/mail', '/var/log/messages'],
  install: (packages) => ({ file: 'zypper', args: ['--non-interactive', 'install', '--no-recommends', ...packages] }),
};
