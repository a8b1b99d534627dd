// Debian, Ubuntu and their children (Raspberry Pi OS, Mint, Pop!_OS, …).
import type { DistroFamily } from './family.js';

export const debian: DistroFamily = {
  name: 'debian',
  ids: ['debian', 'ubuntu', 'raspbian', 'linuxmint', 'pop', 'elementary', 'zorin', 'kali', 'devuan'],
  postfixPackage: 'postfix',
  // libsasl2-modules holds PLAIN and LOGIN; without it: "No worthy mechs found".
  saslPackages: ['libsasl2-modules'],
  saslPluginDirs: [
    '/usr/lib/x86_64-linux-gnu/sasl2',
    '/usr/lib/aarch64-linux-gnu/sasl2',
    '/usr/lib/arm-linux-gnueabihf/sasl2',
    '/usr/lib/i386-linux-gnu/sasl2',
    '/usr/lib/sasl2',
  ],
  // Debian builds lmdb, cdb, … as postfix-<type> plugin packages (dynamicmaps.cf).
  mapTypePackages: { lmdb: 'postfix-lmdb', cdb: 'postfix-cdb' },
  caBundles: ['/etc/ssl/certs/ca-certificates.crt'],
  logFiles: ['/var/log/mail.log', '/var/log/syslog'],
  install: (packages) => ({
    file: 'apt-get',
    // confdef/confold: keep a changed conffile instead of asking about it.
    args: [
      'install',
      '-y',
      '--no-install-recommends',
      '-o',
      'Dpkg::Options::=--force-confdef',
      '-o',
      'Dpkg::Options::=--force-confold',
      ...packages,
    ],
    // debconf would otherwise open its dialog over the wizard's screen.
    env: { DEBIAN_FRONTEND: 'noninteractive' },
  }),
  // With no answer, postfix's debconf default is "Internet Site" (accept mail
  // from the network). "Local only" listens on loopback only; the wizard then
  // routes outgoing mail to the relay itself.
  beforeInstall: (packages) =>
    packages.includes('postfix')
      ? [{ file: 'debconf-set-selections', args: [], input: 'postfix postfix/main_mailer_type select Local only\n' }]
      : [],
};
