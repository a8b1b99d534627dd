// master.cf's smtpd listeners, from real `postconf -M` output captured on Debian 12.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { smtpListeners } from '../../../src/postfix/master.js';
import { repoPath } from '../../support/paths.js';

const fixture = (...p: string[]) => readFileSync(repoPath('test', 'fixtures', 'debian-12', ...p), 'utf8');

describe('master.cf listeners', () => {
  it('finds the port-25 smtpd of a stock Debian master.cf', () => {
    assert.deepEqual(smtpListeners(fixture('commands', 'postconf-M.txt'), 'loopback-only'), [
      { host: '127.0.0.1', port: 25 },
    ]);
  });
  it('reads host:port services and skips wrapper-mode ones', () => {
    const m = '127.0.0.1:2525 inet  n - y - - smtpd\nsmtps inet n - y - - smtpd -o smtpd_tls_wrappermode=yes\n';
    assert.deepEqual(smtpListeners(m, 'all'), [{ host: '127.0.0.1', port: 2525 }]);
  });
});
