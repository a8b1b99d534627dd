// The relay of the seed article (../shared/seed/, the classic Gentoo recipe)
// built by hand on a test Postfix, the way its readers did: its main.cf lines
// with the relay pointed at the fake Gmail, /etc/postfix/saslpass written with
// the default umask (so it and its .db are 0644) and `postmap`ped.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { RelayLab } from './relay-lab.js';

const execFileP = promisify(execFile);

export interface SeedRecipe {
  /** The hand-written password map (the article's /etc/postfix/saslpass). */
  saslpass: string;
  /** `[localhost]:PORT`, as the article's `[smtp.gmail.com]:587`. */
  relayhost: string;
}

/**
 * Before Postfix starts (lab started with `start: false`). `relayhost`: the article's own
 * `[smtp.gmail.com]:587` where that name leads to the fake Gmail (a private network namespace).
 */
export async function buildSeedRecipe(
  lab: Pick<RelayLab, 'postfix' | 'ca'> & { gmail: { port: number } },
  account: string,
  password: string,
  relayhost = `[localhost]:${lab.gmail.port}`,
): Promise<SeedRecipe> {
  const dir = lab.postfix.configDir;
  const saslpass = join(dir, 'saslpass');
  // The fixture is Debian's "Local only" answer; the article's machine delivers to the Internet.
  await lab.postfix.postconf('-X', 'default_transport', 'relay_transport');
  await lab.postfix.postconf(
    '-e',
    `relayhost = ${relayhost}`,
    'smtp_use_tls = yes',
    'smtp_sasl_auth_enable = yes',
    `smtp_sasl_password_maps = hash:${saslpass}`,
    'smtp_sasl_tls_security_options = noanonymous',
    'smtp_sasl_mechanism_filter = plain',
    // The article's bundle, named where Postfix wants a directory.
    `smtp_tls_CApath = ${lab.ca.caPath}`,
  );
  const umask = process.umask(0o022);
  try {
    await writeFile(saslpass, `${relayhost} ${account}:${password}\n`);
    await execFileP('postmap', ['-c', dir, `hash:${saslpass}`]);
  } finally {
    process.umask(umask);
  }
  return { saslpass, relayhost };
}
