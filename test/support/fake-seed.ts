// The relay of the seed article (../shared/seed/) as the recording fake holds it: Debian 12's stock
// main.cf with the recipe's lines, its /etc/postfix/saslpass written 0644 and never postmapped.
import { readFileSync } from 'node:fs';
import { FakeSystem } from './fake-system.js';
import { installFakePostfix, type FakePostfix, type FakePostfixOptions } from './fake-postfix.js';
import { repoPath } from './paths.js';

const stockMainCf = readFileSync(repoPath('test', 'fixtures', 'debian-12', 'main.cf.local-only'), 'utf8');
export const seedLines = [
  'relayhost = [smtp.gmail.com]:587',
  'smtp_use_tls = yes',
  'smtp_sasl_auth_enable = yes',
  'smtp_sasl_password_maps = hash:/etc/postfix/saslpass',
  'smtp_sasl_tls_security_options = noanonymous',
  'smtp_tls_CApath = /etc/ssl/certs/ca-certificates.crt',
  'default_transport = smtp',
  'relay_transport = relay',
  '',
].join('\n');

export function seedMachine(
  password: string,
  account = 'cron@gmail.com',
  options: FakePostfixOptions = {},
): { sys: FakeSystem; postfix: FakePostfix } {
  const sys = new FakeSystem();
  const postfix = installFakePostfix(sys, {
    mainCf: stockMainCf.replace(/^(default_transport|relay_transport|relayhost) =.*\n/gm, '') + seedLines,
    ...options,
  });
  sys.put('/etc/postfix/saslpass', `[smtp.gmail.com]:587 ${account}:${password}\n`, 0o644);
  return { sys, postfix };
}
