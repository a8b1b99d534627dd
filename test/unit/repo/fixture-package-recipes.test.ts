// What the wizard names per distribution, against that distribution's own package recipes (the
// blocks of test/fixtures/<name>/recipe.txt after the Postfix one): the CA bundle it tries first
// (the ca-certificates recipe's file) and the packages it installs for the SASL PLAIN and LOGIN
// plugins (cyrus-sasl's recipe: which package ships libplain.so and liblogin.so, and where).
// src/distro/<family>.ts, the family the wizard picks from the fixture's os-release, and the
// fixture's own files must say the same; when either side changes, this test fails.
import { describe, it } from 'node:test';
import { checkClaims, line, sourceLine, type Claim } from '../../support/recipe-claims.js';

const pem = /^-----BEGIN CERTIFICATE-----$/m;
const ca = (path: string, recipe: RegExp[]): Claim => ({
  fact: `the CA bundle is ${path}`,
  recipe,
  fixture: { [`root${path}`]: pem },
  family: { caBundle: path },
});
const sasl = (packages: string[], pluginDir: RegExp, recipe: RegExp[], files?: Claim['files']): Claim => ({
  fact: `PLAIN and LOGIN come with ${packages.join(' + ')}`,
  recipe,
  ...(files ? { files } : {}),
  family: { saslPackages: packages, saslPluginDir: pluginDir },
});

// Debian's update-ca-certificates (Gentoo runs the same script).
const debianBundle = [line('CERTBUNDLE=ca-certificates.crt'), line('ETCCERTSDIR=/etc/ssl/certs')];
// The ca-certificates.spec of Fedora and EL: ca-bundle.crt links to the extracted bundle.
const pkiBundle = [
  line('%define pkidir %{_sysconfdir}/pki'),
  line('%define classic_tls_bundle ca-bundle.crt'),
  line('    $RPM_BUILD_ROOT%{pkidir}/tls/certs/%{classic_tls_bundle}'),
];
// cyrus-sasl.spec of Fedora and EL: the "plain" subpackage holds both plugins.
const plainSubpackage = [line('%files plain'), line('%{_plugindir2}/*plain*.so*'), line('%{_plugindir2}/*login*.so*')];
const gentooSasl = sasl(['dev-libs/cyrus-sasl'], /^\/usr\/lib64\/sasl2$/, [
  sourceLine('gentoo/gentoo', 'dev-libs/cyrus-sasl/cyrus-sasl-2.1.28-r5.ebuild'),
  line('\t\t--enable-login'),
  line('\t\t--with-plugindir="${EPREFIX}/usr/$(get_libdir)/sasl2"'),
]);
const gentooCa = ca('/etc/ssl/certs/ca-certificates.crt', [
  line('\t\tcp -p "${S}"/${PN}/sbin/update-ca-certificates \\'),
  line('\t\tmkdir -p etc/ssl/certs \\'),
  ...debianBundle,
]);

const claims: Record<string, Claim[]> = {
  'debian-12': [
    ca('/etc/ssl/certs/ca-certificates.crt', debianBundle),
    sasl(['libsasl2-modules'], /^\/usr\/lib\/[^/]+\/sasl2$/, [
      sourceLine('pexip/os-cyrus-sasl2', 'debian/libsasl2-modules.install'),
      line('usr/lib/*/sasl2/libplain.so*'),
      line('usr/lib/*/sasl2/liblogin.so*'),
    ]),
  ],
  'fedora-42': [
    ca('/etc/pki/tls/certs/ca-bundle.crt', pkiBundle),
    // Only cyrus-sasl-lib's plugins here (%files lib): the fixture is a machine without cyrus-sasl-plain.
    sasl(['cyrus-sasl-plain'], /^\/usr\/lib64\/sasl2$/, plainSubpackage, {
      'root/usr/lib64/sasl2/libanonymous.so': true,
      'root/usr/lib64/sasl2/libplain.so': false,
    }),
  ],
  'rocky-9': [
    ca('/etc/pki/tls/certs/ca-bundle.crt', [
      sourceLine('openela-main/ca-certificates', 'SPECS/ca-certificates.spec'),
      ...pkiBundle,
    ]),
    sasl(['cyrus-sasl-plain'], /^\/usr\/lib64\/sasl2$/, [
      sourceLine('openela-main/cyrus-sasl', 'SPECS/cyrus-sasl.spec'),
      line('%global _plugindir2 %{_libdir}/sasl2'),
      ...plainSubpackage,
    ]),
  ],
  'almalinux-10': [
    ca('/etc/pki/tls/certs/ca-bundle.crt', pkiBundle),
    sasl(['cyrus-sasl-plain'], /^\/usr\/lib64\/sasl2$/, plainSubpackage, {
      'root/usr/lib64/sasl2/libplain.so': true,
      'root/usr/lib64/sasl2/liblogin.so': true,
    }),
  ],
  'alpine-3.23': [
    ca('/etc/ssl/certs/ca-certificates.crt', [line('\t\t-etc/ssl/certs/ca-certificates.crt')]),
    sasl(['cyrus-sasl-plain', 'cyrus-sasl-login'], /^\/usr\/lib\/sasl2$/, [
      line('\t$pkgname-plain:_plugin'),
      line('\t$pkgname-login:_plugin'),
      line('\t\t--with-plugindir=/usr/lib/sasl2 \\'),
      line('\tmv "$pkgdir"/usr/lib/sasl2/lib${plugin}.so* "$subpkgdir"/usr/lib/sasl2/'),
    ]),
  ],
  arch: [
    ca('/etc/ssl/certs/ca-certificates.crt', [
      line('SSL=/etc/ssl/certs'),
      line('ln -fsrT $DEST/tls-ca-bundle.pem $SSL/ca-certificates.crt'),
    ]),
    sasl(['libsasl'], /^\/usr\/lib\/sasl2$/, [
      line('      --enable-plain \\'),
      line('      --enable-login \\'),
      line('package_libsasl() {'),
      line('  for dir in include lib sasldb plugins utils; do'),
    ]),
  ],
  'gentoo-openrc': [gentooCa, gentooSasl],
  'gentoo-systemd': [gentooCa, gentooSasl],
  'opensuse-leap-15': [
    ca('/etc/ssl/ca-bundle.pem', [
      line('%define cabundle  %{_localstatedir}/lib/ca-certificates/ca-bundle.pem'),
      line('\tln -s ../../var/lib/ca-certificates/ca-bundle.pem "$destdir"/etc/ssl/ca-bundle.pem'),
    ]),
    // liblogin.so is in cyrus-sasl itself: this fixture, without cyrus-sasl-plain, has it and not libplain.
    sasl(
      ['cyrus-sasl', 'cyrus-sasl-plain'],
      /^\/usr\/lib64\/sasl2$/,
      [
        line('Name:           cyrus-sasl'),
        line('%{_libdir}/sasl2/liblogin.so*'),
        line('%files plain'),
        line('%{_libdir}/sasl2/libplain.so*'),
      ],
      { 'root/usr/lib64/sasl2/liblogin.so': true, 'root/usr/lib64/sasl2/libplain.so': false },
    ),
  ],
};

describe('CA bundles and SASL plugin packages agree with their recipes (test/fixtures/*/recipe.txt)', () => {
  for (const [name, list] of Object.entries(claims)) it(`${name}: ${list.length} facts`, () => checkClaims(name, list));
});
