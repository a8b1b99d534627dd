// Alpine Linux: apk, OpenRC, each SASL mechanism its own package.
import type { DistroFamily } from './family.js';

export const alpine: DistroFamily = {
  name: 'alpine',
  ids: ['alpine', 'postmarketos'],
  postfixPackage: 'postfix',
  saslPackages: ['cyrus-sasl-login', 'cyrus-sasl-plain'],
  saslPluginDirs: ['/usr/lib/sasl2'],
  // Map types are dynamic plugins (APKBUILD: postfix-lmdb, postfix-pcre, …).
  mapTypePackages: { lmdb: 'postfix-lmdb' },
  caBundles: ['/etc/ssl/certs/ca-certificates.crt', '/etc/ssl/cert.pem'],
  logFiles: ['/var/log/messages', '/var/log/mail.log'],
  install: (packages) => ({ file: 'apk', args: ['add', '--no-progress', ...packages] }),
};
