// Parsers of postconf/master.cf/os-release output, fed with real output captured on Debian 12.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseOsRelease } from '../../../src/distro/os-release.js';
import { distroFor } from '../../../src/distro/index.js';
import { smtpListeners } from '../../../src/postfix/master.js';
import { parseMapReference, parsePostconf } from '../../../src/postfix/postconf.js';
import { readPasswordMapAccount } from '../../../src/postfix/password-map.js';
import { diffLines } from '../../../src/ui/diff.js';
import { repoPath } from '../../support/paths.js';

const fixture = (...p: string[]) => readFileSync(repoPath('test', 'fixtures', 'debian-12', ...p), 'utf8');

describe('postconf output', () => {
  it('reads every default of a real `postconf -d`', () => {
    const s = parsePostconf(fixture('commands', 'postconf-d.txt'));
    assert.equal(s.default_database_type, 'hash');
    assert.equal(s.mail_version, '3.7.11');
    assert.equal(s.relayhost, '');
    assert.ok(Object.keys(s).length > 900);
  });
  it('splits a map reference', () => {
    assert.deepEqual(parseMapReference('hash:/etc/postfix/sasl_passwd'), { type: 'hash', path: '/etc/postfix/sasl_passwd' });
    assert.deepEqual(parseMapReference('lmdb:/etc/postfix/sasl_passwd, hash:/x'), { type: 'lmdb', path: '/etc/postfix/sasl_passwd' });
    assert.equal(parseMapReference(''), undefined);
  });
});

describe('master.cf listeners', () => {
  it('finds the port-25 smtpd of a stock Debian master.cf', () => {
    assert.deepEqual(smtpListeners(fixture('commands', 'postconf-M.txt'), 'loopback-only'), [{ host: '127.0.0.1', port: 25 }]);
  });
  it('reads host:port services and skips wrapper-mode ones', () => {
    const m = '127.0.0.1:2525 inet  n - y - - smtpd\nsmtps inet n - y - - smtpd -o smtpd_tls_wrappermode=yes\n';
    assert.deepEqual(smtpListeners(m, 'all'), [{ host: '127.0.0.1', port: 2525 }]);
  });
});

describe('os-release', () => {
  it('identifies Debian 12 from the real file', () => {
    const os = parseOsRelease(fixture('root', 'etc', 'os-release'));
    assert.equal(os.id, 'debian');
    assert.equal(os.versionId, '12');
    assert.equal(distroFor(os).name, 'debian');
  });
  it('falls back through ID_LIKE, then to generic', () => {
    assert.equal(distroFor(parseOsRelease('ID=linuxmint\nID_LIKE="ubuntu debian"')).name, 'debian');
    assert.equal(distroFor(parseOsRelease('ID=plan9')).name, 'generic');
  });
});

describe('password map', () => {
  it('finds the account for the relayhost and nothing else', () => {
    const text = '# comment\n[smtp.gmail.com]:587 someone@gmail.com:secretsecret\n';
    assert.equal(readPasswordMapAccount(text, '[smtp.gmail.com]:587'), 'someone@gmail.com');
  });
});

describe('diffLines', () => {
  it('marks removed and added lines', () => {
    assert.deepEqual(diffLines('a\nb\nc\n', 'a\nx\nc\n'), ['  a', '- b', '+ x', '  c']);
    assert.deepEqual(diffLines('', 'new\n'), ['+ new']);
  });
});
