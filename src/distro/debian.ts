// Debian, Ubuntu and their children (Raspberry Pi OS, Mint, Pop!_OS, …).
import type { DistroFamily } from './family.js';

export const debian: DistroFamily = {
  name: 'debian',
  ids: ['debian', 'ubuntu', 'raspbian', 'linuxmint', 'pop', 'elementary', 'zorin', 'kali', 'devuan'],
  postfixPackage: 'postfix',
  // libsasl2-modules holds PLAIN and LOGIN; without it: "No worthy mechs found".
  saslPackages: ['libsasl2-modules'],
  saslPluginDirs: ['/usr/lib/x86_64-linux-gnu/sasl2', '/usr/lib/aarch64-linux-gnu/sasl2', '/usr/lib/arm-linux-gnueabihf/sasl2', '/usr/lib/i386-linux-gnu/sasl2', '/usr/lib/sasl2'],
  caBundles: ['/etc/ssl/certs/ca-certificates.crt'],
  logFiles: ['/var/log/mail.log', '/var/log/syslog'],
  install: (packages) => ({
    file: 'apt-get',
    args: ['install', '-y', '--no-install-recommends', ...packages],
    // debconf would otherwise open its dialog over the wizard's screen.
    env: { DEBIAN_FRONTEND: 'noninteractive' },
  }),
};
