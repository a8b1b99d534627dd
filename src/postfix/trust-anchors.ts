// The certificates Postfix's smtp(8) trusts for the relay, so the pre-flight
// login trusts exactly the same ones: smtp_tls_CAfile, the hashed entries of
// smtp_tls_CApath (OpenSSL reads only <hash>.<n> names there), and — with
// tls_append_default_CA = yes — OpenSSL's default file and directory. The CA
// file is read before smtp(8) enters its chroot; the directories are searched
// during the handshake, so a chrooted smtp(8) sees them inside the chroot
// (Debian's init script copies smtp_tls_CApath there).
import type { System } from '../system/types.js';

const hashedName = /^[0-9a-f]{8}\.\d+$/;
const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export async function postfixTrustAnchors(
  sys: System,
  caFilePem: string,
  settings: Readonly<Record<string, string>>,
  chrootDir?: string,
): Promise<string> {
  const pems = [caFilePem];
  const inRoot = (path: string) => (chrootDir ? `${chrootDir.replace(/\/+$/, '')}${path}` : path);
  const caPath = (settings.smtp_tls_CApath ?? '').trim();
  if (caPath) pems.push(...(await hashedDirectory(sys, inRoot(caPath))));
  if (/^yes$/i.test((settings.tls_append_default_CA ?? '').trim())) {
    const version = await sys.exec('openssl', ['version', '-d']);
    const dir = /OPENSSLDIR: "([^"]+)"/.exec(version.stdout)?.[1];
    if (dir)
      pems.push((await sys.readFile(`${dir}/cert.pem`)) ?? '', ...(await hashedDirectory(sys, inRoot(`${dir}/certs`))));
  }
  return [...new Set(pems.join('\n').match(certificate) ?? [])].join('\n');
}

async function hashedDirectory(sys: System, dir: string): Promise<string[]> {
  // The classic recipe names its bundle here: OpenSSL finds nothing in a file, and neither do we.
  if ((await sys.fileInfo(dir))?.isDirectory === false) return [];
  const names = (await sys.listDir(dir)).filter((n) => hashedName.test(n)).sort();
  return (await Promise.all(names.map((n) => sys.readFile(`${dir.replace(/\/+$/, '')}/${n}`)))).map((pem) => pem ?? '');
}
