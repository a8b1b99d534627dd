// macOS: the Postfix that ships with the system, started on demand by launchd
// (org.postfix.master). Nothing to install; no os-release, a version plist instead.
import type { DistroFamily } from './family.js';

export const macos: DistroFamily = {
  name: 'macos',
  ids: ['macos'],
  postfixPackage: 'postfix',
  saslPackages: [],
  saslPluginDirs: ['/usr/lib/sasl2'],
  caBundles: ['/etc/ssl/cert.pem'],
  logFiles: ['/var/log/mail.log'],
};
