import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A throwaway certificate authority and one server certificate it signed (CN=localhost unless told). */
export interface TestCa {
  /** PEM file of the CA certificate: what a client must trust (e.g. smtp_tls_CAfile). */
  caPath: string;
  caPem: string;
  /** Server certificate for DNS:localhost (or opts.host) and IP:127.0.0.1, signed by the CA. */
  certPath: string;
  /** Private key of the server certificate (mode 0600). */
  keyPath: string;
  certPem: string;
  keyPem: string;
}

/**
 * Makes a new, independent CA in `dir` (created if missing) with the `openssl` CLI, and a server
 * certificate signed by it, valid 30 days, EC P-256. Two calls give two CAs that do not trust each
 * other, which is how a test plays a man in the middle. `opts.name` prefixes the file names, so
 * several CAs can share a directory. `opts.host` names the server instead of localhost (e.g.
 * smtp.gmail.com, for a test where that name resolves to loopback); `opts.alsoNames` adds names
 * (smtp-relay.gmail.com).
 */
export async function createTestCa(
  dir: string,
  opts: { name?: string; host?: string; alsoNames?: string[] } = {},
): Promise<TestCa> {
  const name = opts.name ?? 'test';
  const host = opts.host ?? 'localhost';
  await mkdir(dir, { recursive: true });
  const file = (suffix: string) => join(dir, `${name}-${suffix}`);
  const caKey = file('ca.key');
  const caPath = file('ca.pem');
  const keyPath = file('server.key');
  const csrPath = file('server.csr');
  const certPath = file('server.pem');
  const extPath = file('server.ext');
  // A config of our own: OpenSSL 1.1 (Debian 11) would add its openssl.cnf's v3_ca extensions to ours,
  // and a CA naming basicConstraints twice is one that OpenSSL 3 (node's) refuses to trust.
  const config = file('req.cnf');
  await writeFile(config, '[req]\ndistinguished_name = dn\n[dn]\n');
  const ec = ['-config', config, '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

  await run('openssl', [
    'req',
    '-x509',
    ...ec,
    '-keyout',
    caKey,
    '-out',
    caPath,
    '-days',
    '30',
    '-subj',
    `/O=postfix-gmail-wizard tests/CN=${name} CA ${randomBytes(4).toString('hex')}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await run('openssl', ['req', '-new', ...ec, '-keyout', keyPath, '-out', csrPath, '-subj', `/CN=${host}`]);
  await writeFile(
    extPath,
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      `subjectAltName=${[host, ...(opts.alsoNames ?? [])].map((n) => `DNS:${n}`).join(',')},IP:127.0.0.1`,
      '',
    ].join('\n'),
  );
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    csrPath,
    '-CA',
    caPath,
    '-CAkey',
    caKey,
    '-days',
    '30',
    '-set_serial',
    `0x${randomBytes(12).toString('hex')}`,
    '-extfile',
    extPath,
    '-out',
    certPath,
  ]);
  await rm(csrPath);
  await rm(extPath);
  await rm(config);
  await chmod(caKey, 0o600);
  await chmod(keyPath, 0o600);
  await chmod(caPath, 0o644);
  await chmod(certPath, 0o644);

  const [caPem, certPem, keyPem] = await Promise.all([caPath, certPath, keyPath].map((p) => readFile(p, 'utf8')));
  return { caPath, caPem: caPem!, certPath, keyPath, certPem: certPem!, keyPem: keyPem! };
}
