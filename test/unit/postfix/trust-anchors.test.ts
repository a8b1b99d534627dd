// postfixTrustAnchors (postfix/trust-anchors.ts): the certificates smtp(8) trusts — the CA file, the
// hashed entries of smtp_tls_CApath (inside the chroot when smtp(8) runs there), and OpenSSL's defaults
// with tls_append_default_CA = yes — each once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { postfixTrustAnchors } from '../../../src/postfix/trust-anchors.js';
import { FakeSystem } from '../../support/fake-system.js';

const pem = (name: string) => `-----BEGIN CERTIFICATE-----\n${name}\n-----END CERTIFICATE-----`;
const list = (text: string) => [...text.matchAll(/-----BEGIN CERTIFICATE-----\n(\w+)\n/g)].map((m) => m[1]);

describe('postfixTrustAnchors', () => {
  it('the CA file alone, its certificates each once, text around them dropped', async () => {
    const text = await postfixTrustAnchors(new FakeSystem(), `# bundle\n${pem('A')}\n${pem('B')}\n${pem('A')}\n`, {});
    assert.deepEqual(list(text), ['A', 'B']);
    assert.ok(!text.includes('# bundle'));
  });

  it('smtp_tls_CApath: only <hash>.<n> names, as OpenSSL reads them', async () => {
    const sys = new FakeSystem({
      '/etc/ssl/certs/5ad8a5d6.0': pem('C'),
      '/etc/ssl/certs/ca-bundle.pem': pem('X'),
      '/etc/ssl/certs/0a1b2c3d.1': pem('D'),
      '/etc/ssl/certs/README': 'x',
    });
    assert.deepEqual(list(await postfixTrustAnchors(sys, pem('A'), { smtp_tls_CApath: '/etc/ssl/certs/' })), [
      'A',
      'D',
      'C',
    ]);
  });

  it('a CApath naming a file gives nothing (OpenSSL finds nothing there either)', async () => {
    const sys = new FakeSystem({ '/etc/ssl/certs/ca-certificates.crt': pem('X') });
    assert.deepEqual(
      list(await postfixTrustAnchors(sys, pem('A'), { smtp_tls_CApath: '/etc/ssl/certs/ca-certificates.crt' })),
      ['A'],
    );
  });

  it('a chrooted smtp(8) searches the CApath inside the chroot', async () => {
    const sys = new FakeSystem({
      '/var/spool/postfix/etc/ssl/certs/11111111.0': pem('J'),
      '/etc/ssl/certs/22222222.0': pem('H'),
    });
    assert.deepEqual(
      list(await postfixTrustAnchors(sys, '', { smtp_tls_CApath: '/etc/ssl/certs' }, '/var/spool/postfix/')),
      ['J'],
    );
  });

  it("tls_append_default_CA = yes adds OpenSSL's cert.pem and certs directory; otherwise openssl is not asked", async () => {
    const sys = new FakeSystem({ '/usr/lib/ssl/cert.pem': pem('E'), '/usr/lib/ssl/certs/33333333.0': pem('F') });
    sys.on('openssl', () => ({ exitCode: 0, stdout: 'OPENSSLDIR: "/usr/lib/ssl"\n', stderr: '' }));
    assert.deepEqual(list(await postfixTrustAnchors(sys, pem('A'), { tls_append_default_CA: 'yes' })), ['A', 'E', 'F']);
    const quiet = new FakeSystem({ '/usr/lib/ssl/cert.pem': pem('E') });
    assert.deepEqual(list(await postfixTrustAnchors(quiet, pem('A'), { tls_append_default_CA: 'no' })), ['A']);
    assert.deepEqual(quiet.calls, []);
  });
});
