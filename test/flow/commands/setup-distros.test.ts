// The setup flow on every distribution family, from the fixture roots under
// test/fixtures/<family-version> (real os-release files, build facts of each
// distribution's Postfix package): the exact commands the wizard would run and
// the files it would write there, installs included.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeSystem } from '../../support/fake-system.js';
import { installFakePostfix, loadFixtureRoot, type FakePostfix } from '../../support/fake-postfix.js';
import { runCli } from '../../support/run-cli.js';
import { ScriptedUi } from '../../support/scripted-ui.js';

const password = 'abcdefghijklmnop';
const sent = 'status=sent (250 2.0.0 OK  1764320401 af79cd13be357-8b2e7c1a4e1si12345685a.100 - gsmtp)';
const headless = [
  '--account',
  'someone@gmail.com',
  '--password-stdin',
  '--to',
  'friend@example.com',
  '--yes',
  '--no-keychain',
  '--json',
];
const ok = (stdout = '') => ({ exitCode: 0, stdout, stderr: '' });

interface Machine {
  sys: FakeSystem;
  postfix?: FakePostfix;
}

/** A fixture machine; `installed: false` leaves Postfix out until a package manager installs it. */
// Where each family's syslog puts mail lines (the fake Postfix logs the delivery there).
const maillogs: Record<string, string> = {
  'fedora-42': '/var/log/maillog',
  'rocky-9': '/var/log/maillog',
  'almalinux-10': '/var/log/maillog',
  'alpine-3.23': '/var/log/messages',
  'opensuse-leap-15': '/var/log/mail',
};
const fakePostfix = (sys: FakeSystem, fixture: string, running = true) =>
  installFakePostfix(sys, {
    fixture,
    delivery: () => sent,
    running,
    maillog: maillogs[fixture] ?? '/var/log/mail.log',
  });

function machine(fixture: string, installed = true): Machine {
  const sys = new FakeSystem();
  const m: Machine = { sys };
  if (installed) m.postfix = fakePostfix(sys, fixture);
  else loadFixtureRoot(sys, fixture);
  for (const file of ['systemctl', 'rc-service', '/etc/init.d/postfix']) {
    sys.on(file, (args) => {
      if (m.postfix && args.includes('start')) m.postfix.running = true;
      return ok();
    });
  }
  sys.on('debconf-set-selections', () => ok());
  return m;
}

/** A package manager: `effects` says what installing each package does to the machine. */
function packageManager(
  m: Machine,
  file: string,
  fixture: string,
  effects: Record<string, () => void>,
  output = 'Installing…\nDone.\n',
) {
  m.sys.on(file, (args) => {
    for (const name of args) {
      if (name === 'postfix') m.postfix = fakePostfix(m.sys, fixture, false);
      effects[name]?.();
    }
    return ok(output);
  });
}

function plugins(sys: FakeSystem, dir: string, ...names: string[]): void {
  for (const name of names) sys.put(`${dir}/lib${name}.so`, '');
}

/** Every command that changes something, in order, as a person would type it. */
function changes(sys: FakeSystem): string[] {
  return sys.calls
    .filter((c) => !['postconf', 'postqueue'].includes(c.file) || c.args.includes('-e'))
    .filter((c) => !(c.file === 'postfix' && ['status', 'check'].includes(c.args.at(-1) ?? '')))
    .filter((c) => !(c.file === 'dpkg' && c.args.join(' ') === '--audit')) // dpkg's state, read before apt-get
    .map((c) =>
      [
        c.file,
        ...(c.file === 'postconf'
          ? c.args.filter(
              (a) => a === '-e' || a.startsWith('smtp_sasl_password_maps=') || a.startsWith('smtp_tls_CAfile='),
            )
          : c.args),
      ].join(' '),
    );
}

/** Files written outside the backup and state folders. */
function written(sys: FakeSystem): string[] {
  return sys.writes
    .map((w) => w.path)
    .filter((p) => !p.startsWith('/var/backups/') && !p.startsWith('/var/lib/postfix-gmail-wizard'));
}

async function setup(m: Machine, extra: string[] = []) {
  const run = await runCli(m.sys, [...headless, ...extra], { stdin: `${password}\n` });
  for (const call of m.sys.calls)
    assert.ok(!call.args.join(' ').includes(password) && !JSON.stringify(call.env ?? {}).includes(password));
  assert.ok(!run.stdout.includes(password) && !run.stderr.includes(password));
  return run;
}

/** The postconf -e batch, shown by its map and CA settings (the CA only where main.cf did not name it already). */
const relaySettings = (type: string, ca?: string) =>
  `postconf -e smtp_sasl_password_maps=${type}:/etc/postfix/sasl_passwd${ca ? ` smtp_tls_CAfile=${ca}` : ''}`;

describe('Gentoo (Portage, USE flags)', () => {
  it('OpenRC, Postfix built without sasl/ssl: appends to package.use (a file), re-emerges, reloads, then relays with hash maps', async () => {
    const m = machine('gentoo-openrc');
    const before = m.sys.text('/etc/portage/package.use');
    m.sys.on('emerge', () => {
      m.sys.put(
        '/var/db/pkg/mail-mta/postfix-3.10.8/USE',
        'abi_x86_64 amd64 berkdb eai elibc_glibc kernel_linux sasl ssl\n',
      );
      m.postfix!.outputs['postconf-A.txt'] = 'cyrus\n';
      plugins(m.sys, '/usr/lib64/sasl2', 'plain', 'login');
      return ok(
        '>>> Emerging (1 of 1) mail-mta/postfix-3.10.8::gentoo\n>>> Installing (1 of 1) mail-mta/postfix-3.10.8::gentoo\n',
      );
    });
    const run = await setup(m, ['--install']);
    assert.equal(run.exit, 0, run.stderr);
    assert.deepEqual(changes(m.sys), [
      'emerge --ask=n --oneshot --newuse mail-mta/postfix',
      'rc-service postfix reload',
      'postmap hash:/etc/postfix/sasl_passwd',
      relaySettings('hash', '/etc/ssl/certs/ca-certificates.crt'),
      'rc-service postfix reload',
    ]);
    assert.equal(
      m.sys.text('/etc/portage/package.use'),
      `${before}\n# Added by postfix-gmail-wizard: Postfix needs SASL (to log in to Gmail) and TLS (STARTTLS).\nmail-mta/postfix sasl ssl\n`,
    );
    assert.deepEqual(written(m.sys), [
      '/etc/portage/package.use',
      '/etc/postfix/sasl_passwd',
      '/etc/postfix/postfix-gmail-wizard.saved',
    ]);
    const manifests = [...m.sys.files.keys()].filter(
      (p) => p.startsWith('/var/backups/postfix-gmail-wizard/') && p.endsWith('/manifest.json'),
    );
    const installBackup = manifests.map((p) => JSON.parse(m.sys.text(p)!)).find((b) => b.reason === 'install');
    assert.deepEqual(
      installBackup?.entries.map((e: { path: string; existed: boolean }) => [e.path, e.existed]),
      [['/etc/portage/package.use', true]],
      'package.use is backed up before it is edited',
    );
    assert.match(run.stderr, /built without the USE flag\(s\) sasl ssl/);
    assert.match(run.stderr, /\+ mail-mta\/postfix sasl ssl/);

    // never twice: a second run finds sasl and ssl built in and installs nothing
    const calls = m.sys.calls.length;
    assert.equal((await setup(m, ['--install', '--no-test'])).exit, 0);
    assert.ok(!m.sys.calls.slice(calls).some((c) => c.file === 'emerge'));
    assert.equal(m.sys.text('/etc/portage/package.use')?.split('mail-mta/postfix sasl ssl').length, 2);
  });

  it('package.use that already asks for sasl ssl (rebuild pending) is left alone; only emerge runs', async () => {
    const m = machine('gentoo-openrc');
    m.sys.put('/etc/portage/package.use', '>=mail-mta/postfix-3.8 sasl ssl -ldap\n');
    m.sys.on('emerge', () => ok());
    const run = await setup(m, ['--dry-run']);
    assert.equal(run.exit, 1); // dry run: nothing built, so the missing SASL support stops it
    assert.match(run.stderr, /emerge --ask=n --oneshot --newuse mail-mta\/postfix/);
    assert.doesNotMatch(run.stderr, /Add to \/etc\/portage/);
    assert.deepEqual(changes(m.sys), []);
  });

  it('a failed emerge stops with the log tail and puts package.use back', async () => {
    const m = machine('gentoo-openrc');
    const before = m.sys.text('/etc/portage/package.use');
    m.sys.on('emerge', () => ({
      exitCode: 1,
      stdout: '>>> Compiling source\n',
      stderr: ' * ERROR: mail-mta/postfix-3.10.8::gentoo failed (compile phase):\n *   emake failed\n',
    }));
    const run = await setup(m, ['--install']);
    assert.equal(run.exit, 1);
    assert.equal(run.json?.error?.code, 'install-failed');
    assert.match(run.json?.error?.fix ?? '', /emake failed/);
    assert.match(run.json?.error?.fix ?? '', /\/var\/lib\/postfix-gmail-wizard\/logs\/install-\d{8}T\d{9}Z\.log/);
    assert.equal(m.sys.text('/etc/portage/package.use'), before);
    assert.ok(!m.sys.calls.some((c) => c.args.includes('-e')), 'main.cf untouched');
    assert.ok(!m.sys.files.has('/etc/postfix/sasl_passwd'));
  });

  it('systemd, sasl present, package.use a directory: nothing to install, lmdb maps, systemctl reload', async () => {
    const m = machine('gentoo-systemd');
    const run = await setup(m, ['--install']);
    assert.equal(run.exit, 0, run.stderr);
    assert.deepEqual(changes(m.sys), [
      'postmap lmdb:/etc/postfix/sasl_passwd',
      relaySettings('lmdb', '/etc/ssl/certs/ca-certificates.crt'),
      'systemctl reload postfix',
    ]);
    assert.ok(m.sys.files.has('/etc/postfix/sasl_passwd.lmdb'));
  });

  it('built with sasl but without ssl, and no --install: stops before changing anything, saying why', async () => {
    const m = machine('gentoo-systemd');
    m.sys.put(
      '/var/db/pkg/mail-mta/postfix-3.11.7/USE',
      'abi_x86_64 amd64 berkdb eai elibc_glibc kernel_linux lmdb sasl\n',
    );
    const run = await setup(m);
    assert.equal(run.exit, 1);
    assert.equal(run.json?.error?.code, 'postfix-without-tls');
    assert.match(run.stderr, /built without the USE flag\(s\) ssl/);
    assert.deepEqual(changes(m.sys), []);
    assert.deepEqual(written(m.sys), []);
  });

  it('systemd, USE without sasl, package.use a directory: writes its own file there', async () => {
    const m = machine('gentoo-systemd');
    m.sys.put(
      '/var/db/pkg/mail-mta/postfix-3.11.7/USE',
      'abi_x86_64 amd64 berkdb eai elibc_glibc kernel_linux lmdb ssl\n',
    );
    m.sys.put('/etc/portage/package.use/mail', 'mail-mta/postfix ssl\n');
    m.sys.on('emerge', () => ok());
    const run = await setup(m, ['--install', '--no-test']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(
      m.sys.text('/etc/portage/package.use/postfix-gmail-wizard'),
      '# Added by postfix-gmail-wizard: Postfix needs SASL (to log in to Gmail) and TLS (STARTTLS).\nmail-mta/postfix sasl ssl\n',
    );
    assert.equal(m.sys.text('/etc/portage/package.use/mail'), 'mail-mta/postfix ssl\n');
    assert.deepEqual(changes(m.sys).slice(0, 2), [
      'emerge --ask=n --oneshot --newuse mail-mta/postfix',
      'systemctl reload postfix',
    ]);
  });
});

describe('Debian family (apt)', () => {
  it('Debian 12 without Postfix: preseeded debconf, apt-get, started by its init script, then configured', async () => {
    const m = machine('debian-12', false);
    packageManager(m, 'apt-get', 'debian-12', {
      postfix: () => m.sys.put('/etc/init.d/postfix', '#!/bin/sh\n', 0o755),
    });
    const run = await setup(m, ['--install']);
    assert.equal(run.exit, 0, run.stderr);
    assert.deepEqual(changes(m.sys), [
      'debconf-set-selections',
      'apt-get install -y --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold postfix',
      '/etc/init.d/postfix start',
      'postmap hash:/etc/postfix/sasl_passwd',
      relaySettings('hash', '/etc/ssl/certs/ca-certificates.crt'),
      '/etc/init.d/postfix reload',
    ]);
    assert.equal(
      m.sys.calls.find((c) => c.file === 'debconf-set-selections')?.input,
      'postfix postfix/main_mailer_type select Local only\n',
    );
    assert.deepEqual(m.sys.calls.find((c) => c.file === 'apt-get')?.env, { DEBIAN_FRONTEND: 'noninteractive' });
    assert.equal(run.json?.result, 'delivered');
  });

  it('Ubuntu 24.04 without libsasl2-modules: installs it, reloads through systemd, then configures', async () => {
    const m = machine('ubuntu-24.04');
    packageManager(
      m,
      'apt-get',
      'ubuntu-24.04',
      { 'libsasl2-modules': () => plugins(m.sys, '/usr/lib/x86_64-linux-gnu/sasl2', 'plain', 'login') },
      'Setting up libsasl2-modules:amd64 (2.1.28+dfsg1-5ubuntu3.1) ...\n',
    );
    const ui = new ScriptedUi([], false);
    const run = await runCli(m.sys, [...headless, '--install'], { stdin: `${password}\n`, ui });
    assert.equal(run.exit, 0, ui.transcript);
    assert.deepEqual(changes(m.sys), [
      'apt-get install -y --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold libsasl2-modules',
      'systemctl reload postfix',
      'postmap hash:/etc/postfix/sasl_passwd',
      relaySettings('hash', '/etc/ssl/certs/ca-certificates.crt'),
      'systemctl reload postfix',
    ]);
    const log = ui.shown.find((l) => l.includes('/logs/install-'))?.match(/(\/\S+\.log)/)?.[1];
    assert.ok(log && m.sys.text(log)?.includes('Setting up libsasl2-modules'), 'the full output is in the log shown');
    assert.equal(m.sys.files.get(log)?.mode, 0o600);
    assert.ok(
      ui.shown.includes('progress: apt-get: Setting up libsasl2-modules:amd64 (2.1.28+dfsg1-5ubuntu3.1) ...'),
      ui.transcript,
    );
  });

  it('without --install and without a terminal: says how, installs nothing, names the package', async () => {
    const m = machine('ubuntu-24.04');
    const run = await setup(m);
    assert.equal(run.exit, 1);
    assert.equal(run.json?.error?.code, 'sasl-plugins-missing');
    assert.match(run.stderr, /--install/);
    assert.deepEqual(changes(m.sys), []);
  });

  it('interactive: the install is offered, and declining it installs nothing', async () => {
    const m = machine('ubuntu-24.04');
    const ui = new ScriptedUi([false]);
    const run = await runCli(m.sys, ['--no-keychain'], { ui });
    assert.equal(run.exit, 1);
    assert.deepEqual(ui.asked, ['Install now?']);
    assert.deepEqual(changes(m.sys), []);
  });

  it('a failed apt-get stops with the log tail and changes nothing else', async () => {
    const m = machine('ubuntu-24.04');
    m.sys.on('apt-get', () => ({
      exitCode: 100,
      stdout: 'Reading package lists...\n',
      stderr: 'E: Unable to locate package libsasl2-modules\n',
    }));
    const run = await setup(m, ['--install']);
    assert.equal(run.exit, 1);
    assert.equal(run.json?.error?.code, 'install-failed');
    assert.match(run.json?.error?.fix ?? '', /E: Unable to locate package libsasl2-modules/);
    assert.deepEqual(written(m.sys), []);
    assert.ok(!m.sys.calls.some((c) => c.file === 'systemctl' || c.args.includes('-e')));
  });
});

describe('RHEL family (dnf)', () => {
  it('Fedora 42 without cyrus-sasl-plain: dnf installs it, systemctl reload, hash maps', async () => {
    const m = machine('fedora-42');
    packageManager(m, 'dnf', 'fedora-42', {
      'cyrus-sasl-plain': () => plugins(m.sys, '/usr/lib64/sasl2', 'plain', 'login'),
    });
    const run = await setup(m, ['--install']);
    assert.equal(run.exit, 0, run.stderr);
    assert.deepEqual(changes(m.sys), [
      'dnf install -y cyrus-sasl-plain',
      'systemctl reload postfix',
      'postmap hash:/etc/postfix/sasl_passwd',
      relaySettings('hash'),
      'systemctl reload postfix',
    ]);
  });

  it('Rocky 9 without Postfix: dnf installs postfix and cyrus-sasl-plain, systemctl start, then configured', async () => {
    const m = machine('rocky-9', false);
    packageManager(m, 'dnf', 'rocky-9', {
      'cyrus-sasl-plain': () => plugins(m.sys, '/usr/lib64/sasl2', 'plain', 'login'),
    });
    const run = await setup(m, ['--install']);
    assert.equal(run.exit, 0, run.stderr);
    assert.deepEqual(changes(m.sys), [
      'dnf install -y postfix cyrus-sasl-plain',
      'systemctl start postfix',
      'postmap hash:/etc/postfix/sasl_passwd',
      relaySettings('hash'),
      'systemctl reload postfix',
    ]);
  });

  it('AlmaLinux 10 (no Berkeley DB): default_database_type lmdb gives lmdb: maps and a .lmdb file', async () => {
    const m = machine('almalinux-10');
    const run = await setup(m, ['--install']);
    assert.equal(run.exit, 0, run.stderr);
    assert.deepEqual(changes(m.sys), [
      'postmap lmdb:/etc/postfix/sasl_passwd',
      relaySettings('lmdb'),
      'systemctl reload postfix',
    ]);
    assert.equal(m.sys.files.get('/etc/postfix/sasl_passwd.lmdb')?.mode, 0o600);
    assert.ok(!m.sys.files.has('/etc/postfix/sasl_passwd.db'));
  });

  it('AlmaLinux 10 with postfix-lmdb missing (lmdb not in postconf -m): dnf installs it first', async () => {
    const m = machine('almalinux-10');
    m.postfix!.outputs['postconf-m.txt'] =
      'cidr\nenviron\nfail\ninline\ninternal\nmemcache\npipemap\nproxy\nrandmap\nregexp\nsocketmap\nstatic\ntcp\ntexthash\nunionmap\nunix\n';
    packageManager(m, 'dnf', 'almalinux-10', { 'postfix-lmdb': () => delete m.postfix!.outputs['postconf-m.txt'] });
    const run = await setup(m, ['--install', '--no-test']);
    assert.equal(run.exit, 0, run.stderr);
    assert.deepEqual(changes(m.sys).slice(0, 4), [
      'dnf install -y postfix-lmdb',
      'systemctl reload postfix',
      'postmap lmdb:/etc/postfix/sasl_passwd',
      relaySettings('lmdb'),
    ]);
  });
});

describe('Arch, Alpine, openSUSE, macOS', () => {
  it('Arch: everything present (libsasl is a dependency), hash maps, systemctl reload', async () => {
    const m = machine('arch');
    const run = await setup(m, ['--install']);
    assert.equal(run.exit, 0, run.stderr);
    assert.deepEqual(changes(m.sys), [
      'postmap hash:/etc/postfix/sasl_passwd',
      relaySettings('hash', '/etc/ssl/certs/ca-certificates.crt'),
      'systemctl reload postfix',
    ]);
  });

  it('Alpine (OpenRC) without the SASL plugins: apk add, rc-service reload, lmdb maps', async () => {
    const m = machine('alpine-3.23');
    packageManager(m, 'apk', 'alpine-3.23', {
      'cyrus-sasl-login': () => plugins(m.sys, '/usr/lib/sasl2', 'login'),
      'cyrus-sasl-plain': () => plugins(m.sys, '/usr/lib/sasl2', 'plain'),
    });
    const run = await setup(m, ['--install']);
    assert.equal(run.exit, 0, run.stderr);
    assert.deepEqual(changes(m.sys), [
      'apk add --no-progress cyrus-sasl-login cyrus-sasl-plain',
      'rc-service postfix reload',
      'postmap lmdb:/etc/postfix/sasl_passwd',
      relaySettings('lmdb', '/etc/ssl/certs/ca-certificates.crt'),
      'rc-service postfix reload',
    ]);
  });

  it('openSUSE Leap: LOGIN comes with cyrus-sasl, lmdb maps, /etc/ssl/ca-bundle.pem, systemctl reload', async () => {
    const m = machine('opensuse-leap-15');
    const run = await setup(m, ['--install']);
    assert.equal(run.exit, 0, run.stderr);
    assert.deepEqual(changes(m.sys), [
      'postmap lmdb:/etc/postfix/sasl_passwd',
      relaySettings('lmdb', '/etc/ssl/ca-bundle.pem'),
      'systemctl reload postfix',
    ]);
  });

  it('openSUSE Leap without any plugin: zypper installs cyrus-sasl and cyrus-sasl-plain', async () => {
    const m = machine('opensuse-leap-15');
    for (const path of [...m.sys.files.keys()]) if (path.includes('/sasl2/')) m.sys.files.delete(path);
    packageManager(m, 'zypper', 'opensuse-leap-15', {
      'cyrus-sasl-plain': () => plugins(m.sys, '/usr/lib64/sasl2', 'plain', 'login'),
    });
    const run = await setup(m, ['--install', '--no-test']);
    assert.equal(run.exit, 0, run.stderr);
    assert.equal(changes(m.sys)[0], 'zypper --non-interactive install --no-recommends cyrus-sasl cyrus-sasl-plain');
  });

  it('macOS: the system Postfix, no os-release (SystemVersion.plist), hash maps, postfix reload; nothing to install', async () => {
    const m = machine('macos-11');
    const run = await setup(m, ['--install', '--no-test']);
    assert.equal(run.exit, 0, run.stderr);
    assert.match(run.stderr, /macOS 11\.3: Postfix 3\.2\.2/);
    assert.deepEqual(changes(m.sys), [
      'postmap hash:/etc/postfix/sasl_passwd',
      relaySettings('hash', '/etc/ssl/cert.pem'),
      'postfix reload',
    ]);
  });

  it('macOS without SASL plugins: no package to install, the manual step is named', async () => {
    const m = machine('macos-11');
    for (const path of [...m.sys.files.keys()]) if (path.includes('/sasl2/')) m.sys.files.delete(path);
    const run = await setup(m, ['--install']);
    assert.equal(run.exit, 1);
    assert.equal(run.json?.error?.code, 'sasl-plugins-missing');
    assert.deepEqual(changes(m.sys), []);
  });
});
