// The non-Debian fixtures against their distributions' own build recipes: each fixture's recipe.txt
// holds the lines of that distribution's recipe (fetched at a recorded commit) that decide what the
// wizard reads from `postconf` there — the default database type, SASL, NIS in the map types and
// alias_maps, the aliases file, the config directory. Each claim below names the recipe lines it
// rests on and what the fixture must then say: when either side changes, this test fails.
import { describe, it } from 'node:test';
import { checkClaims, line, type Claim } from '../../support/recipe-claims.js';

const postconfD = 'commands/postconf-d.txt';
const mapTypes = 'commands/postconf-m.txt';
const saslTypes = 'commands/postconf-A.txt';

const configDir = (recipe: RegExp): Claim => ({
  fact: 'configuration in /etc/postfix',
  recipe: [recipe],
  fixture: { [postconfD]: /^config_directory = \/etc\/postfix$/m },
});
const cyrus = (recipe: RegExp): Claim => ({
  fact: 'built with Cyrus SASL: postconf -A prints cyrus',
  recipe: [recipe],
  fixture: { [saslTypes]: /^cyrus\n?$/ },
});

// Fedora's spec (rhel undefined): Berkeley DB kept, NIS built in.
const fedoraSpec = {
  dbUnlessRhel10: [line('%if 0%{?rhel} < 10'), line('%bcond_without db'), line('%bcond_with db')],
  noNisFromRhel9: [line('%if 0%{?rhel} >= 9'), line('    CCARGS="${CCARGS} -DNO_NIS"')],
  sasl: /^ {2}CCARGS="\$\{CCARGS\} -DUSE_SASL_AUTH -DUSE_CYRUS_SASL /m,
  configDir: line('%define postfix_config_dir\t%{_sysconfdir}/postfix'),
};
// EL's own specs as OpenELA imports them: RHEL 9's for Rocky 9, RHEL 10's for AlmaLinux 10.
const elSpec = {
  noNis: [line('%if 0%{?rhel} >= 9'), line('    CCARGS="${CCARGS} -DNO_NIS"')],
  sasl: line('  CCARGS="${CCARGS} -DUSE_SASL_AUTH -DUSE_CYRUS_SASL -I%{_includedir}/sasl"'),
  configDir: line('%define postfix_config_dir\t%{_sysconfdir}/postfix'),
  lmdb: [line('%bcond_without lmdb'), line('  CCARGS="${CCARGS} -DHAS_LMDB"')],
};
const noNis: Claim = {
  fact: '-DNO_NIS: no nis map type, no nis:mail.aliases',
  recipe: elSpec.noNis,
  fixture: { [mapTypes]: { not: /^nis$/m }, [postconfD]: /^alias_maps = \w+:\/etc\/aliases$/m },
};

const gentooUse = (version: string) => `root/var/db/pkg/mail-mta/postfix-${version}/USE`;

const claims: Record<string, Claim[]> = {
  'fedora-42': [
    {
      fact: 'rhel undefined: Berkeley DB kept, hash is the default database type',
      recipe: fedoraSpec.dbUnlessRhel10,
      fixture: { [postconfD]: /^default_database_type = hash$/m, [mapTypes]: /^hash$/m },
    },
    {
      fact: 'rhel undefined: no -DNO_NIS, so the nis map type and nis:mail.aliases',
      recipe: fedoraSpec.noNisFromRhel9,
      fixture: { [mapTypes]: /^nis$/m, [postconfD]: /^alias_maps = hash:\/etc\/aliases, nis:mail\.aliases$/m },
    },
    cyrus(fedoraSpec.sasl),
    configDir(fedoraSpec.configDir),
  ],
  'rocky-9': [
    {
      fact: 'libdb-devel always built with, no -DNO_DB: hash is the default database type',
      recipe: [line('BuildRequires: libdb-devel, perl-generators, pkgconfig, zlib-devel')],
      fixture: { [postconfD]: /^default_database_type = hash$/m, [mapTypes]: /^hash$/m },
    },
    noNis,
    cyrus(elSpec.sasl),
    configDir(elSpec.configDir),
  ],
  'almalinux-10': [
    {
      fact: 'rhel 10: no Berkeley DB (-DNO_DB), lmdb built; the stock main.cf names lmdb: aliases and sets lmdb as the type',
      recipe: [
        line('%if 0%{?rhel} < 10'),
        line('%bcond_with db'),
        line('  CCARGS="${CCARGS} -DNO_DB"'),
        ...elSpec.lmdb,
        line('%global defmap_lmdb 1'),
        /s\|hash:\|lmdb:\|g' conf\/main\.cf$/m,
        line('  echo "default_database_type = lmdb" >> conf/main.cf'),
      ],
      fixture: {
        [mapTypes]: { not: /^(hash|btree)$/m },
        'main.cf': /^alias_maps = lmdb:\/etc\/aliases$[\s\S]*^default_database_type = lmdb$/m,
      },
    },
    {
      fact: 'defmap_lmdb: postfix requires postfix-lmdb, so lmdb is a map type',
      recipe: [line('Requires: %{name}-lmdb%{?_isa} = %{epoch}:%{version}-%{release}')],
      fixture: { [mapTypes]: /^lmdb$/m },
    },
    {
      fact: "Postfix 3.8.5 gets no DEF_DB_TYPE from the spec: postconf -d says Linux's native hash (main.cf overrides it)",
      recipe: [
        line('Version: 3.8.5'),
        line('#define NATIVE_DB_TYPE\t"hash"'),
        line('#define DEF_DB_TYPE\tNATIVE_DB_TYPE'),
      ],
      fixture: { [postconfD]: /^alias_maps = hash:\/etc\/aliases$[\s\S]*^default_database_type = hash$/m },
    },
    noNis,
    cyrus(elSpec.sasl),
    configDir(elSpec.configDir),
  ],
  'gentoo-openrc': [
    {
      fact: 'IUSE defaults (+berkdb, no lmdb, sasl and nis off) are the USE flags here',
      recipe: [/^IUSE="\+berkdb cdb dovecot-sasl \+eai ldap ldap-bind lmdb /m],
      fixture: { [gentooUse('3.10.8')]: /^abi_x86_64 amd64 berkdb eai elibc_glibc kernel_linux$/m },
    },
    {
      fact: 'berkdb on: DEF_DB_TYPE left alone, hash (Postfix 3.10) is the default',
      recipe: [line('\tif ! use berkdb; then'), /-DDEF_DB_TYPE=\\\\\\"lmdb\\\\\\""$/m],
      fixture: { [postconfD]: /^default_database_type = hash$/m },
    },
    {
      fact: 'sasl off: no Cyrus SASL, postconf -A prints nothing',
      recipe: [line('\tif use sasl; then')],
      fixture: { [saslTypes]: /^$/ },
    },
    {
      fact: 'nis off: -DNO_NIS; aliases moved to /etc/mail/aliases',
      recipe: [line('\tif ! use nis; then'), /s\|:\/etc\/aliases\|:\/etc\/mail\/aliases\|/],
      fixture: { [mapTypes]: { not: /^nis$/m }, [postconfD]: /^alias_maps = hash:\/etc\/mail\/aliases$/m },
    },
    configDir(line('\t\tconfig_directory="/etc/postfix" \\')),
    {
      fact: 'the one setting src_install writes (USE mbox off)',
      recipe: [line('\t\tmypostconf="home_mailbox=.maildir/"')],
      fixture: { 'main.cf': /^home_mailbox = \.maildir\/$/m },
    },
  ],
  'gentoo-systemd': [
    {
      fact: '+lmdb among the IUSE defaults, sasl ssl added by package.use',
      recipe: [/^IUSE="\+berkdb .* \+lmdb /m],
      fixture: { [gentooUse('3.11.7')]: /^abi_x86_64 amd64 berkdb eai elibc_glibc kernel_linux lmdb sasl ssl$/m },
    },
    {
      fact: 'lmdb on: default_database_type=lmdb given to make makefiles',
      recipe: [
        line('\tlocal default_database_type="lmdb"'),
        line('\t\tdefault_database_type="${default_database_type}" \\'),
      ],
      fixture: { [postconfD]: /^default_database_type = lmdb$/m, [mapTypes]: /^lmdb$/m },
    },
    cyrus(/-DUSE_SASL_AUTH -DUSE_CYRUS_SASL -I\$\{ESYSROOT\}\/usr\/include\/sasl"$/m),
    {
      fact: 'nis off: -DNO_NIS; aliases moved to /etc/mail/aliases',
      recipe: [line('\tif ! use nis; then'), /s\|:\/etc\/aliases\|:\$\{EPREFIX\}\/etc\/mail\/aliases\|/],
      fixture: { [mapTypes]: { not: /^nis$/m }, [postconfD]: /^alias_maps = lmdb:\/etc\/mail\/aliases$/m },
    },
    configDir(line('\t\tconfig_directory="/etc/postfix" \\')),
  ],
  arch: [
    {
      fact: "depends on 'db': Berkeley DB, hash is the default database type",
      recipe: [/^depends=\(.*'db'/m],
      fixture: { [postconfD]: /^default_database_type = hash$/m, [mapTypes]: /^hash$/m },
    },
    {
      fact: "no -DNO_NIS (and 'libnsl'): nis built in",
      recipe: [/'libnsl'/],
      fixture: { [mapTypes]: /^nis$/m, [postconfD]: /^alias_maps = hash:\/etc\/aliases, nis:mail\.aliases$/m },
    },
    cyrus(line('\t\t-DUSE_SASL_AUTH -DUSE_CYRUS_SASL -I/usr/include/sasl')),
  ],
  'alpine-3.23': [
    {
      fact: 'Berkeley DB left out (-DNO_DB), lmdb compiled in as the default database type',
      recipe: [line('\tccargs="$ccargs -DNO_DB"'), /-DHAS_LMDB .* -DDEF_DB_TYPE=\\\\\\"lmdb\\\\\\""$/m],
      fixture: { [postconfD]: /^default_database_type = lmdb$/m, [mapTypes]: /^lmdb$/m },
    },
    {
      fact: 'HAS_NIS commented out; aliases moved to /etc/postfix/aliases',
      recipe: [/s\|#define HAS_NIS\|\/\/#define HAS_NIS\|g/, /s\|:\/etc\/aliases\|:\/etc\/postfix\/aliases\|/],
      fixture: { [mapTypes]: { not: /^nis$/m }, [postconfD]: /^alias_maps = \w+:\/etc\/postfix\/aliases$/m },
    },
    cyrus(line('\tccargs="$ccargs -DUSE_SASL_AUTH -DUSE_CYRUS_SASL -I/usr/include/sasl"')),
    configDir(line('\t\tconfig_directory=/etc/postfix \\')),
  ],
  'opensuse-leap-15': [
    {
      fact: 'Berkeley DB removed, lmdb the default database type',
      recipe: [line('export CCARGS="${CCARGS} -DNO_DB -DDEF_DB_TYPE=\\\\\\"lmdb\\\\\\""')],
      fixture: { [postconfD]: /^default_database_type = lmdb$/m, [mapTypes]: { not: /^(hash|btree)$/m } },
    },
    {
      fact: 'suse_version 1500 < 1599: libnsl kept, no -DNO_NIS, so nis is built in',
      recipe: [line('%if 0%{?suse_version} < 1599'), line('%bcond_without libnsl')],
      fixture: { [mapTypes]: /^nis$/m, [postconfD]: /^alias_maps = lmdb:\/etc\/aliases, nis:mail\.aliases$/m },
    },
    cyrus(line('export CCARGS="${CCARGS} -DUSE_SASL_AUTH -DUSE_CYRUS_SASL -I%{_includedir}/sasl"')),
    configDir(line('%define pf_config_directory  %{_sysconfdir}/%{name}')),
    {
      fact: 'the settings %install writes with postconf -e that the flow can meet',
      recipe: [line('\t   "smtpd_helo_required  = yes" \\'), line("\t   'smtpd_banner      = $myhostname ESMTP'")],
      fixture: { 'main.cf': /^smtpd_helo_required = yes$[\s\S]*^smtpd_banner = \$myhostname ESMTP$/m },
    },
  ],
};

describe('non-Debian fixtures agree with their recipes (test/fixtures/*/recipe.txt)', () => {
  for (const [name, list] of Object.entries(claims)) it(`${name}: ${list.length} facts`, () => checkClaims(name, list));
});
