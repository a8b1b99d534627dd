// A system the wizard does not know: it reports what it found and the manual
// steps, and guesses nothing about packages.
import type { DistroFamily } from './family.js';

export const generic: DistroFamily = {
  name: 'generic',
  ids: [],
  postfixPackage: 'postfix',
  saslPackages: [],
  saslPluginDirs: ['/usr/lib64/sasl2', '/usr/lib/sasl2', '/usr/local/lib/sasl2', '/usr/lib/x86_64-linux-gnu/sasl2'],
  caBundles: [
    '/etc/ssl/certs/ca-certificates.crt',
    '/etc/pki/tls/certs/ca-bundle.crt',
    '/etc/ssl/ca-bundle.pem',
    '/etc/ssl/cert.pem',
  ],
  logFiles: ['/var/log/mail.log', '/var/log/maillog', '/var/log/messages'],
};
